#include "core/present/feed.h"

#include "core/model/dates.h"
#include "core/present/display.h"
#include "core/present/markup_escape.h"
#include "core/present/ui_text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <optional>

namespace pv {

namespace {

using nlohmann::ordered_json;

// The widget keeps its view in the page's hash under its name, "pv1" for the
// first widget on a page (web/pubview/deep-links.js).
constexpr const char* kDeepLinkPrefix = "#pv1:";

std::string clean_line(std::string_view text) {
    std::string out(text);
    sanitize_text(out, false);
    return out;
}

std::string clean_body(std::string_view text) {
    std::string out(text);
    sanitize_text(out, true);
    return out;
}

// A query value as URLSearchParams writes it (application/x-www-form-urlencoded),
// so that the widget reads back the same id.
std::string form_encoded(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (alnum || c == '*' || c == '-' || c == '.' || c == '_') {
            out += c;
        } else if (c == ' ') {
            out += '+';
        } else {
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 0xF];
        }
    }
    return out;
}

bool is_web_link(std::string_view url) { return !url.empty() && is_safe_url(url, LinkSchemes::web); }

// A web link without its fragment, or "" for anything else.
std::string web_link_without_fragment(const std::string& url) {
    return is_web_link(url) ? url.substr(0, url.find('#')) : "";
}

std::string page_url(const FeedOptions& options) { return web_link_without_fragment(options.base_url); }

// What ids are made from: the page, else the bundle's source, else nothing.
std::string id_base(const Bundle& bundle, const FeedOptions& options) {
    const std::string page = page_url(options);
    return page.empty() ? web_link_without_fragment(bundle.source.url) : page;
}

// The page's folder: "https://lab.org/papers/index.html?x" -> "https://lab.org/papers/".
std::string folder_of(const std::string& page) {
    const std::string path = page.substr(0, page.find_first_of("?#"));
    const std::size_t authority = path.find("://");
    const std::size_t first_slash = path.find('/', authority == std::string::npos ? 0 : authority + 3);
    if (first_slash == std::string::npos) return path + "/";
    return path.substr(0, path.rfind('/') + 1);
}

std::string self_link(const FeedOptions& options) {
    const std::string page = page_url(options);
    const bool plain_name = !options.file_name.empty() && options.file_name != "." && options.file_name != ".." &&
                            std::all_of(options.file_name.begin(), options.file_name.end(), [](char c) {
                                return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                       c == '.' || c == '-' || c == '_';
                            });
    if (page.empty() || !plain_name) return "";
    return folder_of(page) + options.file_name;
}

std::string feed_link(const Bundle& bundle, const FeedOptions& options) {
    const std::string page = page_url(options);
    if (!page.empty()) return page + kDeepLinkPrefix + "kind=" + kind_name(options.kind);
    return is_web_link(bundle.source.url) ? bundle.source.url : "";
}

std::string feed_id(const Bundle& bundle, const FeedOptions& options) {
    const std::string base = id_base(bundle, options);
    if (base.empty()) return std::string("urn:pubview:") + kind_name(options.kind);
    return base + kDeepLinkPrefix + "kind=" + kind_name(options.kind);
}

std::string entry_link(const Entry& e, const FeedOptions& options) {
    const std::string page = page_url(options);
    if (!page.empty()) return page + kDeepLinkPrefix + "open=" + form_encoded(e.id);
    return is_web_link(e.url) ? e.url : "";
}

std::string feed_title(const Bundle& bundle, Kind kind) {
    const std::string title = clean_line(bundle.title);
    if (!title.empty()) return title;
    return std::string(phrase_text(Language::en, kind == Kind::job ? Phrase::kind_jobs : Phrase::kind_publications));
}

std::string feed_author(const Bundle& bundle) {
    const std::string source = clean_line(bundle.source.name);
    if (!source.empty()) return source;
    const std::string title = clean_line(bundle.title);
    return title.empty() ? "pubview" : title;
}

// An entry's date: a publication's date, or its year; a posting's date_posted.
std::optional<IsoDate> entry_date(const Entry& e) {
    if (e.kind == Kind::job) return parse_iso_date(e.job().date_posted);
    if (const std::optional<IsoDate> date = parse_iso_date(e.date)) return date;
    if (e.year && *e.year >= 1 && *e.year <= 9999) return IsoDate{*e.year};
    return std::nullopt;
}

