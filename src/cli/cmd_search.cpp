#include "cli/bundle_file.h"
#include "cli/commands.h"
#include "cli/precompress.h"
#include "core/search/search_index.h"
#include "core/shards/shard_layout.h"
#include "core/shards/shard_reader.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <filesystem>
#include <functional>
#include <iostream>

namespace pv::cli {

namespace {

namespace fs = std::filesystem;

nlohmann::json ranges(const std::vector<Highlight>& highlights) {
    nlohmann::json out = nlohmann::json::array();
    for (const Highlight& h : highlights) out.push_back({h.begin, h.end});
    return out;
}

// The files of a sharded bundle's folder on disk: each as it is, or as the
// .gz copy that `pubview shard` writes in its place.
class FolderShards final : public shards::ShardSource {
public:
    explicit FolderShards(fs::path folder) : folder_(std::move(folder)) {}
    std::optional<std::string> fetch(const std::string& name, std::string& why) override {
        std::error_code error;
        const fs::path path = folder_ / name;
        if (fs::is_regular_file(path, error)) return readable(read_file(path.string()), why);
        const fs::path gzipped = folder_ / (name + ".gz");
        if (!fs::is_regular_file(gzipped, error)) {
            why = "there is no such file in " + folder_.string();
            return std::nullopt;
        }
        if (!can_gunzip()) {
            why = "there is only its .gz copy, which this build cannot read (it has no libdeflate)";
            return std::nullopt;
        }
        std::optional<std::string> bytes = readable(read_file(gzipped.string()), why);
        if (!bytes) return std::nullopt;
        std::optional<std::string> plain = gunzip(*bytes);
        if (!plain) why = "its .gz copy is not intact gzip";
        return plain;
    }

private:
    static std::optional<std::string> readable(std::optional<std::string> bytes, std::string& why) {
        if (!bytes) why = "it cannot be read";
        return bytes;
    }
    fs::path folder_;
};

std::optional<FacetField> facet_named(std::string_view name) {
    for (std::size_t f = 0; f < kFacetFieldCount; ++f)
        if (name == facet_field_name(static_cast<FacetField>(f))) return static_cast<FacetField>(f);
    return std::nullopt;
}

std::optional<SortOrder> sort_named(std::string_view name) {
    if (name == "relevance") return SortOrder::relevance;
    if (name == "rank") return SortOrder::rank;
    if (name == "year") return SortOrder::year;
    if (name == "title") return SortOrder::title;
    return std::nullopt;
}

int print(const SearchResult& result, const std::function<const Entry&(std::uint32_t)>& entry_of, bool as_json,
          bool with_facets) {
    if (as_json) {
        nlohmann::json out = {{"total", result.total}, {"results", nlohmann::json::array()}};
        if (result.fallback) out["fallback"] = true;
        if (!result.hints.empty()) out["hints"] = result.hints;
        for (const Hit& hit : result.hits) {
            const Entry& e = entry_of(hit.entry);
            out["results"].push_back({{"id", e.id}, {"kind", kind_name(e.kind)}, {"title", e.title}, {"score", hit.score},
                                      {"highlights", {{"title", ranges(hit.title)}, {"body", ranges(hit.body)}}}});
        }
        if (with_facets) {
            nlohmann::json facets = nlohmann::json::object();
            for (const Facet& facet : result.facets) {
                nlohmann::json values = nlohmann::json::array();
                for (const FacetValue& v : facet.values) values.push_back({v.value, v.count, v.selected});
                facets[facet_field_name(facet.field)] = std::move(values);
            }
            out["facets"] = std::move(facets);
        }
        std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        return 0;
    }
    for (const std::string& hint : result.hints) std::cerr << "hint: " << hint << '\n';
    std::cout << result.total << (result.fallback ? " close matches" : " results") << '\n';
    for (const Hit& hit : result.hits) {
        const Entry& e = entry_of(hit.entry);
        std::cout << e.id << '\t' << kind_name(e.kind) << '\t' << e.title << '\n';
    }
    return 0;
}

}  // namespace

int search(const Args& args) {
    std::vector<std::string> positional;
    SearchRequest request;
    bool as_json = false;
    bool facets_asked = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--json") {
            as_json = true;
        } else if (a == "--facets") {
            facets_asked = true;
        } else if (a == "--kind" && i + 1 < args.size()) {
            const std::optional<Kind> kind = kind_option(args[++i]);
            if (!kind) return 2;
            request.kind = *kind;
        } else if (a == "--filter" && i + 1 < args.size()) {
            const std::string& filter = args[++i];
            const std::size_t equals = filter.find('=');
            const std::optional<FacetField> field = facet_named(std::string_view(filter).substr(0, equals));
            if (equals == std::string::npos || !field) {
                std::cerr << "pubview: --filter takes FACET=VALUE, FACET one of kind, year, venue, author, tag, country, city, team, type\n";
                return 2;
            }
            request.filters[*field].push_back(filter.substr(equals + 1));
        } else if (a == "--sort" && i + 1 < args.size()) {
            const std::optional<SortOrder> sort = sort_named(args[++i]);
            if (!sort) { std::cerr << "pubview: --sort takes relevance, rank, year or title\n"; return 2; }
            request.sort = *sort;
        } else if (a == "--limit" && i + 1 < args.size()) {
            const std::string& n = args[++i];
            auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), request.limit);
            if (ec != std::errc() || end != n.data() + n.size()) { std::cerr << "pubview: --limit takes a number\n"; return 2; }
        } else {
            positional.push_back(a);
        }
    }
    if (positional.size() != 2) {
        std::cerr << "usage: pubview search FILE|DIR QUERY [--kind publication|job] [--filter FACET=VALUE ...] "
                     "[--sort relevance|rank|year|title] [--limit N] [--json [--facets]]\n";
        return 2;
    }
    const bool with_facets = facets_asked && as_json;
    request.facets = with_facets;
    request.query = positional[1];

    // A sharded bundle: its folder, or its manifest.
    fs::path path(positional[0]);
    std::error_code error;
    if (path.filename() == shards::kManifestName) path = path.parent_path();
    if (fs::is_directory(path, error)) {
        FolderShards files(path);
        std::string why;
        const std::unique_ptr<shards::ShardedBundle> sharded = shards::ShardedBundle::open(files, why);
        if (!sharded) { std::cerr << "pubview: " << (path / why).string() << '\n'; return 2; }
        const SearchResult result = sharded->search(request);
        return print(result, [&](std::uint32_t id) -> const Entry& { return sharded->entry(id); }, as_json, with_facets);
    }
    const std::optional<IndexedBundle> opened = open_bundle_file(positional[0]);
    if (!opened) return 2;
    const Bundle& bundle = opened->loaded->bundle;
    const SearchResult result = opened->index->search(request);
    return print(result, [&](std::uint32_t id) -> const Entry& { return bundle.entries[id]; }, as_json, with_facets);
}

}  // namespace pv::cli
