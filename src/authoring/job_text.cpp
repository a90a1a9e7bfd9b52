// Job descriptions as pages and postings write them: the role and team a
// headline names, and inline section headings and list items put on lines of
// their own (the bundle's job-description format, core/present/display.h).
#include "authoring/job_text.h"

#include "authoring/import_common.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace pv {

namespace {

// ---- job headlines -----------------------------------------------------------

struct Token {
    std::string_view text;
    std::size_t offset = 0;
};

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        const std::size_t start = i;
        while (i < text.size() && text[i] != ' ' && text[i] != '\n') ++i;
        if (i > start) tokens.push_back({text.substr(start, i - start), start});
        if (i < text.size() && text[i] == '\n') ++i;
    }
    return tokens;
}

bool ends_clause(std::string_view word) {
    return !word.empty() && std::string_view(",.;:!?").find(word.back()) != std::string_view::npos;
}

std::string_view without_clause_end(std::string_view word) {
    while (ends_clause(word)) word.remove_suffix(1);
    return word;
}

// A word that can be part of a proper name: "Fire", "TV", "20B", "(AGI)".
bool is_name_word(std::string_view word) {
    word = without_clause_end(word);
    if (word.empty()) return false;
    if (word.front() == '(')
        return word.size() > 2 && word.back() == ')' && std::isupper(static_cast<unsigned char>(word[1]));
    return std::isupper(static_cast<unsigned char>(word[0])) || std::isdigit(static_cast<unsigned char>(word[0]));
}

bool is_determiner(std::string_view word) {
    return word == "The" || word == "the" || word == "Our" || word == "our";
}

std::string join_words(const std::vector<Token>& tokens, std::size_t begin, std::size_t end) {
    std::string out;
    for (std::size_t k = begin; k < end; ++k) {
        if (!out.empty()) out += ' ';
        out += without_clause_end(tokens[k].text);
    }
    return out;
}

struct TeamMention {
    std::size_t offset = std::string_view::npos;
    std::string name;
};

void keep_earliest(TeamMention& best, std::size_t offset, std::string name) {
    if (!name.empty() && offset < best.offset) best = {offset, std::move(name)};
}

// Team rules, the earliest mention in the text wins:
//   "The|the|Our|our <Name Words> team"   ("The ATT team", "the Content Understanding Team")
//   "called <Name Words>"                 ("a streaming service called Fire TV Channels")
//   "<Name Words> is hiring"              ("Amazon Shipping is hiring ...")
// Name words start with a capital or digit, or are a parenthesised acronym.
std::string find_team(const std::vector<Token>& tokens) {
    TeamMention best;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const std::string_view word = without_clause_end(tokens[k].text);
        if (equals_ignoring_case(word, "team") && k > 0) {
            std::size_t begin = k;
            while (begin > 0 && !is_determiner(tokens[begin - 1].text) && is_name_word(tokens[begin - 1].text) &&
                   !ends_clause(tokens[begin - 1].text))
                --begin;
            if (begin > 0 && begin < k && is_determiner(tokens[begin - 1].text))
                keep_earliest(best, tokens[begin - 1].offset, join_words(tokens, begin, k));
        } else if (tokens[k].text == "called") {
            std::size_t end = k + 1;
            while (end < tokens.size() && is_name_word(tokens[end].text)) {
                if (ends_clause(tokens[end++].text)) break;
            }
            keep_earliest(best, tokens[k].offset, join_words(tokens, k + 1, end));
        } else if (tokens[k].text == "is" && k + 1 < tokens.size() && tokens[k + 1].text == "hiring") {
            std::size_t begin = k;
            while (begin > 0 && is_name_word(tokens[begin - 1].text) && !ends_clause(tokens[begin - 1].text)) --begin;
            if (begin < k && is_determiner(tokens[begin].text)) ++begin;
            if (begin < k) keep_earliest(best, tokens[begin].offset, join_words(tokens, begin, k));
        }
    }
    return best.name;
}

