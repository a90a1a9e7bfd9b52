// The words an index keeps between searches (core/search/word_cache.h): what
// a search answers must not depend on what was searched before it.
#include "core/model/bundle.h"
#include "core/search/search_index.h"
#include "core/search/word_cache.h"
#include "search_checks.h"
#include "source_files.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

const pv::LoadResult& seed_bundle() {
    static const pv::LoadResult loaded = pv::load_bundle(read_source_file("data/most-viewed-2022.json"));
    REQUIRE(loaded.clean());
    return loaded;
}

// Each query typed a letter at a time, then erased a letter at a time.
std::vector<std::string> typed_and_erased(const std::vector<std::string>& queries) {
    std::vector<std::string> states;
    for (const std::string& query : queries) {
        for (std::size_t n = 1; n <= query.size(); ++n) states.push_back(query.substr(0, n));
        for (std::size_t n = query.size(); n-- > 0;) states.push_back(query.substr(0, n));
    }
    return states;
}

pv::SearchRequest request_for(const std::string& query) {
    pv::SearchRequest request;
    request.query = query;
    request.highlights = false;  // as the panel asks, highlights made per row below
    return request;
}

void check_same_rows(const pv::SearchIndex& a, const pv::SearchResult& from_a, const pv::SearchIndex& b,
                     const pv::SearchResult& from_b) {
    check_same_result(from_a, from_b);
    for (std::size_t i = 0; i < from_a.hits.size() && i < from_b.hits.size(); ++i) {
        const pv::EntryHighlights marks_a = a.highlight(from_a, from_a.hits[i].entry);
        const pv::EntryHighlights marks_b = b.highlight(from_b, from_b.hits[i].entry);
        CHECK(marks_a.title == marks_b.title);
        CHECK(marks_a.body == marks_b.body);
    }
}

}  // namespace

TEST_SUITE("words kept between searches") {

TEST_CASE("every state of queries typed and erased answers as an index that never searched before") {
    const pv::Bundle& bundle = seed_bundle().bundle;
    const pv::SearchIndex typing(bundle);
    const std::vector<std::string> states = typed_and_erased({
        "dynamo db", "redshfit", "birds eye view", "\"causal inference\" amazon", "title:dynamo", "dynamo title:dynamo",
        "-amazon learning", "learning -amazon", "dynamo OR redshift", "kind:job generative", "auctiongym",
        "authors:terry doug terry",
    });
    for (const std::string& state : states) {
        INFO("query: " << state);
        const pv::SearchIndex fresh(bundle);
        const pv::SearchResult kept = typing.search(request_for(state));
        const pv::SearchResult anew = fresh.search(request_for(state));
        check_same_rows(typing, kept, fresh, anew);
    }
}

TEST_CASE("a change of the ranking weights is not answered with words scored before it") {
    const pv::Bundle& bundle = seed_bundle().bundle;
    const pv::SearchIndex index(bundle);
    const pv::detail::RankingWeights saved = pv::detail::ranking_weights();
    const pv::SearchResult before = index.search(request_for("dyna"));
    REQUIRE(!before.hits.empty());
    pv::detail::ranking_weights().prefix = 0.1f;
    const pv::SearchResult changed = index.search(request_for("dyna"));
    const pv::SearchIndex fresh(bundle);
    const pv::SearchResult anew = fresh.search(request_for("dyna"));
    pv::detail::ranking_weights() = saved;
    check_same_result(changed, anew);
    CHECK(changed.hits.front().score != before.hits.front().score);
}

TEST_CASE("an index readied for first letters keeps each letter's scores, which its searches then use, and answers as a fresh index") {
    const pv::Bundle& bundle = seed_bundle().bundle;
    pv::SearchIndex readied(bundle);
    CHECK(readied.kept_word_scores() == 0);
    int steps = 0;
    while (readied.prepare_first_letter()) ++steps;
    CHECK(steps == 26);
    CHECK_FALSE(readied.prepare_first_letter());
    const std::size_t kept = readied.kept_word_scores();
    CHECK(kept > 0);
    for (char letter = 'a'; letter <= 'z'; ++letter) {
        const std::string query(1, letter);
        INFO("query: " << query);
        const pv::SearchResult first_key = readied.search(request_for(query));
        CHECK(readied.kept_word_scores() == kept);  // scored before, under the key the search looks for
        const pv::SearchIndex fresh(bundle);
        check_same_rows(readied, first_key, fresh, fresh.search(request_for(query)));
    }
}

TEST_CASE("the least recently used word is the one let go; a long list of scores, or one with postings missing, is not kept") {
    const pv::Bundle& bundle = seed_bundle().bundle;
    const pv::detail::TermIndex terms(bundle, {});
    pv::detail::WordCache cache;
    int made = 0;
    auto matcher_of = [&](const std::string& word) {
        return cache.matcher({word, true, true, false, pv::TextField::title}, [&] {
            ++made;
            return pv::detail::WordMatcher(terms, word, true, true);
        });
    };
    for (std::size_t i = 0; i < pv::detail::WordCache::kWords; ++i) matcher_of("w" + std::to_string(i));
    CHECK(made == static_cast<int>(pv::detail::WordCache::kWords));
    matcher_of("w0");  // used again: now the most recent
    CHECK(made == static_cast<int>(pv::detail::WordCache::kWords));
    matcher_of("one more");  // lets go of w1, the least recently used
    matcher_of("w0");
    CHECK(made == static_cast<int>(pv::detail::WordCache::kWords) + 1);
    matcher_of("w1");
    CHECK(made == static_cast<int>(pv::detail::WordCache::kWords) + 2);

    int scored = 0;
    const pv::detail::WordCache::Key key{"long", true, true, false, pv::TextField::title};
    const auto matcher = cache.matcher(key, [&] { return pv::detail::WordMatcher(terms, "long", true, true); });
    auto long_list = [&] {
        ++scored;
        return pv::detail::EntryScores(pv::detail::WordCache::kScores / 4 + 1);
    };
    auto complete = [] { return true; };
    cache.scores(key, matcher, long_list, complete);
    cache.scores(key, matcher, long_list, complete);
    CHECK(scored == 2);
    auto short_list = [&] {
        ++scored;
        return pv::detail::EntryScores(3);
    };
    const pv::detail::WordCache::Key other{"short", true, true, false, pv::TextField::title};
    cache.scores(other, matcher, short_list, complete);
    cache.scores(other, matcher, short_list, complete);
    CHECK(scored == 3);
    CHECK(cache.kept(other));

    // Scored while a postings file of a sharded bundle was not here yet.
    const pv::detail::WordCache::Key lacking{"lacking", true, true, false, pv::TextField::title};
    cache.scores(lacking, matcher, short_list, [] { return false; });
    CHECK_FALSE(cache.kept(lacking));
    cache.scores(lacking, matcher, short_list, complete);
    CHECK(scored == 5);
    CHECK(cache.kept(lacking));
}

}  // TEST_SUITE
