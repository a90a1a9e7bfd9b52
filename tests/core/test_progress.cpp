// Loading and indexing report their progress through a hook, which the widget
// uses to give the browser its turn between slices of work. The hook must be
// called often, in order, and must change nothing about the result.
#include "core/formats/open_bundle.h"
#include "core/formats/pack.h"
#include "core/model/bundle.h"
#include "core/search/search_index.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

// This test program is a host: it takes over core's weak pv_give_host_turn
// (core/model/progress.h) and counts the turns it is given.
namespace {
int g_turns_given = 0;
}
extern "C" void pv_give_host_turn() { ++g_turns_given; }

namespace {

// A bundle of `publications` publications and `jobs` jobs, each with a few words of text.
std::string generated_bundle(int publications, int jobs) {
    std::string json = R"({"pubview": 1, "title": "Generated", "publications": [)";
    for (int i = 0; i < publications; ++i) {
        if (i) json += ',';
        json += R"({"id": "p)" + std::to_string(i) + R"(", "title": "Paper )" + std::to_string(i) +
                R"( on graph search", "authors": ["Ada Lovelace", "Alan Turing"], "year": 2022, "abstract": "Word)" +
                std::to_string(i % 97) + R"( and more words about indexing number )" + std::to_string(i) + R"(."})";
    }
    json += R"(], "jobs": [)";
    for (int i = 0; i < jobs; ++i) {
        if (i) json += ',';
        json += R"({"id": "j)" + std::to_string(i) + R"(", "title": "Engineer )" + std::to_string(i) +
                R"(", "location": {"city": "Seattle", "country": "US"}, "description": "Build search."})";
    }
    return json + "]}";
}

std::vector<std::string> titles(const pv::SearchResult& result, const pv::Bundle& bundle) {
    std::vector<std::string> out;
    for (const pv::Hit& hit : result.hits) out.push_back(bundle.entries[hit.entry].title);
    return out;
}

}  // namespace

TEST_CASE("loading reports the bytes read after every item, then every entry moved into the bundle, and loads the same bundle") {
    const std::string json = generated_bundle(3000, 200);
    std::vector<pv::WorkProgress> heard;
    pv::LoadOptions options;
    options.progress = [&](const pv::WorkProgress& p) { heard.push_back(p); return false; };
    const pv::LoadResult with_hook = pv::load_bundle(json, options);
    const pv::LoadResult without_hook = pv::load_bundle(json);

    REQUIRE(with_hook.clean());
    CHECK(pv::to_json(with_hook.bundle) == pv::to_json(without_hook.bundle));
    REQUIRE(heard.size() >= 3201);
    // One report per item read and one at the end, in bytes, counting up to the document's size...
    for (std::size_t i = 0; i < 3201; ++i) {
        CHECK(heard[i].stage == pv::WorkStage::receiving);
        CHECK(heard[i].total == json.size());
        if (i > 0) CHECK(heard[i].done > heard[i - 1].done);
    }
    CHECK(heard[3200].done == json.size());
    // ...then, while the entries are gathered, against the known total.
    for (std::size_t i = 3201; i < heard.size(); ++i) CHECK(heard[i].stage == pv::WorkStage::reading);
    CHECK(heard.back().total == 3200);
    CHECK(heard.back().done <= 3200);
}

TEST_CASE("building the index reports progress up to every entry and searches the same as without a hook") {
    const pv::LoadResult loaded = pv::load_bundle(generated_bundle(5000, 100));
    REQUIRE(loaded.clean());
    std::vector<pv::WorkProgress> heard;
    const pv::SearchIndex with_hook(loaded.bundle, [&](const pv::WorkProgress& p) { heard.push_back(p); return false; });
    const pv::SearchIndex without_hook(loaded.bundle);

    REQUIRE(heard.size() >= 5100 / 64);
    std::size_t previous = 0;
    for (const pv::WorkProgress& p : heard) {
        CHECK(p.stage == pv::WorkStage::indexing);
        CHECK(p.total == 5100);
        CHECK(p.done >= previous);  // never backwards
        previous = p.done;
    }
    CHECK(heard.back().done == 5100);

    for (const char* query : {"graph", "word42", "lovelace turing", "engineer 7", "seatle", "index"}) {
        pv::SearchRequest request;
        request.query = query;
        CAPTURE(query);
        CHECK(titles(with_hook.search(request), loaded.bundle) == titles(without_hook.search(request), loaded.bundle));
    }
}

TEST_CASE("the host gets a turn exactly when its hook asks, while reading and indexing, and the result is the same") {
    const std::string json = generated_bundle(4000, 100);
    for (const bool as_pack : {false, true}) {
        CAPTURE(as_pack);
        const pv::IndexedBundle source = pv::index_bundle(pv::load_bundle(json));
        const std::string bytes = as_pack ? pv::write_pack(source.loaded->bundle, *source.index) : json;
        int reports = 0, asked = 0;
        pv::OpenOptions options;
        options.load.progress = [&](const pv::WorkProgress&) {
            const bool ask = ++reports % 3 == 0;
            asked += ask;
            return ask;
        };
        g_turns_given = 0;
        const pv::IndexedBundle with_turns = pv::open_bundle(bytes, options);
        CHECK(asked >= 3);
        CHECK(g_turns_given == asked);

        const pv::IndexedBundle without_turns = pv::open_bundle(bytes);
        REQUIRE(with_turns.loaded->usable);
        CHECK(pv::to_json(with_turns.loaded->bundle) == pv::to_json(without_turns.loaded->bundle));
        pv::SearchRequest request;
        request.query = "graph word42";
        CHECK(titles(with_turns.index->search(request), with_turns.loaded->bundle) ==
              titles(without_turns.index->search(request), without_turns.loaded->bundle));
    }
}
