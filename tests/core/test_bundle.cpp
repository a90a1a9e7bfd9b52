#include "core/model/bundle.h"
#include "source_files.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

using pv::Kind;
using pv::load_bundle;

namespace {

const char* kMinimal = R"({"pubview": 1, "title": "Lab",
  "publications": [{"id": "p1", "title": "Paper one", "abstract": "About one.", "year": 2022, "authors": ["Ann Lee"]}],
  "jobs": [{"id": "j1", "title": "Scientist", "location": {"country": "US", "city": "Seattle"}, "description": "Do science."}]})";

bool has_problem(const pv::LoadResult& r, const std::string& pointer, const std::string& fragment) {
    for (const auto& p : r.problems)
        if (p.pointer == pointer && p.message.find(fragment) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("a minimal bundle loads clean with publications before jobs") {
    auto r = load_bundle(kMinimal);
    REQUIRE(r.clean());
    REQUIRE(r.bundle.entries.size() == 2);
    CHECK(r.bundle.title == "Lab");
    CHECK(r.bundle.entries[0].kind == Kind::publication);
    CHECK(r.bundle.entries[0].year == 2022);
    CHECK(r.bundle.entries[1].kind == Kind::job);
    CHECK(r.bundle.entries[1].job().location.display() == "Seattle, US");
}

TEST_CASE("jobs listed before publications in the file still come after them") {
    auto r = load_bundle(R"({"jobs": [{"id": "j", "title": "T", "location": {"city": "X"}, "description": "D"}],
                             "publications": [{"id": "p", "title": "P", "abstract": ""}], "pubview": 1, "title": "t"})");
    REQUIRE(r.clean());
    CHECK(r.bundle.entries[0].id == "p");
    CHECK(r.bundle.entries[1].id == "j");
}

TEST_CASE("an item with a mistyped required field is skipped and named by its JSON Pointer") {
    auto r = load_bundle(R"({"pubview": 1, "title": "t", "jobs": [
        {"id": "a", "title": "ok", "location": {"city": "X"}, "description": "d"},
        {"id": "b", "title": 7, "location": {"city": "X"}, "description": "d"}]})");
    REQUIRE(r.usable);
    CHECK(r.bundle.entries.size() == 1);
    CHECK(r.skipped == 1);
    CHECK(has_problem(r, "/jobs/1/title", "expected a string, got a number"));
}

TEST_CASE("a duplicate id keeps the first item and warns about the second") {
    auto r = load_bundle(R"({"pubview": 1, "title": "t", "publications": [
        {"id": "x", "title": "first", "abstract": ""}, {"id": "x", "title": "second", "abstract": ""}]})");
    REQUIRE(r.bundle.entries.size() == 1);
    CHECK(r.bundle.entries[0].title == "first");
    CHECK(has_problem(r, "/publications/1/id", "duplicate id \"x\" (first used at /publications/0)"));
}

TEST_CASE("links that are not http, https or mailto are dropped with a warning") {
    auto r = load_bundle(R"J({"pubview": 1, "title": "t", "publications": [
        {"id": "a", "title": "A", "abstract": "", "url": "javascript:alert(1)"},
        {"id": "b", "title": "B", "abstract": "", "url": "https://example.org/b"},
        {"id": "c", "title": "C", "abstract": "", "url": "//evil.example/x"},
        {"id": "d", "title": "D", "abstract": "", "url": "data:text/html,hi"}]})J");
    REQUIRE(r.bundle.entries.size() == 4);
    CHECK(r.bundle.entries[0].url.empty());
    CHECK(r.bundle.entries[1].url == "https://example.org/b");
    CHECK(r.bundle.entries[2].url.empty());
    CHECK(r.bundle.entries[3].url.empty());
    CHECK(has_problem(r, "/publications/0/url", "dropped URL"));
    CHECK(has_problem(r, "/publications/2/url", "dropped URL"));
}

TEST_CASE("a document that is not a usable bundle is an error with a clear message") {
    CHECK(load_bundle("").fatal()->message == "the bundle is empty");
    CHECK(load_bundle("null").fatal()->message.find("JSON object") != std::string::npos);
    CHECK(load_bundle("[1,2]").fatal()->message.find("an array") != std::string::npos);
    CHECK(load_bundle(R"({"title": "t"})").fatal()->pointer == "/pubview");
    CHECK(load_bundle(R"({"pubview": 1})").fatal()->pointer == "/title");
    CHECK(load_bundle(R"({"pubview": "1", "title": "t"})").fatal()->pointer == "/pubview");
}

