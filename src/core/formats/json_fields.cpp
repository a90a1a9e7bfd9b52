#include "core/formats/json_fields.h"

#include "core/model/dates.h"
#include "core/model/hygiene.h"

#include <algorithm>
#include <climits>

namespace pv::detail {

using nlohmann::json;

const char* json_type_name(const json& v) {
    switch (v.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return "a boolean";
        case json::value_t::string: return "a string";
        case json::value_t::array: return "an array";
        case json::value_t::object: return "an object";
        case json::value_t::number_float: return "a decimal number";
        default: return "a number";
    }
}

std::string escape_pointer_token(std::string_view token) {
    std::string out;
    for (char c : token) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}


namespace {


// Reads one item (publication or job) or the top-level fields out of a small
// JSON value, adding a problem for each thing that is wrong. Required fields
// that are missing or mistyped make the item invalid; optional ones are dropped.
class FieldReader {
public:
    FieldReader(const json& object, std::string pointer, std::vector<Problem>& problems)
        : object_(object), pointer_(std::move(pointer)), problems_(problems) {}

    bool valid() const { return valid_; }

    void warn(std::string_view field, std::string message) {
        problems_.push_back({Severity::warning, field_pointer(field), std::move(message)});
    }
    void reject(std::string_view field, std::string message) {
        warn(field, std::move(message));
        valid_ = false;
    }

    // A required string; `allow_empty` for abstracts.
    std::string required_string(const char* field, bool allow_empty, bool multiline) {
        const json* v = find(field);
        if (!v) { reject(field, std::string("missing required field \"") + field + '"'); return {}; }
        if (!v->is_string()) { reject(field, std::string("expected a string, got ") + json_type_name(*v)); return {}; }
        std::string text = v->get<std::string>();
        clean(field, text, multiline);
        if (!allow_empty && text.find_first_not_of(' ') == std::string::npos)
            reject(field, std::string("empty ") + field);
        return text;
    }

    std::string optional_string(const char* field, bool multiline = false) {
        const json* v = find(field);
        if (!v || v->is_null()) return {};
        if (!v->is_string()) { warn(field, std::string("expected a string, got ") + json_type_name(*v) + "; ignored"); return {}; }
        std::string text = v->get<std::string>();
        clean(field, text, multiline);
        return text;
    }

    std::string optional_url(const char* field) {
        std::string url = optional_string(field);
        if (!url.empty() && !is_safe_url(url)) {
            warn(field, "dropped URL \"" + url.substr(0, 60) + "\": only http, https and mailto links are kept");
            return {};
        }
        return url;
    }

    std::optional<int> optional_int(const char* field, long long min, long long max) {
        const json* v = find(field);
        if (!v || v->is_null()) return std::nullopt;
        if (!v->is_number_integer()) {
            warn(field, std::string("expected a whole number, got ") + json_type_name(*v) + "; ignored");
            return std::nullopt;
        }
        const bool too_big = v->is_number_unsigned() && v->get<unsigned long long>() > static_cast<unsigned long long>(LLONG_MAX);
        const long long n = too_big ? LLONG_MAX : v->get<long long>();
        if (too_big || n < min || n > max) {
            warn(field, "value " + v->dump() + " is outside " + std::to_string(min) + ".." + std::to_string(max) + "; ignored");
            return std::nullopt;
        }
        return static_cast<int>(n);
    }

    bool optional_bool(const char* field) {
        const json* v = find(field);
        if (!v || v->is_null()) return false;
        if (!v->is_boolean()) { warn(field, std::string("expected true or false, got ") + json_type_name(*v) + "; ignored"); return false; }
        return v->get<bool>();
    }

    // An ISO 8601 date ("2024", "2024-05-17", "2024-05-17T09:00:00Z"); anything else is dropped.
    std::string optional_date(const char* field) {
        std::string text = optional_string(field);
        if (!text.empty() && !parse_iso_date(text)) {
            warn(field, "\"" + text.substr(0, 40) + "\" is not an ISO 8601 date (2024, 2024-05 or 2024-05-17, with a time if wanted); ignored");
            return {};
        }
        return text;
    }

    // One word of a closed set (core/model/vocabulary.h), written the format's way.
    template <std::size_t N>
    std::string optional_word(const char* field, std::string_view (*canonical)(std::string_view),
                              const std::array<std::string_view, N>& words) {
        const std::string text = optional_string(field);
        if (text.empty()) return {};
        const std::string_view word = canonical(text);
        if (word.empty()) warn(field, "\"" + text.substr(0, 40) + "\" is not one of " + word_list(words) + "; ignored");
        return std::string(word);
    }

