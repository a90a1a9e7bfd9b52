#include "core/present/json_ld.h"

#include "core/present/display.h"

#include <nlohmann/json.hpp>

namespace pv {

namespace {

using nlohmann::ordered_json;

void set_if(ordered_json& object, const char* key, const std::string& value) {
    if (!value.empty()) object[key] = value;
}

ordered_json scholarly_article(const Entry& e) {
    ordered_json item = {{"@type", "ScholarlyArticle"}, {"name", e.title}};
    if (!e.authors.empty()) {
        ordered_json authors = ordered_json::array();
        for (const std::string& name : e.authors) authors.push_back({{"@type", "Person"}, {"name", name}});
        item["author"] = std::move(authors);
    }
    if (e.year) item["datePublished"] = std::to_string(*e.year);
    if (!e.venue.empty()) item["isPartOf"] = {{"@type", "CreativeWork"}, {"name", e.venue}};
    set_if(item, "award", e.award);
    if (!e.tags.empty()) item["keywords"] = e.tags;
    set_if(item, "abstract", e.body);
    if (is_safe_url(e.url)) item["url"] = e.url;
    ordered_json same_as = ordered_json::array();
    for (const EntryLink& link : entry_links(e, Language::en))
        if (link.url != e.url && is_safe_url(link.url)) same_as.push_back(link.url);
    if (!same_as.empty()) item["sameAs"] = std::move(same_as);
    return item;
}

ordered_json job_posting(const Entry& e, const Source& source) {
    ordered_json item = {{"@type", "JobPosting"}, {"title", e.title}};
    set_if(item, "description", e.body);
    if (is_safe_url(e.url)) item["url"] = e.url;
    if (!e.location.empty()) {
        ordered_json address = {{"@type", "PostalAddress"}};
        set_if(address, "addressLocality", e.location.city);
        set_if(address, "addressRegion", e.location.region);
        set_if(address, "addressCountry", e.location.country);
        item["jobLocation"] = {{"@type", "Place"}, {"address", std::move(address)}};
    }
    if (!source.name.empty()) item["hiringOrganization"] = {{"@type", "Organization"}, {"name", source.name}};
    return item;
}

}  // namespace

std::string json_ld(const Bundle& bundle, std::optional<Kind> kind) {
    ordered_json items = ordered_json::array();
    for (const Entry& e : bundle.entries) {
        if (kind && e.kind != *kind) continue;
        items.push_back({{"@type", "ListItem"},
                         {"position", items.size() + 1},
                         {"item", e.kind == Kind::job ? job_posting(e, bundle.source) : scholarly_article(e)}});
    }
    const ordered_json list = {{"@context", "https://schema.org"},
                               {"@type", "ItemList"},
                               {"numberOfItems", items.size()},
                               {"itemListElement", std::move(items)}};
    const std::string text = list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        // '<' appears only inside strings, where \u003c is the same character.
        if (c == '<') out += "\\u003c";
        else out += c;
    }
    return out;
}

}  // namespace pv
