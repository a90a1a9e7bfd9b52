// Crossref REST API works: {"status":"ok","message-type":"work","message":{...}}
// or "work-list" with message.items. Titles and abstracts carry JATS.
#include "authoring/api_importers.h"
#include "authoring/markup_text.h"

#include "core/model/dates.h"

namespace pv {

namespace {

using nlohmann::json;

// The first string of an array field ("title": ["..."]), or the field itself when a string.
std::string first_string(const json& work, std::string_view key) {
    if (const json* list = json_array(work, key))
        for (const json& item : *list)
            if (item.is_string() && !item.get<std::string>().empty()) return item.get<std::string>();
    return json_string(work, key);
}

// {"date-parts": [[2021, 4, 16]]}: the first publication date Crossref has,
// to the day, month or year it gives. "issued": {"date-parts": [[null]]} says
// the date is unknown; "created" (when the DOI was registered) is not taken for it.
std::optional<IsoDate> work_date(const json& work) {
    for (std::string_view key : {"issued", "published", "published-print", "published-online"}) {
        const json* date = json_object(work, key);
        const json* parts = date ? json_array(*date, "date-parts") : nullptr;
        if (!parts || parts->empty() || !(*parts)[0].is_array() || (*parts)[0].empty() || !(*parts)[0][0].is_number_integer()) continue;
        const json& day = (*parts)[0];
        IsoDate found{day[0].get<int>()};
        if (day.size() > 1 && day[1].is_number_integer()) found.month = day[1].get<int>();
        if (found.month > 0 && day.size() > 2 && day[2].is_number_integer()) found.day = day[2].get<int>();
        // A part out of range leaves only what is certain.
        if (!parse_iso_date(iso_date_text(found))) found.month = found.day = 0;
        return found;
    }
    return std::nullopt;
}

// The people of "author", or of "editor" for a work that names only editors
// (an edited book).
std::vector<std::string> work_authors(const json& work) {
    std::vector<std::string> authors;
    for (std::string_view role : {"author", "editor"}) {
        if (const json* list = json_array(work, role))
            for (const json& a : *list) {
                // People have given and family names (and a "suffix": "III"); organisations a "name".
                std::string name = single_line(json_string(a, "given") + ' ' + json_string(a, "family") + ' ' + json_string(a, "suffix"));
                if (name.empty()) name = single_line(json_string(a, "name"));
                if (!name.empty()) authors.push_back(markup_to_text(name, false));
            }
        if (!authors.empty()) break;
    }
    return authors;
}

// The journal or book ("container-title"), else the institution that posted
// the work (a preprint server: "institution": [{"name": "bioRxiv"}]).
std::string work_venue(const json& work) {
    if (std::string venue = markup_to_text(first_string(work, "container-title"), false); !venue.empty()) return venue;
    if (const json* institutions = json_array(work, "institution"))
        for (const json& institution : *institutions)
            if (std::string name = markup_to_text(json_string(institution, "name"), false); !name.empty()) return name;
    return "";
}

std::optional<Entry> read_work(const json& work, const std::string& pointer, std::vector<Problem>& problems) {
    if (!work.is_object()) return skip_item(problems, pointer, "expected a work object");
    Entry e;
    e.kind = Kind::publication;
    e.title = markup_to_text(first_string(work, "title"), false);
    if (const std::string subtitle = markup_to_text(first_string(work, "subtitle"), false); !subtitle.empty() && !e.title.empty())
        e.title += ": " + subtitle;
    e.doi = bare_doi(json_string(work, "DOI"));
    if (e.title.empty())
        return skip_item(problems, pointer + "/title", "work " + (e.doi.empty() ? std::string("without a DOI") : e.doi) + " has no title");
    e.authors = work_authors(work);
    if (const std::optional<IsoDate> date = work_date(work)) {
        e.year = date->year;
        if (date->month > 0) e.date = iso_date_text(*date);
    }
    e.type = api_publication_type(json_string(work, "type"));
    e.venue = work_venue(work);
    e.body = markup_to_text(json_string(work, "abstract"), true);
    e.url = json_string(work, "URL");
    if (const json* subjects = json_array(work, "subject"))
        for (const json& s : *subjects)
            if (s.is_string()) e.tags.push_back(single_line(s.get<std::string>()));
    return e;
}

}  // namespace

ApiPage import_crossref(std::string_view json_text, IdAllocator& ids) {
    ApiPage page;
    const std::optional<json> document = parse_api_json(json_text, "a Crossref answer", page);
    if (!document) return page;
    const json* message = json_object(*document, "message");
    const std::string type = json_string(*document, "message-type");
    if (!message || (type != "work" && type != "work-list")) {
        // Crossref answers a bad request with {"status":"failed","message":[{"message": ...}]}.
        std::string why = json_string(*document, "status") == "failed" ? " (Crossref says the request failed)" : "";
        return unusable_page(std::move(page.result.problems), "not a Crossref work or work list: no \"message-type\": \"work\" or \"work-list\" with a \"message\" object" + why);
    }
    if (type == "work") {
        page.items = 1;
        add_entry(page, read_work(*message, "/message", page.result.problems), ids, "/message");
        return page;
    }
    const json* items = json_array(*message, "items");
    if (!items) return unusable_page(std::move(page.result.problems), "a Crossref work list without \"items\"");
    add_items(page, *items, "/message/items/", ids, read_work);
    // The cursor stays the same on the last page; an empty page ends the list.
    if (!items->empty()) page.next_cursor = json_string(*message, "next-cursor");
    if (const auto total = message->find("total-results"); total != message->end() && total->is_number_unsigned())
        page.total = total->get<std::size_t>();
    return page;
}

}  // namespace pv
