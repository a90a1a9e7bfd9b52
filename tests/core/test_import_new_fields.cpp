// The bundle's later fields as the web-API importers fill them from recorded
// answers (tests/data/api/recorded/README.md) and the older saved ones; the
// pay shapes of Lever and Ashby follow their documentation (no recorded
// answer with pay was at hand).
#include "authoring/api_importers.h"
#include "import_checks.h"

#include <doctest/doctest.h>

TEST_SUITE("importers fill the new fields") {

TEST_CASE("Crossref gives the work's type and issued date") {
    pv::IdAllocator ids;
    const pv::ApiPage elife = pv::import_crossref(read_api_response("recorded/crossref-work-elife.json"), ids);
    REQUIRE(elife.result.bundle.entries.size() == 1);
    CHECK(elife.result.bundle.entries[0].type == "article");
    CHECK(elife.result.bundle.entries[0].date == "2014-02-11");
    const pv::ApiPage posted = pv::import_crossref(read_api_response("recorded/crossref-work-posted-content.json"), ids);
    CHECK(posted.result.bundle.entries.at(0).type == "preprint");
    const pv::ApiPage proceedings = pv::import_crossref(read_api_response("crossref-work.json"), ids);
    CHECK(proceedings.result.bundle.entries.at(0).type == "conference paper");
}

TEST_CASE("arXiv gives a preprint with its PDF link and the day it was published") {
    const pv::ApiPage page = import_saved(pv::import_arxiv, "recorded/arxiv-1707.08567.atom");
    REQUIRE(page.result.bundle.entries.size() == 1);
    const pv::Entry& e = page.result.bundle.entries[0];
    CHECK(e.type == "preprint");
    CHECK(e.date == "2017-07-27");
    REQUIRE(e.links.size() == 1);
    CHECK(e.links[0].kind == pv::LinkKind::pdf);
    CHECK(e.links[0].url == "https://arxiv.org/pdf/1707.08567v1");
}

TEST_CASE("OpenAlex gives the type and publication date") {
    const pv::ApiPage page = import_saved(pv::import_openalex, "openalex-works-page1.json");
    REQUIRE(page.result.bundle.entries.size() >= 2);
    CHECK(page.result.bundle.entries[0].type == "article");
    CHECK(page.result.bundle.entries[0].date == "2022-08-14");
    CHECK(page.result.bundle.entries[1].type == "preprint");
}

TEST_CASE("Greenhouse, Lever and Ashby give when a posting opened, its employment type and remote work") {
    pv::IdAllocator ids;
    const pv::ApiPage greenhouse = pv::import_greenhouse(read_api_response("greenhouse-jobs.json"), ids);
    CHECK(greenhouse.result.bundle.entries.at(0).job().date_posted == "2024-01-14T10:55:28-05:00");
    const pv::ApiPage lever = pv::import_lever(read_api_response("lever-postings.json"), ids);
    const pv::Entry& hybrid = lever.result.bundle.entries.at(0);
    CHECK(hybrid.job().date_posted == "2023-11-14");  // createdAt 1700000000000 ms
    CHECK(hybrid.job().employment_type == "full_time");
    CHECK_FALSE(hybrid.job().remote);
    const pv::ApiPage ashby = pv::import_ashby(read_api_response("ashby-jobs.json"), ids);
    const pv::Entry& remote = ashby.result.bundle.entries.at(0);
    CHECK(remote.job().date_posted == "2024-06-06T18:36:29.484+00:00");
    CHECK(remote.job().remote);
    CHECK(remote.job().employment_type == "full_time");
    CHECK(ashby.result.bundle.entries.at(1).job().employment_type == "intern");
    CHECK(pv::load_bundle(pv::to_json(ashby.result.bundle)).clean());
}

TEST_CASE("Lever's salaryRange and Ashby's compensation become the salary") {
    pv::IdAllocator ids;
    const pv::ApiPage lever = pv::import_lever(R"([{"id": "1", "text": "Engineer", "hostedUrl": "https://jobs.lever.co/x/1",
        "descriptionPlain": "Build.", "categories": {"location": "Berlin"}, "workplaceType": "remote",
        "salaryRange": {"currency": "EUR", "interval": "per-year-salary", "min": 70000, "max": 90000}}])", ids);
    const pv::Entry& e = lever.result.bundle.entries.at(0);
    CHECK(e.job().remote);
    CHECK(e.job().salary.min == 70000);
    CHECK(e.job().salary.max == 90000);
    CHECK(e.job().salary.currency == "EUR");
    CHECK(e.job().salary.unit == "year");
    const pv::ApiPage ashby = pv::import_ashby(R"({"jobs": [{"title": "Intern", "location": "Paris", "descriptionPlain": "Learn.",
        "jobUrl": "https://jobs.ashbyhq.com/x/1", "compensation": {"summaryComponents": [
          {"compensationType": "EquityPercentage", "minValue": 0.1, "maxValue": 0.2},
          {"compensationType": "Salary", "interval": "1 HOUR", "currencyCode": "USD", "minValue": 30, "maxValue": 20}]}},
        {"title": "Engineer", "location": "Paris", "descriptionPlain": "Build.", "jobUrl": "https://jobs.ashbyhq.com/x/2",
         "compensation": {"summaryComponents": [{"compensationType": "Salary", "interval": "1 HOUR", "currencyCode": "usd", "minValue": 20, "maxValue": 30}]}}]})", ids);
    CHECK(ashby.result.bundle.entries.at(0).job().salary.empty());  // min above max: no salary
    const pv::Salary& pay = ashby.result.bundle.entries.at(1).job().salary;
    CHECK(pay.min == 20);
    CHECK(pay.currency == "USD");
    CHECK(pay.unit == "hour");
}

}  // TEST_SUITE
