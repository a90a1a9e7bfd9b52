// A sharded bundle's search engine for a Web Worker (and Node): the core's
// ShardedBundle over files that JavaScript fetches. A search cannot wait for
// the network, so the files come in rounds (docs/DESIGN.md, "Sharded bundles
// in the browser"): a search notes every file it asks for that is not here,
// web/pubview-shards-wrapper.js fetches them all at once, puts them here and
// searches again, until a search asks for nothing new.
#include "core/model/bundle.h"
#include "core/shards/shard_reader.h"

#include <emscripten/emscripten.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>
#include <string>

namespace {

using Json = nlohmann::json;

// The files JavaScript has fetched, or could not, by name.
class PageShards final : public pv::shards::ShardSource {
public:
    std::optional<std::string> fetch(const std::string& name, std::string& why) override {
        if (auto it = here_.find(name); it != here_.end()) {
            std::string bytes = std::move(it->second);  // the bundle keeps what it is given
            here_.erase(it);
            return bytes;
        }
        if (auto it = missing_.find(name); it != missing_.end()) { why = it->second; return std::nullopt; }
        asked_.insert(name);
        why = "it has not been fetched yet";
        return std::nullopt;
    }
    bool arriving(const std::string& name) const override { return !missing_.count(name); }

    // Room for a file's bytes, which the caller writes in before the next search.
    char* room(const std::string& name, std::size_t size) {
        asked_.erase(name);
        std::string& bytes = here_[name];
        bytes.assign(size, '\0');
        return bytes.data();
    }
    void missing(std::string name, std::string why) { asked_.erase(name); missing_[std::move(name)] = std::move(why); }
    const std::set<std::string>& asked() const { return asked_; }
    void forget_asked() { asked_.clear(); }

private:
    std::map<std::string, std::string> here_;
    std::map<std::string, std::string> missing_;
    std::set<std::string> asked_;
};

struct Shards {
    PageShards files;
    std::unique_ptr<pv::shards::ShardedBundle> bundle;
    std::string text;  // the last answer, kept until the next call
};

std::optional<pv::SortOrder> sort_named(const std::string& name) {
    if (name.empty() || name == "relevance") return pv::SortOrder::relevance;
    if (name == "rank") return pv::SortOrder::rank;
    if (name == "year") return pv::SortOrder::year;
    if (name == "title") return pv::SortOrder::title;
    return std::nullopt;
}

std::uint32_t kind_count(const pv::SearchResult& result, std::string_view kind) {
    for (const pv::Facet& facet : result.facets)
        if (facet.field == pv::FacetField::kind)
            for (const pv::FacetValue& value : facet.values)
                if (value.value == kind) return value.count;
    return 0;
}

// A request's string field, empty when absent or not a string.
std::string text_of(const Json& request, const char* key) {
    auto it = request.find(key);
    return it != request.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const char* keep(Shards* shards, const Json& answer) {
    shards->text = answer.dump(-1, ' ', false, Json::error_handler_t::replace);
    return shards->text.c_str();
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE Shards* pv_shards_new() { return new Shards(); }
EMSCRIPTEN_KEEPALIVE void pv_shards_free(Shards* shards) { delete shards; }

// Where JavaScript copies a file it fetched (its bytes decompressed), at once:
// the bytes are in the heap once, not in a buffer of its own and then a copy
// (at a million entries the tables are 20 MB, the facets 65). Null when the
// heap cannot hold them.
EMSCRIPTEN_KEEPALIVE char* pv_shards_file_room(Shards* shards, const char* name, int size) {
    const auto bytes = static_cast<std::size_t>(size);
    if (void* probe = std::malloc(std::max<std::size_t>(bytes, 1))) std::free(probe);  // the string's block, next
    else return nullptr;
    return shards->files.room(name, bytes);
}
// A file JavaScript could not fetch, and why.
EMSCRIPTEN_KEEPALIVE void pv_shards_missing(Shards* shards, const char* name, const char* why) {
    shards->files.missing(name, why);
}

// The files the last call asked for and does not have, as a JSON array of names.
EMSCRIPTEN_KEEPALIVE const char* pv_shards_asked(Shards* shards) {
    return keep(shards, Json(shards->files.asked()));
}

// Opens the bundle once its manifest and tables are put. Returns a JSON
// string: empty, or why it cannot be opened (naming the file).
EMSCRIPTEN_KEEPALIVE const char* pv_shards_open(Shards* shards) {
    std::string error;
    shards->bundle = pv::shards::ShardedBundle::open(shards->files, error);
    if (shards->bundle) error.clear();
    return keep(shards, error);
}

// Reads the tables once they came (after the first rows file) and no search
// runs, so that the first search with words does not read them.
EMSCRIPTEN_KEEPALIVE void pv_shards_tables_came(Shards* shards) {
    if (shards->bundle) shards->bundle->have_tables();
}

// {"title", "description", "entries", "publications", "jobs"}: what the panel
// shows before any search (the counts come from the tables alone).
EMSCRIPTEN_KEEPALIVE const char* pv_shards_header(Shards* shards) {
    const pv::Bundle& header = shards->bundle->header();
    pv::SearchRequest everything;
    everything.limit = 0;
    everything.facet_fields = pv::facet_bit(pv::FacetField::kind);
    const pv::SearchResult counted = shards->bundle->search(everything);
    return keep(shards, {{"title", header.title}, {"description", header.description},
                         {"entries", shards->bundle->entry_count()},
                         {"publications", kind_count(counted, "publication")}, {"jobs", kind_count(counted, "job")}});
}

// request: {"query", "kind": "publication"|"job"|null, "sort": "relevance"|"rank"|"year"|"title", "limit",
// "open": the ids of rows the panel shows open}. Answers {"total", "fallback", "hints", "publications",
// "jobs", "hits": [{"entry", "id", "score"}], "bundle": the hits' rows as a bundle's JSON text, in rank
// order: what a collapsed row shows, the whole entry for an open one}. The
// answer is final only when pv_shards_asked() is empty afterwards; until then
// it has no hits (their rows are fetched once the hits are final).
EMSCRIPTEN_KEEPALIVE const char* pv_shards_search(Shards* shards, const char* request_json) {
    shards->files.forget_asked();  // what an earlier, superseded search asked for is not this one's
    const Json request = Json::parse(request_json, nullptr, false);
    if (!request.is_object()) return keep(shards, {{"error", "the request is not a JSON object"}});
    pv::SearchRequest search;
    search.query = text_of(request, "query");
    const std::string kind = text_of(request, "kind");
    if (kind == "publication") search.kind = pv::Kind::publication;
    else if (kind == "job") search.kind = pv::Kind::job;
    else if (!kind.empty()) return keep(shards, {{"error", "kind is \"publication\" or \"job\", not \"" + kind + "\""}});
    const std::optional<pv::SortOrder> sort = sort_named(text_of(request, "sort"));
    if (!sort) return keep(shards, {{"error", "sort is \"relevance\", \"rank\", \"year\" or \"title\""}});
    search.sort = *sort;
    auto limit = request.find("limit");
    search.limit = limit != request.end() && limit->is_number_unsigned() ? limit->get<std::size_t>() : 10;
    search.facet_fields = pv::facet_bit(pv::FacetField::kind);  // the kind switch's counts
    search.highlights = false;  // the page marks the rows it draws
    const pv::SearchResult result = shards->bundle->search(search);
    // Hits scored while files are still on their way are not the answer (the
    // next round's may be others): their rows files are not fetched.
    const bool scored = shards->files.asked().empty();

    std::set<std::string> open;
    if (auto ids = request.find("open"); ids != request.end() && ids->is_array())
        for (const Json& id : *ids)
            if (id.is_string()) open.insert(id.get<std::string>());

    pv::Bundle header;
    header.title = shards->bundle->header().title;
    std::vector<pv::EntryJson> rows;
    std::vector<std::string> opened;  // the open rows' whole entries, written
    opened.reserve(result.hits.size());
    Json hits = Json::array();
    if (scored) {
        for (const pv::Hit& hit : result.hits) {
            pv::shards::ShardedBundle::Row row = shards->bundle->row(hit.entry);
            if (open.count(std::string(row.id))) {
                const pv::Entry& entry = shards->bundle->entry(hit.entry);
                opened.push_back(pv::entry_json(entry));
                row = {entry.kind, entry.id, opened.back()};
            }
            hits.push_back({{"entry", hit.entry}, {"id", row.id}, {"score", hit.score}});
            if (!row.json.empty()) rows.push_back({row.kind, row.json});
        }
    }
    return keep(shards, {{"total", result.total}, {"fallback", result.fallback}, {"hints", result.hints},
                         {"publications", kind_count(result, "publication")}, {"jobs", kind_count(result, "job")},
                         {"hits", hits}, {"bundle", pv::to_json(header, rows)}});
}

}  // extern "C"
