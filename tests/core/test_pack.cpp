#include "core/formats/open_bundle.h"
#include "core/formats/pack.h"
#include "byte_pieces.h"
#include "search_checks.h"
#include "source_files.h"

#include <doctest/doctest.h>

#include <cstring>
#include <string>
#include <vector>

using pv::Bundle;
using pv::Entry;
using pv::FacetField;
using pv::IndexedBundle;
using pv::Kind;
using pv::SearchIndex;
using pv::SearchRequest;
using pv::SearchResult;

namespace {

// Where write_pack() puts the payload's checksum: after the 10-byte signature,
// the version (4 bytes), the text-analysis fingerprint and the payload size (8 each).
constexpr std::size_t kVersionAt = 10;
constexpr std::size_t kFingerprintAt = 14;
constexpr std::size_t kChecksumAt = 30;
constexpr std::size_t kPayloadAt = 38;

pv::LoadResult default_bundle() {
    pv::LoadResult loaded = pv::load_bundle(read_source_file("data/most-viewed-2022.json"));
    REQUIRE(loaded.clean());
    return loaded;
}

// A few hundred entries with shared authors, venues, years, tags, cities and
// teams, so that facets have many values and words many postings.
Bundle generated_bundle() {
    const char* words[] = {"graph", "stream", "latency", "retrieval", "causal", "robot", "speech", "ranking",
                           "forecast", "privacy", "caf\xC3\xA9", "na\xC3\xAFve", "re-ranking", "A/B", "amazon\xE2\x80\x99s"};
    Bundle b;
    b.title = "generated";
    b.source = {"tests", "https://example.org/"};
    for (int i = 0; i < 300; ++i) {
        Entry e;
        e.kind = i < 240 ? Kind::publication : Kind::job;
        e.id = "e" + std::to_string(i);
        e.title = std::string(words[i % 15]) + " " + words[(i * 7) % 15] + " study " + std::to_string(i);
        e.body = std::string("We look at ") + words[(i * 3) % 15] + " and " + words[(i * 11) % 15] + " at scale.";
        if (e.kind == Kind::publication) {
            e.authors = {"Author " + std::to_string(i % 23), "Second " + std::to_string(i % 7)};
            e.venue = "Venue " + std::to_string(i % 9);
            e.year = 2015 + i % 9;
            if (i % 5 == 0) e.rank = i / 5 + 1;
            e.tags = {words[i % 4]};
            e.abstract_truncated = i % 6 == 0;
            if (i % 10 == 0) e.related.push_back({"Related " + std::to_string(i), "A summary", "https://example.org/r"});
        } else {
            e.edit_job().location = {"US", "WA", i % 2 ? "Seattle" : "Boston"};
            e.edit_job().team = "Team " + std::to_string(i % 4);
        }
        b.entries.push_back(std::move(e));
    }
    return b;
}

std::string pack_of(const Bundle& bundle) { return pv::write_pack(bundle, SearchIndex(bundle)); }

IndexedBundle read_back(const std::string& pack) {
    IndexedBundle read = pv::read_pack(pack);
    REQUIRE(read.loaded);
    return read;
}

std::string only_error(const IndexedBundle& read) {
    CHECK_FALSE(read.loaded->usable);
    CHECK_FALSE(read.index);
    REQUIRE(read.loaded->problems.size() == 1);
    CHECK(read.loaded->problems[0].severity == pv::Severity::error);
    return read.loaded->problems[0].message;
}

// Makes the checksum match the payload again, so that a change reaches the
// structural checks instead of stopping at the checksum.
void reseal(std::string& pack) {
    pv::detail::Checksum sum;
    sum.add(std::string_view(pack).substr(kPayloadAt));
    const std::uint64_t value = sum.value();
    std::memcpy(pack.data() + kChecksumAt, &value, sizeof value);
}

std::vector<SearchRequest> varied_requests(const Bundle& bundle) {
    std::vector<SearchRequest> requests;
    for (const char* query : {"", "graph", "gra", "grahp", "\"graph stream\"", "title:latency", "-graph stream",
                              "cafe", "naive", "reranking", "ab", "amazon", "author 3", "venue:\"venue 4\"", "2019",
                              "scale", "seattle", "team 2", "dynamodb", "nothing-like-this", "retrieval OR causal"}) {
        SearchRequest r;
        r.query = query;
        requests.push_back(r);
    }
    for (pv::SortOrder sort : {pv::SortOrder::rank, pv::SortOrder::year, pv::SortOrder::title}) {
        SearchRequest r;
        r.query = "study";
        r.sort = sort;
        requests.push_back(r);
    }
    SearchRequest jobs;
    jobs.kind = Kind::job;
    requests.push_back(jobs);
    SearchRequest filtered;
    filtered.query = "s";
    filtered.filters[FacetField::year] = {"2019", "2020"};
    filtered.filters[FacetField::author] = {bundle.entries.front().authors.empty() ? "x" : bundle.entries.front().authors[0]};
    requests.push_back(filtered);
    return requests;
}

// Both indexes answer each of the varied requests the same.
void check_same_results(const SearchIndex& built, const SearchIndex& read, const Bundle& bundle) {
    for (const SearchRequest& request : varied_requests(bundle)) {
        CAPTURE(request.query);
        check_same_result(built.search(request), read.search(request));
    }
}

}  // namespace

