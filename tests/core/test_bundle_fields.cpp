// The fields format v1 grew: a publication's type, date, short venue,
// featured flag and typed links; a posting's dates, employment type, salary
// and remote flag. Read with a clear message for each bad value, written back
// as they were read, and kept by packs.
#include "core/formats/pack.h"
#include "core/model/bundle.h"
#include "core/model/dates.h"
#include "core/search/search_index.h"

#include <doctest/doctest.h>

#include <string>

namespace {

const char* kRich = R"({"pubview": 1, "title": "Lab",
  "publications": [{"id": "p1", "title": "Paper one", "abstract": "", "date": "2024-05-17", "type": "Conference Paper",
    "venue": "Neural Information Processing Systems", "venue_short": "NeurIPS", "featured": true,
    "links": [{"url": "https://example.org/p1.pdf", "kind": "pdf"},
              {"label": "Demo", "url": "https://example.org/demo", "kind": "video"}]}],
  "jobs": [{"id": "j1", "title": "Scientist", "location": {"city": "Berlin"}, "description": "Do science.",
    "date_posted": "2026-11-20T09:30:00Z", "valid_through": "2026-12-31", "employment_type": "Full-time",
    "salary": {"min": 70000, "max": 90000.5, "currency": "EUR", "unit": "year"}, "remote": true}]})";

bool has_problem(const pv::LoadResult& r, const std::string& pointer, const std::string& fragment) {
    for (const auto& p : r.problems)
        if (p.pointer == pointer && p.message.find(fragment) != std::string::npos) return true;
    return false;
}

std::string job_with(const std::string& fields) {
    return R"({"pubview": 1, "title": "Lab", "jobs": [{"id": "j", "title": "T", "location": {"city": "X"}, "description": "D", )" +
           fields + "}]}";
}

std::string publication_with(const std::string& fields) {
    return R"({"pubview": 1, "title": "Lab", "publications": [{"id": "p", "title": "T", "abstract": "", )" + fields + "}]}";
}

}  // namespace

