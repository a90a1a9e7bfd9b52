#include "core/model/bundle.h"
#include "core/search/search_index.h"
#include "source_files.h"

#include <doctest/doctest.h>

TEST_CASE("highlights made on demand for a row equal those a full search returns") {
    const pv::LoadResult loaded = pv::load_bundle(read_source_file("data/most-viewed-2022.json"));
    REQUIRE(loaded.clean());
    const pv::SearchIndex index(loaded.bundle);
    for (const char* query : {"dynamo", "redshfit", "birds eye view", "\"causal inference\"", "auctiongym", "a/b", "kind:job generative"}) {
        INFO("query: " << std::string(query));
        pv::SearchRequest eager;
        eager.query = query;
        pv::SearchRequest lazy = eager;
        lazy.highlights = false;
        const pv::SearchResult full = index.search(eager);
        const pv::SearchResult light = index.search(lazy);
        REQUIRE(full.hits.size() == light.hits.size());
        REQUIRE(!full.hits.empty());
        bool some_marked = false;
        for (std::size_t i = 0; i < full.hits.size(); ++i) {
            CHECK(light.hits[i].entry == full.hits[i].entry);
            CHECK(light.hits[i].title.empty());
            const pv::EntryHighlights marks = index.highlight(light, light.hits[i].entry);
            CHECK(marks.title == full.hits[i].title);
            CHECK(marks.body == full.hits[i].body);
            some_marked = some_marked || !marks.title.empty() || !marks.body.empty();
        }
        CHECK(some_marked);
    }
}

TEST_CASE("a result searched with highlights has nothing to make on demand") {
    const pv::LoadResult loaded = pv::load_bundle(read_source_file("data/most-viewed-2022.json"));
    const pv::SearchIndex index(loaded.bundle);
    pv::SearchRequest eager;
    eager.query = "dynamo";
    const pv::SearchResult full = index.search(eager);
    const pv::EntryHighlights marks = index.highlight(full, full.hits.at(0).entry);
    CHECK(marks.title.empty());
    CHECK(marks.body.empty());
}
