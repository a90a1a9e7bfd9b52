#include "core/bundle.h"

#include "core/text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <climits>
#include <cstring>
#include <deque>
#include <unordered_map>

namespace pv {

using nlohmann::json;

const char* kind_name(Kind kind) { return kind == Kind::job ? "job" : "publication"; }

std::string Location::display() const {
    std::string out;
    for (const std::string* part : {&city, &region, &country}) {
        if (part->empty()) continue;
        if (!out.empty()) out += ", ";
        out += *part;
    }
    return out;
}

std::size_t Bundle::count(Kind kind) const {
    return static_cast<std::size_t>(
        std::count_if(entries.begin(), entries.end(), [kind](const Entry& e) { return e.kind == kind; }));
}

std::string format_problem(std::string_view file, const Problem& problem) {
    std::string out(file);
    if (problem.line > 0) {
        out += ':' + std::to_string(problem.line);
        if (problem.column > 0) out += ':' + std::to_string(problem.column);
    } else {
        out += ": ";
        out += problem.pointer.empty() ? "/" : problem.pointer;
    }
    out += ": ";
    out += problem.message;
    return out;
}

bool LoadResult::has_errors() const {
    return std::any_of(problems.begin(), problems.end(), [](const Problem& p) { return p.severity == Severity::error; });
}

const Problem* LoadResult::fatal() const {
    if (usable) return nullptr;
    for (const Problem& p : problems)
        if (p.severity == Severity::error) return &p;
    return nullptr;
}

namespace {

const char* type_name(const json& v) {
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

// Removes C0/C1 control characters and bidirectional overrides, which could
// hide or reorder text on screen. `keep_newlines` keeps '\n' (paragraphs of a
// body); elsewhere line breaks and tabs become spaces. Returns true if the
// text changed in a way worth a warning.
bool sanitize_text(std::string& text, bool keep_newlines) {
    std::string out;
    out.reserve(text.size());
    bool removed = false;
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        // ASCII, most of any text, is looked at byte by byte.
        const text::Decoded d = byte < 0x80 ? text::Decoded{byte, 1} : text::decode_utf8(text, i);
        const std::size_t at = i;
        i += d.length;
        if (d.code_point == '\r') continue;  // CRLF line ends: keep the LF
        if (d.code_point == '\n' || d.code_point == '\t') {
            out += (keep_newlines && d.code_point == '\n') ? '\n' : ' ';
        } else if (text::is_hidden_control(d.code_point)) {
            removed = true;
        } else {
            out.append(text, at, d.length);
        }
    }
    text.swap(out);
    return removed;
}

// Removes `chars` from both ends of `text`.
void trim_ends(std::string& text, const char* chars) {
    const auto first = text.find_first_not_of(chars);
    if (first == std::string::npos) { text.clear(); return; }
    text.erase(text.find_last_not_of(chars) + 1);
    text.erase(0, first);
}

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
        if (!v->is_string()) { reject(field, std::string("expected a string, got ") + type_name(*v)); return {}; }
        std::string text = v->get<std::string>();
        clean(field, text, multiline);
        if (!allow_empty && text.find_first_not_of(' ') == std::string::npos)
            reject(field, std::string("empty ") + field);
        return text;
    }

    std::string optional_string(const char* field, bool multiline = false) {
        const json* v = find(field);
        if (!v || v->is_null()) return {};
        if (!v->is_string()) { warn(field, std::string("expected a string, got ") + type_name(*v) + "; ignored"); return {}; }
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
            warn(field, std::string("expected a whole number, got ") + type_name(*v) + "; ignored");
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
        if (!v->is_boolean()) { warn(field, std::string("expected true or false, got ") + type_name(*v) + "; ignored"); return false; }
        return v->get<bool>();
    }