TEST_SUITE("bundle fields") {

TEST_CASE("a publication's type, date, short venue, featured flag and typed links are read") {
    const pv::LoadResult r = pv::load_bundle(kRich);
    REQUIRE(r.clean());
    const pv::Entry& p = r.bundle.entries[0];
    CHECK(p.type == "conference paper");
    CHECK(p.date == "2024-05-17");
    CHECK(p.year == 2024);  // taken from the date
    CHECK(p.venue_short == "NeurIPS");
    CHECK(p.featured);
    REQUIRE(p.links.size() == 2);
    CHECK(p.links[0].kind == pv::LinkKind::pdf);
    CHECK(p.links[0].label.empty());
    CHECK(p.links[1].label == "Demo");
    CHECK(p.links[1].kind == pv::LinkKind::video);
}

TEST_CASE("a posting's dates, employment type, salary and remote flag are read") {
    const pv::LoadResult r = pv::load_bundle(kRich);
    const pv::Entry& j = r.bundle.entries[1];
    CHECK(j.job().date_posted == "2026-11-20T09:30:00Z");
    CHECK(j.job().valid_through == "2026-12-31");
    CHECK(j.job().employment_type == "full_time");
    CHECK(j.job().salary.min == 70000);
    CHECK(j.job().salary.max == 90000.5);
    CHECK(j.job().salary.currency == "EUR");
    CHECK(j.job().salary.unit == "year");
    CHECK(j.job().remote);
}

TEST_CASE("the new fields are written back as they were read") {
    const pv::LoadResult r = pv::load_bundle(kRich);
    const std::string json = pv::to_json(r.bundle);
    CHECK(json.find("\"pubview\": 1") != std::string::npos);
    CHECK(json.find("\"year\": 2024") != std::string::npos);  // a reader that knows only year still has it
    CHECK(json.find("\"min\": 70000,") != std::string::npos);
    const pv::LoadResult back = pv::load_bundle(json);
    REQUIRE(back.clean());
    CHECK(pv::to_json(back.bundle) == json);
}

TEST_CASE("a pack keeps every new field") {
    const pv::LoadResult r = pv::load_bundle(kRich);
    const pv::SearchIndex index(r.bundle);
    const pv::IndexedBundle packed = pv::read_pack(pv::write_pack(r.bundle, index));
    REQUIRE(packed.loaded->usable);
    CHECK(pv::to_json(packed.loaded->bundle) == pv::to_json(r.bundle));
    REQUIRE(packed.loaded->bundle.entries[1].job().salary.min);
    CHECK_FALSE(packed.loaded->bundle.entries[0].job().salary.min);
}

TEST_CASE("a pack of the first format version is refused with what to do") {
    const pv::LoadResult r = pv::load_bundle(kRich);
    std::string bytes = pv::write_pack(r.bundle, pv::SearchIndex(r.bundle));
    bytes[pv::kPackSignatureBytes] = 1;  // the version that had none of these fields
    const pv::IndexedBundle packed = pv::read_pack(bytes);
    REQUIRE_FALSE(packed.loaded->usable);
    CHECK(packed.loaded->problems[0].message.find("format version 1") != std::string::npos);
    CHECK(packed.loaded->problems[0].message.find("pubview pack") != std::string::npos);
}

TEST_CASE("a date that is not ISO 8601 is dropped with a message that names the field") {
    const pv::LoadResult r = pv::load_bundle(publication_with(R"("date": "17/05/2024")"));
    CHECK(r.bundle.entries.size() == 1);
    CHECK(r.bundle.entries[0].date.empty());
    CHECK(has_problem(r, "/publications/0/date", "not an ISO 8601 date"));
    const pv::LoadResult february = pv::load_bundle(job_with(R"("date_posted": "2023-02-29")"));
    CHECK(has_problem(february, "/jobs/0/date_posted", "not an ISO 8601 date"));
}

TEST_CASE("a date naming another year than year is dropped and year kept") {
    const pv::LoadResult r = pv::load_bundle(publication_with(R"("year": 2023, "date": "2024-01-02")"));
    CHECK(r.bundle.entries[0].year == 2023);
    CHECK(r.bundle.entries[0].date.empty());
    CHECK(has_problem(r, "/publications/0/date", "names the year 2024"));
}

TEST_CASE("an unknown type, link kind or employment type is named with the words allowed") {
    const pv::LoadResult r = pv::load_bundle(publication_with(
        R"j("type": "blog post", "links": [{"url": "https://x.org", "kind": "tweet"}, {"kind": "pdf"}, "x", {"url": "javascript:alert(1)", "kind": "pdf"}])j"));
    REQUIRE(r.bundle.entries.size() == 1);
    CHECK(r.bundle.entries[0].type.empty());
    CHECK(r.bundle.entries[0].links.empty());
    CHECK(has_problem(r, "/publications/0/type", "not one of article, conference paper"));
    CHECK(has_problem(r, "/publications/0/links/0/kind", "not a link kind"));
    CHECK(has_problem(r, "/publications/0/links/1", "needs a url"));
    CHECK(has_problem(r, "/publications/0/links/2", "expected an object"));
    CHECK(has_problem(r, "/publications/0/links/3/url", "only http, https and mailto"));
    const pv::LoadResult job = pv::load_bundle(job_with(R"("employment_type": "gig")"));
    CHECK(has_problem(job, "/jobs/0/employment_type", "not one of full_time"));
}

TEST_CASE("links and related content that are not lists of objects are ignored where they go wrong") {
    const pv::LoadResult r = pv::load_bundle(publication_with(
        R"j("links": {"url": "https://x.org"}, "related": [{"title": "Kept"}, 7, {"summary": "Also kept"}])j"));
    REQUIRE(r.bundle.entries.size() == 1);
    CHECK(r.bundle.entries[0].links.empty());
    CHECK(has_problem(r, "/publications/0/links", "expected an array of {label, url, kind}, got an object; ignored"));
    REQUIRE(r.bundle.entries[0].related.size() == 2);
    CHECK(r.bundle.entries[0].related[1].summary == "Also kept");
    CHECK(has_problem(r, "/publications/0/related/1", "expected an object, got a number; ignored"));
}

TEST_CASE("a salary that does not add up is dropped with the reason") {
    CHECK(has_problem(pv::load_bundle(job_with(R"("salary": {"min": 9, "max": 5})")), "/jobs/0/salary", "min is more than max"));
    CHECK(has_problem(pv::load_bundle(job_with(R"("salary": {"min": 9, "currency": "euro"})")), "/jobs/0/salary/currency", "ISO 4217"));
    CHECK(has_problem(pv::load_bundle(job_with(R"("salary": {"currency": "USD"})")), "/jobs/0/salary", "needs min, max or both"));
    CHECK(has_problem(pv::load_bundle(job_with(R"("salary": {"min": -1, "max": 3})")), "/jobs/0/salary/min", "0 or more"));
    CHECK(has_problem(pv::load_bundle(job_with(R"("salary": "lots")")), "/jobs/0/salary", "expected an object"));
    const pv::LoadResult hourly = pv::load_bundle(job_with(R"("salary": {"max": 40, "unit": "Hourly"})"));
    CHECK(hourly.clean());
    CHECK(hourly.bundle.entries[0].job().salary.unit == "hour");
}

TEST_CASE("a posting that closes before it opens is kept with a warning") {
    const pv::LoadResult r = pv::load_bundle(job_with(R"("date_posted": "2024-05-02", "valid_through": "2024-05-01")"));
    CHECK(r.bundle.entries.size() == 1);
    CHECK(has_problem(r, "/jobs/0/valid_through", "before date_posted"));
}

}  // TEST_SUITE

TEST_SUITE("dates") {

TEST_CASE("ISO 8601 years, months, days and times of day are dates") {
    for (const char* date : {"2024", "2024-05", "2024-02-29", "2024-05-17T09:30", "2024-05-17T09:30:00Z", "2024-05-17T09:30:00.25+02:00"})
        CHECK_MESSAGE(pv::parse_iso_date(date), date);
    for (const char* date : {"", "24", "2024-13", "2023-02-29", "2024-5-1", "2024-05-17T25:00", "2024-05-17Z", "May 2024", "2024-05-17T09:30+2"})
        CHECK_FALSE_MESSAGE(pv::parse_iso_date(date), date);
}

TEST_CASE("day numbers count from 1970-01-01 and a month or year starts on its first day") {
    CHECK(pv::day_number("1970-01-01") == 0);
    CHECK(pv::day_number("2000-03-01") == 11017);
    CHECK(pv::day_number("2024-05") == pv::day_number("2024-05-01"));
    CHECK(pv::day_number("2024") == pv::day_number("2024-01-01"));
    CHECK_FALSE(pv::day_number("soon"));
    CHECK(pv::rfc3339(*pv::parse_iso_date("2024-05")) == "2024-05-01T00:00:00Z");
    CHECK(pv::rfc822(*pv::parse_iso_date("2024-12-03")) == "03 Dec 2024 00:00:00 GMT");
}

}  // TEST_SUITE
