#include "authoring/import_api.h"

#include "core/model/dates.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace pv {

using nlohmann::json;

namespace {

// A SAX handler that only keeps where and why parsing failed.
struct ErrorPosition {
    std::size_t position = 0;
    std::string message;
    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(json::number_integer_t) { return true; }
    bool number_unsigned(json::number_unsigned_t) { return true; }
    bool number_float(json::number_float_t, const json::string_t&) { return true; }
    bool string(json::string_t&) { return true; }
    bool binary(json::binary_t&) { return true; }
    bool start_object(std::size_t) { return true; }
    bool key(json::string_t&) { return true; }
    bool end_object() { return true; }
    bool start_array(std::size_t) { return true; }
    bool end_array() { return true; }
    bool parse_error(std::size_t at, const std::string& token, const nlohmann::detail::exception&) {
        position = at;
        message = token.empty() ? "unexpected end of input" : "unexpected '" + token.substr(0, 40) + "'";
        return false;
    }
};

// The response is one the importer reads: a usable page, with the problems
// found so far and no entries yet.
ApiPage usable_page(std::vector<Problem> problems) {
    ApiPage page;
    page.result.problems = std::move(problems);
    page.result.usable = true;
    return page;
}

}  // namespace

std::optional<json> parse_api_json(std::string_view text, std::string_view what, std::vector<Problem>& problems) {
    json document = json::parse(text.begin(), text.end(), nullptr, false);
    if (!document.is_discarded()) return document;
    ErrorPosition error;
    json::sax_parse(text.begin(), text.end(), &error);
    // nlohmann counts the position from 1, past the offending character.
    const std::size_t at = std::min(error.position > 0 ? error.position - 1 : 0, text.size());
    int line = 1, column = 1;
    for (std::size_t i = 0; i < at; ++i) {
        if (text[i] == '\n') { ++line; column = 1; }
        else ++column;
    }
    const bool cut = at >= text.size() || error.message == "unexpected end of input";
    problems.push_back({Severity::error, "",
                        (cut ? std::string("not valid JSON: it ends too soon (the response is cut short)")
                             : "not valid JSON (" + error.message + ")") +
                            "; expected " + std::string(what),
                        line, column});
    return std::nullopt;
}

std::optional<json> parse_api_json(std::string_view text, std::string_view what, ApiPage& page) {
    std::vector<Problem> problems;
    std::optional<json> document = parse_api_json(text, what, problems);
    page = document ? usable_page(std::move(problems)) : unusable_page(std::move(problems), "");
    return document;
}

std::optional<XmlElement> parse_api_xml(std::string_view text, std::string_view root, std::string_view what, ApiPage& page) {
    Problem error;
    std::optional<XmlElement> document = parse_xml(normalize_text_file(text), error);
    if (!document) {
        page = unusable_page({error}, "");
    } else if (document->local_name() != root) {
        page = unusable_page({}, "not " + std::string(what) + ": the root element is <" + document->name + ">, not <" + std::string(root) + ">");
        document.reset();
    } else {
        page = usable_page({});
    }
    return document;
}

