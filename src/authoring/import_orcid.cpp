// ORCID public API v3.0. The works summary groups a researcher's works
// ({"group": [{"work-summary": [{put-code, title, external-ids, ...}]}]});
// a work's details (/work/{put-code}, or {"bulk": [{"work": ...} | {"error": ...}]})
// add contributors, a short description (the abstract) and a citation.
#include "authoring/api_importers.h"
#include "authoring/import_bibtex.h"
#include "authoring/markup_text.h"

#include <map>

namespace pv {

namespace {

using nlohmann::json;

// ORCID wraps values: {"value": "..."}.
std::string wrapped(const json& object, std::string_view key) {
    const json* box = json_object(object, key);
    return box ? json_string(*box, "value") : std::string();
}

std::string put_code(const json& work) {
    const auto it = work.find("put-code");
    if (it == work.end()) return {};
    if (it->is_number_unsigned()) return std::to_string(it->get<std::uint64_t>());
    return it->is_string() ? it->get<std::string>() : std::string();
}

// The work's own identifiers ("self"): DOI and arXiv id.
void read_external_ids(const json& work, Entry& e) {
    const json* ids = json_object(work, "external-ids");
    const json* list = ids ? json_array(*ids, "external-id") : nullptr;
    if (!list) return;
    for (const json& id : *list) {
        if (json_string(id, "external-id-relationship") == "part-of") continue;  // the journal's ISSN, the book of a chapter
        const std::string type = lower_ascii(json_string(id, "external-id-type"));
        const std::string value = json_string(id, "external-id-value");
        if (type == "doi" && e.doi.empty()) e.doi = bare_doi(value);
        else if (type == "arxiv" && e.arxiv.empty()) e.arxiv = arxiv_id(value);
    }
}

// Fields a summary and the full work share.
Entry read_common(const json& work) {
    Entry e;
    e.kind = Kind::publication;
    if (const json* title = json_object(work, "title")) {
        e.title = markup_to_text(wrapped(*title, "title"), false);
        if (const std::string sub = markup_to_text(wrapped(*title, "subtitle"), false); !sub.empty() && !e.title.empty()) e.title += ": " + sub;
    }
    e.venue = markup_to_text(wrapped(work, "journal-title"), false);
    if (const json* date = json_object(work, "publication-date")) e.year = year_of(wrapped(*date, "year"));
    e.url = wrapped(work, "url");
    read_external_ids(work, e);
    return e;
}

// Details over the summary: contributors (else the authors of its BibTeX
// citation) and the short description as the abstract.
void add_details(const json& work, Entry& e) {
    Entry full = read_common(work);
    if (!full.title.empty()) e.title = full.title;
    const auto fill = [](std::string& field, const std::string& detail) { if (field.empty()) field = detail; };
    fill(e.venue, full.venue);
    fill(e.url, full.url);
    fill(e.doi, full.doi);
    fill(e.arxiv, full.arxiv);
    if (!e.year) e.year = full.year;
    if (const json* contributors = json_object(work, "contributors"))
        if (const json* list = json_array(*contributors, "contributor"))
            for (const json& c : *list)
                if (std::string name = single_line(wrapped(c, "credit-name")); !name.empty()) e.authors.push_back(std::move(name));
    if (const json* citation = json_object(work, "citation"); e.authors.empty() && citation &&
                                                               json_string(*citation, "citation-type") == "bibtex") {
        const ImportResult cited = import_bibtex(json_string(*citation, "citation-value"));
        if (!cited.bundle.entries.empty()) e.authors = cited.bundle.entries.front().authors;
    }
    e.body = markup_to_text(json_string(work, "short-description"), true);
}

}  // namespace

std::vector<std::string> orcid_put_codes(std::string_view works_summary) {
    std::vector<Problem> ignored;
    std::vector<std::string> codes;
    const std::optional<json> document = parse_api_json(works_summary, "an ORCID works summary", ignored);
    const json* groups = document ? json_array(*document, "group") : nullptr;
    if (!groups) return codes;
    for (const json& group : *groups)
        if (const json* summaries = json_array(group, "work-summary"); summaries && !summaries->empty())
            if (std::string code = put_code((*summaries)[0]); !code.empty()) codes.push_back(std::move(code));
    return codes;
}

ApiPage import_orcid(std::string_view works_summary, const std::vector<std::string>& work_details, IdAllocator& ids) {
    ApiPage page;
    const std::optional<json> document = parse_api_json(works_summary, "an ORCID works summary", page);
    if (!document) return page;
    const json* groups = json_array(*document, "group");
    if (!groups) return unusable_page(std::move(page.result.problems), "not an ORCID v3.0 works summary: no \"group\" array");

    // The details by put-code; a detail that is no work is reported and the summary used alone.
    std::map<std::string, json> details;
    for (std::size_t d = 0; d < work_details.size(); ++d) {
        std::vector<Problem> detail_problems;
        std::optional<json> detail = parse_api_json(work_details[d], "an ORCID work", detail_problems);
        for (Problem& p : detail_problems) {
            p.message = "work details " + std::to_string(d + 1) + ": " + p.message + "; the summary is used";
            p.severity = Severity::warning;
            page.result.problems.push_back(std::move(p));
        }
        if (!detail) continue;
        const json* bulk = json_array(*detail, "bulk");
        const std::vector<json> works = bulk ? std::vector<json>(bulk->begin(), bulk->end()) : std::vector<json>{json{{"work", *detail}}};
        for (const json& item : works) {
            if (const json* work = json_object(item, "work"); work && !put_code(*work).empty()) details[put_code(*work)] = *work;
            else if (const json* error = json_object(item, "error"))
                page.result.problems.push_back(problem_at(Severity::warning, "", "ORCID could not give a work's details: " + json_string(*error, "developer-message")));
        }
    }

    for (std::size_t g = 0; g < groups->size(); ++g) {
        const json* summaries = json_array((*groups)[g], "work-summary");
        const std::string pointer = "/group/" + std::to_string(g) + "/work-summary/0";
        if (!summaries || summaries->empty() || !(*summaries)[0].is_object()) {
            skip_item(page.result.problems, "/group/" + std::to_string(g), "a group without a work summary");
            continue;
        }
        ++page.items;
        const json& summary = (*summaries)[0];
        Entry e = read_common(summary);
        if (auto it = details.find(put_code(summary)); it != details.end()) {
            add_details(it->second, e);
            details.erase(it);
        }
        if (e.title.empty()) {
            skip_item(page.result.problems, pointer + "/title", "work " + put_code(summary) + " has no title");
            continue;
        }
        add_entry(page, std::move(e), ids, pointer);
    }
    // Details of a work the summary does not list (saved on their own) are that work, not lost.
    for (const auto& [code, work] : details) {
        ++page.items;
        Entry e = read_common(work);
        add_details(work, e);
        if (e.title.empty()) {
            skip_item(page.result.problems, "", "work " + code + " (details only) has no title");
            continue;
        }
        add_entry(page, std::move(e), ids, "");
    }
    return page;
}

}  // namespace pv