    std::optional<double> optional_number(const char* field) {
        const json* v = find(field);
        if (!v || v->is_null()) return std::nullopt;
        if (!v->is_number() || v->get<double>() < 0) {
            warn(field, std::string("expected a number of 0 or more, got ") + (v->is_number() ? v->dump() : json_type_name(*v)) + "; ignored");
            return std::nullopt;
        }
        return v->get<double>();
    }

    std::vector<std::string> string_list(const char* field) {
        std::vector<std::string> out;
        const json* v = find(field);
        if (!v || v->is_null()) return out;
        if (!v->is_array()) { warn(field, std::string("expected an array of strings, got ") + json_type_name(*v) + "; ignored"); return out; }
        for (std::size_t i = 0; i < v->size(); ++i) {
            const json& item = (*v)[i];
            const std::string where = std::string(field) + '/' + std::to_string(i);
            if (!item.is_string()) { warn(where, std::string("expected a string, got ") + json_type_name(item) + "; ignored"); continue; }
            std::string text = item.get<std::string>();
            clean(where, text, false);
            if (!text.empty()) out.push_back(std::move(text));
        }
        return out;
    }

    // Reads each object in the array at `field` with a reader of its own. An
    // absent or null field reads nothing; a field that is not an array, or an
    // item that is not an object, is ignored with a warning saying what was
    // expected there.
    template <typename ReadObject>
    void each_object(const char* field, const char* expected_array, const char* expected_item, ReadObject read) {
        const json* list = find(field);
        if (!list || list->is_null()) return;
        if (!list->is_array()) {
            warn(field, std::string("expected ") + expected_array + ", got " + json_type_name(*list) + "; ignored");
            return;
        }
        for (std::size_t i = 0; i < list->size(); ++i) {
            FieldReader item_reader((*list)[i], field_pointer(field) + '/' + std::to_string(i), problems_);
            if (!(*list)[i].is_object()) {
                item_reader.warn("", std::string("expected ") + expected_item + ", got " + json_type_name((*list)[i]) + "; ignored");
                continue;
            }
            read(item_reader);
        }
    }

    const json* find(std::string_view field) const {
        auto it = object_.find(field);
        return it == object_.end() ? nullptr : &*it;
    }

    std::string field_pointer(std::string_view field) const {
        return field.empty() ? pointer_ : pointer_ + '/' + std::string(field);
    }

private:
    void clean(std::string_view field, std::string& text, bool multiline) {
        if (sanitize_text(text, multiline))
            warn(field, "removed control or text-direction characters");
        trim_ends(text, multiline ? " \n" : " ");
    }

