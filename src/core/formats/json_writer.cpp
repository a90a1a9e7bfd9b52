// to_json (core/model/bundle.h): a bundle written back as the JSON format's
// canonical text, written straight out (building nlohmann's document first
// was a fifth of `pubview shard`'s time), byte for byte what nlohmann's
// dump writes for the same document.
#include "core/model/bundle.h"
#include "core/model/vocabulary.h"
#include "core/text/text.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <vector>

namespace pv {
namespace {

// Whether `s` is well-formed UTF-8 (text::decode_utf8's rule, which is nlohmann's too).
bool well_formed_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        const text::Decoded decoded = text::decode_utf8(s, i);
        if (decoded.code_point == text::kInvalidCodePoint) return false;
        i += decoded.length;
    }
    return true;
}

// A JSON text written as it goes: indented by 2 spaces or compact, with
// nlohmann's separators, escapes and empty containers ("[]", "{}").
class JsonText {
public:
    explicit JsonText(JsonLayout layout) : pretty_(layout == JsonLayout::indented) {}

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }
    // The key of the next value in the object that is open.
    JsonText& key(std::string_view name) {
        next_item();
        quoted(name);
        out_ += pretty_ ? ": " : ":";
        after_key_ = true;
        return *this;
    }
    void value(std::string_view text) { start_value(); quoted(text); }
    void value(const char* text) { value(std::string_view(text)); }  // not value(bool)
    void value(const std::vector<std::string>& texts) {
        begin_array();
        for (const std::string& text : texts) value(text);
        end_array();
    }
    void value(long long number) { start_value(); out_ += std::to_string(number); }
    void value(bool yes) { start_value(); out_ += yes ? "true" : "false"; }
    void value(double number) { start_value(); out_ += nlohmann::ordered_json(number).dump(); }

    // A field written only when it has something.
    void field(std::string_view name, const std::string& text) {
        if (!text.empty()) { key(name); value(text); }
    }
    void field(std::string_view name, const std::vector<std::string>& texts) {
        if (!texts.empty()) { key(name); value(texts); }
    }

    // An object or array written before, as one value.
    void written(std::string_view json) { start_value(); out_ += json; }

    std::string take() { return std::move(out_) + '\n'; }
    std::string take_value() { return std::move(out_); }  // no newline: a part of a text

private:
    void open(char bracket) {
        start_value();
        out_ += bracket;
        items_.push_back(0);
    }
    void close(char bracket) {
        const std::size_t items = items_.back();
        items_.pop_back();
        if (pretty_ && items > 0) line();
        out_ += bracket;
    }
    // Before a value: its key was written, or it is an array's next item (or the document).
    void start_value() {
        if (after_key_) after_key_ = false;
        else if (!items_.empty()) next_item();
    }
    void next_item() {
        if (items_.back()++ > 0) out_ += ',';
        if (pretty_) line();
    }
    void line() {
        out_ += '\n';
        out_.append(2 * items_.size(), ' ');
    }
    void quoted(std::string_view text) {
        if (!well_formed_utf8(text)) {  // bytes that are not UTF-8 become U+FFFD, as nlohmann's dump replaces them
            out_ += nlohmann::ordered_json(std::string(text)).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
            return;
        }
        static constexpr char kHex[] = "0123456789abcdef";
        out_ += '"';
        std::size_t plain = 0;  // the start of the bytes not copied yet, which need no escape
        for (std::size_t i = 0; i < text.size(); ++i) {
            const auto c = static_cast<unsigned char>(text[i]);
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            out_.append(text.substr(plain, i - plain));
            plain = i + 1;
            switch (c) {
                case '"': out_ += "\\\""; break;
                case '\\': out_ += "\\\\"; break;
                case '\b': out_ += "\\b"; break;
                case '\f': out_ += "\\f"; break;
                case '\n': out_ += "\\n"; break;
                case '\r': out_ += "\\r"; break;
                case '\t': out_ += "\\t"; break;
                default:
                    out_ += "\\u00";
                    out_ += kHex[c >> 4];
                    out_ += kHex[c & 15];
            }
        }
        out_.append(text.substr(plain));
        out_ += '"';
    }

    bool pretty_;
    bool after_key_ = false;
    std::vector<std::size_t> items_;  // of each open container, innermost last
    std::string out_;
};