    std::vector<std::string> string_list(const char* field) {
        std::vector<std::string> out;
        const json* v = find(field);
        if (!v || v->is_null()) return out;
        if (!v->is_array()) { warn(field, std::string("expected an array of strings, got ") + type_name(*v) + "; ignored"); return out; }
        for (std::size_t i = 0; i < v->size(); ++i) {
            const json& item = (*v)[i];
            const std::string where = std::string(field) + '/' + std::to_string(i);
            if (!item.is_string()) { warn(where, std::string("expected a string, got ") + type_name(item) + "; ignored"); continue; }
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

std::optional<Entry> read_item(Kind kind, const json& item, const std::string& pointer, std::vector<Problem>& problems) {
    if (!item.is_object()) {
        problems.push_back({Severity::warning, pointer, std::string("expected an object, got ") + type_name(item) + "; item skipped"});
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
                r.warn("related", std::string("expected an array, got ") + type_name(*related) + "; ignored");
            } else {
                for (std::size_t i = 0; i < related->size(); ++i) {
                    const std::string at = pointer + "/related/" + std::to_string(i);
                    const json& blurb = (*related)[i];
                    if (!blurb.is_object()) {
                        problems.push_back({Severity::warning, at, std::string("expected an object, got ") + type_name(blurb) + "; ignored"});
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
            r.reject("location", std::string("expected an object with country, region or city, got ") + type_name(*loc));
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

// A SAX handler for nlohmann::json that streams a bundle: top-level fields and
// each item are built as small JSON values, validated, turned into entries and
// dropped, so a large bundle never exists as one DOM. Deeply nested values are
// skipped, not built. It never recurses, so any nesting depth is safe.
class BundleReader {
public:
    BundleReader(const LoadOptions& options, LoadResult& result) : options_(options), result_(result) {}

    bool null() { return value(json(nullptr)); }
    bool boolean(bool v) { return value(json(v)); }
    bool number_integer(json::number_integer_t v) { return value(json(v)); }
    bool number_unsigned(json::number_unsigned_t v) { return value(json(v)); }
    bool number_float(json::number_float_t v, const json::string_t&) { return value(json(v)); }
    bool binary(json::binary_t&) { return value(json(nullptr)); }
    bool string(json::string_t& v) {
        if (v.size() > options_.max_string_bytes) {
            v.resize(text::utf8_prefix_length(v, options_.max_string_bytes));
            result_.problems.push_back({Severity::warning, pointer_here(),
                                        "string longer than " + std::to_string(options_.max_string_bytes >> 20) + " MiB; truncated"});
        }
        return value(json(std::move(v)));
    }
    bool start_object(std::size_t) { return open(false); }
    bool start_array(std::size_t) { return open(true); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(json::string_t& k) {
        if (skip_depth_ > 0) return true;
        Frame& f = stack_.back();
        const json* object = f.role == Role::root ? &top_ : f.node;
        if (object && object->contains(k))
            result_.problems.push_back({Severity::warning, pointer_of(stack_.size(), k), "duplicate key; the last value is used"});
        f.key = std::move(k);
        return true;
    }
    bool parse_error(std::size_t position, const std::string& last_token, const nlohmann::detail::exception& ex) {
        // `position` is just past the offending token: point at its start.
        // The token shows each control byte as "<U+00XX>": count it as one byte.
        std::size_t token_bytes = last_token.size();
        for (std::size_t at = last_token.find("<U+"); at != std::string::npos; at = last_token.find("<U+", at + 1))
            if (at + 8 <= last_token.size() && last_token[at + 7] == '>' && token_bytes >= 8) token_bytes -= 7;
        error_position_ = position >= token_bytes ? position - token_bytes : 0;
        error_message_ = ex.what();
        return false;
    }

    std::size_t error_position() const { return error_position_; }
    const std::string& error_message() const { return error_message_; }
    bool saw_root_object() const { return saw_root_object_; }
    json& top_fields() { return top_; }
    std::deque<Entry>& items(Kind kind) { return kind == Kind::job ? jobs_ : publications_; }

private:
    enum class Role : std::uint8_t { root, item_list, build };
    struct Frame {
        Role role = Role::build;
        bool is_array = false;
        std::size_t index = 0;  // next array index
        std::string key;        // current object key
        json* node = nullptr;   // the value being built (Role::build)
        Kind kind = Kind::publication;
    };

    // The pointer of the element that the next value fills.
    std::string pointer_here() const { return pointer_of(stack_.size(), stack_.empty() ? "" : stack_.back().key); }

    std::string pointer_of(std::size_t depth, std::string_view last_key) const {
        std::string out;
        for (std::size_t i = 0; i < depth; ++i) {
            const Frame& f = stack_[i];
            out += '/';
            if (f.is_array) out += std::to_string(f.index);
            else out += escape_pointer_token(i + 1 == depth ? last_key : f.key);
        }
        return out;
    }

    // Where a new value goes: returns the slot to build into, or null when the
    // value is a container that is not built (root, item lists) or is ignored.
    json* slot_for_new_value() {
        Frame& parent = stack_.back();
        if (parent.role == Role::build) {
            if (parent.is_array) { parent.node->push_back(nullptr); return &parent.node->back(); }
            return &(*parent.node)[parent.key];
        }
        if (parent.role == Role::item_list) { item_ = json(); return &item_; }
        return &top_[parent.key];  // a top-level field
    }

    bool value(json&& v) {
        if (skip_depth_ > 0) return true;
        if (stack_.empty()) {
            result_.problems.push_back({Severity::error, "", std::string("a bundle is a JSON object, but this document is ") + type_name(v)});
            return false;
        }
        json* slot = slot_for_new_value();
        *slot = std::move(v);
        if (stack_.back().role == Role::item_list) finish_item();
        advance();
        return true;
    }

    bool open(bool is_array) {
        if (skip_depth_ > 0) { ++skip_depth_; return true; }
        if (stack_.empty()) {
            if (is_array) {
                result_.problems.push_back({Severity::error, "", "a bundle is a JSON object, but this document is an array"});
                return false;
            }
            saw_root_object_ = true;
            push_frame(Role::root, false);
            return true;
        }
        if (stack_.size() >= options_.max_nesting) {
            result_.problems.push_back({Severity::warning, pointer_here(),
                                        "nested deeper than " + std::to_string(options_.max_nesting) + " levels; value ignored"});
            skip_depth_ = 1;
            return true;
        }
        const Frame& parent = stack_.back();
        if (parent.role == Role::root && is_array && (parent.key == "publications" || parent.key == "jobs")) {
            const Kind kind = parent.key == "jobs" ? Kind::job : Kind::publication;
            push_frame(Role::item_list, true).kind = kind;
            return true;
        }
        json* slot = slot_for_new_value();
        *slot = is_array ? json::array() : json::object();
        push_frame(Role::build, is_array).node = slot;
        return true;
    }

    bool close() {
        if (skip_depth_ > 0) {
            if (--skip_depth_ == 0) advance();
            return true;
        }
        stack_.pop_back();
        if (!stack_.empty()) {
            if (stack_.back().role == Role::item_list) finish_item();
            advance();
        }
        return true;
    }

    Frame& push_frame(Role role, bool is_array) {
        Frame& f = stack_.emplace_back();
        f.role = role;
        f.is_array = is_array;
        return f;
    }

    void advance() {
        if (!stack_.empty() && stack_.back().is_array) ++stack_.back().index;
    }

    void finish_item() {
        report(options_.progress, WorkStage::reading, ++items_read_);
        const Frame& list = stack_.back();
        const std::string pointer = pointer_of(stack_.size(), "");
        std::optional<Entry> entry = read_item(list.kind, item_, pointer, result_.problems);
        item_ = json();
        if (!entry) { ++result_.skipped; return; }
        auto [it, fresh] = first_pointer_of_id_.try_emplace(entry->id, pointer);
        if (!fresh) {
            result_.problems.push_back({Severity::warning, pointer + "/id",
                                        "duplicate id \"" + entry->id + "\" (first used at " + it->second + "); item skipped"});
            ++result_.skipped;
            return;
        }
        items(list.kind).push_back(std::move(*entry));
    }

    const LoadOptions& options_;
    LoadResult& result_;
    std::vector<Frame> stack_;
    std::size_t skip_depth_ = 0;
    json top_ = json::object();
    json item_;
    // Deques: a growing vector of 65,000 entries moved them all at once (a long block).
    std::deque<Entry> publications_, jobs_;
    std::unordered_map<std::string, std::string> first_pointer_of_id_;
    bool saw_root_object_ = false;
    std::size_t items_read_ = 0;
    std::size_t error_position_ = 0;
    std::string error_message_;
};

// nlohmann's message is "[json.exception.parse_error.101] parse error at line
// 3, column 5: syntax error while parsing object - unexpected '}'; expected
// string literal". Keep what comes after "syntax error while parsing X - ".
// Other errors ("[json.exception.out_of_range.406] number overflow parsing
// '1e400'") lose the bracketed prefix. A quoted token longer than 40 bytes
// keeps its last 40, where the error is.
std::string short_parse_message(const std::string& what) {
    std::string msg = what;
    if (auto colon = msg.find(": "); colon != std::string::npos) msg = msg.substr(colon + 2);
    else if (msg.starts_with('[') && msg.find("] ") != std::string::npos) msg = msg.substr(msg.find("] ") + 2);
    if (auto dash = msg.find(" - "); dash != std::string::npos) msg = msg.substr(dash + 3);
    for (std::string_view marker : {"last read: '", "parsing '"}) {
        const std::size_t begin = msg.find(marker);
        if (begin == std::string::npos) continue;
        const std::size_t from = begin + marker.size();
        std::size_t end = msg.find("';", from);
        if (end == std::string::npos) end = msg.rfind('\'');
        if (end == std::string::npos || end < from || end - from <= 40) continue;
        std::size_t keep = end - 40;
        while (keep < end && (static_cast<unsigned char>(msg[keep]) & 0xC0) == 0x80) ++keep;
        msg.replace(from, keep - from, "...");
    }
    return msg;
}

// A bundle saved as UTF-16 or UTF-32 starts with a byte order mark that the
// JSON parser would only call an "invalid literal".
const char* wide_encoding(std::string_view text) {
    using namespace std::string_view_literals;
    if (text.starts_with("\xFF\xFE\0\0"sv) || text.starts_with("\0\0\xFE\xFF"sv)) return "UTF-32";
    if (text.starts_with("\xFF\xFE"sv) || text.starts_with("\xFE\xFF"sv)) return "UTF-16";
    return nullptr;
}

void locate(std::string_view text, std::size_t offset, int& line, int& column) {
    line = 1;
    column = 1;
    offset = std::min(offset, text.size());
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') { ++line; column = 1; }
        else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;  // count characters, not bytes
    }
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
    else if (!title->is_string()) out.push_back({Severity::error, "/title", std::string("expected a string, got ") + type_name(*title)});
    else result.bundle.title = r.optional_string("title");
    result.bundle.description = r.optional_string("description", true);
    if (const json* source = r.find("source"); source && !source->is_null()) {
        if (!source->is_object()) {
            r.warn("source", std::string("expected an object with name and url, got ") + type_name(*source) + "; ignored");
        } else {
            FieldReader sr(*source, "/source", out);
            result.bundle.source = {sr.optional_string("name"), sr.optional_url("url")};
        }
    }
    for (const char* list : {"publications", "jobs"})
        if (const json* v = r.find(list); v && !v->is_null())
            r.warn(list, std::string("expected an array, got ") + type_name(*v) + "; ignored");
}

}  // namespace

bool is_safe_url(std::string_view url, LinkSchemes allowed) {
    auto starts = [&](std::string_view scheme) {
        if (url.size() < scheme.size()) return false;
        for (std::size_t i = 0; i < scheme.size(); ++i)
            if (std::tolower(static_cast<unsigned char>(url[i])) != scheme[i]) return false;
        return true;
    };
    const bool scheme = starts("https://") || starts("http://") || (allowed == LinkSchemes::web_and_mail && starts("mailto:"));
    const bool clean = std::none_of(url.begin(), url.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte <= 0x20 || byte == 0x7F || c == '<' || c == '>' || c == '"';
    });
    return scheme && clean;
}

std::string single_line(std::string_view text) {
    std::string out(text);
    sanitize_text(out, false);
    trim_ends(out, " ");
    return out;
}

LoadResult load_bundle(std::string_view text, const LoadOptions& options) {
    LoadResult result;
    if (text.size() > options.max_document_bytes) {
        result.problems.push_back({Severity::error, "", "bundle is " + std::to_string(text.size() >> 20) + " MiB; the limit is " +
                                                            std::to_string(options.max_document_bytes >> 20) + " MiB"});
        return result;
    }
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        result.problems.push_back({Severity::error, "", "the bundle is empty"});
        return result;
    }
    if (const char* encoding = wide_encoding(text)) {
        result.problems.push_back({Severity::error, "", std::string("the file is ") + encoding +
                                   " (it starts with a byte order mark); save the bundle as UTF-8", 1, 1});
        return result;
    }
    BundleReader reader(options, result);
    const bool parsed = json::sax_parse(text.begin(), text.end(), &reader);
    // The parser takes a NUL byte for the end of the input: say what it is,
    // and do not let it hide whatever follows a complete document.
    const std::size_t nul = text.find('\0');
    if (!parsed && !reader.error_message().empty()) {
        Problem p{Severity::error, "", short_parse_message(reader.error_message())};
        std::size_t at = reader.error_position();
        // A NUL in a string is reported as a control character, so the first
        // NUL byte is where the parser saw an "end of input" that was not.
        if (nul != std::string_view::npos && p.message.starts_with("unexpected end of input")) {
            p.message.replace(0, 23, "unexpected NUL byte (is this a UTF-16 or binary file?)");
            at = nul;
        }
        locate(text, at, p.line, p.column);
        result.problems.push_back(std::move(p));
    } else if (parsed && nul != std::string_view::npos) {
        Problem p{Severity::error, "", "unexpected NUL byte after the end of the document"};
        locate(text, nul, p.line, p.column);
        result.problems.push_back(std::move(p));
    }

    // Top-level problems (format version, title) come first: they decide
    // whether anything else matters.
    std::vector<Problem> top_problems;
    if (reader.saw_root_object()) read_top_fields(reader.top_fields(), result, top_problems);
    result.problems.insert(result.problems.begin(), top_problems.begin(), top_problems.end());

    result.usable = reader.saw_root_object() &&
                    std::none_of(top_problems.begin(), top_problems.end(),
                                 [](const Problem& p) { return p.severity == Severity::error; });
    // A document cut off or broken before its top-level fields: the syntax
    // error, not the fields it hid, is what made it unusable.
    if (!result.usable && !parsed && !reader.error_message().empty())
        std::rotate(result.problems.begin(), result.problems.end() - 1, result.problems.end());
    if (result.usable) {
        auto& entries = result.bundle.entries;
        entries.reserve(reader.items(Kind::publication).size() + reader.items(Kind::job).size());
        for (Kind kind : {Kind::publication, Kind::job}) {
            std::deque<Entry>& items = reader.items(kind);
            for (; !items.empty(); items.pop_front()) {
                entries.push_back(std::move(items.front()));
                if (entries.size() % 1024 == 0) report(options.progress, WorkStage::reading, entries.size(), entries.capacity());
            }
        }
    }
    return result;
}

std::string to_json(const Bundle& bundle) {
    using ojson = nlohmann::ordered_json;
    auto put = [](ojson& o, const char* key, const std::string& v) { if (!v.empty()) o[key] = v; };
    auto put_list = [](ojson& o, const char* key, const std::vector<std::string>& v) { if (!v.empty()) o[key] = v; };

    ojson doc;
    doc["pubview"] = 1;
    doc["title"] = bundle.title;
    put(doc, "description", bundle.description);
    if (!bundle.source.name.empty() || !bundle.source.url.empty()) {
        ojson source = ojson::object();
        put(source, "name", bundle.source.name);
        put(source, "url", bundle.source.url);
        doc["source"] = source;
    }
    ojson publications = ojson::array(), jobs = ojson::array();
    for (const Entry& e : bundle.entries) {
        ojson o;
        o["id"] = e.id;
        o["title"] = e.title;
        if (e.kind == Kind::publication) {
            o["abstract"] = e.body;
            if (e.abstract_truncated) o["abstract_truncated"] = true;
            if (e.rank) o["rank"] = *e.rank;
            put_list(o, "authors", e.authors);
            put(o, "venue", e.venue);
            if (e.year) o["year"] = *e.year;
            put_list(o, "tags", e.tags);
            put(o, "url", e.url);
            put(o, "doi", e.doi);
            put(o, "arxiv", e.arxiv);
            put(o, "award", e.award);
            if (!e.related.empty()) {
                ojson related = ojson::array();
                for (const Related& r : e.related) {
                    ojson item = ojson::object();
                    put(item, "title", r.title);
                    put(item, "summary", r.summary);
                    put(item, "url", r.url);
                    related.push_back(item);
                }
                o["related"] = related;
            }
            publications.push_back(std::move(o));
        } else {
            ojson location = ojson::object();
            put(location, "country", e.location.country);
            put(location, "region", e.location.region);
            put(location, "city", e.location.city);
            o["location"] = location;
            o["description"] = e.body;
            put(o, "team", e.team);
            put(o, "url", e.url);
            put_list(o, "tags", e.tags);
            jobs.push_back(std::move(o));
        }
    }
    doc["publications"] = publications;
    doc["jobs"] = jobs;
    return doc.dump(2, ' ', false, ojson::error_handler_t::replace) + '\n';
}

}  // namespace pv
