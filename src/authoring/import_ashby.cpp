// Ashby's public posting API: {"apiVersion": "1", "jobs": [{title, location,
// department, team, isListed, isRemote, descriptionHtml, descriptionPlain,
// employmentType, address: {postalAddress: {addressLocality, addressRegion,
// addressCountry}}, jobUrl, publishedAt}]}.
#include "authoring/api_importers.h"
#include "authoring/markup_text.h"

namespace pv {

namespace {

using nlohmann::json;

Location job_location(const json& job) {
    if (const json* address = json_object(job, "address"))
        if (const json* postal = json_object(*address, "postalAddress")) {
            std::string place;
            for (std::string_view key : {"addressLocality", "addressRegion", "addressCountry"})
                if (const std::string part = single_line(json_string(*postal, key)); !part.empty() && part.find(',') == std::string::npos)
                    place += (place.empty() ? "" : ", ") + part;
            Location location = parse_place(place);
            // A posting with only a country: parse_place read it as the city.
            if (!location.empty()) return location;
        }
    return parse_place(json_string(job, "location"));
}

// The salary of "compensation" (asked for with ?includeCompensation=true):
// its first summary component of type Salary.
Salary job_salary(const json& job) {
    const json* compensation = json_object(job, "compensation");
    const json* components = compensation ? json_array(*compensation, "summaryComponents") : nullptr;
    if (!components) return {};
    for (const json& component : *components) {
        if (!component.is_object() || lower_ascii(json_string(component, "compensationType")) != "salary") continue;
        const auto min = component.find("minValue"), max = component.find("maxValue");
        return api_salary(min == component.end() ? nullptr : &*min, max == component.end() ? nullptr : &*max,
                          json_string(component, "currencyCode"), json_string(component, "interval"));
    }
    return {};
}

std::optional<Entry> read_job(const json& job, const std::string& pointer, std::vector<Problem>& problems) {
    if (!job.is_object()) return skip_item(problems, pointer, "expected a job object");
    if (const auto listed = job.find("isListed"); listed != job.end() && listed->is_boolean() && !listed->get<bool>()) return std::nullopt;
    Entry e;
    e.kind = Kind::job;
    e.title = single_line(json_string(job, "title"));
    if (e.title.empty()) return skip_item(problems, pointer + "/title", "a job without a title");
    e.body = html_to_text(json_string(job, "descriptionHtml"));
    if (e.body.empty()) e.body = html_to_text("<p>" + json_string(job, "descriptionPlain") + "</p>");
    if (e.body.empty()) return skip_item(problems, pointer + "/descriptionHtml", "job \"" + e.title + "\" has no description");
    const auto is_remote = job.find("isRemote");
    const bool remote = is_remote != job.end() && is_remote->is_boolean() && is_remote->get<bool>();
    e.edit_job().location = job_location(job);
    if (e.edit_job().location.empty() && remote) e.edit_job().location.city = "Remote";
    if (e.edit_job().location.empty()) return skip_item(problems, pointer + "/location", "job \"" + e.title + "\" has no location");
    e.edit_job().team = single_line(json_string(job, "team"));
    if (e.edit_job().team.empty()) e.edit_job().team = single_line(json_string(job, "department"));
    if (std::string type = single_line(json_string(job, "employmentType")); !type.empty()) {
        e.edit_job().employment_type = std::string(employment_type(type));  // "FullTime", "Intern", "Contract", ...
        e.tags.push_back(std::move(type));
    }
    if (remote) e.tags.push_back("Remote");
    e.edit_job().remote = remote;
    e.edit_job().date_posted = api_date(json_string(job, "publishedAt"));
    e.edit_job().salary = job_salary(job);
    e.url = json_string(job, "jobUrl");
    return e;
}

}  // namespace

ApiPage import_ashby(std::string_view json_text, IdAllocator& ids) {
    ApiPage page;
    const std::optional<json> document = parse_api_json(json_text, "an Ashby job board answer", page);
    if (!document) return page;
    const json* jobs = json_array(*document, "jobs");
    if (!jobs) return unusable_page(std::move(page.result.problems), "not an Ashby job board answer: no \"jobs\" array");
    add_items(page, *jobs, "/jobs/", ids, read_job);
    return page;
}

}  // namespace pv