TEST_CASE("a pack of the default bundle reads back as the same bundle") {
    const pv::LoadResult loaded = default_bundle();
    const IndexedBundle read = read_back(pack_of(loaded.bundle));
    REQUIRE(read.loaded->usable);
    REQUIRE(read.index);
    CHECK(read.loaded->problems.empty());
    CHECK(pv::to_json(read.loaded->bundle) == pv::to_json(loaded.bundle));
    CHECK(&read.index->bundle() == &read.loaded->bundle);
}

TEST_CASE("a pack's index answers every kind of query exactly as an index built from the JSON") {
    const pv::LoadResult loaded = default_bundle();
    const IndexedBundle seed = read_back(pack_of(loaded.bundle));
    check_same_results(SearchIndex(loaded.bundle), *seed.index, loaded.bundle);

    const Bundle generated = generated_bundle();
    const IndexedBundle read = read_back(pack_of(generated));
    REQUIRE(read.loaded->usable);
    CHECK(pv::to_json(read.loaded->bundle) == pv::to_json(generated));
    check_same_results(SearchIndex(generated), *read.index, generated);
}

TEST_CASE("a pack read in pieces of any size reads the same as one read whole") {
    const Bundle generated = generated_bundle();
    const std::string pack = pack_of(generated);
    for (std::size_t piece : {1u, 7u, 4096u}) {
        CAPTURE(piece);
        Pieces pieces(pack, piece);
        const IndexedBundle read = pv::read_pack(pieces, pack.size());
        REQUIRE(read.loaded->usable);
        CHECK(pv::to_json(read.loaded->bundle) == pv::to_json(generated));
    }
}

TEST_CASE("reading a pack reports its entries as they are read, up to their count") {
    Bundle big = generated_bundle();
    while (big.entries.size() < 5000) {
        Entry copy = big.entries[big.entries.size() % 240];
        copy.id += "-" + std::to_string(big.entries.size());
        big.entries.insert(big.entries.begin() + 240, std::move(copy));  // publications stay first
    }
    std::vector<pv::WorkProgress> heard;
    const IndexedBundle read = pv::read_pack(pack_of(big), [&](const pv::WorkProgress& p) { heard.push_back(p); return false; });
    REQUIRE(read.loaded->usable);
    std::size_t most = 0;
    for (const pv::WorkProgress& p : heard) {
        CHECK(p.stage == pv::WorkStage::reading);
        CHECK(p.done <= p.total);
        if (p.total) CHECK(p.total == big.entries.size());
        most = std::max(most, p.done);
    }
    CHECK(most >= big.entries.size() - 1024);
}

TEST_CASE("open_bundle reads JSON and packs alike") {
    const std::string json = read_source_file("data/most-viewed-2022.json");
    const IndexedBundle from_json = pv::open_bundle(json);
    REQUIRE(from_json.loaded->usable);
    const std::string pack = pv::write_pack(from_json.loaded->bundle, *from_json.index);
    CHECK(pv::is_pack(pack));
    CHECK_FALSE(pv::is_pack(json));
    const IndexedBundle from_pack = pv::open_bundle(pack);
    REQUIRE(from_pack.loaded->usable);
    CHECK(from_pack.loaded->bundle.entries.size() == from_json.loaded->bundle.entries.size());
    SearchRequest request;
    request.query = "dynamodb";
    CHECK(from_pack.index->search(request).hits.size() == 1);
}

