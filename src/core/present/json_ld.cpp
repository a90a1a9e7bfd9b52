#include "core/present/json_ld.h"

#include "core/present/display.h"

#include <nlohmann/json.hpp>

namespace pv {

namespace {

using nlohmann::ordered_json;

void set_if(ordered_json& object, const char* key, const std::string& value) {
    if (!value.empty()) object[key] = value;
}

// schema.org's type for a publication's type; ScholarlyArticle for papers and when untyped.
const char* schema_type(const std::string& type) {
    if (type == "thesis") return "Thesis";
    if (type == "book") return "Book";
    if (type == "chapter") return "Chapter";
    if (type == "dataset") return "Dataset";
    if (type == "software") return "SoftwareSourceCode";
    return "ScholarlyArticle";
}

std::string upper(std::string text) {
    for (char& c : text)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return text;
}

ordered_json base_salary(const Salary& salary) {
    ordered_json value = {{"@type", "QuantitativeValue"}};
    if (salary.min && salary.max && *salary.min == *salary.max) value["value"] = *salary.min;
    else {
        if (salary.min) value["minValue"] = *salary.min;
        if (salary.max) value["maxValue"] = *salary.max;
    }
    if (!salary.unit.empty()) value["unitText"] = upper(salary.unit);
    ordered_json amount = {{"@type", "MonetaryAmount"}};
    if (!salary.currency.empty()) amount["currency"] = salary.currency;
    amount["value"] = std::move(value);
    return amount;
}

ordered_json scholarly_article(const Entry& e) {
    ordered_json item = {{"@type", schema_type(e.type)}, {"name", e.title}};
    if (!e.authors.empty()) {
        ordered_json authors = ordered_json::array();
        for (const std::string& name : e.authors) authors.push_back({{"@type", "Person"}, {"name", name}});
        item["author"] = std::move(authors);
    }
    if (!e.date.empty()) item["datePublished"] = e.date;
    else if (e.year) item["datePublished"] = std::to_string(*e.year);
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
    if (!e.job().location.empty()) {
        ordered_json address = {{"@type", "PostalAddress"}};
        set_if(address, "addressLocality", e.job().location.city);
        set_if(address, "addressRegion", e.job().location.region);
        set_if(address, "addressCountry", e.job().location.country);
        item["jobLocation"] = {{"@type", "Place"}, {"address", std::move(address)}};
    }
    if (!source.name.empty()) item["hiringOrganization"] = {{"@type", "Organization"}, {"name", source.name}};
    set_if(item, "datePosted", e.job().date_posted);
    set_if(item, "validThrough", e.job().valid_through);
    if (!e.job().employment_type.empty()) item["employmentType"] = upper(e.job().employment_type);
    if (!e.job().salary.empty()) item["baseSalary"] = base_salary(e.job().salary);
    if (e.job().remote) item["jobLocationType"] = "TELECOMMUTE";
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
