// Fuzzes the pack reader: any bytes are refused with one message or read into
// a bundle and index that search without a crash or sanitizer report. The
// first input byte says whether to repair the header first (signature,
// version, text-analysis fingerprint, size and checksum, copied from a pack
// this build wrote): without that, nearly every change would stop at the
// checksum and the checks behind it would never be reached.
#include "core/formats/open_bundle.h"
#include "core/formats/pack.h"
#include "fuzz_check.h"

#include <cstdint>
#include <cstring>
#include <string>

namespace {

// write_pack()'s header: signature (10 bytes), version (4), fingerprint (8),
// payload size (8), payload checksum (8).
constexpr std::size_t kSizeAt = 22;
constexpr std::size_t kChecksumAt = 30;
constexpr std::size_t kPayloadAt = 38;
std::string g_header;  // the first kSizeAt bytes of a pack this build wrote

void repair_header(std::string& pack) {
    if (pack.size() < kPayloadAt) pack.resize(kPayloadAt);
    pack.replace(0, kSizeAt, g_header);
    const std::uint64_t size = pack.size() - kPayloadAt;
    std::memcpy(pack.data() + kSizeAt, &size, sizeof size);
    pv::detail::Checksum sum;
    sum.add(std::string_view(pack).substr(kPayloadAt));
    const std::uint64_t checksum = sum.value();
    std::memcpy(pack.data() + kChecksumAt, &checksum, sizeof checksum);
}

void check_highlights(const std::vector<pv::Highlight>& ranges, const std::string& field) {
    for (const pv::Highlight& h : ranges) FUZZ_CHECK(h.begin < h.end && h.end <= field.size(), "a highlight lies inside its field");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    const pv::IndexedBundle seed = pv::open_bundle(pv::fuzz::default_bundle_text());
    FUZZ_CHECK(seed.loaded->usable, "the default bundle loads");
    g_header = pv::write_pack(seed.loaded->bundle, *seed.index).substr(0, kSizeAt);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    std::string pack(reinterpret_cast<const char*>(data + 1), size - 1);
    if (data[0] & 1) repair_header(pack);
    const pv::IndexedBundle read = pv::read_pack(pack);
    FUZZ_CHECK(read.loaded, "there is always a load result");
    if (!read.loaded->usable) {
        FUZZ_CHECK(!read.index, "a refused pack has no index");
        FUZZ_CHECK(read.loaded->problems.size() == 1 && !read.loaded->problems[0].message.empty(),
                   "a refused pack says why, once");
        return 0;
    }
    FUZZ_CHECK(read.index != nullptr, "a usable pack has an index");
    const auto& entries = read.loaded->bundle.entries;
    for (const char* query : {"", "a", "the", "data modle", "\"large language\"", "title:amazon -job", "year:2022"}) {
        for (pv::SortOrder sort : {pv::SortOrder::relevance, pv::SortOrder::title}) {
            pv::SearchRequest request;
            request.query = query;
            request.sort = sort;
            const pv::SearchResult result = read.index->search(request);
            FUZZ_CHECK(result.total <= entries.size() && result.hits.size() <= result.total, "totals add up");
            for (const pv::Hit& hit : result.hits) {
                FUZZ_CHECK(hit.entry < entries.size(), "a hit points at an entry");
                check_highlights(hit.title, entries[hit.entry].title);
                check_highlights(hit.body, entries[hit.entry].body);
            }
            for (const pv::Facet& facet : result.facets)
                for (const pv::FacetValue& value : facet.values) FUZZ_CHECK(value.count <= entries.size(), "facet counts add up");
        }
    }
    return 0;
}
