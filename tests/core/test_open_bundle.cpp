// The one way in for a bundle's bytes: JSON or pack, told apart by their first
// bytes, read from a source that gives them piece by piece.
#include "core/formats/open_bundle.h"
#include "core/formats/pack.h"
#include "byte_pieces.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace {

constexpr const char* kJson = R"({"pubview": 1, "title": "t", "publications": [
  {"id": "a", "title": "Alpha paper", "abstract": "About alpha.", "year": 2021},
  {"id": "b", "title": "Beta paper", "abstract": "About beta.", "year": 2022}]})";

std::vector<std::string> ids(const pv::IndexedBundle& opened) {
    std::vector<std::string> out;
    for (const pv::Entry& e : opened.loaded->bundle.entries) out.push_back(e.id);
    return out;
}

}  // namespace

TEST_SUITE("open_bundle") {

TEST_CASE("a JSON bundle and its pack open the same from pieces of any size, each with its index") {
    const pv::IndexedBundle from_json = pv::open_bundle(kJson);
    REQUIRE(from_json.loaded->usable);
    const std::string pack = pv::write_pack(from_json.loaded->bundle, *from_json.index);
    for (std::size_t piece : {1u, 3u, 4096u}) {
        CAPTURE(piece);
        for (const std::string_view bytes : {std::string_view(kJson), std::string_view(pack)}) {
            Pieces source(bytes, piece);
            const pv::IndexedBundle opened = pv::open_bundle(source, bytes.size());
            REQUIRE(opened.loaded->usable);
            CHECK(ids(opened) == std::vector<std::string>{"a", "b"});
            REQUIRE(opened.index != nullptr);
            pv::SearchRequest request;
            request.query = "beta";
            CHECK(opened.index->search(request).total == 1);
        }
    }
}

TEST_CASE("reading a JSON bundle's bytes is reported, up to its size") {
    std::vector<pv::WorkProgress> heard;
    pv::OpenOptions options;
    options.load.progress = [&](const pv::WorkProgress& p) { heard.push_back(p); return false; };
    Pieces source(kJson, 16);
    pv::open_bundle(source, std::string_view(kJson).size(), options);
    REQUIRE_FALSE(heard.empty());
    CHECK(heard.front().stage == pv::WorkStage::receiving);
    const auto last_read = std::find_if(heard.rbegin(), heard.rend(), [](const auto& p) { return p.stage == pv::WorkStage::receiving; });
    CHECK(last_read->done == std::string_view(kJson).size());
}

TEST_CASE("a JSON bundle over the size limit is refused before it is copied") {
    pv::OpenOptions options;
    options.load.max_document_bytes = 100;
    Pieces source(kJson, 4096);
    const pv::IndexedBundle opened = pv::open_bundle(source, std::string_view(kJson).size(), options);
    CHECK_FALSE(opened.loaded->usable);
    REQUIRE(opened.loaded->problems.size() == 1);
    CHECK(opened.loaded->problems[0].message.find("the limit is") != std::string::npos);
    CHECK(source.left.size() == std::string_view(kJson).size() - pv::kPackSignatureBytes);  // only its first bytes were read
}

TEST_CASE("the model alone is opened when no index is asked for") {
    pv::OpenOptions options;
    options.index = false;
    const pv::IndexedBundle opened = pv::open_bundle(kJson, options);
    CHECK(opened.loaded->usable);
    CHECK(opened.index == nullptr);
}

}  // TEST_SUITE
