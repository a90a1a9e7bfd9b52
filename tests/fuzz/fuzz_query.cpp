// Fuzzes the search engine: an index over the default bundle is built once,
// then arbitrary query bytes are searched with every sort order, a kind
// switch, facet filters (real values and junk) and limits. Checks that hits
// point at entries, highlights lie inside their field, totals add up.
#include "core/model/bundle.h"
#include "core/search/search_index.h"
#include "fuzz_check.h"

#include <cstdint>
#include <string>
#include <vector>

namespace {

const pv::Bundle* g_bundle = nullptr;
const pv::SearchIndex* g_index = nullptr;
std::vector<std::string> g_values[pv::kFacetFieldCount];  // every facet value of the unfiltered bundle

void check_highlights(const std::vector<pv::Highlight>& ranges, const std::string& field) {
    for (const pv::Highlight& h : ranges) {
        FUZZ_CHECK(h.begin < h.end, "a highlight is not empty");
        FUZZ_CHECK(h.end <= field.size(), "a highlight lies inside its field");
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    static pv::LoadResult loaded = pv::load_bundle(pv::fuzz::default_bundle_text());
    FUZZ_CHECK(loaded.clean() && !loaded.bundle.entries.empty(), "the default bundle loads");
    g_bundle = &loaded.bundle;
    static pv::SearchIndex index(loaded.bundle);
    g_index = &index;
    pv::SearchRequest all;
    all.facet_values = SIZE_MAX;
    for (const pv::Facet& f : index.search(all).facets)
        for (const pv::FacetValue& v : f.values) g_values[static_cast<std::size_t>(f.field)].push_back(v.value);
    return 0;
}

// Input: 4 control bytes, then the query.
//   byte 0: sort order (2 bits), kind (2 bits: all, publication, job), facets on/off, limit small/none
//   byte 1, 2: up to two facet filters: field (3 bits), value index (4 bits), junk value (1 bit)
//   byte 3: facet_values
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 4) return 0;
    pv::SearchRequest request;
    request.sort = static_cast<pv::SortOrder>(data[0] & 3);
    if ((data[0] >> 2 & 3) == 1) request.kind = pv::Kind::publication;
    if ((data[0] >> 2 & 3) == 2) request.kind = pv::Kind::job;
    request.facets = (data[0] & 16) != 0;
    if (data[0] & 32) request.limit = data[3] % 8;
    request.facet_values = data[3] % 5;
    for (int i = 1; i <= 2; ++i) {
        if (data[i] == 0) continue;
        const auto field = static_cast<pv::FacetField>(data[i] & 7);
        const std::vector<std::string>& values = g_values[data[i] & 7];
        if ((data[i] & 128) || values.empty()) request.filters[field].push_back(std::string(reinterpret_cast<const char*>(data + 4), std::min<std::size_t>(size - 4, 8)));
        else request.filters[field].push_back(values[(data[i] >> 3 & 15) % values.size()]);
    }
    request.query.assign(reinterpret_cast<const char*>(data + 4), size - 4);

    const pv::SearchResult result = g_index->search(request);
    const auto& entries = g_bundle->entries;
    FUZZ_CHECK(result.hits.size() <= result.total, "hits never exceed the total");
    FUZZ_CHECK(result.total <= entries.size(), "the total never exceeds the bundle");
    FUZZ_CHECK(result.hits.size() <= request.limit, "the limit holds");
    std::vector<bool> seen(entries.size());
    for (const pv::Hit& hit : result.hits) {
        FUZZ_CHECK(hit.entry < entries.size(), "a hit points at an entry");
        FUZZ_CHECK(!seen[hit.entry], "an entry is hit at most once");
        seen[hit.entry] = true;
        const pv::Entry& e = entries[hit.entry];
        if (request.kind) FUZZ_CHECK(e.kind == *request.kind, "the kind switch holds");
        FUZZ_CHECK(hit.score == hit.score, "scores are numbers");
        check_highlights(hit.title, e.title);
        check_highlights(hit.body, e.body);
    }
    if (request.facets) FUZZ_CHECK(result.facets.size() == pv::kFacetFieldCount, "one facet per field");
    return 0;
}
