#include "core/search/query.h"

#include "core/text/text.h"

#include <algorithm>
#include <charconv>
#include <optional>

namespace pv {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 0x20);
    return out;
}

// Hints quote what the visitor typed; keep them short and valid UTF-8.
std::string quoted_for_hint(std::string_view raw) {
    constexpr std::size_t kMaxQuoted = 24;
    std::string out;
    for (std::size_t at = 0; at < raw.size() && text::code_point_count(out) < kMaxQuoted;) {
        text::Decoded d = text::decode_utf8(raw, at);
        if (d.code_point != text::kInvalidCodePoint) text::append_utf8(out, d.code_point);
        at += d.length;
    }
    return "'" + out + "'";
}

// The terms a visitor means by a chunk of words: hyphenated or slashed words
// count as one word in their joined spelling ("re-invented" -> "reinvented"),
// which the index holds for the hyphenated spelling too.
std::vector<std::string> word_terms(std::string_view chunk) {
    std::vector<std::pair<std::string, std::uint32_t>> words;  // term, position
    for (text::Token& token : text::tokenize(chunk)) {
        if (token.role == text::TokenRole::stem) continue;
        if (token.role == text::TokenRole::compound)
            while (!words.empty() && words.back().second >= token.position) words.pop_back();
        words.emplace_back(std::move(token.term), token.position);
    }
    std::vector<std::string> terms;
    for (auto& word : words) terms.push_back(std::move(word.first));
    return terms;
}

// The consecutive terms a phrase must match: its parts, as the index counts positions.
std::vector<std::string> phrase_terms(std::string_view chunk) {
    std::vector<std::string> terms;
    for (text::Token& token : text::tokenize(chunk))
        if (token.role == text::TokenRole::part) terms.push_back(std::move(token.term));
    return terms;
}

std::optional<TextField> text_field_named(std::string_view name) {
    if (name == "title") return TextField::title;
    if (name == "author" || name == "authors" || name == "by") return TextField::authors;
    if (name == "tag" || name == "tags") return TextField::tags;
    if (name == "venue") return TextField::venue;
    if (name == "location" || name == "loc" || name == "city" || name == "country") return TextField::location;
    if (name == "team") return TextField::team;
    return std::nullopt;
}

std::optional<Kind> kind_named(std::string_view name) {
    for (std::string_view job : {"job", "jobs", "posting", "postings"})
        if (name == job) return Kind::job;
    for (std::string_view publication : {"publication", "publications", "pub", "pubs", "paper", "papers"})
        if (name == publication) return Kind::publication;
    return std::nullopt;
}

std::optional<int> parse_year(std::string_view s) {
    int year = 0;
    auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), year);
    if (error != std::errc() || end != s.data() + s.size() || s.size() != 4) return std::nullopt;
    return year;
}

class Parser {
public:
    explicit Parser(std::string_view query) : q_(query) {}

    ParsedQuery run() {
        while (skip_spaces()) {
            if (parsed_.clauses.size() >= ParsedQuery::kMaxClauses) {
                parsed_.hints.push_back("only the first " + std::to_string(ParsedQuery::kMaxClauses) +
                                        " words are searched");
                break;
            }
            read_clause();
        }
        mark_prefix();
        return std::move(parsed_);
    }

private:
    bool skip_spaces() {
        while (at_ < q_.size() && is_space(q_[at_])) ++at_;
        return at_ < q_.size();
    }

    // Reads up to the next space, or a quoted string when one starts here.
    std::string_view read_value(bool& quoted) {
        quoted = at_ < q_.size() && q_[at_] == '"';
        if (!quoted) {
            std::size_t begin = at_;
            while (at_ < q_.size() && !is_space(q_[at_]) && q_[at_] != '"') ++at_;
            return q_.substr(begin, at_ - begin);
        }
        std::size_t begin = ++at_;
        std::size_t close = q_.find('"', begin);
        if (close == std::string_view::npos) {
            parsed_.hints.push_back("unclosed quote");
            at_ = q_.size();
            return q_.substr(begin);
        }
        at_ = close + 1;
        ended_in_word_ = false;
        return q_.substr(begin, close - begin);
    }

