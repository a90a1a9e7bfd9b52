// pubview ui-text: one language's phrases of the interface as JSON
// (core/present/ui_text.h), the file the widget fetches for that language;
// the web build writes one per language beside pubview.js.
#include "cli/bundle_file.h"
#include "cli/commands.h"

#include "core/present/ui_text.h"

#include <iostream>

namespace pv::cli {

int ui_text(const Args& args) {
    std::string output = "-";
    std::string tag;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "-o" && i + 1 < args.size()) output = args[++i];
        else tag = args[i];
    }
    const std::optional<Language> language = language_from_tag(tag);
    if (!language) {
        std::cerr << "usage: pubview ui-text en|de|es|fr|zh-Hans|ja|ar [-o OUT.json]\n";
        return 2;
    }
    return write_file(output, ui_text_json(*language)) ? 0 : 2;
}

}  // namespace pv::cli
