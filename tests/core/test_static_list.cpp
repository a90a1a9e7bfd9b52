// `pubview html`: the static HTML list and its schema.org JSON-LD, which a
// page shows to visitors without JavaScript and to crawlers.
#include "core/present/json_ld.h"
#include "core/present/static_list.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>

using nlohmann::json;

namespace {

pv::Entry publication(std::string title) {
    pv::Entry e;
    e.id = "p";
    e.title = std::move(title);
    return e;
}

pv::Entry job(std::string title) {
    pv::Entry e;
    e.kind = pv::Kind::job;
    e.id = "j";
    e.title = std::move(title);
    e.edit_job().location = {"US", "WA", "Seattle"};
    return e;
}

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

// The text between <script type="application/ld+json"> and its </script>.
std::string script_text(const std::string& html) {
    const std::string open = "<script type=\"application/ld+json\">";
    const std::size_t begin = html.find(open);
    REQUIRE(begin != std::string::npos);
    const std::size_t end = html.find("</script>", begin);
    REQUIRE(end != std::string::npos);
    return html.substr(begin + open.size(), end - begin - open.size());
}

const json& first_item(const json& list) { return list.at("itemListElement").at(0).at("item"); }

}  // namespace

TEST_SUITE("pubview html: the static list") {

TEST_CASE("a hostile title is shown as text and opens no element") {
    pv::Bundle b;
    b.entries.push_back(publication("<script>alert(1)</script> & \"quoted\" 'too'"));
    b.entries.back().body = "x < y > z & <img src=x onerror=alert(1)>";
    const std::string html = pv::static_list_html(b);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;too&#39;") != std::string::npos);
    CHECK(html.find("x &lt; y &gt; z &amp; &lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
    CHECK(occurrences(html, "<script") == 1);  // the JSON-LD's own
    CHECK(occurrences(html, "</script>") == 1);
    CHECK(html.find("<img") == std::string::npos);
}

TEST_CASE("only http, https and mailto links become links, through the loader's link rule") {
    pv::Bundle b;
    b.entries.push_back(publication("Safe"));
    b.entries.back().url = "https://example.org/paper?a=1&b=2";
    b.entries.back().doi = "10.1/x";
    b.entries.push_back(publication("Unsafe"));
    b.entries.back().url = "javascript:alert(1)";
    b.entries.back().doi = "10.1/\"onmouseover=alert(1)";
    b.entries.push_back(job("Mail"));
    b.entries.back().url = "mailto:jobs@example.org";
    const std::string html = pv::static_list_html(b);
    CHECK(html.find("<a href=\"https://example.org/paper?a=1&amp;b=2\">Paper</a>") != std::string::npos);
    CHECK(html.find("<a href=\"https://doi.org/10.1/x\">DOI</a>") != std::string::npos);
    CHECK(html.find("<a href=\"mailto:jobs@example.org\">View the posting</a>") != std::string::npos);
    CHECK(html.find("javascript:") == std::string::npos);
    CHECK(html.find("onmouseover") == std::string::npos);
    CHECK(occurrences(html, "<a href=") == 3);
}

TEST_CASE("a publication shows venue and year, award and every author; a job its location and team") {
    pv::Bundle b;
    b.entries.push_back(publication("Paper"));
    b.entries.back().venue = "KDD";
    b.entries.back().year = 2022;
    b.entries.back().award = "Best paper";
    b.entries.back().authors = {"Ann Lee", "Bo Chen", "Cy Diaz"};
    b.entries.push_back(job("Scientist"));
    b.entries.back().edit_job().team = "Alexa";
    const std::string html = pv::static_list_html(b);
    CHECK(html.find(">KDD 2022 \xC2\xB7 Best paper</p>") != std::string::npos);
    CHECK(html.find(">Ann Lee, Bo Chen, Cy Diaz</p>") != std::string::npos);
    CHECK(html.find(">Seattle, WA, US  \xC2\xB7  Alexa</p>") != std::string::npos);
}

TEST_CASE("the abstract folds into details, one paragraph per blank-line-separated block, line breaks kept") {
    pv::Bundle b;
    b.entries.push_back(publication("P"));
    b.entries.back().body = "First paragraph.\n\nSecond, line one\nline two\n\n\nThird.";
    const std::string html = pv::static_list_html(b);
    CHECK(html.find("<details>\n<summary>Abstract</summary>\n") != std::string::npos);
    CHECK(html.find(">First paragraph.</p>\n") != std::string::npos);
    CHECK(html.find(">Second, line one<br>line two</p>\n") != std::string::npos);
    CHECK(html.find(">Third.</p>\n</details>") != std::string::npos);
    CHECK(occurrences(html, "<p style=\"margin:6px 0\">") == 3);
}

TEST_CASE("an entry without a body has no details") {
    pv::Bundle b;
    b.entries.push_back(publication("P"));
    CHECK(pv::static_list_html(b).find("<details>") == std::string::npos);
}

TEST_CASE("a kind lists only the entries of that kind") {
    pv::Bundle b;
    b.entries = {publication("Paper one"), publication("Paper two"), job("Job one")};
    const std::string jobs = pv::static_list_html(b, {.kind = pv::Kind::job});
    CHECK(occurrences(jobs, "<li") == 1);
    CHECK(jobs.find("Job one") != std::string::npos);
    CHECK(jobs.find("Paper one") == std::string::npos);
    CHECK(jobs.find("aria-label=\"Jobs\"") != std::string::npos);
    const std::string papers = pv::static_list_html(b, {.kind = pv::Kind::publication});
    CHECK(occurrences(papers, "<li") == 2);
    CHECK(papers.find("Job one") == std::string::npos);
    CHECK(occurrences(pv::static_list_html(b), "<li") == 3);
}

TEST_CASE("entries are h2 by default, another level on request, and a level outside 2..6 falls back to h2") {
    pv::Bundle b;
    b.entries = {publication("T")};
    CHECK(pv::static_list_html(b).find("<h2 ") != std::string::npos);
    CHECK(pv::static_list_html(b, {.heading_level = 3}).find("<h3 ") != std::string::npos);
    CHECK(pv::static_list_html(b, {.heading_level = 1}).find("<h2 ") != std::string::npos);
    CHECK(pv::static_list_html(b, {.heading_level = 7}).find("<h2 ") != std::string::npos);
}

TEST_CASE("the list's box takes the widget's height, and a height that is not plain CSS is refused") {
    pv::Bundle b;
    CHECK(pv::static_list_html(b).find("style=\"height:600px;overflow:auto;") != std::string::npos);
    CHECK(pv::static_list_html(b, {.height = "calc(100vh - 130px)"}).find("style=\"height:calc(100vh - 130px);") != std::string::npos);
    CHECK(pv::is_css_height("420px"));
    CHECK_FALSE(pv::is_css_height(""));
    CHECK_FALSE(pv::is_css_height("1px;background:url(x)"));
    CHECK_FALSE(pv::is_css_height("1px\"><script>"));
    CHECK(pv::static_list_html(b, {.height = "1px\"><b>"}).find("style=\"height:600px;") != std::string::npos);
}

}  // TEST_SUITE

TEST_SUITE("pubview html: JSON-LD") {

TEST_CASE("a title that closes the script element cannot end the JSON-LD, and reads back unchanged") {
    const std::string hostile = "</script><script>alert(1)</script><!--<script>";
    pv::Bundle b;
    b.entries.push_back(publication(hostile));
    b.entries.back().body = "a </SCRIPT> b";
    const std::string html = pv::static_list_html(b);
    const std::string inside = script_text(html);
    CHECK(inside.find('<') == std::string::npos);
    CHECK(occurrences(html, "</script>") == 1);
    const json list = json::parse(inside);
    CHECK(first_item(list).at("name") == hostile);
    CHECK(first_item(list).at("abstract") == "a </SCRIPT> b");
}

TEST_CASE("a publication becomes a ScholarlyArticle with only the properties it has") {
    pv::Bundle b;
    b.entries.push_back(publication("Full"));
    pv::Entry& e = b.entries.back();
    e.authors = {"Ann Lee", "Bo Chen"};
    e.year = 2022;
    e.venue = "KDD 2022";
    e.url = "https://example.org/p";
    e.doi = "10.1/x";
    e.arxiv = "2201.00001";
    e.body = "Abstract.";
    b.entries.push_back(publication("Bare"));
    const json list = json::parse(pv::json_ld(b));
    CHECK(list.at("@context") == "https://schema.org");
    CHECK(list.at("@type") == "ItemList");
    CHECK(list.at("numberOfItems") == 2);
    const json& full = first_item(list);
    CHECK(full.at("@type") == "ScholarlyArticle");
    CHECK(full.at("author") == json::parse(R"([{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chen"}])"));
    CHECK(full.at("datePublished") == "2022");
    CHECK(full.at("isPartOf") == json::parse(R"({"@type":"CreativeWork","name":"KDD 2022"})"));
    CHECK(full.at("url") == "https://example.org/p");
    CHECK(full.at("sameAs") == json::parse(R"(["https://doi.org/10.1/x","https://arxiv.org/abs/2201.00001"])"));
    const json& bare = list.at("itemListElement").at(1);
    CHECK(bare.at("position") == 2);
    CHECK(bare.at("item") == json::parse(R"({"@type":"ScholarlyArticle","name":"Bare"})"));
}

TEST_CASE("a job becomes a JobPosting at a Place, hired by the bundle's source") {
    pv::Bundle b;
    b.source.name = "Example Lab";
    b.entries.push_back(job("Scientist"));
    b.entries.back().edit_job().location = {"", "", "Boston"};
    b.entries.back().body = "Do science.";
    const json posting = first_item(json::parse(pv::json_ld(b)));
    CHECK(posting.at("@type") == "JobPosting");
    CHECK(posting.at("title") == "Scientist");
    CHECK(posting.at("description") == "Do science.");
    CHECK(posting.at("jobLocation") ==
          json::parse(R"({"@type":"Place","address":{"@type":"PostalAddress","addressLocality":"Boston"}})"));
    CHECK(posting.at("hiringOrganization") == json::parse(R"({"@type":"Organization","name":"Example Lab"})"));
    b.source.name.clear();
    CHECK_FALSE(first_item(json::parse(pv::json_ld(b))).contains("hiringOrganization"));
}

TEST_CASE("JSON-LD lists only the kind asked for, and leaves out unsafe links") {
    pv::Bundle b;
    b.entries = {publication("Paper"), job("Job")};
    b.entries[0].url = "javascript:alert(1)";
    const json jobs = json::parse(pv::json_ld(b, pv::Kind::job));
    CHECK(jobs.at("numberOfItems") == 1);
    CHECK(first_item(jobs).at("@type") == "JobPosting");
    const json papers = json::parse(pv::json_ld(b, pv::Kind::publication));
    CHECK(first_item(papers).at("@type") == "ScholarlyArticle");
    CHECK_FALSE(first_item(papers).contains("url"));
}

}  // TEST_SUITE
