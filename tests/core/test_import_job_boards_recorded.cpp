// The job board importers on answers the boards' own documentation shows
// (tests/data/api/recorded/, README there says where each comes from).
#include "authoring/api_importers.h"
#include "import_checks.h"

#include <doctest/doctest.h>

TEST_SUITE("import job boards, recorded answers") {

TEST_CASE("Greenhouse's documented content=true answer gives the job with its description as text, not as escaped tags") {
    const pv::ApiPage page = import_saved(pv::import_greenhouse, "recorded/greenhouse-docs-jobs-content.json");
    CHECK_FALSE(page.result.has_errors());
    CHECK(page.total == 1);
    REQUIRE(page.result.bundle.entries.size() == 1);
    const pv::Entry& e = page.result.bundle.entries[0];
    CHECK(e.title == "Vault Designer");
    CHECK(e.job().location.city == "NYC");
    CHECK(e.job().team == "Department of Departments");
    CHECK(e.url == "https://boards.greenhouse.io/vaulttec/jobs/127817");
    CHECK(e.body == "This is the job description.\n\nAny HTML included through the hosted job application editor will be automatically converted into corresponding HTML entities.");
}

}  // TEST_SUITE
