// `pubview feed`: RSS 2.0, Atom and JSON Feed 1.1 of a bundle's entries of one kind.
#include "core/present/feed.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

using nlohmann::json;

namespace {

pv::Entry publication(std::string id, std::string title, std::optional<int> year) {
    pv::Entry e;
    e.id = std::move(id);
    e.title = std::move(title);
    e.year = year;
    return e;
}

pv::Entry job(std::string id, std::string title) {
    pv::Entry e;
    e.kind = pv::Kind::job;
    e.id = std::move(id);
    e.title = std::move(title);
    return e;
}

// Three papers out of year order, one undated, and two jobs.
pv::Bundle sample() {
    pv::Bundle b;
    b.title = "Lab papers";
    b.source = {"The Lab", "https://lab.example.org/"};
    b.entries.push_back(publication("old", "Old paper", 2019));
    b.entries.push_back(publication("undated", "Undated paper", std::nullopt));
    b.entries.push_back(publication("new", "New paper", 2023));
    b.entries.push_back(publication("mid-a", "Middle paper A", 2021));
    b.entries.push_back(publication("mid-b", "Middle paper B", 2021));
    b.entries.push_back(job("j1", "Engineer"));
    b.entries.push_back(job("j2", "Scientist"));
    return b;
}

pv::FeedOptions options(pv::FeedFormat format, pv::Kind kind = pv::Kind::publication) {
    pv::FeedOptions o;
    o.format = format;
    o.kind = kind;
    o.base_url = "https://lab.example.org/papers/";
    o.file_name = "feed.xml";
    o.updated = "2026-11-29T21:30:00Z";
    return o;
}

// The text of each <tag>...</tag> in order.
std::vector<std::string> elements(const std::string& xml, const std::string& tag) {
    std::vector<std::string> found;
    const std::string open = "<" + tag + ">", close = "</" + tag + ">";
    for (std::size_t at = xml.find(open); at != std::string::npos; at = xml.find(open, at + 1)) {
        const std::size_t end = xml.find(close, at);
        REQUIRE(end != std::string::npos);
        found.push_back(xml.substr(at + open.size(), end - at - open.size()));
    }
    return found;
}

bool has_control_character(const std::string& text) {
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && c != '\n') || byte == 0x7F) return true;
    }
    return false;
}

const std::vector<std::string> kNewestFirst = {"New paper", "Middle paper A", "Middle paper B", "Old paper", "Undated paper"};

}  // namespace

TEST_SUITE("pubview feed: RSS, Atom and JSON Feed") {

TEST_CASE("entries come newest first by year, undated last, bundle order kept among equals") {
    const pv::Bundle b = sample();
    std::vector<std::string> titles;
    for (const pv::Entry* e : pv::feed_entries(b, pv::Kind::publication)) titles.push_back(e->title);
    CHECK(titles == kNewestFirst);
    const std::vector<const pv::Entry*> jobs = pv::feed_entries(b, pv::Kind::job);
    REQUIRE(jobs.size() == 2);
    CHECK(jobs[0]->id == "j1");
    CHECK(jobs[1]->id == "j2");
}

TEST_CASE("RSS carries every publication in order with a guid, and a pubDate for the dated ones") {
    const std::string rss = pv::feed(sample(), options(pv::FeedFormat::rss));
    CHECK(rss.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"", 0) == 0);
    std::vector<std::string> titles = elements(rss, "title");
    REQUIRE(titles.size() == 6);  // the channel's, then one per item
    CHECK(titles.front() == "Lab papers");
    CHECK(std::vector<std::string>(titles.begin() + 1, titles.end()) == kNewestFirst);
    CHECK(elements(rss, "pubDate") == std::vector<std::string>{"01 Jan 2023 00:00:00 GMT", "01 Jan 2021 00:00:00 GMT",
                                                               "01 Jan 2021 00:00:00 GMT", "01 Jan 2019 00:00:00 GMT"});
    CHECK(rss.find("<guid isPermaLink=\"false\">https://lab.example.org/papers/#pv1:open=new</guid>") != std::string::npos);
    CHECK(rss.find("<atom:link rel=\"self\" type=\"application/rss+xml\" href=\"https://lab.example.org/papers/feed.xml\"/>") != std::string::npos);
    CHECK(rss.find("Engineer") == std::string::npos);
}

