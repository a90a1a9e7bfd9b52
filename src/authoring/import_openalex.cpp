// OpenAlex works: {"meta": {"count", "next_cursor", ...}, "results": [work...]}
// or a single work. The abstract comes as an inverted index (word -> positions).
#include "authoring/api_importers.h"
#include "authoring/markup_text.h"

#include <map>

namespace pv {

namespace {

using nlohmann::json;

// {"Deep": [0], "learning": [1, 5], ...} -> "Deep learning ...". Positions
// past a bound (a hostile index) are refused rather than allocated.
std::string abstract_from_index(const json& index, const std::string& pointer, std::vector<Problem>& problems) {
    constexpr std::size_t kMaxWords = 100000;
    std::map<std::size_t, std::string> words;
    for (const auto& [word, positions] : index.items()) {
        if (!positions.is_array()) continue;
        for (const json& p : positions) {
            if (!p.is_number_unsigned() || p.get<std::size_t>() >= kMaxWords) {
                problems.push_back(problem_at(Severity::warning, pointer, "abstract_inverted_index has a position that is not a word index; the abstract is left out"));
                return {};
            }
            words[p.get<std::size_t>()] = word;
        }
    }
    // Abstracts taken from JATS keep their heading as the first word ("Abstract This article ...").
    if (!words.empty() && words.begin()->second == "Abstract") words.erase(words.begin());
    std::string text;
    for (const auto& [position, word] : words) text += (text.empty() ? "" : " ") + word;
    return markup_to_text(text, true);
}

// The arXiv id in any of the work's locations (its landing page or PDF on arxiv.org).
std::string arxiv_location(const json& work) {
    if (const json* locations = json_array(work, "locations"))
        for (const json& location : *locations)
            for (std::string_view key : {"landing_page_url", "pdf_url"}) {
                const std::string url = json_string(location, key);
                if (url.find("arxiv.org/") != std::string::npos)
                    if (std::string id = arxiv_id(url); !id.empty()) return id;
            }
    return {};
}

std::optional<Entry> read_work(const json& work, const std::string& pointer, std::vector<Problem>& problems) {
    if (!work.is_object()) return skip_item(problems, pointer, "expected a work object");
    Entry e;
    e.kind = Kind::publication;
    e.title = markup_to_text(json_string(work, "display_name").empty() ? json_string(work, "title") : json_string(work, "display_name"), false);
    if (e.title.empty()) return skip_item(problems, pointer + "/display_name", "work " + json_string(work, "id") + " has no title");
    e.doi = bare_doi(json_string(work, "doi"));
    e.arxiv = arxiv_location(work);
    if (const auto year = work.find("publication_year"); year != work.end() && year->is_number_integer()) e.year = year->get<int>();
    else e.year = year_of(json_string(work, "publication_date"));
    if (const std::string date = api_date(json_string(work, "publication_date")); !date.empty() && year_of(date) == e.year) e.date = date;
    e.type = api_publication_type(json_string(work, "type"));
    if (const json* authorships = json_array(work, "authorships"))
        for (const json& a : *authorships)
            if (const json* author = json_object(a, "author"))
                if (std::string name = single_line(json_string(*author, "display_name")); !name.empty()) e.authors.push_back(std::move(name));
    if (const json* primary = json_object(work, "primary_location")) {
        if (const json* source = json_object(*primary, "source")) e.venue = single_line(json_string(*source, "display_name"));
        e.url = json_string(*primary, "landing_page_url");
    }
    if (const json* index = json_object(work, "abstract_inverted_index")) e.body = abstract_from_index(*index, pointer + "/abstract_inverted_index", problems);
    // Keywords (2024 schema), else the concepts of the older one.
    for (std::string_view key : {"keywords", "concepts"}) {
        if (!e.tags.empty()) break;
        if (const json* list = json_array(work, key))
            for (const json& k : *list)
                if (std::string name = single_line(json_string(k, "display_name")); !name.empty()) e.tags.push_back(std::move(name));
    }
    return e;
}

}  // namespace

ApiPage import_openalex(std::string_view json_text, IdAllocator& ids) {
    ApiPage page;
    const std::optional<json> document = parse_api_json(json_text, "an OpenAlex answer", page);
    if (!document) return page;
    const json* results = json_array(*document, "results");
    if (!results) {
        // A single work (api.openalex.org/works/W...) has an id and a title of its own.
        if (json_string(*document, "id").find("openalex.org/W") == std::string::npos)
            return unusable_page(std::move(page.result.problems), "not an OpenAlex work list or work: no \"results\" array and no work \"id\"");
        page.items = 1;
        add_entry(page, read_work(*document, "", page.result.problems), ids, "");
        return page;
    }
    add_items(page, *results, "/results/", ids, read_work);
    if (const json* meta = json_object(*document, "meta")) {
        if (!results->empty()) page.next_cursor = json_string(*meta, "next_cursor");
        if (const auto count = meta->find("count"); count != meta->end() && count->is_number_unsigned()) page.total = count->get<std::size_t>();
    }
    return page;
}

}  // namespace pv
