#include "authoring/import_bibtex.h"

#include "authoring/bibtex_site_fields.h"
#include "authoring/latex_text.h"

#include "core/text/text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>

namespace pv {

namespace {

// Runs of white space become one space; with `keep_paragraphs`, a run holding
// a blank line becomes "\n\n" (an abstract's paragraph break).
std::string collapse_space(std::string_view text, bool keep_paragraphs) {
    std::string out;
    std::size_t i = 0;
    text = trim(text);
    while (i < text.size()) {
        if (!std::isspace(static_cast<unsigned char>(text[i]))) { out += text[i++]; continue; }
        int newlines = 0;
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) newlines += text[i++] == '\n';
        out += keep_paragraphs && newlines >= 2 ? "\n\n" : " ";
    }
    return out;
}

std::string plain(std::string_view raw, bool keep_paragraphs = false) {
    return collapse_space(decode_latex(raw), keep_paragraphs);
}

// Splits at top-level (brace depth 0) occurrences of `separator`, which must
// be surrounded by white space when `whole_word`.
std::vector<std::string_view> split_outside_braces(std::string_view text, std::string_view separator, bool whole_word) {
    std::vector<std::string_view> parts;
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{') ++depth;
        else if (text[i] == '}') --depth;
        if (depth != 0 || text.size() - i < separator.size()) continue;
        if (lower_ascii(text.substr(i, separator.size())) != separator) continue;
        if (whole_word && (i == 0 || !std::isspace(static_cast<unsigned char>(text[i - 1])) ||
                           i + separator.size() >= text.size() ||
                           !std::isspace(static_cast<unsigned char>(text[i + separator.size()]))))
            continue;
        parts.push_back(text.substr(start, i - start));
        start = i + separator.size();
        i = start - 1;
    }
    parts.push_back(text.substr(start));
    return parts;
}

// ---- entries ------------------------------------------------------------------

constexpr std::array<std::string_view, 20> kEntryTypes = {
    "article", "book", "booklet", "conference", "inbook", "incollection", "inproceedings",
    "manual", "mastersthesis", "misc", "phdthesis", "proceedings", "techreport", "unpublished",
    "online", "report", "thesis", "software", "dataset", "collection"};

// Fields the bundle format has a place for (and the lab sites' ones,
// is_site_field); the rest are counted and reported.
constexpr std::array<std::string_view, 16> kKnownFields = {
    "title", "author", "year", "booktitle", "journal", "howpublished", "doi",
    "url", "eprint", "archiveprefix", "eprinttype", "abstract", "keywords", "award", "date", "month"};

struct RawEntry {
    int line = 0;
    std::string type;
    std::string key;
    std::map<std::string, std::string> fields;  // lower-case name -> raw value
};

bool is_name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("_-:./+'!?*&$").find(c) != std::string_view::npos ||
           static_cast<unsigned char>(c) >= 0x80;
}

