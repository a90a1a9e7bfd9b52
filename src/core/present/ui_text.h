// The words of the user interface in every language it speaks: one table
// (ui_text.cpp) for the panel, the page's HTML list and `pubview html`, the
// plural rules of each language and its way of writing numbers. Entries'
// own text (titles, venues, years) is data and is never translated.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace pv {

enum class Language : std::uint8_t { en, de, es, fr, zh_hans, ja, ar };
constexpr std::size_t kLanguageCount = 7;

// The language a BCP 47 tag asks for, if it is one of ours: "de-AT" is
// German, "zh", "zh-CN" and "zh-Hant" are Chinese (written in simplified
// characters), "EN_us" is English. Nothing for a language not shipped.
std::optional<Language> language_from_tag(std::string_view tag);
// The tag a page writes for it: "en", "zh-Hans".
std::string_view language_tag(Language language);
// Arabic is read right to left: the panel and the HTML list mirror.
bool right_to_left(Language language);

// Every phrase of the interface. Patterns hold {0}, {1}: the parts filled in
// (say()); counted phrases hold one form per plural category of the
// language, separated by '|', each with {n} where the number goes (counted()).
enum class Phrase : std::uint16_t {
    // loading and errors
    loading_bundle, reading_kilobytes, reading_items, indexing_items, items_read, kilobytes_of, kilobytes,
    could_not_load, try_again,
    // the search box
    search_hint, publications_counted, jobs_counted, search_tips, search_tips_text, search_keys,
    // the kind switch, filters and sort
    kind_all, kind_publications, kind_jobs, facet_year, facet_venue, facet_location, facet_team, facet_author,
    facet_tag, clear_filters, filters, filters_picked, no_facet_values, sort_by, sort_relevance, sort_rank, sort_newest,
    sort_title,
    // the status line and the empty list
    results_counted, close_ones_counted, no_exact_match, show_problems, hide_problems, problems_counted,
    nothing_matches_filters, no_results_for, clear_search, show_everything,
    // a row
    kind_job, kind_paper, abstract_truncated, related_content, read_more, copy_citation, copy_bibtex, copy_title,
    copy_link, view_posting, abstract, description, publications_and_jobs,
    // the page's side (web/pubview)
    loading_list, list_error, search_the_list, search, kind, copied, copy_refused, canvas_label, more_results,
    // a publication's type and typed links, a posting's age and state
    facet_type, link_pdf, link_code, link_slides, link_video, link_poster, link_data, link_html, featured,
    posted_today, posted_days_ago, remote, closed_posting, show_closed_counted, hide_closed,
    count_  // not a phrase: how many there are
};
constexpr std::size_t kPhraseCount = static_cast<std::size_t>(Phrase::count_);

// The phrase as written in the table (a pattern, or every plural form); in
// English if the language is not at hand (has_ui_text).
std::string_view phrase_text(Language language, Phrase phrase);

// The widget is built with English only and takes another language's phrases
// as JSON, {"loading_bundle": "...", ...}, which the native build writes from
// the table (`pubview ui-text`) and the page fetches.
std::string ui_text_json(Language language);
// Takes a language's phrases from that JSON; false, and nothing taken, if one
// is missing or does not fit (phrase_fits).
bool load_ui_text(Language language, std::string_view json);
// Whether every phrase of `language` is at hand: built in, or taken from JSON.
bool has_ui_text(Language language);
// Whether `text` can stand for `phrase` in `language`: the parts to fill in of
// the English pattern, or for a counted phrase one form per plural category
// of the language, each with {n} at most once.
bool phrase_fits(Language language, Phrase phrase, std::string_view text);
// The phrase with {0}, {1}, ... replaced by `parts`.
std::string say(Language language, Phrase phrase, std::initializer_list<std::string_view> parts = {});
// A counted phrase in the form the language uses for `n`: "1 job", "3 Stellen", "وظيفتان".
std::string counted(Language language, Phrase phrase, std::size_t n);

// The plural categories a language tells apart among whole numbers (CLDR's
// cardinal rules): English "one|other", Chinese only "other", Arabic all six.
std::size_t plural_form_count(Language language);
// Which of them `n` takes, as an index into a counted phrase's forms.
std::size_t plural_form(Language language, std::size_t n);

// A count written the language's way: "40,000", "40.000", "40 000".
std::string count_text(std::size_t n, Language language = Language::en);

}  // namespace pv
