// What the importers of saved web-API answers share (Crossref, ORCID, DBLP,
// arXiv, OpenAlex, Greenhouse, Lever, Ashby): one page's result with what
// the fetcher needs to ask for the next page, reading JSON with messages
// that say where it broke, and the identifiers and places those APIs spell
// in their own ways. Each importer is a pure function of the bytes of one
// response; fetching is the CLI's (src/cli/http_client.h).
#pragma once

#include "authoring/import_common.h"
#include "authoring/xml_reader.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pv {

// One response made into entries. Problems point into it: a JSON Pointer
// for JSON answers, a line for XML ones.
struct ApiPage {
    ImportResult result;
    std::string next_cursor;  // the cursor of the next page (OpenAlex, Crossref); empty on the last
    std::size_t total = 0;    // items the whole list has, when the answer says (arXiv, OpenAlex, Crossref)
    std::size_t items = 0;    // items this page held, read or skipped (offset pagination: arXiv, Lever)
};

// The JSON document, or nullopt with an error at its line and column that
// names what was expected ("a Crossref answer").
std::optional<nlohmann::json> parse_api_json(std::string_view text, std::string_view what, std::vector<Problem>& problems);
// The same for the whole answer of a page: `page` is then usable, or
// unusable with that error.
std::optional<nlohmann::json> parse_api_json(std::string_view text, std::string_view what, ApiPage& page);

// The root element of an XML answer (arXiv, DBLP) when its local name is
// `root`, read after ill-formed UTF-8 became U+FFFD and control characters
// went, so that no field is cut out with them; `page` is then usable.
// Otherwise nullopt, and `page` is unusable with why: where the XML breaks,
// or "not <what>: the root element is <x>, not <root>".
std::optional<XmlElement> parse_api_xml(std::string_view text, std::string_view root, std::string_view what, ApiPage& page);

// The string at `key` of an object, empty when absent or not a string.
std::string json_string(const nlohmann::json& object, std::string_view key);
// The object or array at `key`, or null when absent or of another type.
const nlohmann::json* json_object(const nlohmann::json& object, std::string_view key);
const nlohmann::json* json_array(const nlohmann::json& object, std::string_view key);

// "https://doi.org/10.1/X", "doi:10.1/X", "10.1/X" -> "10.1/X"; empty when it is no DOI.
std::string bare_doi(std::string_view text);
// "http://arxiv.org/abs/2104.08166v2", "arXiv:2104.08166", "abs/2104.08166",
// "cs/0112017" -> the id without its version; empty when it is none.
std::string arxiv_id(std::string_view text);
// The year of "2021-04-16T17:59:59Z" or "2021", or nothing.
std::optional<int> year_of(std::string_view date);

// An API's date as the bundle keeps it: an ISO 8601 date or time as it is
// ("2021-04-16T17:59:59Z"), milliseconds since 1970 (Lever's createdAt) as
// the day ("2021-04-16"); "" for anything else.
std::string api_date(std::string_view text);
std::string api_date_value(const nlohmann::json& value);
// The bundle's publication type for a Crossref, OpenAlex or CSL type
// ("journal-article", "proceedings-article", "posted-content", "book-chapter",
// "dissertation", ...); "" when the bundle has none for it.
std::string api_publication_type(std::string_view type);

// A board's pay range as the bundle's salary: `min` and `max` numbers (either
// may be missing), a three-letter currency, and a unit found in words such as
// "per-year-salary", "YEAR" or "HOUR" (kSalaryUnits). Empty when neither end is
// a number of 0 or more, or min is above max.
Salary api_salary(const nlohmann::json* min, const nlohmann::json* max, std::string_view currency, std::string_view unit_words);

// "New York, NY, United States" -> city New York, region NY, country US;
// "London, UK" -> city London, country GB; "Remote" -> city Remote. Country
// names the common boards spell out become ISO codes; others stay as written.
Location parse_place(std::string_view place);

// A problem at a JSON Pointer of the response.
Problem problem_at(Severity severity, std::string pointer, std::string message);

// The response as a whole had nothing this importer reads: an error saying
// what was expected, the page unusable.
ApiPage unusable_page(std::vector<Problem> problems, std::string message);

// Makes an entry of one item of a response (the item at JSON Pointer
// `pointer`), or gives nullopt after a problem saying why it is left out.
using ReadItem = std::optional<Entry> (*)(const nlohmann::json& item, const std::string& pointer, std::vector<Problem>& problems);
// Adds the entry an importer made of the item at `pointer`, when it made one,
// to the page's bundle: with its id (publication_id_base / job_id_base, made
// unique) and its title on one line, without a link that only repeats its
// DOI or arXiv id, and without one that breaks the link rule (a warning).
void add_entry(ApiPage& page, std::optional<Entry> entry, IdAllocator& ids, const std::string& pointer);
// Reads every item of the array `items`, each at `pointer_prefix` and its
// index ("/jobs/3"), into the page; page.items counts them, read or skipped.
void add_items(ApiPage& page, const nlohmann::json& items, std::string_view pointer_prefix, IdAllocator& ids, ReadItem read);
// An item that cannot be read: an error at `pointer` saying why ("a job
// without a title") and that it is skipped. Gives nullopt, for a ReadItem to return.
std::nullopt_t skip_item(std::vector<Problem>& problems, std::string pointer, std::string why);

}  // namespace pv
