#include "authoring/api_importers.h"
#include "import_checks.h"

#include <doctest/doctest.h>

TEST_SUITE("import orcid") {

TEST_CASE("the ORCID works summary lists one put-code per group") {
    CHECK(pv::orcid_put_codes(read_api_response("orcid-works.json")) == std::vector<std::string>{"112233", "445566", "778899"});
}

TEST_CASE("ORCID summaries alone give titles, DOIs, arXiv ids, years and venues") {
    pv::IdAllocator ids;
    const pv::ApiPage page = pv::import_orcid(read_api_response("orcid-works.json"), {}, ids);
    REQUIRE(page.result.bundle.entries.size() == 3);
    const pv::Entry& kdd = page.result.bundle.entries[0];
    CHECK(kdd.title == "Non-stationary A/B Tests");
    CHECK(kdd.doi == "10.1145/3534678.3539325");
    CHECK(kdd.year == 2022);
    CHECK(kdd.authors.empty());
    const pv::Entry& hpo = page.result.bundle.entries[1];
    CHECK(hpo.arxiv == "2104.08166");
    CHECK(hpo.doi.empty());  // the ISSN it is part of is no DOI
    const pv::Entry& book = page.result.bundle.entries[2];
    CHECK(book.title == "Modèles probabilistes : théorie et pratique: Une introduction");
    CHECK(book.url.empty());
    CHECK(has_problem_at_pointer(page.result, "/group/2/work-summary/0", "javascript:alert(1)"));
    CHECK(has_problem_at_pointer(page.result, "/group/3", "without a work summary"));
}

TEST_CASE("ORCID work details, single and bulk, add contributors, abstracts and cited authors") {
    pv::IdAllocator ids;
    const pv::ApiPage page = pv::import_orcid(read_api_response("orcid-works.json"),
                                              {read_api_response("orcid-work-112233.json"), read_api_response("orcid-works-bulk.json")}, ids);
    REQUIRE(page.result.bundle.entries.size() == 3);
    const pv::Entry& kdd = page.result.bundle.entries[0];
    CHECK(kdd.authors == std::vector<std::string>{"Yuhang Wu", "Chu Wang"});
    CHECK(kdd.body == "A/B tests are used at scale. We show that non-stationarity can make them invalid.");
    // No contributors: the authors of its BibTeX citation.
    CHECK(page.result.bundle.entries[1].authors == std::vector<std::string>{"Anastasia Makarova", "Cédric Archambeau"});
    CHECK(has_problem_at_pointer(page.result, "", "No entity found with id 999"));
}

TEST_CASE("broken work details are reported and the summaries still imported") {
    pv::IdAllocator ids;
    const pv::ApiPage page = pv::import_orcid(read_api_response("orcid-works.json"), {"{\"put-code\": 1, "}, ids);
    CHECK(page.result.bundle.entries.size() == 3);
    CHECK(has_problem_at_line(page.result, 1, "work details 1: not valid JSON"));
}

}  // TEST_SUITE
