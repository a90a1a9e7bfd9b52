// pubview feed: a bundle's publications or jobs as RSS 2.0, Atom or JSON Feed
// 1.1 (core/present/feed.h), for people who follow a list in a feed reader.
#include "cli/bundle_file.h"
#include "cli/commands.h"

#include "core/present/feed.h"

#include <chrono>
#include <ctime>
#include <iostream>

namespace pv::cli {

namespace {

constexpr const char* kUsage =
    "usage: pubview feed FILE --kind job|publication --format rss|atom|json -o OUT [--base-url URL] [--updated TIME]\n";

std::string now_rfc3339() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

int usage_error(const char* message) {
    std::cerr << "pubview: " << message << '\n' << kUsage;
    return 2;
}

}  // namespace

int feed(const Args& args) {
    std::vector<std::string> inputs;
    std::string output;
    bool kind_given = false, format_given = false;
    FeedOptions options;
    options.updated = now_rfc3339();
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool has_value = i + 1 < args.size();
        if (a == "-o" && has_value) {
            output = args[++i];
        } else if (a == "--kind" && has_value) {
            const std::optional<Kind> kind = kind_option(args[++i]);
            if (!kind) { std::cerr << kUsage; return 2; }
            options.kind = *kind;
            kind_given = true;
        } else if (a == "--format" && has_value) {
            const std::string& f = args[++i];
            if (f != "rss" && f != "atom" && f != "json") return usage_error("--format takes rss, atom or json");
            options.format = f == "rss" ? FeedFormat::rss : f == "atom" ? FeedFormat::atom : FeedFormat::json;
            format_given = true;
        } else if (a == "--base-url" && has_value) {
            options.base_url = args[++i];
            const bool web = options.base_url.rfind("http://", 0) == 0 || options.base_url.rfind("https://", 0) == 0;
            if (!web || !is_safe_url(options.base_url, LinkSchemes::web))
                return usage_error("--base-url takes an http or https address without spaces or quotes");
        } else if (a == "--updated" && has_value) {
            options.updated = args[++i];
            if (!is_feed_time(options.updated)) return usage_error("--updated takes a UTC time such as 2026-11-29T21:30:00Z");
        } else if (a.size() > 1 && a.front() == '-') {
            std::cerr << "pubview: feed: unknown option or missing value: " << a << '\n' << kUsage;
            return 2;
        } else {
            inputs.push_back(a);
        }
    }
    if (inputs.size() != 1) return usage_error("feed takes one bundle FILE");
    if (!kind_given) return usage_error("feed needs --kind job or --kind publication");
    if (!format_given) return usage_error("feed needs --format rss, atom or json");
    if (output.empty()) return usage_error("feed needs -o OUT (- for standard output)");
    if (output != "-") options.file_name = output.substr(output.find_last_of('/') + 1);
    const std::optional<LoadResult> loaded = load_bundle_file(inputs.front());
    if (!loaded) return 2;
    if (!write_file(output, pv::feed(loaded->bundle, options))) return 2;
    return 0;
}

}  // namespace pv::cli
