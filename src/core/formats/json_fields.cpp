#include "core/formats/json_fields.h"

#include "core/model/hygiene.h"

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

}  // namespace

std::optional<Entry> read_item(Kind kind, const json& item, const std::string& pointer, std::vector<Problem>& problems) {
    if (!item.is_object()) {
        problems.push_back({Severity::warning, pointer, std::string("expected an object, got ") + json_type_name(item) + "; item skipped"});
        return std::nullopt;
    }
    FieldReader r(item, pointer, problems);
    Entry e;
    e.kind = kind;
    e.id = r.required_string("id", false, false);
    e.title = r.required_string("title", false, false);
    e.body = r.required_string(kind == Kind::job ? "description" : "abstract", kind == Kind::publication, true);
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
        if (const json* related = r.find("related"); related && !related->is_null()) {
            if (!related->is_array()) {
                r.warn("related", std::string("expected an array, got ") + json_type_name(*related) + "; ignored");
            } else {
                for (std::size_t i = 0; i < related->size(); ++i) {
                    const std::string at = pointer + "/related/" + std::to_string(i);
                    const json& blurb = (*related)[i];
                    if (!blurb.is_object()) {
                        problems.push_back({Severity::warning, at, std::string("expected an object, got ") + json_type_name(blurb) + "; ignored"});
                        continue;
                    }
                    FieldReader br(blurb, at, problems);
                    Related rel{br.optional_string("title"), br.optional_string("summary", true), br.optional_url("url")};
                    if (!rel.title.empty() || !rel.summary.empty()) e.related.push_back(std::move(rel));
                }
            }
        }
    } else {
        e.team = r.optional_string("team");
        const json* loc = r.find("location");
        if (!loc) {
            r.reject("location", "missing required field \"location\"");
        } else if (!loc->is_object()) {
            r.reject("location", std::string("expected an object with country, region or city, got ") + json_type_name(*loc));
        } else {
            FieldReader lr(*loc, pointer + "/location", problems);
            e.location = {lr.optional_string("country"), lr.optional_string("region"), lr.optional_string("city")};
            if (e.location.empty()) r.reject("location", "needs at least one of country, region, city");
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