// The entry's own links (paper, DOI, arXiv, posting) that pass the link rule.
std::vector<EntryLink> safe_links(const Entry& e) {
    std::vector<EntryLink> links;
    for (EntryLink& link : entry_links(e, Language::en))
        if (is_safe_url(link.url)) links.push_back(std::move(link));
    return links;
}

void element(std::string& out, const char* indent, const char* name, std::string_view text) {
    out += indent;
    out += '<';
    out += name;
    out += '>';
    append_escaped(out, text);
    out += "</";
    out += name;
    out += ">\n";
}

// Appends ` name="value"`, the value escaped.
void attribute(std::string& out, const char* name, std::string_view value) {
    out += ' ';
    out += name;
    out += "=\"";
    append_escaped(out, value);
    out += '"';
}

void link_element(std::string& out, const char* indent, const char* rel, const std::string& href, std::string_view title = {}) {
    out += indent;
    out += "<link";
    attribute(out, "rel", rel);
    attribute(out, "href", href);
    if (!title.empty()) attribute(out, "title", title);
    out += "/>\n";
}

constexpr const char* kXmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

std::string rss(const Bundle& bundle, const FeedOptions& options) {
    std::string out = kXmlDeclaration;
    out += "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n";
    const std::string title = feed_title(bundle, options.kind);
    element(out, "  ", "title", title);
    if (const std::string link = feed_link(bundle, options); !link.empty()) element(out, "  ", "link", link);
    const std::string description = clean_body(bundle.description);
    element(out, "  ", "description", description.empty() ? title : description);
    if (const std::string self = self_link(options); !self.empty()) {
        out += "  <atom:link";
        attribute(out, "rel", "self");
        attribute(out, "type", "application/rss+xml");
        attribute(out, "href", self);
        out += "/>\n";
    }
    for (const Entry* e : feed_entries(bundle, options.kind)) {
        out += "  <item>\n";
        element(out, "    ", "title", clean_line(e->title));
        if (const std::string link = entry_link(*e, options); !link.empty()) element(out, "    ", "link", link);
        if (!e->body.empty()) element(out, "    ", "description", clean_body(e->body));
        for (const std::string& tag : e->tags) element(out, "    ", "category", clean_line(tag));
        out += "    <guid isPermaLink=\"false\">";
        append_escaped(out, feed_entry_id(bundle, *e, options));
        out += "</guid>\n";
        if (const std::optional<IsoDate> date = entry_date(*e)) element(out, "    ", "pubDate", rfc822(*date));
        out += "  </item>\n";
    }
    out += "</channel>\n</rss>\n";
    return out;
}

std::string atom(const Bundle& bundle, const FeedOptions& options) {
    const std::vector<const Entry*> entries = feed_entries(bundle, options.kind);
    const std::optional<IsoDate> newest = entries.empty() ? std::nullopt : entry_date(*entries.front());
    const std::string updated = newest ? rfc3339(*newest) : options.updated;

    std::string out = kXmlDeclaration;
    out += "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
    element(out, "  ", "id", feed_id(bundle, options));
    element(out, "  ", "title", feed_title(bundle, options.kind));
    if (const std::string description = clean_line(bundle.description); !description.empty()) element(out, "  ", "subtitle", description);
    element(out, "  ", "updated", updated);
    if (const std::string link = feed_link(bundle, options); !link.empty()) link_element(out, "  ", "alternate", link);
    if (const std::string self = self_link(options); !self.empty()) link_element(out, "  ", "self", self);
    out += "  <author>\n";
    element(out, "    ", "name", feed_author(bundle));
    out += "  </author>\n";
    for (const Entry* e : entries) {
        out += "  <entry>\n";
        element(out, "    ", "id", feed_entry_id(bundle, *e, options));
        element(out, "    ", "title", clean_line(e->title));
        const std::optional<IsoDate> date = entry_date(*e);
        element(out, "    ", "updated", date ? rfc3339(*date) : updated);
        for (const std::string& name : e->authors) {
            out += "    <author>\n";
            element(out, "      ", "name", clean_line(name));
            out += "    </author>\n";
        }
        if (const std::string link = entry_link(*e, options); !link.empty()) link_element(out, "    ", "alternate", link);
        for (const EntryLink& link : safe_links(*e)) link_element(out, "    ", "related", link.url, link.label);
        for (const std::string& tag : e->tags) {
            out += "    <category";
            attribute(out, "term", clean_line(tag));
            out += "/>\n";
        }
        out += "    <content type=\"text\">";
        append_escaped(out, clean_body(e->body));
        out += "</content>\n  </entry>\n";
    }
    out += "</feed>\n";
    return out;
}

