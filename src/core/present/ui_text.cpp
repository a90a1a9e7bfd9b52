#include "core/present/ui_text.h"

#include "core/formats/json_text_stream.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <vector>

namespace pv {

namespace {

struct Row {
    Phrase phrase;
    std::string_view name;  // the phrase's key in a language's JSON (ui_text_json)
    std::array<std::string_view, kLanguageCount> text;  // in the order of Language
};

// Every phrase in every language. To add a language: a column here (and in
// kTags below), its plural rule in plural_form() and its numbers in
// count_text(); the test "the string table is complete" says what is missing.
// The widget is built with English only (PUBVIEW_UI_TEXT_FETCHED): the page
// fetches another language as the JSON this table makes (`pubview ui-text`).
#ifdef PUBVIEW_UI_TEXT_FETCHED
#define PV_ROW(phrase, en, ...) {Phrase::phrase, #phrase, {en}}
#else
#define PV_ROW(phrase, ...) {Phrase::phrase, #phrase, {__VA_ARGS__}}
#endif
constexpr Row kRows[] = {
#include "core/present/ui_text_rows.inc"
};
#undef PV_ROW

constexpr bool rows_in_order() {
    if (std::size(kRows) != kPhraseCount) return false;
    for (std::size_t i = 0; i < std::size(kRows); ++i)
        if (static_cast<std::size_t>(kRows[i].phrase) != i) return false;
    return true;
}
static_assert(rows_in_order(), "kRows lists every Phrase once, in the enum's order");

constexpr std::array<std::string_view, kLanguageCount> kTags = {"en", "de", "es", "fr", "zh-Hans", "ja", "ar"};

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::size_t index(Language language) { return static_cast<std::size_t>(language); }

// The phrases of languages taken from JSON (load_ui_text), by language; empty: none.
std::array<std::vector<std::string>, kLanguageCount>& loaded_texts() {
    static std::array<std::vector<std::string>, kLanguageCount> loaded;
    return loaded;
}

// The parts a pattern fills in ("{0}", "{1}", "{n}"), sorted.
std::vector<std::string_view> placeholders(std::string_view text) {
    std::vector<std::string_view> found;
    for (std::size_t at = text.find('{'); at != std::string_view::npos; at = text.find('{', at + 1))
        if (at + 2 < text.size() && text[at + 2] == '}') found.push_back(text.substr(at, 3));
    std::sort(found.begin(), found.end());
    return found;
}

}  // namespace

std::optional<Language> language_from_tag(std::string_view tag) {
    std::string primary;
    for (const char c : tag) {
        if (c == '-' || c == '_') break;
        primary += lower(c);
    }
    if (primary == "zh") return Language::zh_hans;
    for (std::size_t i = 0; i < kLanguageCount; ++i)
        if (primary == kTags[i]) return static_cast<Language>(i);
    return std::nullopt;
}

std::string_view language_tag(Language language) { return kTags[static_cast<std::size_t>(language)]; }

bool right_to_left(Language language) { return language == Language::ar; }

std::string_view phrase_text(Language language, Phrase phrase) {
    const std::vector<std::string>& taken = loaded_texts()[index(language)];
    if (!taken.empty()) return taken[static_cast<std::size_t>(phrase)];
    const Row& row = kRows[static_cast<std::size_t>(phrase)];
    const std::string_view built = row.text[index(language)];
    return built.empty() ? row.text[0] : built;  // a language not at hand speaks English
}

bool has_ui_text(Language language) { return !kRows[0].text[index(language)].empty() || !loaded_texts()[index(language)].empty(); }

bool phrase_fits(Language language, Phrase phrase, std::string_view text) {
    const std::string_view english = kRows[static_cast<std::size_t>(phrase)].text[0];
    if (text.empty()) return false;
    if (english.find("{n}") == std::string_view::npos)
        return text.find('|') == std::string_view::npos && placeholders(text) == placeholders(english);
    // A counted phrase: one form per plural category, each naming the number
    // at most once (a form for one thing, or two, or none may say it in words).
    if (static_cast<std::size_t>(std::count(text.begin(), text.end(), '|')) + 1 != plural_form_count(language)) return false;
    for (std::size_t start = 0; start <= text.size();) {
        const std::size_t bar = std::min(text.find('|', start), text.size());
        const std::vector<std::string_view> parts = placeholders(text.substr(start, bar - start));
        if (bar == start || parts.size() > 1 || (parts.size() == 1 && parts[0] != "{n}")) return false;
        start = bar + 1;
    }
    return true;
}

std::string ui_text_json(Language language) {
    nlohmann::json phrases = nlohmann::json::object();
    for (const Row& row : kRows) phrases[std::string(row.name)] = std::string(phrase_text(language, row.phrase));
    return phrases.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

bool load_ui_text(Language language, std::string_view text) {
    const nlohmann::json phrases = parse_json(text);
    if (!phrases.is_object()) return false;
    std::vector<std::string> taken;
    for (const Row& row : kRows) {
        const auto found = phrases.find(std::string(row.name));
        if (found == phrases.end() || !found->is_string()) return false;
        taken.push_back(found->get<std::string>());
        if (!phrase_fits(language, row.phrase, taken.back())) return false;
    }
    loaded_texts()[index(language)] = std::move(taken);
    return true;
}

std::string say(Language language, Phrase phrase, std::initializer_list<std::string_view> parts) {
    const std::string_view pattern = phrase_text(language, phrase);
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const std::size_t part = i + 2 < pattern.size() && pattern[i] == '{' && pattern[i + 2] == '}'
                                     ? static_cast<std::size_t>(pattern[i + 1] - '0') : parts.size();
        if (part < parts.size()) {
            out += parts.begin()[part];
            i += 2;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

std::size_t plural_form_count(Language language) {
    switch (language) {
        case Language::zh_hans:
        case Language::ja: return 1;
        case Language::ar: return 6;
        default: return 2;
    }
}

std::size_t plural_form(Language language, std::size_t n) {
    switch (language) {
        case Language::zh_hans:
        case Language::ja: return 0;                    // other
        case Language::fr: return n <= 1 ? 0 : 1;       // one (0 and 1), other
        case Language::ar: {                            // zero, one, two, few, many, other
            const std::size_t hundreds = n % 100;
            return n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : hundreds >= 3 && hundreds <= 10 ? 3 : hundreds >= 11 ? 4 : 5;
        }
        default: return n == 1 ? 0 : 1;                 // one, other
    }
}

std::string counted(Language language, Phrase phrase, std::size_t n) {
    std::string_view forms = phrase_text(language, phrase);
    for (std::size_t form = plural_form(language, n); form > 0; --form) {
        const std::size_t bar = forms.find('|');
        if (bar == std::string_view::npos) break;
        forms.remove_prefix(bar + 1);
    }
    forms = forms.substr(0, forms.find('|'));
    std::string out;
    for (std::size_t at = 0; at < forms.size();) {
        const std::size_t n_at = forms.find("{n}", at);
        out += forms.substr(at, n_at - at);
        if (n_at == std::string_view::npos) break;
        out += count_text(n, language);
        at = n_at + 3;
    }
    return out;
}

// Digits are Western in every language shipped (Arabic too, as in much of
// the Arabic-speaking world and as the entries' own years are written).
std::string count_text(std::size_t n, Language language) {
    std::string_view group = ",";
    std::size_t min_digits = 4;  // the fewest digits that are grouped
    switch (language) {
        case Language::de: group = "."; break;
        case Language::es: group = "."; min_digits = 5; break;  // "1000", "10.000"
        case Language::fr: group = "\xE2\x80\xAF"; break;         // a narrow no-break space
        default: break;
    }
    std::string digits = std::to_string(n);
    if (digits.size() < min_digits) return digits;
    for (std::size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, group);
    return digits;
}

}  // namespace pv