// Role rule: the earliest of these job titles the text names (a plural
// "Applied Scientists" counts), with a "Senior"/"Principal" just before it.
// Matching is case-sensitive: postings capitalise the role they hire for,
// while "other scientists" in prose is not a role.
std::string find_role(std::string_view text) {
    static constexpr std::array<std::string_view, 6> kRoles = {
        "Applied Scientist", "Research Scientist", "Data Scientist",
        "Software Development Engineer", "Machine Learning Engineer", "Economist"};
    std::size_t best_offset = std::string_view::npos;
    std::string_view best_role;
    for (std::string_view role : kRoles) {
        for (std::size_t at = text.find(role); at != std::string_view::npos; at = text.find(role, at + 1)) {
            if (at > 0 && std::isalnum(static_cast<unsigned char>(text[at - 1]))) continue;
            if (at < best_offset) { best_offset = at; best_role = role; }
            break;
        }
    }
    if (best_role.empty()) return {};
    for (std::string_view seniority : {"Senior ", "Principal "}) {
        if (best_offset >= seniority.size() && text.substr(best_offset - seniority.size(), seniority.size()) == seniority)
            return std::string(seniority) + std::string(best_role);
    }
    return std::string(best_role);
}

// ---- job description sections -------------------------------------------------

// Headings as they appear inline in postings. A trailing ':' is part of the
// heading when the posting writes one; one is added where it does not.
constexpr std::array<std::string_view, 6> kSectionHeadings = {
    "Key job responsibilities", "Key responsibilities include:", "Basic Qualifications",
    "Preferred Qualifications", "About the team", "A day in the life"};

struct HeadingMatch {
    std::size_t begin = std::string_view::npos;
    std::size_t end = 0;  // after the heading and its ':' if any
    std::string_view heading;
};

HeadingMatch find_next_heading(std::string_view text, std::size_t from) {
    HeadingMatch best;
    for (std::string_view heading : kSectionHeadings) {
        for (std::size_t at = text.find(heading, from); at != std::string_view::npos; at = text.find(heading, at + 1)) {
            std::size_t end = at + heading.size();
            if (end < text.size() && text[end] == ':') ++end;
            const bool starts_word = at == 0 || text[at - 1] == ' ' || text[at - 1] == '\n';
            const bool ends_word = end == text.size() || text[end] == ' ' || text[end] == '\n';
            if (!starts_word || !ends_word) continue;
            if (at < best.begin) best = {at, end, heading};
            break;
        }
    }
    return best;
}

bool starts_list_item(std::string_view text, std::size_t dash) {
    if (dash + 2 >= text.size() || text[dash] != '-' || text[dash + 1] != ' ') return false;
    const auto next = static_cast<unsigned char>(text[dash + 2]);
    return std::isupper(next) || std::isdigit(next) || next >= 0x80;
}

// "Lead-in: - First item - Second item" -> "Lead-in:\n- First item\n- Second item".
// Only a " - " followed by a capital, digit or non-ASCII letter starts an item,
// so a dash inside a sentence ("systems - including") stays where it is.
std::string split_list_items(std::string_view text) {
    text = trim(text);
    std::string out;
    std::size_t piece_start = 0;
    auto flush = [&](std::size_t end) {
        const std::string_view piece = trim(text.substr(piece_start, end - piece_start));
        if (piece.empty()) return;
        if (!out.empty()) out += '\n';
        out += piece;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((i == 0 || text[i - 1] == ' ') && starts_list_item(text, i)) {
            flush(i);
            piece_start = i;
        }
    }
    flush(text.size());
    return out;
}

}  // namespace

std::string format_job_description(std::string_view description) {
    std::string out;
    HeadingMatch heading = find_next_heading(description, 0);
    out = split_list_items(description.substr(0, heading.begin));
    while (heading.begin != std::string_view::npos) {
        const HeadingMatch next = find_next_heading(description, heading.end);
        if (!out.empty()) out += "\n\n";
        out += heading.heading;
        if (heading.heading.back() != ':') out += ':';
        const std::size_t content_end = next.begin == std::string_view::npos ? description.size() : next.begin;
        const std::string content = split_list_items(description.substr(heading.end, content_end - heading.end));
        if (!content.empty()) out += '\n' + content;
        heading = next;
    }
    return out;
}

JobHeadline find_job_headline(std::string_view description) {
    return {find_role(description), find_team(tokenize(description))};
}

}  // namespace pv
