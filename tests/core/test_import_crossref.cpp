#include "authoring/api_importers.h"
#include "import_checks.h"

#include <doctest/doctest.h>

TEST_SUITE("import crossref") {

TEST_CASE("a Crossref work gives its title, authors, venue, year, DOI, subjects and JATS abstract as text") {
    const pv::ApiPage page = import_saved(pv::import_crossref, "crossref-work.json");
    CHECK_FALSE(page.result.has_errors());
    REQUIRE(page.result.bundle.entries.size() == 1);
    const pv::Entry& e = page.result.bundle.entries[0];
    CHECK(e.title == "Non-stationary A/B Tests");
    CHECK(e.authors == std::vector<std::string>{"Yuhang Wu", "Zeyu Zheng", "Guangyu Zhang", "Zuohua Zhang", "Chu Wang"});
    CHECK(e.venue == "Proceedings of the 28th ACM SIGKDD Conference on Knowledge Discovery and Data Mining");
    CHECK(e.year == 2022);
    CHECK(e.doi == "10.1145/3534678.3539325");
    CHECK(e.url.empty());  // the doi.org link is the DOI's
    CHECK(e.tags == std::vector<std::string>{"Information Systems", "Software"});
    CHECK(e.body.starts_with("A/B tests, also known as online controlled experiments"));
    CHECK(e.body.find("\n\nWe show") != std::string::npos);
    CHECK(e.body.find("with lower variance & bias.") != std::string::npos);
    CHECK(e.id == "non-stationary-a-b-tests-2022");
}

TEST_CASE("a Crossref work list gives its cursor, and ids stay unique across its pages") {
    pv::IdAllocator ids;
    const pv::ApiPage first = pv::import_crossref(read_api_response("crossref-works-page1.json"), ids);
    CHECK(first.next_cursor == "DnF1ZXJ5VGhlbkZldGNoBgAAAAAA");
    CHECK(first.total == 3);
    REQUIRE(first.result.bundle.entries.size() == 2);
    const pv::Entry& alphafold = first.result.bundle.entries[0];
    CHECK(alphafold.title == "Highly accurate protein structure prediction with AlphaFold");
    CHECK(alphafold.authors == std::vector<std::string>{"John Jumper", "Žiga Avsec", "DeepMind Team"});
    CHECK(first.result.bundle.entries[1].year == 2016);

    const pv::ApiPage second = pv::import_crossref(read_api_response("crossref-works-page2.json"), ids);
    CHECK(second.result.has_errors());
    CHECK(has_problem_at_pointer(second.result, "/message/items/0/title", "10.5555/no-title has no title"));
    REQUIRE(second.result.bundle.entries.size() == 1);
    CHECK(second.result.bundle.entries[0].url == "https://arxiv.org/abs/1706.03762");

    const pv::ApiPage last = pv::import_crossref(read_api_response("crossref-works-page3.json"), ids);
    CHECK(last.result.usable);
    CHECK(last.next_cursor.empty());
}

TEST_CASE("a response that is not a Crossref answer says what it is and where it broke") {
    pv::IdAllocator ids;
    const pv::ApiPage cut = pv::import_crossref("{\"status\":\"ok\",\n\"message-type\":\"work\",\"message\":{\"title\":[\"A", ids);
    CHECK_FALSE(cut.result.usable);
    REQUIRE_FALSE(cut.result.problems.empty());
    CHECK(cut.result.problems[0].line == 2);
    CHECK(cut.result.problems[0].message.find("cut short") != std::string::npos);
    const pv::ApiPage other = pv::import_crossref("{\"status\":\"failed\",\"message-type\":\"validation-failure\",\"message\":[]}", ids);
    CHECK_FALSE(other.result.usable);
    CHECK(other.result.problems.back().message.find("request failed") != std::string::npos);
}

}  // TEST_SUITE
