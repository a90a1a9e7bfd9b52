// Lever postings API with mode=json: an array of postings {id, text,
// categories: {location, team, department, commitment}, country,
// description (HTML), lists: [{text, content (HTML <li>s)}], additional,
// hostedUrl, workplaceType}. Paged with skip and limit.
#include "authoring/api_importers.h"
#include "authoring/markup_text.h"

#include "core/present/markup_escape.h"

namespace pv {

namespace {

using nlohmann::json;

// Plain text (a list heading) goes into the HTML as text.
std::string escape_html(std::string_view text) {
    std::string out;
    append_escaped(out, text);
    return out;
}

std::optional<Entry> read_posting(const json& posting, const std::string& pointer, std::vector<Problem>& problems) {
    if (!posting.is_object()) return skip_item(problems, pointer, "expected a posting object");
    Entry e;
    e.kind = Kind::job;
    e.title = single_line(json_string(posting, "text"));
    if (e.title.empty()) return skip_item(problems, pointer + "/text", "a posting without a title (\"text\")");
    // The description, each list under its heading, then the closing text.
    std::string html = json_string(posting, "description");
    if (html.empty()) html = escape_html(json_string(posting, "descriptionPlain"));
    if (const json* lists = json_array(posting, "lists"))
        for (const json& list : *lists)
            html += "<h3>" + escape_html(json_string(list, "text")) + "</h3><ul>" + json_string(list, "content") + "</ul>";
    html += json_string(posting, "additional");
    e.body = html_to_text(html);
    if (e.body.empty()) return skip_item(problems, pointer + "/description", "posting \"" + e.title + "\" has no description");
    const json* categories = json_object(posting, "categories");
    if (categories) {
        e.edit_job().location = parse_place(json_string(*categories, "location"));
        e.edit_job().team = single_line(json_string(*categories, "team"));
        if (e.edit_job().team.empty()) e.edit_job().team = single_line(json_string(*categories, "department"));
        if (std::string commitment = single_line(json_string(*categories, "commitment")); !commitment.empty()) {
            e.edit_job().employment_type = std::string(employment_type(commitment));
            e.tags.push_back(std::move(commitment));
        }
    }
    if (const std::string country = single_line(json_string(posting, "country")); !country.empty() && e.edit_job().location.country.empty())
        e.edit_job().location.country = country;
    if (std::string workplace = single_line(json_string(posting, "workplaceType")); !workplace.empty() && workplace != "unspecified") {
        e.edit_job().remote = workplace == "remote";
        e.tags.push_back(std::move(workplace));
    }
    if (const auto created = posting.find("createdAt"); created != posting.end()) e.edit_job().date_posted = api_date_value(*created);
    if (const json* range = json_object(posting, "salaryRange")) {
        const auto min = range->find("min"), max = range->find("max");
        e.edit_job().salary = api_salary(min == range->end() ? nullptr : &*min, max == range->end() ? nullptr : &*max,
                              json_string(*range, "currency"), json_string(*range, "interval"));
    }
    if (e.edit_job().location.empty()) return skip_item(problems, pointer + "/categories/location", "posting \"" + e.title + "\" has no location");
    e.url = json_string(posting, "hostedUrl");
    return e;
}

}  // namespace

ApiPage import_lever(std::string_view json_text, IdAllocator& ids) {
    ApiPage page;
    const std::optional<json> document = parse_api_json(json_text, "a Lever postings answer", page);
    if (!document) return page;
    if (!document->is_array()) {
        // Lever answers an unknown company with {"ok": false, "error": "Document not found"}.
        const std::string error = json_string(*document, "error");
        return unusable_page(std::move(page.result.problems), "not a Lever postings list (an array, from ?mode=json)" +
                                                                  (error.empty() ? std::string() : ": Lever says \"" + single_line(error) + "\""));
    }
    add_items(page, *document, "/", ids, read_posting);
    return page;
}

}  // namespace pv