std::string json_feed(const Bundle& bundle, const FeedOptions& options) {
    ordered_json feed = {{"version", "https://jsonfeed.org/version/1.1"}, {"title", feed_title(bundle, options.kind)}};
    if (const std::string link = feed_link(bundle, options); !link.empty()) feed["home_page_url"] = link;
    if (const std::string self = self_link(options); !self.empty()) feed["feed_url"] = self;
    if (const std::string description = clean_body(bundle.description); !description.empty()) feed["description"] = description;
    feed["authors"] = ordered_json::array({{{"name", feed_author(bundle)}}});
    ordered_json items = ordered_json::array();
    for (const Entry* e : feed_entries(bundle, options.kind)) {
        ordered_json item = {{"id", feed_entry_id(bundle, *e, options)}};
        if (const std::string link = entry_link(*e, options); !link.empty()) item["url"] = link;
        if (is_web_link(e->url) && item.value("url", "") != e->url) item["external_url"] = e->url;
        item["title"] = clean_line(e->title);
        item["content_text"] = clean_body(e->body);
        if (const std::optional<IsoDate> date = entry_date(*e)) item["date_published"] = rfc3339(*date);
        if (!e->authors.empty()) {
            ordered_json authors = ordered_json::array();
            for (const std::string& name : e->authors) authors.push_back({{"name", clean_line(name)}});
            item["authors"] = std::move(authors);
        }
        if (!e->tags.empty()) {
            ordered_json tags = ordered_json::array();
            for (const std::string& tag : e->tags) tags.push_back(clean_line(tag));
            item["tags"] = std::move(tags);
        }
        items.push_back(std::move(item));
    }
    feed["items"] = std::move(items);
    return feed.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

bool digits(std::string_view text, std::size_t at, std::size_t count, int low, int high) {
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        value = value * 10 + (text[i] - '0');
    }
    return value >= low && value <= high;
}

}  // namespace

bool is_feed_time(std::string_view time) {
    return time.size() == 20 && time[4] == '-' && time[7] == '-' && time[10] == 'T' && time[13] == ':' &&
           time[16] == ':' && time[19] == 'Z' && digits(time, 0, 4, 0, 9999) && digits(time, 5, 2, 1, 12) &&
           digits(time, 8, 2, 1, 31) && digits(time, 11, 2, 0, 23) && digits(time, 14, 2, 0, 59) &&
           digits(time, 17, 2, 0, 60);
}

std::vector<const Entry*> feed_entries(const Bundle& bundle, Kind kind) {
    std::vector<const Entry*> entries;
    for (const Entry& e : bundle.entries)
        if (e.kind == kind) entries.push_back(&e);
    std::stable_sort(entries.begin(), entries.end(), [](const Entry* a, const Entry* b) {
        const std::optional<IsoDate> date_a = entry_date(*a), date_b = entry_date(*b);
        return (date_a ? day_number(*date_a) : INT64_MIN) > (date_b ? day_number(*date_b) : INT64_MIN);
    });
    return entries;
}

std::string feed_entry_id(const Bundle& bundle, const Entry& entry, const FeedOptions& options) {
    const std::string base = id_base(bundle, options);
    if (base.empty()) return std::string("urn:pubview:") + kind_name(entry.kind) + ":" + form_encoded(entry.id);
    return base + kDeepLinkPrefix + "open=" + form_encoded(entry.id);
}

std::string feed(const Bundle& bundle, const FeedOptions& options) {
    switch (options.format) {
        case FeedFormat::rss: return rss(bundle, options);
        case FeedFormat::atom: return atom(bundle, options);
        case FeedFormat::json: return json_feed(bundle, options);
    }
    return {};
}

}  // namespace pv