// Reads the entries of a .bib file one by one. A failure inside an entry
// reports the entry and resumes at the next line that starts with '@', so
// one broken entry costs only itself.
class BibReader {
public:
    BibReader(std::string_view text, std::vector<Problem>& problems) : text_(text), problems_(problems) {
        for (std::size_t i = 0; i < text_.size(); ++i)
            if (text_[i] == '\n') line_starts_.push_back(i + 1);
        for (const char* month : {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"})
            macros_[month] = std::string(1, static_cast<char>(std::toupper(month[0]))) + (month + 1);
    }

    std::vector<RawEntry> read() {
        std::vector<RawEntry> entries;
        while ((at_ = text_.find('@', at_)) != std::string_view::npos) {
            const std::size_t start = at_++;
            error_.clear();
            std::optional<RawEntry> entry = read_block(start);
            if (!error_.empty()) {
                problems_.push_back(error_at(line_of(error_offset_), error_ + "; the entry at line " +
                                                                         std::to_string(line_of(start)) + " is skipped"));
                at_ = next_entry_line(start);
            } else if (entry) {
                entries.push_back(std::move(*entry));
            }
        }
        return entries;
    }

    int line_of(std::size_t offset) const {
        return static_cast<int>(std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - line_starts_.begin()) + 1;
    }

private:
    bool fail(std::string message) {
        if (error_.empty()) { error_ = std::move(message); error_offset_ = std::min(at_, text_.size()); }
        return false;
    }

    std::size_t next_entry_line(std::size_t after) const {
        for (std::size_t line_start : line_starts_) {
            if (line_start <= after) continue;
            std::size_t i = line_start;
            while (i < text_.size() && (text_[i] == ' ' || text_[i] == '\t')) ++i;
            if (i < text_.size() && text_[i] == '@') return i;
        }
        return text_.size();
    }

    void skip_space() {
        while (at_ < text_.size()) {
            if (std::isspace(static_cast<unsigned char>(text_[at_]))) ++at_;
            else if (text_[at_] == '%') while (at_ < text_.size() && text_[at_] != '\n') ++at_;  // a comment line
            else break;
        }
    }

    std::string read_name() {
        const std::size_t start = at_;
        while (at_ < text_.size() && is_name_char(text_[at_])) ++at_;
        return std::string(text_.substr(start, at_ - start));
    }

    // After '@' at `start`: one @comment, @preamble, @string or entry.
    std::optional<RawEntry> read_block(std::size_t start) {
        const std::string type = lower_ascii(read_name());
        skip_space();
        if (type.empty() || at_ >= text_.size() || (text_[at_] != '{' && text_[at_] != '(')) {
            // Text between entries is a comment in BibTeX; a lone '@' in it is no entry.
            if (!type.empty()) fail("expected '{' after @" + type);
            return std::nullopt;
        }
        const char close = text_[at_++] == '{' ? '}' : ')';
        if (type == "comment") {
            --at_;
            if (close == '}' && !skip_group()) fail("unterminated @comment");
            return std::nullopt;
        }
        skip_space();
        if (type == "preamble") {
            read_value();
            expect_close(close);
            return std::nullopt;
        }
        if (type == "string") {
            const std::string name = lower_ascii(read_name());
            skip_space();
            if (name.empty() || !expect('=')) { fail("expected NAME = value in @string"); return std::nullopt; }
            std::string value = read_value();
            if (expect_close(close)) macros_[name] = std::move(value);
            return std::nullopt;
        }
        RawEntry entry{line_of(start), type, read_key(close), {}};
        skip_space();
        if (at_ < text_.size() && text_[at_] == ',') ++at_;
        while (error_.empty()) {
            skip_space();
            if (at_ >= text_.size()) { fail("unterminated @" + type + " entry (no closing '" + close + "')"); break; }
            if (text_[at_] == close) { ++at_; break; }
            const std::string field = lower_ascii(read_name());
            skip_space();
            if (field.empty()) { fail(std::string("expected a field name, found '") + text_[at_] + "'"); break; }
            if (!expect('=')) { fail("expected '=' after field \"" + field + "\""); break; }
            std::string value = read_value();
            if (!error_.empty()) break;
            if (!entry.fields.emplace(field, std::move(value)).second)
                problems_.push_back(warning_at(entry.line, "entry " + entry.key + ": field \"" + field + "\" given twice; the first is kept"));
            skip_space();
            if (at_ < text_.size() && text_[at_] == ',') ++at_;
            else if (at_ < text_.size() && text_[at_] != close) fail("expected ',' or '" + std::string(1, close) + "' after field \"" + field + "\"");
        }
        if (!error_.empty()) return std::nullopt;
        return entry;
    }

    std::string read_key(char close) {
        const std::size_t start = at_;
        while (at_ < text_.size() && text_[at_] != ',' && text_[at_] != close && !std::isspace(static_cast<unsigned char>(text_[at_]))) ++at_;
        return std::string(text_.substr(start, at_ - start));
    }

    bool expect(char c) {
        if (at_ >= text_.size() || text_[at_] != c) return false;
        ++at_;
        skip_space();
        return true;
    }

    bool expect_close(char close) {
        skip_space();
        if (at_ < text_.size() && text_[at_] == close) { ++at_; return true; }
        return fail(std::string("expected '") + close + "'");
    }

    // At '{': moves past its matching '}'.
    bool skip_group() {
        const std::size_t open = at_;
        int depth = 0;
        for (; at_ < text_.size(); ++at_) {
            if (text_[at_] == '{') ++depth;
            else if (text_[at_] == '}' && --depth == 0) { ++at_; return true; }
        }
        at_ = open;
        return fail("unterminated '{' opened at line " + std::to_string(line_of(open)));
    }

    // value := piece ('#' piece)*, piece := {...} | "..." | number | macro name.
    std::string read_value() {
        std::string value;
        while (error_.empty()) {
            skip_space();
            if (at_ >= text_.size()) { fail("expected a value"); break; }
            const char c = text_[at_];
            if (c == '{') {
                const std::size_t open = at_;
                if (skip_group()) value += text_.substr(open + 1, at_ - open - 2);
            } else if (c == '"') {
                value += read_quoted();
            } else if (std::isdigit(static_cast<unsigned char>(c))) {
                const std::size_t start = at_;
                while (at_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[at_]))) ++at_;
                value += text_.substr(start, at_ - start);
            } else if (is_name_char(c)) {
                const std::size_t where = at_;
                const std::string name = lower_ascii(read_name());
                if (auto it = macros_.find(name); it != macros_.end()) value += it->second;
                else problems_.push_back(warning_at(line_of(where), "undefined @string macro \"" + name + "\"; left empty"));
            } else {
                fail(std::string("expected a value, found '") + c + "'");
                break;
            }
            skip_space();
            if (at_ < text_.size() && text_[at_] == '#') { ++at_; continue; }
            break;
        }
        return value;
    }