TEST_CASE("Atom has an id, title and updated for the feed and each entry, newest entry's year as the feed's time") {
    const std::string atom = pv::feed(sample(), options(pv::FeedFormat::atom));
    CHECK(atom.find("<feed xmlns=\"http://www.w3.org/2005/Atom\">") != std::string::npos);
    const std::vector<std::string> ids = elements(atom, "id");
    REQUIRE(ids.size() == 6);
    CHECK(ids[0] == "https://lab.example.org/papers/#pv1:kind=publication");
    CHECK(ids[1] == "https://lab.example.org/papers/#pv1:open=new");
    const std::vector<std::string> updated = elements(atom, "updated");
    REQUIRE(updated.size() == 6);
    CHECK(updated[0] == "2023-01-01T00:00:00Z");
    CHECK(updated[5] == "2023-01-01T00:00:00Z");  // the undated paper takes the feed's time
    const std::vector<std::string> titles = elements(atom, "title");
    CHECK(std::vector<std::string>(titles.begin() + 1, titles.end()) == kNewestFirst);
    CHECK(atom.find("<link rel=\"self\" href=\"https://lab.example.org/papers/feed.xml\"/>") != std::string::npos);
}

TEST_CASE("an Atom feed of undated jobs is updated at the time it is given") {
    const std::string atom = pv::feed(sample(), options(pv::FeedFormat::atom, pv::Kind::job));
    CHECK(elements(atom, "updated") == std::vector<std::string>(3, "2026-11-29T21:30:00Z"));
    CHECK(elements(atom, "title") == std::vector<std::string>{"Lab papers", "Engineer", "Scientist"});
}

TEST_CASE("JSON Feed 1.1 lists every job with an id, a title and text") {
    const json feed = json::parse(pv::feed(sample(), options(pv::FeedFormat::json, pv::Kind::job)));
    CHECK(feed.at("version") == "https://jsonfeed.org/version/1.1");
    CHECK(feed.at("home_page_url") == "https://lab.example.org/papers/#pv1:kind=job");
    CHECK(feed.at("feed_url") == "https://lab.example.org/papers/feed.xml");
    const json& items = feed.at("items");
    REQUIRE(items.size() == 2);
    CHECK(items[0].at("id") == "https://lab.example.org/papers/#pv1:open=j1");
    CHECK(items[0].at("url") == "https://lab.example.org/papers/#pv1:open=j1");
    CHECK(items[1].at("title") == "Scientist");
    CHECK(items[1].at("content_text") == "");
}

TEST_CASE("ids are the same on every run and do not depend on the entries' order or on the format") {
    pv::Bundle b = sample();
    const pv::FeedOptions o = options(pv::FeedFormat::json);
    CHECK(pv::feed(b, o) == pv::feed(b, o));
    const std::string before = pv::feed_entry_id(b, b.entries[3], o);
    std::swap(b.entries[0], b.entries[3]);
    CHECK(pv::feed_entry_id(b, b.entries[0], o) == before);
    CHECK(pv::feed(b, options(pv::FeedFormat::rss)).find("<guid isPermaLink=\"false\">" + before + "</guid>") != std::string::npos);
}