    void read_clause() {
        bool negated = false;
        if (q_[at_] == '-') {
            ++at_;
            if (at_ == q_.size() || is_space(q_[at_])) {
                parsed_.hints.push_back("a lone '-' excludes nothing");
                return;
            }
            negated = true;
        }
        std::size_t name_end = at_;
        while (name_end < q_.size() && is_ascii_letter(q_[name_end])) ++name_end;
        if (name_end > at_ && name_end < q_.size() && q_[name_end] == ':') {
            std::string name = ascii_lower(q_.substr(at_, name_end - at_));
            if (read_field(name, name_end + 1, negated)) return;
            parsed_.hints.push_back("unknown field " + quoted_for_hint(name + ":"));
        }
        bool quoted = false;
        std::string_view value = read_value(quoted);
        add_text(value, quoted, negated, std::nullopt);
    }

    // Returns false for a field name the language does not know.
    bool read_field(const std::string& name, std::size_t value_begin, bool negated) {
        std::optional<TextField> field = text_field_named(name);
        if (!field && name != "kind" && name != "type" && name != "year") return false;
        at_ = value_begin;
        bool quoted = false;
        std::string_view value = read_value(quoted);
        ended_in_word_ = false;  // field values are matched whole, never as a prefix
        if (value.empty()) {
            parsed_.hints.push_back("nothing after " + quoted_for_hint(name + ":"));
        } else if (field) {
            add_text(value, quoted, negated, field);
        } else if (name == "year") {
            add_year_filter(value, negated);
        } else {
            add_kind_filter(value, negated);
        }
        return true;
    }

    void add_text(std::string_view value, bool quoted, bool negated, std::optional<TextField> field) {
        QueryClause clause;
        clause.negated = negated;
        clause.exact = quoted;
        clause.in_field = field.has_value();
        clause.field = field.value_or(TextField::title);
        if (quoted) {
            clause.terms = phrase_terms(value);
            if (clause.terms.empty()) return hint_nothing_to_search(value);
            parsed_.clauses.push_back(std::move(clause));
            return;
        }
        std::vector<std::string> terms = word_terms(value);
        if (terms.empty()) return hint_nothing_to_search(value);
        for (std::string& term : terms) {
            if (parsed_.clauses.size() >= ParsedQuery::kMaxClauses) break;
            clause.terms = {std::move(term)};
            parsed_.clauses.push_back(clause);
        }
        ended_in_word_ = !field && !negated && at_ == q_.size();
    }

    void hint_nothing_to_search(std::string_view value) {
        parsed_.hints.push_back("nothing to search in " + quoted_for_hint(value));
        ended_in_word_ = false;
    }

    void add_kind_filter(std::string_view value, bool negated) {
        std::optional<Kind> kind = kind_named(ascii_lower(value));
        if (!kind) {
            parsed_.hints.push_back("kind is 'job' or 'publication', not " + quoted_for_hint(value));
            return;
        }
        std::uint8_t bit = static_cast<std::uint8_t>(1u << static_cast<int>(*kind));
        parsed_.kinds &= negated ? static_cast<std::uint8_t>(~bit) : bit;
    }

    void add_year_filter(std::string_view value, bool negated) {
        if (negated) {
            parsed_.hints.push_back("'-year:' is not supported");
            return;
        }
        std::size_t dots = value.find("..");
        std::string_view first = dots == std::string_view::npos ? value : value.substr(0, dots);
        std::string_view last = dots == std::string_view::npos ? value : value.substr(dots + 2);
        std::optional<int> from = first.empty() ? std::optional<int>(parsed_.first_year) : parse_year(first);
        std::optional<int> to = last.empty() ? std::optional<int>(parsed_.last_year) : parse_year(last);
        if (!from || !to || (first.empty() && last.empty())) {
            parsed_.hints.push_back("year is like 2022 or 2020..2022, not " + quoted_for_hint(value));
            return;
        }
        parsed_.year_filtered = true;
        parsed_.first_year = std::max(parsed_.first_year, *from);
        parsed_.last_year = std::min(parsed_.last_year, *to);
    }

    // The word the visitor is typing when the query ends without a space or quote.
    void mark_prefix() {
        if (!ended_in_word_ || parsed_.clauses.empty()) return;
        QueryClause& last = parsed_.clauses.back();
        if (!last.negated && !last.exact && !last.in_field && !last.phrase()) last.prefix = true;
    }

    std::string_view q_;
    std::size_t at_ = 0;
    bool ended_in_word_ = false;
    ParsedQuery parsed_;
};

}  // namespace

ParsedQuery parse_query(std::string_view query) { return Parser(query).run(); }

}  // namespace pv
