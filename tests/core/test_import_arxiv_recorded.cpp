// The arXiv importer on answers arXiv really gave (tests/data/api/recorded/,
// README there says where each was recorded).
#include "authoring/api_importers.h"
#include "import_checks.h"

#include <algorithm>
#include <set>

#include <doctest/doctest.h>

TEST_SUITE("import arxiv, recorded answers") {

TEST_CASE("a recorded arXiv answer for one id gives its 34 authors, a non-ASCII name, the category and the summary") {
    const pv::ApiPage page = import_saved(pv::import_arxiv, "recorded/arxiv-1707.08567.atom");
    CHECK_FALSE(page.result.has_errors());
    CHECK(page.total == 1);
    REQUIRE(page.result.bundle.entries.size() == 1);
    const pv::Entry& e = page.result.bundle.entries[0];
    CHECK(e.arxiv == "1707.08567");
    CHECK(e.title == "Proceedings of Workshop AEW10: Concepts in Information Theory and Communications");
    REQUIRE(e.authors.size() == 34);
    CHECK(e.authors.front() == "Kees A. Schouhamer Immink");
    CHECK(e.authors[32] == "Dirk Wübben");
    CHECK(e.authors.back() == "Hirosuke Yamamoto");
    CHECK(e.year == 2017);
    CHECK(e.venue == "arXiv");
    CHECK(e.doi.empty());
    CHECK(e.tags == std::vector<std::string>{"cs.IT"});
    CHECK(e.body.starts_with("The 10th Asia-Europe workshop in \"Concepts in Information Theory and Communications\" AEW10"));
    CHECK(e.body.ends_with("to pay a tribute to a well respected and special scientist."));
}

TEST_CASE("a recorded old-style arXiv id keeps its archive, journal reference and escaped characters in the summary") {
    const pv::ApiPage page = import_saved(pv::import_arxiv, "recorded/arxiv-astro-ph-0601001.atom");
    CHECK_FALSE(page.result.has_errors());
    REQUIRE(page.result.bundle.entries.size() == 1);
    const pv::Entry& e = page.result.bundle.entries[0];
    CHECK(e.arxiv == "astro-ph/0601001");
    CHECK(e.title == "Frequency of Hot Jupiters and Very Hot Jupiters from the OGLE-III Transit Surveys Toward the Galactic Bulge and Carina");
    CHECK(e.authors == std::vector<std::string>{"Andrew Gould", "Susan Dorsher", "B. Scott Gaudi", "Andrzej Udalski"});
    CHECK(e.venue == "ActaAstron.56:1-50,2006");
    CHECK(e.year == 2006);
    CHECK(e.body.starts_with("We derive the frequencies of hot Jupiters"));
    CHECK(e.body.find("following Gould & Morgan (2003)") != std::string::npos);
    CHECK(e.body.find("limit of V_max<17.5.") != std::string::npos);
    CHECK(e.body.find("&amp;") == std::string::npos);
}

TEST_CASE("a recorded page of an arXiv search gives the total, ten entries with unique ids and the one DOI") {
    const pv::ApiPage page = import_saved(pv::import_arxiv, "recorded/arxiv-query-testing-start10.atom");
    CHECK_FALSE(page.result.has_errors());
    CHECK(page.total == 214881);
    CHECK(page.items == 10);
    REQUIRE(page.result.bundle.entries.size() == 10);
    CHECK(page.result.bundle.entries[0].arxiv == "2403.16981");
    CHECK(page.result.bundle.entries[0].title == "The Sample Complexity of Simple Binary Hypothesis Testing");
    const pv::Entry* rao = entry_titled(page.result.bundle, "Three Scores and 15 Years (1948-2023) of Rao's Score Test: A Brief History");
    REQUIRE(rao != nullptr);
    CHECK(rao->arxiv == "2406.19956");
    const pv::Entry* trajectory = entry_titled(page.result.bundle, "Evaluating Human Trajectory Prediction with Metamorphic Testing");
    REQUIRE(trajectory != nullptr);
    CHECK(trajectory->doi == "10.1145/3679006.3685071");
    std::set<std::string> seen;
    for (const pv::Entry& e : page.result.bundle.entries) seen.insert(e.id);
    CHECK(seen.size() == 10);
}

TEST_CASE("arXiv's recorded answers to a malformed id and to an id it does not know are told apart") {
    pv::IdAllocator ids;
    const pv::ApiPage error = pv::import_arxiv(read_api_response("recorded/arxiv-error-abc.atom"), ids);
    CHECK_FALSE(error.result.usable);
    CHECK(has_problem_at_line(error.result, 9, "arXiv answered with an error: incorrect id format for abc"));
    const pv::ApiPage none = pv::import_arxiv(read_api_response("recorded/arxiv-no-results.atom"), ids);
    CHECK(none.result.usable);
    CHECK(none.total == 0);
    CHECK(none.result.bundle.entries.empty());
}

}  // TEST_SUITE
