#include "authoring/api_importers.h"
#include "import_checks.h"

#include <doctest/doctest.h>

TEST_SUITE("import job boards") {

TEST_CASE("Greenhouse's entity-escaped HTML becomes a description with headings and lists") {
    const pv::ApiPage page = import_saved(pv::import_greenhouse, "greenhouse-jobs.json");
    CHECK(page.total == 3);
    REQUIRE(page.result.bundle.entries.size() == 2);
    const pv::Entry& ml = page.result.bundle.entries[0];
    CHECK(ml.kind == pv::Kind::job);
    CHECK(ml.title == "Research Scientist, Machine Learning");
    CHECK(ml.body ==
          "The Applied Science team builds models that keep our catalogue current. You will work with engineers & scientists.\n\n"
          "What you'll do:\n- Design experiments\n- Publish at NeurIPS, ICML & KDD\n\n"
          "Requirements:\n- PhD in CS or a related field\n- Python, C++\n\n"
          "Salary: $150,000–$200,000\n\nBenefits included.");
    CHECK(ml.job().location.city == "New York");
    CHECK(ml.job().location.region == "NY");
    CHECK(ml.job().location.country == "US");
    CHECK(ml.job().team == "Applied Science");
    CHECK(ml.url == "https://boards.greenhouse.io/vaulttec/jobs/127817");
    CHECK(ml.id == "research-scientist-machine-learning-new-york");
    const pv::Entry& fr = page.result.bundle.entries[1];
    CHECK(fr.title == "Ingénieur·e logiciel");
    CHECK(fr.body == "Rejoignez l’équipe « Plateforme ».");
    CHECK(fr.job().location.city == "Zürich");
    CHECK(fr.job().location.country == "CH");
    CHECK(has_problem_at_pointer(page.result, "/jobs/2/content", "ask the board with ?content=true"));
}

TEST_CASE("Lever postings join description, lists under their headings and the closing text") {
    const pv::ApiPage page = import_saved(pv::import_lever, "lever-postings.json");
    CHECK(page.items == 2);
    REQUIRE(page.result.bundle.entries.size() == 1);
    const pv::Entry& ml = page.result.bundle.entries[0];
    CHECK(ml.title == "Machine Learning Engineer");
    CHECK(ml.body ==
          "About the role:\nJoin our research team to work on retrieval.\n\n"
          "What you'll do:\n- Train models\n- Ship them & measure\n\nYou have:\n- 3+ years of Python\n\n"
          "We are an equal opportunity employer.");
    CHECK(ml.job().location.city == "San Francisco");
    CHECK(ml.job().location.region == "CA");
    CHECK(ml.job().location.country == "US");
    CHECK(ml.job().team == "Applied ML");
    CHECK(ml.tags == std::vector<std::string>{"Full-time", "hybrid"});
    CHECK(has_problem_at_pointer(page.result, "/1/categories/location", "\"Lab Manager\" has no location"));
}

TEST_CASE("Lever's answer for an unknown company is reported as such") {
    pv::IdAllocator ids;
    const pv::ApiPage page = pv::import_lever(R"({"ok":false,"error":"Document not found"})", ids);
    CHECK_FALSE(page.result.usable);
    CHECK(page.result.problems.back().message.find("Lever says \"Document not found\"") != std::string::npos);
}

TEST_CASE("Ashby jobs use the postal address, mark remote ones and leave unlisted ones out") {
    const pv::ApiPage page = import_saved(pv::import_ashby, "ashby-jobs.json");
    CHECK_FALSE(page.result.has_errors());
    REQUIRE(page.result.bundle.entries.size() == 2);
    const pv::Entry& swe = page.result.bundle.entries[0];
    CHECK(swe.body == "About us:\nWe build tools for research labs.\n\nYou will:\n- Own features end to end\n- Work with the <core> team");
    CHECK(swe.job().location.country == "GB");
    CHECK(swe.job().team == "EMEA Engineering");
    CHECK(swe.tags == std::vector<std::string>{"FullTime", "Remote"});
    const pv::Entry& intern = page.result.bundle.entries[1];
    CHECK(intern.job().location.city == "Berlin");
    CHECK(intern.job().location.region == "Berlin");
    CHECK(intern.job().location.country == "DE");
    CHECK(intern.job().team == "Research");
    CHECK(entry_titled(page.result.bundle, "Confidential Role") == nullptr);
}

}  // TEST_SUITE
