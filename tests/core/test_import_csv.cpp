#include "authoring/import_csv.h"
#include "import_checks.h"

#include <doctest/doctest.h>

#include <string>

namespace {

pv::CsvImportOptions publications_with_url_column() {
    pv::CsvImportOptions options;
    options.column_fields["paper url"] = "url";
    return options;
}

}  // namespace

TEST_CASE("CSV cells may hold quoted commas, line breaks and doubled quotes") {
    std::vector<pv::Problem> problems;
    const auto rows = pv::parse_csv("a,\"b, c\",\"line one\nline two\"\n\"say \"\"hi\"\"\",,x\n", problems);
    CHECK(problems.empty());
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].cells == std::vector<std::string>{"a", "b, c", "line one\nline two"});
    CHECK(rows[1].line == 3);
    CHECK(rows[1].cells == std::vector<std::string>{"say \"hi\"", "", "x"});
}

TEST_CASE("a spreadsheet export with BOM and CR LF imports publications with list and multi-line cells") {
    const pv::ImportResult result = pv::import_csv(read_import_input("publications.csv"), publications_with_url_column());
    CHECK_FALSE(result.has_errors());
    REQUIRE(result.bundle.entries.size() == 2);
    const pv::Entry& redshift = result.bundle.entries[0];
    CHECK(redshift.id == "amazon-redshift-re-invented-2022");
    CHECK(redshift.title == "Amazon Redshift Re-invented");
    CHECK(redshift.authors == std::vector<std::string>{"Nikos Armenatzoglou", "Sanuj Basu", "Doug Terry"});
    CHECK(redshift.year == 2022);
    CHECK(redshift.venue == "SIGMOD 2022");
    CHECK(redshift.body == "In 2013, Amazon Web Services revolutionized the data warehousing industry.\n\nThis cloud service was a significant leap.");
    CHECK(redshift.tags == std::vector<std::string>{"databases", "cloud"});
    CHECK(redshift.url == "https://www.amazon.science/publications/amazon-redshift-re-invented");
    CHECK(result.bundle.entries[1].body == "Advertisers \"bid\" in auctions, billions of times every day.");
}

TEST_CASE("a column that matches no field is reported by name") {
    const pv::ImportResult result = pv::import_csv(read_import_input("publications.csv"), publications_with_url_column());
    REQUIRE(result.problems.size() == 1);
    CHECK(has_problem_at_line(result, 1, "column \"Notes\" matches no publication field"));
    const pv::ImportResult unmapped = pv::import_csv(read_import_input("publications.csv"), {});
    CHECK(has_problem_at_line(unmapped, 1, "column \"Paper URL\""));
    CHECK(unmapped.bundle.entries[0].url.empty());
}

TEST_CASE("job rows get ids from title and city, numbered when they repeat") {
    pv::CsvImportOptions options;
    options.kind = pv::Kind::job;
    const pv::ImportResult result = pv::import_csv(read_import_input("jobs.csv"), options);
    REQUIRE(result.bundle.entries.size() == 3);
    CHECK(result.bundle.entries[0].id == "applied-scientist-seattle");
    CHECK(result.bundle.entries[0].job().location.region == "WA");
    CHECK(result.bundle.entries[0].job().team == "Fire TV Channels");
    CHECK(result.bundle.entries[0].body.ends_with("Basic Qualifications:\n- PhD"));
    CHECK(result.bundle.entries[1].id == "applied-scientist-bengaluru");
    CHECK(result.bundle.entries[2].id == "applied-scientist-bengaluru-2");
    CHECK(result.bundle.entries[2].kind == pv::Kind::job);
}

TEST_CASE("malformed rows are reported with line numbers and the readable rows kept") {
    const pv::ImportResult result = pv::import_csv(read_import_input("broken.csv"), {});
    CHECK(result.has_errors());
    REQUIRE(result.bundle.entries.size() == 3);
    CHECK(result.bundle.entries[0].title == "First Good Row");
    CHECK(result.bundle.entries[1].title == "Bad Year");
    CHECK_FALSE(result.bundle.entries[1].year);
    CHECK(result.bundle.entries[2].title == "Last Good Row");
    CHECK(has_problem_at_line(result, 3, "row has 4 cells, the header 3"));
    CHECK(has_problem_at_line(result, 4, "row has no title"));
    CHECK(has_problem_at_line(result, 5, "year \"soon\" is not a year"));
    CHECK(has_problem_at_line(result, 6, "unterminated quoted cell"));
}

TEST_CASE("an empty CSV file, a header without a title column and a map to an unknown field are errors") {
    CHECK_FALSE(pv::import_csv("", {}).usable);
    CHECK_FALSE(pv::import_csv("\xEF\xBB\xBF", {}).usable);
    CHECK_FALSE(pv::import_csv("name,year\nx,2020\n", {}).usable);
    pv::CsvImportOptions options;
    options.column_fields["Name"] = "headline";
    const pv::ImportResult result = pv::import_csv("name\nx\n", options);
    CHECK_FALSE(result.usable);
    CHECK(result.problems.at(0).message.find("no field \"headline\"") != std::string::npos);
}

TEST_CASE("header names match fields whatever their case and --map overrides them") {
    pv::CsvImportOptions options;
    options.column_fields["Name"] = "title";
    const pv::ImportResult result = pv::import_csv("NAME,YEAR\nA paper,2020\n", options);
    REQUIRE(result.bundle.entries.size() == 1);
    CHECK(result.bundle.entries[0].title == "A paper");
    CHECK(result.bundle.entries[0].year == 2020);
}

TEST_CASE("a url that is not an http(s) link is left out with a warning") {
    const pv::ImportResult result = pv::import_csv("title,url\nA,javascript:alert(1)\nB,https://example.org/b\n", {});
    REQUIRE(result.bundle.entries.size() == 2);
    CHECK(result.bundle.entries[0].url.empty());
    CHECK(has_problem_at_line(result, 2, "url \"javascript:alert(1)\" is not an http(s) link"));
    CHECK(result.bundle.entries[1].url == "https://example.org/b");
}
