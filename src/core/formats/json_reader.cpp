// load_bundle (core/model/bundle.h) and read_json_bundle: a SAX reader over
// the document, read piece by piece, that keeps every complete item before a
// syntax error, with the checks of each item in json_fields.cpp.
#include "core/formats/json_reader.h"

#include "core/formats/json_fields.h"
#include "core/formats/json_text_stream.h"
#include "core/model/bundle.h"
#include "core/model/hygiene.h"
#include "core/text/text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <deque>
#include <unordered_map>

namespace pv {

using nlohmann::json;
using detail::escape_pointer_token;
using detail::json_type_name;
using detail::read_item;
using detail::read_top_fields;

namespace {

// Where the token that stopped the parser starts. `position` is just past it;
// `last_token` holds what was read since the last string or number began (so
// maybe that token, the structural characters and white space after it, and
// the offending token), with each control byte shown as "<U+00XX>".
std::size_t offending_token_start(std::size_t position, const std::string& last_token, std::string_view message) {
    std::string read;  // the bytes read, a control byte standing for each "<U+00XX>"
    for (std::size_t at = 0; at < last_token.size(); ++at) {
        const bool control = last_token.compare(at, 3, "<U+") == 0 && at + 8 <= last_token.size() && last_token[at + 7] == '>';
        read += control ? '\x01' : last_token[at];
        if (control) at += 7;
    }
    const auto back = [&](std::size_t bytes) { return position >= bytes ? position - bytes : 0; };
    // An error in a string or a number, or one that is the unexpected token: it is all that was read.
    for (const char* whole : {"invalid string", "invalid number", "number overflow", "unexpected string literal", "unexpected number literal"})
        if (message.find(whole) != std::string_view::npos) return back(read.size());
    // Otherwise the token is what follows the last white space (a control byte, as
    // "<U+000A>" hides which) or structural character before its last byte.
    if (read.size() <= 1) return back(read.size());
    const std::size_t before = read.find_last_of(" \x01{}[]:,", read.size() - 2);
    return back(read.size() - (before == std::string::npos ? 0 : before + 1));
}

// A SAX handler for nlohmann::json that streams a bundle: top-level fields and
// each item are built as small JSON values, validated, turned into entries and
// dropped, so a large bundle never exists as one DOM. Deeply nested values are
// skipped, not built. It never recurses, so any nesting depth is safe.
class BundleReader {
public:
    BundleReader(const LoadOptions& options, LoadResult& result, JsonTextStream& text, std::uint64_t size)
        : options_(options), result_(result), text_(text), size_(size) {}

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
        took_token();
        if (skip_depth_ > 0) return true;
        Frame& f = stack_.back();
        const json* object = f.role == Role::root ? &top_ : f.node;
        if (object && object->contains(k))
            result_.problems.push_back({Severity::warning, pointer_of(stack_.size(), k), "duplicate key; the last value is used"});
        f.key = std::move(k);
        return true;
    }
    bool parse_error(std::size_t position, const std::string& last_token, const nlohmann::detail::exception& ex) {
        input_ended_ = std::string_view(ex.what()).find("unexpected end of input") != std::string_view::npos;
        error_position_ = input_ended_ ? text_.taken() : offending_token_start(position, last_token, ex.what());
        error_message_ = ex.what();
        return false;
    }

    std::size_t error_position() const { return error_position_; }
    const std::string& error_message() const { return error_message_; }
    bool saw_root_object() const { return saw_root_object_; }
    bool saw_token() const { return saw_token_; }
    // The parser met the end of the input (or a NUL byte) before the document's.
    bool input_ended() const { return input_ended_; }
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
        took_token();
        if (skip_depth_ > 0) return true;
        if (stack_.empty()) {
            result_.problems.push_back({Severity::error, "", std::string("a bundle is a JSON object, but this document is ") + json_type_name(v)});
            return false;
        }
        json* slot = slot_for_new_value();
        *slot = std::move(v);
        if (stack_.back().role == Role::item_list) finish_item();
        advance();
        return true;
    }

