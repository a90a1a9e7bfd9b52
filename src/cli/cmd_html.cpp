// pubview html: the bundle as a static HTML list with schema.org JSON-LD
// (core/present/static_list.h), to put inside the widget's element for visitors
// without JavaScript and for crawlers.
#include "cli/bundle_file.h"
#include "cli/commands.h"

#include "core/present/static_list.h"

#include <charconv>
#include <iostream>

namespace pv::cli {

namespace {

constexpr const char* kUsage =
    "usage: pubview html FILE [--kind publication|job] [--heading 2..6] [--height CSS] [--lang TAG] [-o OUT]\n";

}  // namespace

int html(const Args& args) {
    std::vector<std::string> inputs;
    std::string output = "-";
    StaticListOptions options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool has_value = i + 1 < args.size();
        if (a == "-o" && has_value) {
            output = args[++i];
        } else if (a == "--kind" && has_value) {
            const std::optional<Kind> kind = kind_option(args[++i]);
            if (!kind) return 2;
            options.kind = *kind;
        } else if (a == "--heading" && has_value) {
            const std::string& n = args[++i];
            auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), options.heading_level);
            if (ec != std::errc() || end != n.data() + n.size() || options.heading_level < 2 || options.heading_level > 6) {
                std::cerr << "pubview: --heading takes a level from 2 to 6\n";
                return 2;
            }
        } else if (a == "--height" && has_value) {
            options.height = args[++i];
            if (!is_css_height(options.height)) {
                std::cerr << "pubview: --height takes a CSS height such as 600px or calc(100vh - 130px)\n";
                return 2;
            }
        } else if (a == "--lang" && has_value) {
            const std::optional<Language> language = language_from_tag(args[++i]);
            if (!language) { std::cerr << "pubview: --lang takes en, de, es, fr, zh-Hans, ja or ar\n"; return 2; }
            options.language = *language;
        } else {
            inputs.push_back(a);
        }
    }
    if (inputs.size() != 1) {
        std::cerr << kUsage;
        return 2;
    }
    const std::optional<LoadResult> loaded = load_bundle_file(inputs.front());
    if (!loaded) return 2;
    if (!write_file(output, static_list_html(loaded->bundle, options))) return 2;
    return 0;
}

}  // namespace pv::cli
