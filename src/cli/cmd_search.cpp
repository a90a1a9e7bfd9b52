#include "cli/bundle_file.h"
#include "cli/commands.h"
#include "core/search/search_index.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <iostream>

namespace pv::cli {

namespace {

nlohmann::json ranges(const std::vector<Highlight>& highlights) {
    nlohmann::json out = nlohmann::json::array();
    for (const Highlight& h : highlights) out.push_back({h.begin, h.end});
    return out;
}

}  // namespace

int search(const Args& args) {
    std::vector<std::string> positional;
    SearchRequest request;
    bool as_json = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--json") {
            as_json = true;
        } else if (a == "--kind" && i + 1 < args.size()) {
            const std::optional<Kind> kind = kind_from_name(args[++i]);
            if (!kind) { std::cerr << "pubview: --kind takes publication or job\n"; return 2; }
            request.kind = *kind;
        } else if (a == "--limit" && i + 1 < args.size()) {
            const std::string& n = args[++i];
            auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), request.limit);
            if (ec != std::errc() || end != n.data() + n.size()) { std::cerr << "pubview: --limit takes a number\n"; return 2; }
        } else {
            positional.push_back(a);
        }
    }
    if (positional.size() != 2) {
        std::cerr << "usage: pubview search FILE QUERY [--kind publication|job] [--limit N] [--json]\n";
        return 2;
    }
    const std::optional<IndexedBundle> opened = open_bundle_file(positional[0]);
    if (!opened) return 2;
    request.query = positional[1];
    request.facets = false;
    const Bundle& bundle = opened->loaded->bundle;
    const SearchResult result = opened->index->search(request);

    if (as_json) {
        nlohmann::json out = {{"total", result.total}, {"results", nlohmann::json::array()}};
        if (result.fallback) out["fallback"] = true;
        if (!result.hints.empty()) out["hints"] = result.hints;
        for (const Hit& hit : result.hits) {
            const Entry& e = bundle.entries[hit.entry];
            out["results"].push_back({{"id", e.id}, {"kind", kind_name(e.kind)}, {"title", e.title}, {"score", hit.score},
                                      {"highlights", {{"title", ranges(hit.title)}, {"body", ranges(hit.body)}}}});
        }
        std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        return 0;
    }
    for (const std::string& hint : result.hints) std::cerr << "hint: " << hint << '\n';
    std::cout << result.total << (result.fallback ? " close matches" : " results") << '\n';
    for (const Hit& hit : result.hits) {
        const Entry& e = bundle.entries[hit.entry];
        std::cout << e.id << '\t' << kind_name(e.kind) << '\t' << e.title << '\n';
    }
    return 0;
}

}  // namespace pv::cli
