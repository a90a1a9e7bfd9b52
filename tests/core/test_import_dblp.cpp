#include "authoring/api_importers.h"
#include "import_checks.h"

#include <doctest/doctest.h>

TEST_SUITE("import dblp") {

TEST_CASE("a DBLP person record gives every record with names, venues, DOIs and CoRR arXiv ids") {
    const pv::ApiPage page = import_saved(pv::import_dblp, "dblp-person.xml");
    CHECK(page.items == 4);
    REQUIRE(page.result.bundle.entries.size() == 3);
    const pv::Entry& corr = page.result.bundle.entries[0];
    CHECK(corr.title == "Automatic Termination for Hyperparameter Optimization");
    CHECK(corr.authors == std::vector<std::string>{"Anastasia Makarova", "Cédric Archambeau"});
    CHECK(corr.arxiv == "2104.08166");
    CHECK(corr.venue == "CoRR");
    const pv::Entry& kdd = page.result.bundle.entries[1];
    CHECK(kdd.title == "Non-stationary A/B Tests");
    CHECK(kdd.authors == std::vector<std::string>{"Yuhang Wu", "Wei Wang"});
    CHECK(kdd.doi == "10.1145/3534678.3539325");
    CHECK(kdd.venue == "KDD");
    CHECK(kdd.year == 2022);
    const pv::Entry& thesis = page.result.bundle.entries[2];
    CHECK(thesis.title == "Probabilistic models in noisy environments – and their application");
    CHECK(thesis.venue == "Université catholique de Louvain");
    CHECK(thesis.url == "https://dblp.org/rec/phd/ethos/Archambeau05");
}

TEST_CASE("a DBLP record without a title is reported at its line and the others kept") {
    const pv::ApiPage page = import_saved(pv::import_dblp, "dblp-person.xml");
    CHECK(has_problem_at_line(page.result, 37, "record journals/x/NoTitle has no title"));
}

TEST_CASE("a cut-short DBLP answer names the element it ends in") {
    const pv::ApiPage page = import_saved(pv::import_dblp, "dblp-truncated.xml");
    CHECK_FALSE(page.result.usable);
    REQUIRE(page.result.problems.size() == 1);
    CHECK(page.result.problems[0].message.find("ends inside <title>") != std::string::npos);
    CHECK(page.result.problems[0].line == 6);
}

}  // TEST_SUITE
