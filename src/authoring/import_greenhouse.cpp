// Greenhouse job board API: {"jobs": [{id, title, absolute_url, location:
// {name}, content, departments: [{name}], offices, updated_at}], "meta":
// {"total"}}. With ?content=true, `content` is the description as HTML that
// is itself entity-escaped ("&lt;p&gt;...").
#include "authoring/api_importers.h"
#include "authoring/markup_text.h"

namespace pv {

namespace {

using nlohmann::json;

// Greenhouse sends the description's HTML entity-escaped ("&lt;p&gt;"); its
// own documentation shows it escaped twice ("&amp;lt;p&amp;gt;"). One round
// of entities is always decoded; more (at most two) while escaped tags still
// hide the markup, so that tags never end up as text.
std::string unescaped_content(std::string_view content) {
    std::string html = decode_entities(content);
    for (int round = 0; round < 2 && html.find('<') == std::string::npos && html.find("&lt;") != std::string::npos; ++round)
        html = decode_entities(html);
    return html;
}

std::optional<Entry> read_job(const json& job, const std::string& pointer, std::vector<Problem>& problems) {
    Entry e;
    e.kind = Kind::job;
    e.title = single_line(decode_entities(json_string(job, "title")));
    if (e.title.empty()) return skip_item(problems, pointer + "/title", "a job without a title");
    e.body = html_to_text(unescaped_content(json_string(job, "content")));
    if (e.body.empty())
        return skip_item(problems, pointer + "/content", "job \"" + e.title + "\" has no description (ask the board with ?content=true)");
    if (const json* location = json_object(job, "location")) e.edit_job().location = parse_place(json_string(*location, "name"));
    if (e.edit_job().location.empty()) return skip_item(problems, pointer + "/location", "job \"" + e.title + "\" has no location");
    // The most specific department is the last one listed.
    if (const json* departments = json_array(job, "departments"); departments && !departments->empty())
        e.edit_job().team = single_line(json_string(departments->back(), "name"));
    e.url = json_string(job, "absolute_url");
    // When it was first published; boards that do not say give when it was last changed.
    e.edit_job().date_posted = api_date(json_string(job, "first_published"));
    if (e.edit_job().date_posted.empty()) e.edit_job().date_posted = api_date(json_string(job, "updated_at"));
    return e;
}

}  // namespace

ApiPage import_greenhouse(std::string_view json_text, IdAllocator& ids) {
    ApiPage page;
    const std::optional<json> document = parse_api_json(json_text, "a Greenhouse job board answer", page);
    if (!document) return page;
    const json* jobs = json_array(*document, "jobs");
    if (!jobs) return unusable_page(std::move(page.result.problems), "not a Greenhouse job board answer: no \"jobs\" array");
    add_items(page, *jobs, "/jobs/", ids, read_job);
    if (const json* meta = json_object(*document, "meta"))
        if (const auto total = meta->find("total"); total != meta->end() && total->is_number_unsigned()) page.total = total->get<std::size_t>();
    return page;
}

}  // namespace pv
