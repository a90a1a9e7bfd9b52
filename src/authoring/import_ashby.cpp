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

std::optional<Entry> read_job(const json& job, const std::string& pointer, IdAllocator& ids, std::vector<Problem>& problems) {
    Entry e;
    e.kind = Kind::job;
    e.title = single_line(json_string(job, "title"));
    if (e.title.empty()) {
        problems.push_back(problem_at(Severity::error, pointer + "/title", "a job without a title; skipped"));
        return std::nullopt;
    }
    e.body = html_to_text(json_string(job, "descriptionHtml"));
    if (e.body.empty()) e.body = html_to_text("<p>" + json_string(job, "descriptionPlain") + "</p>");
    if (e.body.empty()) {
        problems.push_back(problem_at(Severity::error, pointer + "/descriptionHtml", "job \"" + e.title + "\" has no description; skipped"));
        return std::nullopt;
    }
    const auto is_remote = job.find("isRemote");
    const bool remote = is_remote != job.end() && is_remote->is_boolean() && is_remote->get<bool>();
    e.location = job_location(job);
    if (e.location.empty() && remote) e.location.city = "Remote";
    if (e.location.empty()) {
        problems.push_back(problem_at(Severity::error, pointer + "/location", "job \"" + e.title + "\" has no location; skipped"));
        return std::nullopt;
    }
    e.team = single_line(json_string(job, "team"));
    if (e.team.empty()) e.team = single_line(json_string(job, "department"));
    if (std::string type = single_line(json_string(job, "employmentType")); !type.empty()) {
        e.employment_type = std::string(employment_type(type));  // "FullTime", "Intern", "Contract", ...
        e.tags.push_back(std::move(type));
    }
    if (remote) e.tags.push_back("Remote");
    e.remote = remote;
    e.date_posted = api_date(json_string(job, "publishedAt"));
    e.salary = job_salary(job);
    e.url = json_string(job, "jobUrl");
    finish_entry(e, ids, pointer, problems);
    return e;
}

}  // namespace

ApiPage import_ashby(std::string_view json_text, IdAllocator& ids) {
    std::vector<Problem> problems;
    const std::optional<json> document = parse_api_json(json_text, "an Ashby job board answer", problems);
    if (!document) return unusable_page(std::move(problems), "");
    const json* jobs = json_array(*document, "jobs");
    if (!jobs) return unusable_page(std::move(problems), "not an Ashby job board answer: no \"jobs\" array");
    ApiPage page;
    page.result.problems = std::move(problems);
    page.result.usable = true;
    page.items = jobs->size();
    for (std::size_t i = 0; i < jobs->size(); ++i) {
        const json& job = (*jobs)[i];
        const std::string pointer = "/jobs/" + std::to_string(i);
        if (!job.is_object()) {
            page.result.problems.push_back(problem_at(Severity::error, pointer, "expected a job object; skipped"));
            continue;
        }
        if (const auto listed = job.find("isListed"); listed != job.end() && listed->is_boolean() && !listed->get<bool>()) continue;
        if (std::optional<Entry> e = read_job(job, pointer, ids, page.result.problems)) page.result.bundle.entries.push_back(std::move(*e));
    }
    return page;
}

}  // namespace pv
