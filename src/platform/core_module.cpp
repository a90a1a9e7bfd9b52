// The search engine as a Node/browser ES module, without ImGui: a few plain C
// exports that web/pubview-core-wrapper.js turns into
//   load(bundle) -> Promise<{search(query, {kind, limit}), count(), close()}>,
// where `bundle` is a JSON bundle's text or the bytes of a JSON bundle or a
// pack (`pubview pack`). Results cross as JSON text: a query returns a handful
// of hits, so parsing them in JS costs far less than the search itself.
#include "core/formats/open_bundle.h"
#include "core/search/search_index.h"

#include <emscripten/emscripten.h>
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace {

// A bundle and its index, and the text of the last search's answer.
struct CoreIndex {
    pv::IndexedBundle opened;
    std::string last_result;  // what pv_core_search returned, kept until the next call
};

std::string g_load_error;

}  // namespace

extern "C" {

// Loads a JSON bundle or a pack (told apart by open_bundle) with its index.
// Returns null when the bundle is unusable; pv_core_load_error() then says why.
EMSCRIPTEN_KEEPALIVE CoreIndex* pv_core_load(const char* bytes, int size) {
    pv::IndexedBundle opened = pv::open_bundle(std::string_view(bytes, static_cast<std::size_t>(size)));
    if (!opened.loaded->usable) {
        const pv::Problem* fatal = opened.loaded->fatal();
        g_load_error = fatal ? pv::format_problem("bundle", *fatal) : "the bundle is unusable";
        return nullptr;
    }
    return new CoreIndex{std::move(opened), {}};
}

EMSCRIPTEN_KEEPALIVE const char* pv_core_load_error() { return g_load_error.c_str(); }

EMSCRIPTEN_KEEPALIVE void pv_core_free(CoreIndex* core) { delete core; }

EMSCRIPTEN_KEEPALIVE int pv_core_count(const CoreIndex* core) {
    return static_cast<int>(core->opened.loaded->bundle.entries.size());
}

// kind: -1 all, otherwise a pv::Kind. Returns
// {"total": N, "fallback": bool, "hints": [...], "results": [{"id", "kind", "score"}]}
// in ranked order; the text stays valid until the next call on this index.
EMSCRIPTEN_KEEPALIVE const char* pv_core_search(CoreIndex* core, const char* query, int kind, int limit) {
    pv::SearchRequest request;
    request.query = query;
    if (kind >= 0) request.kind = static_cast<pv::Kind>(kind);
    request.limit = limit < 0 ? SIZE_MAX : static_cast<std::size_t>(limit);
    request.facets = false;  // the module answers ranked ids; facets are the panel's
    const pv::SearchResult result = core->opened.index->search(request);

    nlohmann::json out = {{"total", result.total}, {"fallback", result.fallback}, {"hints", result.hints}};
    nlohmann::json& results = out["results"] = nlohmann::json::array();
    for (const pv::Hit& hit : result.hits) {
        const pv::Entry& entry = core->opened.loaded->bundle.entries[hit.entry];
        results.push_back({{"id", entry.id}, {"kind", pv::kind_name(entry.kind)}, {"score", hit.score}});
    }
    core->last_result = out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return core->last_result.c_str();
}

}  // extern "C"