TEST_CASE("without a base URL, ids come from the bundle's source, or are urn:pubview ids without one") {
    pv::Bundle b = sample();
    pv::FeedOptions o = options(pv::FeedFormat::json);
    o.base_url.clear();
    b.entries[0].url = "https://papers.example.org/old";
    json feed = json::parse(pv::feed(b, o));
    CHECK(feed.at("home_page_url") == "https://lab.example.org/");
    CHECK_FALSE(feed.contains("feed_url"));
    CHECK(feed.at("items")[3].at("id") == "https://lab.example.org/#pv1:open=old");
    CHECK(feed.at("items")[3].at("url") == "https://papers.example.org/old");
    b.source.url.clear();
    b.entries[0].id = "a b/é";
    feed = json::parse(pv::feed(b, o));
    CHECK(feed.at("items")[3].at("id") == "urn:pubview:publication:a+b%2F%C3%A9");
    CHECK_FALSE(feed.contains("home_page_url"));
}

TEST_CASE("<, & and quotes are escaped in RSS and Atom, and control characters never written") {
    pv::Bundle b;
    b.title = "Tom & Jerry's \"lab\" <papers>";
    b.entries.push_back(publication("x&y\"<", "A <b>bold</b> & \"quoted\" 'title'\x01\x1B", 2020));
    b.entries.back().body = "x < y\x07 & z\n\nnext\x0C paragraph";
    b.entries.back().authors = {"Ann \"A\" O'Neil\x02"};
    b.entries.back().tags = {"<tag>"};
    for (const pv::FeedFormat format : {pv::FeedFormat::rss, pv::FeedFormat::atom}) {
        const std::string xml = pv::feed(b, options(format));
        CHECK(xml.find("A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; &#39;title&#39;</title>") != std::string::npos);
        CHECK(xml.find("Tom &amp; Jerry&#39;s &quot;lab&quot; &lt;papers&gt;") != std::string::npos);
        CHECK(xml.find("x &lt; y &amp; z\n\nnext paragraph") != std::string::npos);
        CHECK(xml.find("#pv1:open=x%26y%22%3C") != std::string::npos);
        CHECK(xml.find("<b>") == std::string::npos);
        CHECK(xml.find("<tag>") == std::string::npos);
        CHECK_FALSE(has_control_character(xml));
    }
    const std::string text = pv::feed(b, options(pv::FeedFormat::json));
    CHECK(text.find("\\u00") == std::string::npos);  // no control character escaped into JSON either
    const json feed = json::parse(text);
    CHECK(feed.at("items")[0].at("title") == "A <b>bold</b> & \"quoted\" 'title'");
    CHECK(feed.at("items")[0].at("authors")[0].at("name") == "Ann \"A\" O'Neil");
}

TEST_CASE("links that fail the link rule are left out of every format") {
    pv::Bundle b;
    b.source = {"Evil", "javascript:alert(1)"};
    b.entries.push_back(publication("p", "Paper", 2020));
    b.entries.back().url = "javascript:alert(2)";
    b.entries.back().doi = "10.1/\"onmouseover=alert(3)";
    b.entries.push_back(publication("q", "Good", 2021));
    b.entries.back().url = "https://example.org/q?a=1&b=2";
    for (const pv::FeedFormat format : {pv::FeedFormat::rss, pv::FeedFormat::atom, pv::FeedFormat::json}) {
        pv::FeedOptions o = options(format);
        o.base_url = "data:text/html,<script>";
        const std::string out = pv::feed(b, o);
        CHECK(out.find("javascript:") == std::string::npos);
        CHECK(out.find("data:") == std::string::npos);
        CHECK(out.find("onmouseover") == std::string::npos);
        CHECK(out.find("urn:pubview:publication:p") != std::string::npos);
        CHECK(out.find("https://example.org/q?a=1") != std::string::npos);
    }
}

TEST_CASE("feed times are RFC 3339 UTC times") {
    CHECK(pv::is_feed_time("2026-11-29T21:30:00Z"));
    CHECK_FALSE(pv::is_feed_time("2026-11-29"));
    CHECK_FALSE(pv::is_feed_time("2026-13-29T21:30:00Z"));
    CHECK_FALSE(pv::is_feed_time("2026-11-29T21:30:00+01:00"));
    CHECK_FALSE(pv::is_feed_time("2026-11-29T21:30:00Z<"));
}

}  // TEST_SUITE
