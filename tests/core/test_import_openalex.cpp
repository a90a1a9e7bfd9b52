#include "authoring/api_importers.h"
#include "import_checks.h"

#include <doctest/doctest.h>

TEST_SUITE("import openalex") {

TEST_CASE("OpenAlex works give their abstract rebuilt from the inverted index and the cursor of the next page") {
    const pv::ApiPage page = import_saved(pv::import_openalex, "openalex-works-page1.json");
    CHECK_FALSE(page.result.has_errors());
    CHECK(page.next_cursor == "IlsxMDAuMCwgJ2h0dHBzOi8vb3BlbmFsZXgub3JnL1cyMDQxMjk5ODgxJ10i");
    CHECK(page.total == 3);
    REQUIRE(page.result.bundle.entries.size() == 2);
    const pv::Entry& ab = page.result.bundle.entries[0];
    CHECK(ab.body == "A/B tests, also known as online controlled experiments, are used widely. Non-stationary A/B tests are harder.");
    CHECK(ab.doi == "10.1145/3534678.3539325");
    CHECK(ab.authors == std::vector<std::string>{"Yuhang Wu", "Chu Wang"});
    CHECK(ab.venue == "Proceedings of the 28th ACM SIGKDD Conference on Knowledge Discovery and Data Mining");
    CHECK(ab.tags == std::vector<std::string>{"A/B testing"});
    CHECK(ab.year == 2022);
}

TEST_CASE("an OpenAlex preprint in Japanese keeps its title and finds its arXiv id in its locations") {
    const pv::ApiPage page = import_saved(pv::import_openalex, "openalex-works-page1.json");
    REQUIRE(page.result.bundle.entries.size() == 2);
    const pv::Entry& ja = page.result.bundle.entries[1];
    CHECK(ja.title == "深層学習による日本語の構文解析");
    CHECK(ja.authors == std::vector<std::string>{"山田 太郎"});
    CHECK(ja.arxiv == "2106.01234");
    CHECK(ja.body.empty());
    CHECK(ja.tags == std::vector<std::string>{"Parsing"});
    CHECK_FALSE(ja.id.empty());
}

TEST_CASE("the last OpenAlex page is empty and has no cursor") {
    const pv::ApiPage page = import_saved(pv::import_openalex, "openalex-works-page3.json");
    CHECK(page.result.usable);
    CHECK(page.result.bundle.entries.empty());
    CHECK(page.next_cursor.empty());
}

TEST_CASE("a hostile inverted index is refused without allocating and the work is kept") {
    pv::IdAllocator ids;
    const pv::ApiPage page = pv::import_openalex(
        R"({"meta":{"count":1},"results":[{"id":"https://openalex.org/W1","display_name":"T","abstract_inverted_index":{"a":[4000000000]}}]})", ids);
    REQUIRE(page.result.bundle.entries.size() == 1);
    CHECK(has_problem_at_pointer(page.result, "/results/0/abstract_inverted_index", "not a word index"));
}

TEST_CASE("a response without results says it is not an OpenAlex answer") {
    pv::IdAllocator ids;
    const pv::ApiPage page = pv::import_openalex(R"({"error":"Invalid query parameters error.","message":"..."})", ids);
    CHECK_FALSE(page.result.usable);
    CHECK(page.result.problems.back().message.find("not an OpenAlex") != std::string::npos);
}

}  // TEST_SUITE
