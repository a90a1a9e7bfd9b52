// to_json (core/model/bundle.h): a bundle written back as the JSON format's
// canonical text.
#include "core/model/bundle.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace pv {

std::string to_json(const Bundle& bundle) {
    using ojson = nlohmann::ordered_json;
    auto put = [](ojson& o, const char* key, const std::string& v) { if (!v.empty()) o[key] = v; };
    auto put_list = [](ojson& o, const char* key, const std::vector<std::string>& v) { if (!v.empty()) o[key] = v; };
    // An array with an object for each item, made by `to_object`; left out when there are no items.
    auto put_objects = [](ojson& o, const char* key, const auto& items, auto to_object) {
        if (items.empty()) return;
        ojson list = ojson::array();
        for (const auto& item : items) list.push_back(to_object(item));
        o[key] = list;
    };

    ojson doc;
    doc["pubview"] = 1;
    doc["title"] = bundle.title;
    put(doc, "description", bundle.description);
    if (!bundle.source.name.empty() || !bundle.source.url.empty()) {
        ojson source = ojson::object();
        put(source, "name", bundle.source.name);
        put(source, "url", bundle.source.url);
        doc["source"] = source;
    }
    ojson publications = ojson::array(), jobs = ojson::array();
    for (const Entry& e : bundle.entries) {
        ojson o;
        o["id"] = e.id;
        o["title"] = e.title;
        if (e.kind == Kind::publication) {
            o["abstract"] = e.body;
            if (e.abstract_truncated) o["abstract_truncated"] = true;
            if (e.rank) o["rank"] = *e.rank;
            put_list(o, "authors", e.authors);
            put(o, "venue", e.venue);
            if (e.year) o["year"] = *e.year;
            put_list(o, "tags", e.tags);
            put(o, "url", e.url);
            put(o, "doi", e.doi);
            put(o, "arxiv", e.arxiv);
            put(o, "award", e.award);
            put(o, "type", e.type);
            put(o, "date", e.date);
            put(o, "venue_short", e.venue_short);
            if (e.featured) o["featured"] = true;
            put_objects(o, "links", e.links, [&](const Link& link) {
                ojson item = ojson::object();
                put(item, "label", link.label);
                item["url"] = link.url;
                item["kind"] = link_kind_name(link.kind);
                return item;
            });
            put_objects(o, "related", e.related, [&](const Related& r) {
                ojson item = ojson::object();
                put(item, "title", r.title);
                put(item, "summary", r.summary);
                put(item, "url", r.url);
                return item;
            });
            publications.push_back(std::move(o));
        } else {
            ojson location = ojson::object();
            put(location, "country", e.job().location.country);
            put(location, "region", e.job().location.region);
            put(location, "city", e.job().location.city);
            o["location"] = location;
            o["description"] = e.body;
            put(o, "team", e.job().team);
            put(o, "url", e.url);
            put_list(o, "tags", e.tags);
            put(o, "date_posted", e.job().date_posted);
            put(o, "valid_through", e.job().valid_through);
            put(o, "employment_type", e.job().employment_type);
            if (!e.job().salary.empty()) {
                ojson salary = ojson::object();
                // 120000, not 120000.0
                auto amount = [](double v) { return v == std::floor(v) && v < 1e15 ? ojson(static_cast<long long>(v)) : ojson(v); };
                if (e.job().salary.min) salary["min"] = amount(*e.job().salary.min);
                if (e.job().salary.max) salary["max"] = amount(*e.job().salary.max);
                put(salary, "currency", e.job().salary.currency);
                put(salary, "unit", e.job().salary.unit);
                o["salary"] = salary;
            }
            if (e.job().remote) o["remote"] = true;
            jobs.push_back(std::move(o));
        }
    }
    doc["publications"] = publications;
    doc["jobs"] = jobs;
    return doc.dump(2, ' ', false, ojson::error_handler_t::replace) + '\n';
}


}  // namespace pv
