#include "authoring/api_importers.h"
#include "import_checks.h"

#include <doctest/doctest.h>

TEST_SUITE("import arxiv") {

TEST_CASE("an arXiv Atom feed gives ids without versions, LaTeX as text, DOIs and journal references") {
    const pv::ApiPage page = import_saved(pv::import_arxiv, "arxiv-query.atom");
    CHECK(page.total == 3);
    CHECK(page.items == 3);
    REQUIRE(page.result.bundle.entries.size() == 2);
    const pv::Entry& hpo = page.result.bundle.entries[0];
    CHECK(hpo.arxiv == "2104.08166");
    CHECK(hpo.title == "Automatic Termination for Hyperparameter Optimization");
    CHECK(hpo.authors == std::vector<std::string>{"Anastasia Makarova", "Cédric Archambeau"});
    CHECK(hpo.year == 2021);
    CHECK(hpo.doi == "10.48550/arXiv.2104.08166");
    CHECK(hpo.venue == "AutoML Conference 2022");
    CHECK(hpo.url.empty());
    CHECK(hpo.body.find("with epsilon-accuracy guarantees") != std::string::npos);
    CHECK(hpo.body.find("competitive on tabular benchmarks.") != std::string::npos);
    CHECK(hpo.tags == std::vector<std::string>{"cs.LG", "stat.ML"});
    const pv::Entry& old = page.result.bundle.entries[1];
    CHECK(old.arxiv == "hep-th/9901001");
    CHECK(old.title == "Dualities of N=4 Gauge Theories and Branes");
    CHECK(old.body == "We study dualities & branes in d<4.");
    CHECK(old.authors == std::vector<std::string>{"Søren Ødegaard"});
    CHECK(old.venue == "arXiv");
}

TEST_CASE("a withdrawn arXiv paper is left out with a warning at its line") {
    const pv::ApiPage page = import_saved(pv::import_arxiv, "arxiv-query.atom");
    CHECK(has_problem_at_line(page.result, 37, "arXiv 1805.00001 (\"A Proof That Was Not\") has been withdrawn"));
    CHECK_FALSE(page.result.has_errors());
}

TEST_CASE("arXiv's error feed and broken XML give clear messages") {
    pv::IdAllocator ids;
    const pv::ApiPage error = pv::import_arxiv(read_api_response("arxiv-error.atom"), ids);
    CHECK_FALSE(error.result.usable);
    CHECK(has_problem_at_line(error.result, 10, "arXiv answered with an error: incorrect id format for 1234.12345"));
    const pv::ApiPage html = pv::import_arxiv("<html><body>Service Unavailable</body></html>", ids);
    CHECK_FALSE(html.result.usable);
    CHECK(html.result.problems.back().message.find("not an arXiv Atom feed") != std::string::npos);
}

}  // TEST_SUITE