TEST_CASE("a JSON bundle given as a pack is refused as not being one") {
    const std::string message = only_error(pv::read_pack(read_source_file("data/most-viewed-2022.json")));
    CHECK(message.find("not a pubview pack") != std::string::npos);
}

TEST_CASE("a pack with one damaged byte is refused because its checksum does not match") {
    const std::string pack = pack_of(generated_bundle());
    for (std::size_t at : {kPayloadAt, pack.size() / 3, pack.size() / 2, pack.size() - 1}) {
        CAPTURE(at);
        std::string damaged = pack;
        damaged[at] = static_cast<char>(damaged[at] ^ 0x10);
        const std::string message = only_error(pv::read_pack(damaged));
        CHECK(message.find("damaged") != std::string::npos);
        CHECK(message.find("checksum") != std::string::npos);
        // Read in pieces, each piece's bytes are summed when the next is asked for: none is passed over.
        for (std::size_t piece : {1u, 7u, 4096u}) {
            CAPTURE(piece);
            Pieces pieces(damaged, piece);
            CHECK(only_error(pv::read_pack(pieces, damaged.size())).find("checksum") != std::string::npos);
        }
    }
}

TEST_CASE("a pack cut short says so, with the sizes") {
    const std::string pack = pack_of(generated_bundle());
    const std::string cut = only_error(pv::read_pack(std::string_view(pack).substr(0, pack.size() - 100)));
    CHECK(cut.find("cut short") != std::string::npos);
    CHECK(cut.find(std::to_string(pack.size() - kPayloadAt) + " bytes") != std::string::npos);
    const std::string header = only_error(pv::read_pack(std::string_view(pack).substr(0, 20)));
    CHECK(header.find("cut short within its header") != std::string::npos);
    const std::string longer = only_error(pv::read_pack(pack + "extra"));
    CHECK(longer.find("should hold") != std::string::npos);
}

TEST_CASE("a pack of another format version or text analysis is refused with how to make it again") {
    const std::string pack = pack_of(generated_bundle());
    std::string other_version = pack;
    other_version[kVersionAt] = 3;
    const std::string version = only_error(pv::read_pack(other_version));
    CHECK(version.find("format version 3") != std::string::npos);
    CHECK(version.find("pubview pack") != std::string::npos);

    std::string other_analysis = pack;
    other_analysis[kFingerprintAt] = static_cast<char>(other_analysis[kFingerprintAt] ^ 1);
    const std::string analysis = only_error(pv::read_pack(other_analysis));
    CHECK(analysis.find("analyses text differently") != std::string::npos);
    CHECK(analysis.find("pubview pack") != std::string::npos);
}

TEST_CASE("a resealed pack whose contents contradict its format is refused, never believed") {
    const std::string pack = pack_of(generated_bundle());
    // Bytes all through the payload, each changed on its own and resealed:
    // whatever a change breaks, the pack is refused, or it reads and searches
    // without fault (the sanitizer build runs this too).
    std::size_t refused = 0, tried = 0;
    const std::size_t step = (pack.size() - kPayloadAt) / 600 + 1;
    for (std::size_t at = kPayloadAt; at < pack.size(); at += step, ++tried) {
        std::string changed = pack;
        changed[at] = static_cast<char>(changed[at] + 0x41);
        reseal(changed);
        const IndexedBundle read = pv::read_pack(changed);
        if (!read.loaded->usable) {
            ++refused;
            CHECK(only_error(read).find("does not hold what its format says") != std::string::npos);
            continue;
        }
        REQUIRE(read.index);
        for (const char* query : {"", "graph", "grahp", "stu", "\"graph stream\""}) {
            SearchRequest request;
            request.query = query;
            const SearchResult result = read.index->search(request);
            CHECK(result.hits.size() <= read.loaded->bundle.entries.size());
            for (const pv::Hit& hit : result.hits) CHECK(hit.entry < read.loaded->bundle.entries.size());
        }
    }
    CAPTURE(tried);
    CHECK(refused > tried / 4);

    // The entry count, made far larger than the entries that follow.
    std::string counted = pack;
    const std::size_t count_at = counted.find(std::string("\x2c\x01\0\0\0\0\0\0", 8));  // 300 as a u64
    REQUIRE(count_at != std::string::npos);
    counted[count_at + 2] = 0x10;
    reseal(counted);
    CHECK(only_error(pv::read_pack(counted)).find("ends early") != std::string::npos);
}
