#include "core/present/citation.h"
#include "authoring/import_bibtex.h"
#include "authoring/latex_text.h"
#include "import_checks.h"

#include <doctest/doctest.h>

#include <string>

namespace {

const pv::Entry* find_entry(const pv::Bundle& bundle, const std::string& id) {
    for (const pv::Entry& e : bundle.entries)
        if (e.id == id) return &e;
    return nullptr;
}


}  // namespace

TEST_CASE("a real-shaped .bib file imports every entry with its fields") {
    const pv::ImportResult result = pv::import_bibtex(read_import_input("publications.bib"));
    CHECK_FALSE(result.has_errors());
    REQUIRE(result.bundle.entries.size() == 3);
    const pv::Entry* automl = find_entry(result.bundle, "makarova2022automatic");
    REQUIRE(automl);
    CHECK(automl->title == "Automatic Termination for Hyperparameter Optimization");
    REQUIRE(automl->authors.size() == 8);
    CHECK(automl->authors[0] == "Anastasia Makarova");
    CHECK(automl->authors[4] == "Jean Baptiste Faddoul");
    CHECK(automl->authors[7] == "Cédric Archambeau");
    CHECK(automl->venue == "AutoML Conference 2022");
    CHECK(automl->year == 2022);
    CHECK(automl->arxiv == "2104.08166");
    CHECK(automl->award == "Best paper award");
    CHECK(automl->tags == std::vector<std::string>{"hyperparameter optimization", "Bayesian optimization"});
}

TEST_CASE("quoted values, journals, DOI links and abstract paragraphs are read") {
    const pv::ImportResult result = pv::import_bibtex(read_import_input("publications.bib"));
    const pv::Entry* ab = find_entry(result.bundle, "Wu:2022");
    REQUIRE(ab);
    CHECK(ab->title == "Non-stationary A/B Tests");
    CHECK(ab->authors.size() == 5);
    CHECK(ab->authors[4] == "Chu Wang");
    CHECK(ab->venue == "Journal of Experiments & Trials");
    CHECK(ab->doi == "10.1145/3534678.3539325");
    CHECK(ab->url == "https://www.amazon.science/publications/non-stationary-a-b-tests");
    CHECK(ab->body ==
          "A/B tests, also known as online controlled experiments, have been used at scale.\n\n"
          "We show that inadequately addressing non-stationarity can cause A/B tests to be statistically inefficient or invalid.");
}

TEST_CASE("LaTeX accents in titles and names are decoded to UTF-8 and braced names stay whole") {
    const pv::ImportResult result = pv::import_bibtex(read_import_input("publications.bib"));
    const pv::Entry* accents = find_entry(result.bundle, "gonzalez2023");
    REQUIRE(accents);
    CHECK(accents->title == "Señales de Çarşı y Müller");
    CHECK(accents->authors == std::vector<std::string>{"José González", "Jörg Müller", "Çağrı Aydın", "Barnes and Noble"});
    CHECK(accents->venue == "arXiv");
    CHECK(accents->arxiv == "2301.00001");
}

TEST_CASE("fields without a place in the bundle are reported, not dropped silently") {
    const pv::ImportResult result = pv::import_bibtex(read_import_input("publications.bib"));
    CHECK(has_problem_at_line(result, 0, "pages (1)"));
    CHECK_FALSE(has_problem_at_line(result, 0, "month"));  // month goes into the date
}

TEST_CASE("name lists accept both orders and a Jr part") {
    CHECK(pv::parse_bibtex_names("Knuth, Donald E. and Leslie Lamport and Sorenson, III, James") ==
          std::vector<std::string>{"Donald E. Knuth", "Leslie Lamport", "James Sorenson III"});
    CHECK(pv::parse_bibtex_names("Anderson, Alexandra").size() == 1);
    CHECK(pv::parse_bibtex_names("  ").empty());
}

TEST_CASE("LaTeX decoding handles accents with and without braces, symbols and escapes") {
    CHECK(pv::decode_latex(R"({\'e}\'e\'{e}\"o\c{c}\c c\~n\v{s}\ss{} \o\ \& 50\% \emph{x}~y)") == "éééöççñšß ø & 50% x y");
    CHECK(pv::decode_latex(R"(\textbackslash{}\textbraceleft{}a\textbraceright{})") == "\\{a}");
    CHECK(pv::decode_latex(R"(\'{\i}\^w)") == "í\u0077\u0302");
}

TEST_CASE("malformed entries are reported with line numbers and the readable ones kept") {
    const pv::ImportResult result = pv::import_bibtex(read_import_input("broken.bib"));
    CHECK(result.usable);
    CHECK(result.has_errors());
    REQUIRE(result.bundle.entries.size() == 3);
    CHECK(result.bundle.entries[0].id == "good1");
    CHECK(result.bundle.entries[1].id == "good2");
    CHECK(result.bundle.entries[1].authors == std::vector<std::string>{"Ann Lee"});
    CHECK(result.bundle.entries[2].id == "good3");
    CHECK(has_problem_at_line(result, 7, "unterminated '{' opened at line 7; the entry at line 6 is skipped"));
    CHECK(has_problem_at_line(result, 15, "unknown entry type @webpage (mystery)"));
    CHECK(has_problem_at_line(result, 21, "expected ',' or '}' after field \"title\"; the entry at line 19 is skipped"));
    CHECK(has_problem_at_line(result, 24, "entry notitle has no title"));
}

TEST_CASE("an empty file or one with no entries is an error") {
    CHECK(pv::import_bibtex("").has_errors());
    CHECK_FALSE(pv::import_bibtex("").usable);
    CHECK(pv::import_bibtex("just some words\n").has_errors());
}

TEST_CASE("duplicate citation keys get numbered ids with a warning") {
    const pv::ImportResult result = pv::import_bibtex("@misc{k, title={A}}\n@misc{k, title={B}}\n");
    REQUIRE(result.bundle.entries.size() == 2);
    CHECK(result.bundle.entries[1].id == "k-2");
    CHECK(has_problem_at_line(result, 2, "\"k-2\""));
}

TEST_CASE("BibTeX to bundle to BibTeX keeps every field the bundle knows") {
    const pv::ImportResult first = pv::import_bibtex(read_import_input("publications.bib"));
    const std::string exported = pv::bibtex(first.bundle);
    const pv::ImportResult second = pv::import_bibtex(exported);
    CHECK(second.problems.empty());
    CHECK(pv::to_json(second.bundle) == pv::to_json(first.bundle));
    CHECK(pv::bibtex(second.bundle) == exported);
}

TEST_CASE("a BibTeX url that is not an http(s) link is left out with a warning") {
    const pv::ImportResult result = pv::import_bibtex("@misc{k,\n  title = {A},\n  url = {file:///etc/passwd}\n}\n");
    REQUIRE(result.bundle.entries.size() == 1);
    CHECK(result.bundle.entries[0].url.empty());
    CHECK(has_problem_at_line(result, 1, "is not an http(s) link"));
}