TEST_CASE("a syntax error reports line and column") {
    auto r = load_bundle("{\"pubview\": 1,\n  \"title\": \"t\"\n  \"jobs\": []}");
    REQUIRE(!r.problems.empty());
    const pv::Problem* parse = nullptr;
    for (const auto& p : r.problems) if (p.line > 0) parse = &p;
    REQUIRE(parse != nullptr);
    CHECK(parse->line == 3);
    CHECK(parse->column == 3);
    CHECK(pv::format_problem("x.json", *parse).rfind("x.json:3:3: ", 0) == 0);
}

TEST_CASE("a truncated bundle keeps every item that was complete before the cut") {
    std::string text = R"({"pubview": 1, "title": "t", "publications": [
        {"id": "a", "title": "A", "abstract": "x"}, {"id": "b", "title": "B", "abstract": "y"}, {"id": "c", "title": "C", "ab)";
    auto r = load_bundle(text);
    CHECK(r.usable);
    CHECK(r.bundle.entries.size() == 2);
    CHECK(r.problems.back().severity == pv::Severity::error);
}

TEST_CASE("deep nesting is refused without recursion and the rest still loads") {
    std::string deep(100000, '[');
    std::string text = R"({"pubview": 1, "title": "t", "extra": )" + deep + std::string(100000, ']') +
                       R"(, "publications": [{"id": "a", "title": "A", "abstract": ""}]})";
    auto r = load_bundle(text);
    CHECK(r.usable);
    CHECK(r.bundle.entries.size() == 1);
    CHECK(has_problem(r, "/extra/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0",
                      "nested deeper than 64 levels"));
}

TEST_CASE("control and text-direction characters are removed from titles") {
    auto r = load_bundle("{\"pubview\": 1, \"title\": \"t\", \"publications\": [{\"id\": \"a\", \"title\": \"Evil\\u202e txt.exe\\u0007\", \"abstract\": \"\"}]}");
    REQUIRE(r.bundle.entries.size() == 1);
    CHECK(r.bundle.entries[0].title == "Evil txt.exe");
    CHECK(has_problem(r, "/publications/0/title", "removed control"));
}

TEST_CASE("a string over the size limit is truncated on a character boundary") {
    pv::LoadOptions options;
    options.max_string_bytes = 10;
    auto r = load_bundle(R"({"pubview": 1, "title": "t", "publications": [{"id": "a", "title": "ééééééé", "abstract": ""}]})", options);
    REQUIRE(r.bundle.entries.size() == 1);
    CHECK(r.bundle.entries[0].title == "ééééé");
}

TEST_CASE("years outside 1900..2100 and negative ranks are dropped, the item kept") {
    auto r = load_bundle(R"({"pubview": 1, "title": "t", "publications": [{"id": "a", "title": "A", "abstract": "", "year": 3022, "rank": -4}]})");
    REQUIRE(r.bundle.entries.size() == 1);
    CHECK_FALSE(r.bundle.entries[0].year.has_value());
    CHECK_FALSE(r.bundle.entries[0].rank.has_value());
    CHECK(has_problem(r, "/publications/0/year", "outside 1900..2100"));
}

TEST_CASE("a newer format version loads with a warning") {
    auto r = load_bundle(R"({"pubview": 2, "title": "t"})");
    CHECK(r.usable);
    CHECK(has_problem(r, "/pubview", "newer"));
}

TEST_CASE("to_json writes a bundle that loads back the same") {
    auto first = load_bundle(kMinimal);
    const std::string once = pv::to_json(first.bundle);
    auto second = load_bundle(once);
    REQUIRE(second.clean());
    CHECK(pv::to_json(second.bundle) == once);
    CHECK(once.find("\"pubview\": 1") != std::string::npos);
}

// What nlohmann's own dump writes for the document to_json wrote: to_json
// writes its text straight out, and must write the same bytes.
std::string as_nlohmann_writes(const std::string& text, pv::JsonLayout layout) {
    return nlohmann::ordered_json::parse(text).dump(layout == pv::JsonLayout::indented ? 2 : -1) + '\n';
}

TEST_CASE("to_json writes, indented and compact, byte for byte what nlohmann's dump writes") {
    pv::Bundle bundle = pv::load_bundle(read_source_file("data/most-viewed-2022.json")).bundle;
    REQUIRE(bundle.entries.size() == 20);
    // Strings no loader keeps but a caller may hand in: every escape, a lone
    // surrogate's bytes and a cut sequence (written as U+FFFD), and other scripts.
    pv::Entry& odd = bundle.entries.front();
    odd.title = std::string("quote \" backslash \\ tab\t line\n cr\r ff\f bs\b nul") + '\0' + " \x01\x1f\x7f end";
    odd.body = "\xed\xa0\x80 lone surrogate, cut \xe2\x82 then ok: \xe2\x82\xac \xf0\x9f\x98\x80 日本語 العربية";
    odd.authors = {"Łukasz Żółć", "", "Nguyễn"};
    odd.related = {pv::Related{}, pv::Related{"t", "", "https://example.org/?a=1&b=2"}};
    pv::Entry& job = *std::find_if(bundle.entries.begin(), bundle.entries.end(), [](const pv::Entry& e) { return e.kind == pv::Kind::job; });
    job.edit_job().location = {};
    job.edit_job().salary.min = 120000.5;
    job.edit_job().salary.max = 1e300;
    pv::Bundle empty{"Nothing yet", "", {}, {}};
    for (const pv::Bundle* b : {&bundle, &empty}) {
        for (const pv::JsonLayout layout : {pv::JsonLayout::indented, pv::JsonLayout::compact}) {
            const std::string text = pv::to_json(*b, layout);
            CHECK(text == as_nlohmann_writes(text, layout));
        }
    }
    CHECK(pv::to_json(empty, pv::JsonLayout::compact) == "{\"pubview\":1,\"title\":\"Nothing yet\",\"publications\":[],\"jobs\":[]}\n");
    const std::string compact = pv::to_json(bundle, pv::JsonLayout::compact);
    CHECK(compact.find("\\u0000 \\u0001\\u001f\x7f end") != std::string::npos);
    CHECK(compact.find("\xef\xbf\xbd") != std::string::npos);  // U+FFFD for the bytes that are not UTF-8
    CHECK(compact.find("\"location\":{}") != std::string::npos);
    CHECK(compact.find("\"min\":120000.5,\"max\":1e+300") != std::string::npos);
}

TEST_CASE("a compact bundle put together from its entries' objects is the same text as the bundle written whole") {
    pv::Bundle bundle = pv::load_bundle(read_source_file("data/most-viewed-2022.json")).bundle;
    bundle.description = "Described";
    bundle.source = {"Seed", "https://example.org/"};
    std::vector<std::string> objects;
    for (const pv::Entry& e : bundle.entries) objects.push_back(pv::entry_json(e));
    std::vector<pv::EntryJson> entries;  // jobs first: each kind still goes to its list, in order
    for (const pv::Kind kind : {pv::Kind::job, pv::Kind::publication})
        for (std::size_t i = 0; i < bundle.entries.size(); ++i)
            if (bundle.entries[i].kind == kind) entries.push_back({kind, objects[i]});
    pv::Bundle header = bundle;
    header.entries.clear();
    CHECK(pv::to_json(header, entries) == pv::to_json(bundle, pv::JsonLayout::compact));
    CHECK(objects.front().front() == '{');
    CHECK(objects.front().back() == '}');
}

TEST_CASE("every seventh item broken out of 1000: exactly the valid ones load") {
    std::string text = R"({"pubview": 1, "title": "t", "publications": [)";
    std::size_t expected = 0;
    for (int i = 0; i < 1000; ++i) {
        if (i) text += ',';
        if (i % 7 == 0) text += R"({"id": "p)" + std::to_string(i) + R"(", "title": null, "abstract": ""})";
        else { text += R"({"id": "p)" + std::to_string(i) + R"(", "title": "T", "abstract": ""})"; ++expected; }
    }
    text += "]}";
    auto r = load_bundle(text);
    CHECK(r.bundle.entries.size() == expected);
    CHECK(r.skipped == 1000 - expected);
    for (const auto& e : r.bundle.entries) CHECK(std::stoi(e.id.substr(1)) % 7 != 0);
}

TEST_CASE("the link rule keeps web and mail links, or only web links, and nothing with a control character") {
    using pv::LinkSchemes;
    CHECK(pv::is_safe_url("HTTPS://example.org/a"));
    CHECK(pv::is_safe_url("mailto:jobs@example.org"));
    CHECK_FALSE(pv::is_safe_url("mailto:jobs@example.org", LinkSchemes::web));
    CHECK(pv::is_safe_url("http://example.org/", LinkSchemes::web));
    CHECK_FALSE(pv::is_safe_url("javascript:alert(1)"));
    CHECK_FALSE(pv::is_safe_url("https://example.org/a\rb"));  // the importers' copy of this rule let \r through
    CHECK_FALSE(pv::is_safe_url("https://example.org/\x01"));
    CHECK_FALSE(pv::is_safe_url("https://example.org/\"onmouseover"));
}