void write_publication(JsonText& json, const Entry& e) {
    json.begin_object();
    json.key("id").value(e.id);
    json.key("title").value(e.title);
    json.key("abstract").value(e.body);
    if (e.abstract_truncated) json.key("abstract_truncated").value(true);
    if (e.rank) json.key("rank").value(static_cast<long long>(*e.rank));
    json.field("authors", e.authors);
    json.field("venue", e.venue);
    if (e.year) json.key("year").value(static_cast<long long>(*e.year));
    json.field("tags", e.tags);
    json.field("url", e.url);
    json.field("doi", e.doi);
    json.field("arxiv", e.arxiv);
    json.field("award", e.award);
    json.field("type", e.type);
    json.field("date", e.date);
    json.field("venue_short", e.venue_short);
    if (e.featured) json.key("featured").value(true);
    if (!e.links.empty()) {
        json.key("links").begin_array();
        for (const Link& link : e.links) {
            json.begin_object();
            json.field("label", link.label);
            json.key("url").value(link.url);
            json.key("kind").value(link_kind_name(link.kind));
            json.end_object();
        }
        json.end_array();
    }
    if (!e.related.empty()) {
        json.key("related").begin_array();
        for (const Related& r : e.related) {
            json.begin_object();
            json.field("title", r.title);
            json.field("summary", r.summary);
            json.field("url", r.url);
            json.end_object();
        }
        json.end_array();
    }
    json.end_object();
}

void write_job(JsonText& json, const Entry& e) {
    const JobDetails& job = e.job();
    json.begin_object();
    json.key("id").value(e.id);
    json.key("title").value(e.title);
    json.key("location").begin_object();
    json.field("country", job.location.country);
    json.field("region", job.location.region);
    json.field("city", job.location.city);
    json.end_object();
    json.key("description").value(e.body);
    json.field("team", job.team);
    json.field("url", e.url);
    json.field("tags", e.tags);
    json.field("date_posted", job.date_posted);
    json.field("valid_through", job.valid_through);
    json.field("employment_type", job.employment_type);
    if (!job.salary.empty()) {
        // 120000, not 120000.0
        auto amount = [&](double v) {
            if (v == std::floor(v) && v < 1e15) json.value(static_cast<long long>(v));
            else json.value(v);
        };
        json.key("salary").begin_object();
        if (job.salary.min) {
            json.key("min");
            amount(*job.salary.min);
        }
        if (job.salary.max) {
            json.key("max");
            amount(*job.salary.max);
        }
        json.field("currency", job.salary.currency);
        json.field("unit", job.salary.unit);
        json.end_object();
    }
    if (job.remote) json.key("remote").value(true);
    json.end_object();
}

// A bundle's text: its header's fields, then each kind's list, its entries
// written by `write(json, kind)`.
template <class WriteEntries>
std::string bundle_text(const Bundle& header, JsonLayout layout, WriteEntries write) {
    JsonText json(layout);
    json.begin_object();
    json.key("pubview").value(1LL);
    json.key("title").value(header.title);
    json.field("description", header.description);
    if (!header.source.name.empty() || !header.source.url.empty()) {
        json.key("source").begin_object();
        json.field("name", header.source.name);
        json.field("url", header.source.url);
        json.end_object();
    }
    for (const Kind kind : {Kind::publication, Kind::job}) {
        json.key(kind == Kind::publication ? "publications" : "jobs").begin_array();
        write(json, kind);
        json.end_array();
    }
    json.end_object();
    return json.take();
}

void write_entry(JsonText& json, const Entry& e) { e.kind == Kind::publication ? write_publication(json, e) : write_job(json, e); }

}  // namespace

std::string to_json(const Bundle& bundle, JsonLayout layout) {
    return bundle_text(bundle, layout, [&](JsonText& json, Kind kind) {
        for (const Entry& e : bundle.entries)
            if (e.kind == kind) write_entry(json, e);
    });
}

std::string entry_json(const Entry& entry) {
    JsonText json(JsonLayout::compact);
    write_entry(json, entry);
    return json.take_value();
}

std::string to_json(const Bundle& header, const std::vector<EntryJson>& entries) {
    return bundle_text(header, JsonLayout::compact, [&](JsonText& json, Kind kind) {
        for (const EntryJson& e : entries)
            if (e.kind == kind) json.written(e.json);
    });
}

}  // namespace pv
