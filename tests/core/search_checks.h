// What the search tests of other forms of a bundle (a pack, shards) share:
// whether two answers to one search are the same.
#pragma once

#include "core/search/search_index.h"

#include <doctest/doctest.h>

#include <cstddef>

// Field by field: total, fallback, hints, every hit (entry, score, title and
// body) and every facet's values with their counts.
inline void check_same_result(const pv::SearchResult& a, const pv::SearchResult& b) {
    CHECK(a.total == b.total);
    CHECK(a.fallback == b.fallback);
    CHECK(a.hints == b.hints);
    REQUIRE(a.hits.size() == b.hits.size());
    for (std::size_t i = 0; i < a.hits.size(); ++i) {
        CHECK(a.hits[i].entry == b.hits[i].entry);
        CHECK(a.hits[i].score == b.hits[i].score);
        CHECK(a.hits[i].title == b.hits[i].title);
        CHECK(a.hits[i].body == b.hits[i].body);
    }
    REQUIRE(a.facets.size() == b.facets.size());
    for (std::size_t f = 0; f < a.facets.size(); ++f) {
        REQUIRE(a.facets[f].values.size() == b.facets[f].values.size());
        for (std::size_t v = 0; v < a.facets[f].values.size(); ++v) {
            CHECK(a.facets[f].values[v].value == b.facets[f].values[v].value);
            CHECK(a.facets[f].values[v].count == b.facets[f].values[v].count);
        }
    }
}