    bool open(bool is_array) {
        took_token();
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
        took_token();
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

    // A token ends here: an error can only point after it (the parser may have
    // read one byte more, a number's end, and put it back).
    void took_token() {
        saw_token_ = true;
        text_.forget_before(std::max<std::uint64_t>(text_.taken(), 1) - 1);
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
        report(options_.progress, WorkStage::receiving, text_.taken(), size_);
        const Frame& list = stack_.back();
        const std::string pointer = pointer_of(stack_.size(), "");
        std::optional<Entry> entry = read_item(list.kind, item_, pointer, result_.problems, options_.rows_only);
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
    JsonTextStream& text_;
    std::uint64_t size_;
    std::vector<Frame> stack_;
    std::size_t skip_depth_ = 0;
    json top_ = json::object();
    json item_;
    // Deques: a growing vector of 65,000 entries moved them all at once (a long block).
    std::deque<Entry> publications_, jobs_;
    std::unordered_map<std::string, std::string> first_pointer_of_id_;
    bool saw_root_object_ = false;
    bool saw_token_ = false;
    bool input_ended_ = false;
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
const char* wide_encoding(std::string_view head) {
    using namespace std::string_view_literals;
    if (head.starts_with("\xFF\xFE\0\0"sv) || head.starts_with("\0\0\xFE\xFF"sv)) return "UTF-32";
    if (head.starts_with("\xFF\xFE"sv) || head.starts_with("\xFE\xFF"sv)) return "UTF-16";
    return nullptr;
}

Problem located(const JsonTextStream& text, std::uint64_t offset, std::string message) {
    Problem p{Severity::error, "", std::move(message)};
    text.locate(offset, p.line, p.column);
    return p;
}

}  // namespace

LoadResult load_bundle(std::string_view text, const LoadOptions& options) {
    MemorySource source(text);
    return read_json_bundle(source, text.size(), options);
}

LoadResult read_json_bundle(ByteSource& source, std::uint64_t size, const LoadOptions& options) {
    LoadResult result;
    if (size > options.max_document_bytes) {
        result.problems.push_back({Severity::error, "", "bundle is " + std::to_string(size >> 20) + " MiB; the limit is " +
                                                            std::to_string(options.max_document_bytes >> 20) + " MiB"});
        return result;
    }
    JsonTextStream text(source);
    BundleReader reader(options, result, text, size);
    const bool parsed = json::sax_parse(text.begin(), text.end(), &reader);
    report(options.progress, WorkStage::receiving, text.taken(), size);
    if (const char* encoding = wide_encoding(text.head())) {
        result = LoadResult{};
        result.problems.push_back({Severity::error, "", std::string("the file is ") + encoding +
                                   " (it starts with a byte order mark); save the bundle as UTF-8", 1, 1});
        return result;
    }
    // The parser takes a NUL byte for the end of the input: say what it is,
    // and do not let it hide whatever follows a complete document.
    const std::optional<std::uint64_t> nul = text.first_nul();
    if (reader.input_ended() && !reader.saw_token() && !nul) {  // nothing but white space
        result.problems = {{Severity::error, "", "the bundle is empty"}};
        return result;
    }
    if (!parsed && !reader.error_message().empty()) {
        std::string message = short_parse_message(reader.error_message());
        std::uint64_t at = reader.error_position();
        // A NUL in a string is reported as a control character, so the first
        // NUL byte is where the parser saw an "end of input" that was not.
        if (nul && message.starts_with("unexpected end of input")) {
            message.replace(0, 23, "unexpected NUL byte (is this a UTF-16 or binary file?)");
            at = *nul;
        }
        result.problems.push_back(located(text, at, std::move(message)));
    } else if (parsed && nul) {
        result.problems.push_back(located(text, *nul, "unexpected NUL byte after the end of the document"));
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

}  // namespace pv