    const json& object_;
    std::string pointer_;
    std::vector<Problem>& problems_;
    bool valid_ = true;
};

std::vector<Link> read_links(FieldReader& r) {
    std::vector<Link> links;
    r.each_object("links", "an array of {label, url, kind}", "an object with label, url and kind", [&](FieldReader& lr) {
        Link link{lr.optional_string("label"), lr.optional_url("url")};
        const std::string kind = lr.optional_string("kind");
        const std::optional<LinkKind> known = link_kind(kind);
        if (link.url.empty()) {
            lr.warn("", "a link needs a url; ignored");
        } else if (!known) {
            lr.warn("kind", "\"" + kind.substr(0, 40) + "\" is not a link kind (pdf, code, slides, video, poster, data or html); link ignored");
        } else {
            link.kind = *known;
            links.push_back(std::move(link));
        }
    });
    return links;
}

Salary read_salary(FieldReader& r, const std::string& pointer, std::vector<Problem>& problems) {
    const json* salary = r.find("salary");
    if (!salary || salary->is_null()) return {};
    if (!salary->is_object()) {
        r.warn("salary", std::string("expected an object with min, max, currency and unit, got ") + json_type_name(*salary) + "; ignored");
        return {};
    }
    FieldReader sr(*salary, pointer + "/salary", problems);
    Salary s{sr.optional_number("min"), sr.optional_number("max"), sr.optional_string("currency"),
             sr.optional_word("unit", salary_unit, kSalaryUnits)};
    const bool currency_code = s.currency.size() == 3 && std::all_of(s.currency.begin(), s.currency.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!s.currency.empty() && !currency_code) {
        sr.warn("currency", "\"" + s.currency.substr(0, 20) + "\" is not an ISO 4217 currency code such as USD or EUR; salary ignored");
        return {};
    }
    if (s.empty()) {
        r.warn("salary", "needs min, max or both; ignored");
        return {};
    }
    if (s.min && s.max && *s.min > *s.max) {
        r.warn("salary", "min is more than max; ignored");
        return {};
    }
    return s;
}

}  // namespace

std::optional<Entry> read_item(Kind kind, const json& item, const std::string& pointer, std::vector<Problem>& problems,
                               bool rows_only) {
    if (!item.is_object()) {
        problems.push_back({Severity::warning, pointer, std::string("expected an object, got ") + json_type_name(item) + "; item skipped"});
        return std::nullopt;
    }
    FieldReader r(item, pointer, problems);
    Entry e;
    e.kind = kind;
    e.id = r.required_string("id", false, false);
    e.title = r.required_string("title", false, false);
    e.body = r.required_string(kind == Kind::job ? "description" : "abstract", kind == Kind::publication || rows_only, true);
    e.url = r.optional_url("url");
    e.tags = r.string_list("tags");
    if (kind == Kind::publication) {
        e.abstract_truncated = r.optional_bool("abstract_truncated");
        e.rank = r.optional_int("rank", 1, INT_MAX);
        e.year = r.optional_int("year", 1900, 2100);
        e.authors = r.string_list("authors");
        e.venue = r.optional_string("venue");
        e.doi = r.optional_string("doi");
        e.arxiv = r.optional_string("arxiv");
        e.award = r.optional_string("award");
        r.each_object("related", "an array", "an object", [&](FieldReader& br) {
            Related rel{br.optional_string("title"), br.optional_string("summary", true), br.optional_url("url")};
            if (!rel.title.empty() || !rel.summary.empty()) e.related.push_back(std::move(rel));
        });
        e.type = r.optional_word("type", publication_type, kPublicationTypes);
        e.date = r.optional_date("date");
        if (const std::optional<IsoDate> date = parse_iso_date(e.date)) {
            if (!e.year) e.year = date->year;
            else if (*e.year != date->year)
                r.warn("date", "names the year " + std::to_string(date->year) + " but \"year\" is " + std::to_string(*e.year) + "; the date is ignored");
            if (*e.year != date->year) e.date.clear();
        }
        e.venue_short = r.optional_string("venue_short");
        e.featured = r.optional_bool("featured");
        e.links = read_links(r);
    } else {
        e.edit_job().team = r.optional_string("team");
        e.edit_job().date_posted = r.optional_date("date_posted");
        e.edit_job().valid_through = r.optional_date("valid_through");
        if (!e.edit_job().date_posted.empty() && !e.edit_job().valid_through.empty() && *day_number(e.edit_job().valid_through) < *day_number(e.edit_job().date_posted))
            r.warn("valid_through", "is before date_posted; kept as written");
        e.edit_job().employment_type = r.optional_word("employment_type", employment_type, kEmploymentTypes);
        e.edit_job().salary = read_salary(r, pointer, problems);
        e.edit_job().remote = r.optional_bool("remote");
        const json* loc = r.find("location");
        if (!loc) {
            r.reject("location", "missing required field \"location\"");
        } else if (!loc->is_object()) {
            r.reject("location", std::string("expected an object with country, region or city, got ") + json_type_name(*loc));
        } else {
            FieldReader lr(*loc, pointer + "/location", problems);
            e.edit_job().location = {lr.optional_string("country"), lr.optional_string("region"), lr.optional_string("city")};
            if (e.edit_job().location.empty()) r.reject("location", "needs at least one of country, region, city");
        }
    }
    if (!r.valid()) {
        problems.push_back({Severity::warning, pointer, std::string(kind_name(kind)) + " skipped"});
        return std::nullopt;
    }
    return e;
}

void read_top_fields(json& top, LoadResult& result, std::vector<Problem>& out) {
    FieldReader r(top, "", out);
    const json* version = r.find("pubview");
    if (!version) {
        out.push_back({Severity::error, "/pubview", "missing \"pubview\": 1 (the bundle format version)"});
    } else if (!version->is_number_integer() || version->get<long long>() < 1) {
        out.push_back({Severity::error, "/pubview", "format version must be a whole number (1), got " + version->dump()});
    } else if (version->get<long long>() > 1) {
        out.push_back({Severity::warning, "/pubview", "format version " + version->dump() + " is newer than this pubview reads (1); reading it as version 1"});
    }
    const json* title = r.find("title");
    if (!title) out.push_back({Severity::error, "/title", "missing required field \"title\""});
    else if (!title->is_string()) out.push_back({Severity::error, "/title", std::string("expected a string, got ") + json_type_name(*title)});
    else result.bundle.title = r.optional_string("title");
    result.bundle.description = r.optional_string("description", true);
    if (const json* source = r.find("source"); source && !source->is_null()) {
        if (!source->is_object()) {
            r.warn("source", std::string("expected an object with name and url, got ") + json_type_name(*source) + "; ignored");
        } else {
            FieldReader sr(*source, "/source", out);
            result.bundle.source = {sr.optional_string("name"), sr.optional_url("url")};
        }
    }
    for (const char* list : {"publications", "jobs"})
        if (const json* v = r.find(list); v && !v->is_null())
            r.warn(list, std::string("expected an array, got ") + json_type_name(*v) + "; ignored");
}

}  // namespace pv::detail