std::string json_string(const json& object, std::string_view key) {
    if (!object.is_object()) return {};
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const json* json_object(const json& object, std::string_view key) {
    if (!object.is_object()) return nullptr;
    const auto it = object.find(key);
    return it != object.end() && it->is_object() ? &*it : nullptr;
}

const json* json_array(const json& object, std::string_view key) {
    if (!object.is_object()) return nullptr;
    const auto it = object.find(key);
    return it != object.end() && it->is_array() ? &*it : nullptr;
}

std::string bare_doi(std::string_view text) {
    text = trim(text);
    const std::string lower = lower_ascii(text);
    for (std::string_view prefix : {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"})
        if (lower.starts_with(prefix)) { text.remove_prefix(prefix.size()); break; }
    text = trim(text);
    return text.starts_with("10.") && text.find('/') != std::string_view::npos ? std::string(text) : std::string();
}

std::string arxiv_id(std::string_view text) {
    text = trim(text);
    for (std::string_view marker : {"arxiv.org/abs/", "arxiv.org/pdf/", "arXiv:", "arxiv:", "abs/"}) {
        const auto at = text.find(marker);
        if (at != std::string_view::npos) { text.remove_prefix(at + marker.size()); break; }
    }
    if (text.ends_with(".pdf")) text.remove_suffix(4);
    // New style "2104.08166" (4.4 or 4.5 digits) or old style "cs/0112017".
    std::size_t i = 0;
    const auto digits = [&](std::size_t n) {
        for (std::size_t k = 0; k < n; ++k, ++i)
            if (i >= text.size() || !std::isdigit(static_cast<unsigned char>(text[i]))) return false;
        return true;
    };
    const std::size_t slash = text.find('/');
    if (slash != std::string_view::npos && slash > 0 && slash < 20) {
        i = slash + 1;
        if (!digits(7)) return {};
    } else {
        if (!digits(4) || i >= text.size() || text[i] != '.') return {};
        ++i;
        if (!digits(4)) return {};
        if (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    }
    // A version ("v2") or the end must follow.
    if (i < text.size() && text[i] != 'v' && std::isalnum(static_cast<unsigned char>(text[i]))) return {};
    return std::string(text.substr(0, i));
}

std::optional<int> year_of(std::string_view date) {
    date = trim(date);
    if (date.size() < 4 || !std::all_of(date.begin(), date.begin() + 4, [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        return std::nullopt;
    if (date.size() > 4 && date[4] != '-') return std::nullopt;
    return std::stoi(std::string(date.substr(0, 4)));
}

std::string api_date(std::string_view text) {
    text = trim(text);
    return parse_iso_date(text) ? std::string(text) : std::string();
}

std::string api_date_value(const nlohmann::json& value) {
    if (value.is_string()) return api_date(value.get<std::string>());
    if (!value.is_number() || value.get<double>() < 0 || value.get<double>() > 253402300799999.0) return {};
    return iso_date_text(date_of_day(static_cast<std::int64_t>(value.get<double>() / 86400000.0)));
}

std::string api_publication_type(std::string_view type) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kTypes = {{
        {"journal-article", "article"}, {"article-journal", "article"}, {"article", "article"},
        {"proceedings-article", "conference paper"}, {"paper-conference", "conference paper"},
        {"posted-content", "preprint"}, {"preprint", "preprint"},
        {"dissertation", "thesis"}, {"thesis", "thesis"},
        {"book", "book"}, {"monograph", "book"}, {"edited-book", "book"},
        {"book-chapter", "chapter"}, {"chapter", "chapter"}, {"book-section", "chapter"},
        {"dataset", "dataset"}, {"software", "software"},
    }};
    const std::string lower = lower_ascii(trim(type));
    for (const auto& [source, ours] : kTypes)
        if (lower == source) return std::string(ours);
    return {};
}

Salary api_salary(const json* min, const json* max, std::string_view currency, std::string_view unit_words) {
    auto amount = [](const json* v) -> std::optional<double> {
        if (!v || !v->is_number() || v->get<double>() < 0) return std::nullopt;
        return v->get<double>();
    };
    Salary salary{amount(min), amount(max), std::string(trim(currency)), {}};
    if (salary.currency.size() != 3 || !std::all_of(salary.currency.begin(), salary.currency.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }))
        salary.currency.clear();
    for (char& c : salary.currency) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const std::string words = lower_ascii(unit_words);
    for (std::string_view unit : kSalaryUnits)
        if (words.find(unit) != std::string::npos) salary.unit = std::string(unit);
    if (words.find("annual") != std::string::npos) salary.unit = "year";
    if (salary.empty() || (salary.min && salary.max && *salary.min > *salary.max)) return {};
    return salary;
}

Location parse_place(std::string_view place) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 16> countries = {{
        {"united states", "US"}, {"united states of america", "US"}, {"usa", "US"}, {"us", "US"},
        {"united kingdom", "GB"}, {"uk", "GB"}, {"germany", "DE"}, {"france", "FR"}, {"canada", "CA"},
        {"india", "IN"}, {"japan", "JP"}, {"china", "CN"}, {"spain", "ES"}, {"netherlands", "NL"},
        {"switzerland", "CH"}, {"australia", "AU"}}};
    const auto country_code = [&](const std::string& name) -> std::string {
        const std::string lower = lower_ascii(name);
        for (const auto& [n, code] : countries)
            if (n == lower) return std::string(code);
        return {};
    };
    std::vector<std::string> parts = split_list(place, ',');
    Location location;
    if (parts.empty()) return location;
    if (std::string code = country_code(parts.back()); !code.empty() && parts.size() > 1) {
        location.country = code;
        parts.pop_back();
    } else if (parts.size() == 1 && !country_code(parts[0]).empty()) {
        location.country = country_code(parts[0]);
        return location;
    }
    location.city = parts[0];
    if (parts.size() >= 2) {
        // "Austin, TX" is a region; "Berlin, Germany" was a country, "Paris, Île-de-France" a region.
        location.region = parts[1];
    }
    return location;
}

Problem problem_at(Severity severity, std::string pointer, std::string message) {
    return {severity, std::move(pointer), std::move(message), 0, 0};
}

ApiPage unusable_page(std::vector<Problem> problems, std::string message) {
    ApiPage page;
    page.result.problems = std::move(problems);
    if (!message.empty()) page.result.problems.push_back(problem_at(Severity::error, "", std::move(message)));
    page.result.usable = false;
    return page;
}

void add_entry(ApiPage& page, std::optional<Entry> entry, IdAllocator& ids, const std::string& pointer) {
    if (!entry) return;
    if (!entry->url.empty() && !is_safe_url(entry->url, LinkSchemes::web)) {
        page.result.problems.push_back(problem_at(Severity::warning, pointer, "link \"" + single_line(entry->url) + "\" is not an http(s) link; left out"));
        entry->url.clear();
    }
    // A link to the DOI or the arXiv page is shown from those fields already.
    if (!entry->url.empty() && ((!entry->doi.empty() && bare_doi(entry->url) == entry->doi) ||
                                (!entry->arxiv.empty() && arxiv_id(entry->url) == entry->arxiv)))
        entry->url.clear();
    entry->title = single_line(entry->title);
    entry->id = ids.claim(entry->kind == Kind::job ? job_id_base(*entry) : publication_id_base(*entry), kind_name(entry->kind));
    page.result.bundle.entries.push_back(std::move(*entry));
}

void add_items(ApiPage& page, const json& items, std::string_view pointer_prefix, IdAllocator& ids, ReadItem read) {
    page.items = items.size();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string pointer = std::string(pointer_prefix) + std::to_string(i);
        add_entry(page, read(items[i], pointer, page.result.problems), ids, pointer);
    }
}

std::nullopt_t skip_item(std::vector<Problem>& problems, std::string pointer, std::string why) {
    problems.push_back(problem_at(Severity::error, std::move(pointer), std::move(why) + "; skipped"));
    return std::nullopt;
}

}  // namespace pv