    // At '"': the text up to the next '"' outside braces.
    std::string read_quoted() {
        const std::size_t open = at_++;
        int depth = 0;
        for (; at_ < text_.size(); ++at_) {
            if (text_[at_] == '{') ++depth;
            else if (text_[at_] == '}') --depth;
            else if (text_[at_] == '"' && depth == 0) return std::string(text_.substr(open + 1, at_++ - open - 1));
        }
        at_ = open;
        fail("unterminated '\"' opened at line " + std::to_string(line_of(open)));
        return {};
    }

    std::string_view text_;
    std::vector<Problem>& problems_;
    std::vector<std::size_t> line_starts_;
    std::map<std::string, std::string> macros_;
    std::size_t at_ = 0;
    std::string error_;
    std::size_t error_offset_ = 0;
};

std::string field(const RawEntry& entry, std::string_view name) {
    auto it = entry.fields.find(std::string(name));
    return it == entry.fields.end() ? std::string() : it->second;
}

bool looks_like_arxiv_id(std::string_view id) {
    const std::size_t dot = id.find('.');
    return dot == 4 && id.size() > 5 &&
           std::all_of(id.begin(), id.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == 'v'; });
}

std::string without_doi_prefix(std::string doi) {
    for (std::string_view prefix : {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"})
        if (lower_ascii(doi).starts_with(prefix)) return doi.substr(prefix.size());
    return doi;
}

// Keys made of letters, digits and "_:.-" ("Smith2020", "DBLP:conf.kdd-22")
// are ids as they are; others ("o'brien/2020") are slugified.
bool is_plain_key(std::string_view key) {
    return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
        return (std::isalnum(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80) ||
               std::string_view("_:.-").find(c) != std::string_view::npos;
    });
}

std::optional<Entry> make_publication(const RawEntry& raw, const BibtexOptions& options, IdAllocator& ids,
                                      std::vector<Problem>& problems) {
    Entry e;
    e.kind = Kind::publication;
    e.title = plain(field(raw, "title"));
    if (e.title.empty()) {
        problems.push_back(error_at(raw.line, "entry " + raw.key + " has no title; skipped"));
        return std::nullopt;
    }
    e.authors = parse_bibtex_names(field(raw, "author"));
    if (const std::string year = plain(field(raw, "year")); !year.empty()) {
        if (year.size() == 4 && std::all_of(year.begin(), year.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
            e.year = std::stoi(year);
        else
            problems.push_back(warning_at(raw.line, "entry " + raw.key + ": year \"" + year + "\" is not a year; left out"));
    }
    for (std::string_view venue_field : {"booktitle", "journal", "howpublished"})
        if (e.venue.empty()) e.venue = plain(field(raw, venue_field));
    e.doi = without_doi_prefix(bibtex_link(field(raw, "doi")));
    e.url = bibtex_link(field(raw, "url"));
    // url = {doi:10.1/x} or {https://doi.org/10.1/x}: the DOI is the link, shown once.
    if (const std::string doi = doi_in(e.url); !doi.empty() && (e.doi.empty() || e.doi == doi)) {
        e.doi = doi;
        e.url.clear();
    }
    if (!e.url.empty() && !is_safe_url(e.url, LinkSchemes::web)) {
        problems.push_back(warning_at(raw.line, "entry " + raw.key + ": url \"" + e.url + "\" is not an http(s) link; left out"));
        e.url.clear();
    }
    const std::string eprint = bibtex_link(field(raw, "eprint"));
    const std::string archive = lower_ascii(plain(field(raw, "archiveprefix") + field(raw, "eprinttype")));
    if (archive == "arxiv" || (archive.empty() && looks_like_arxiv_id(eprint))) e.arxiv = eprint;
    else if (!eprint.empty())
        problems.push_back(warning_at(raw.line, "entry " + raw.key + ": eprint \"" + eprint + "\" is not an arXiv id; left out"));
    e.body = plain(field(raw, "abstract"), true);
    const std::string keywords = plain(field(raw, "keywords"));
    e.tags = split_list(keywords, keywords.find(';') != std::string::npos ? ';' : ',');
    e.award = plain(field(raw, "award"));
    apply_site_fields(raw.fields, raw.type, raw.line, raw.key, options, e, problems);
    std::string id = is_plain_key(raw.key) ? raw.key : slugify(raw.key);
    if (id.empty()) id = publication_id_base(e);
    e.id = ids.claim(id, "publication");
    if (e.id != id)
        problems.push_back(warning_at(raw.line, "key \"" + raw.key + "\" used before; this entry is \"" + e.id + "\""));
    return e;
}

}  // namespace

std::vector<std::string> parse_bibtex_names(std::string_view field) {
    std::vector<std::string> names;
    if (trim(field).empty()) return names;
    for (std::string_view name : split_outside_braces(field, "and", true)) {
        std::vector<std::string_view> parts = split_outside_braces(name, ",", false);
        std::string ordered;
        if (parts.size() == 1) ordered = std::string(parts[0]);
        else if (parts.size() == 2) ordered = std::string(parts[1]) + ' ' + std::string(parts[0]);
        else ordered = std::string(parts[2]) + ' ' + std::string(parts[0]) + ' ' + std::string(parts[1]);  // Last, Jr, First
        std::string plain_name = plain(ordered);
        if (!plain_name.empty()) names.push_back(std::move(plain_name));
    }
    return names;
}

ImportResult import_bibtex(std::string_view bib_text, const BibtexOptions& options) {
    ImportResult result;
    const std::string text = normalize_text_file(bib_text);
    BibReader reader(text, result.problems);
    const std::vector<RawEntry> entries = reader.read();
    IdAllocator ids;
    std::map<std::string, int> ignored_fields;
    for (const RawEntry& raw : entries) {
        if (std::find(kEntryTypes.begin(), kEntryTypes.end(), raw.type) == kEntryTypes.end()) {
            result.problems.push_back(error_at(raw.line, "unknown entry type @" + raw.type + " (" + raw.key + "); skipped"));
            continue;
        }
        for (const auto& [name, value] : raw.fields)
            if (std::find(kKnownFields.begin(), kKnownFields.end(), name) == kKnownFields.end() && !is_site_field(name))
                ++ignored_fields[name];
        if (std::optional<Entry> e = make_publication(raw, options, ids, result.problems)) result.bundle.entries.push_back(std::move(*e));
    }
    if (!ignored_fields.empty()) {
        std::string list;
        for (const auto& [name, count] : ignored_fields)
            list += (list.empty() ? "" : ", ") + name + " (" + std::to_string(count) + ")";
        result.problems.push_back(warning_at(0, "fields the bundle format has no place for were left out: " + list));
    }
    result.usable = !result.bundle.entries.empty();
    if (!result.usable && trim(text).empty()) result.problems.push_back(error_at(1, "the file is empty"));
    else if (!result.usable) result.problems.push_back(error_at(1, "no BibTeX entry could be read"));
    result.sort_problems();
    return result;
}

}  // namespace pv
