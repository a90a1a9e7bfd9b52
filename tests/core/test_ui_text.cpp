#include "core/present/display.h"
#include "core/present/static_list.h"
#include "core/present/ui_text.h"

#include <doctest/doctest.h>

#include <string>

namespace {

using pv::Language;
using pv::Phrase;

}  // namespace

TEST_SUITE("the interface's words") {

TEST_CASE("the string table is complete: every phrase in every language, with the same parts to fill in and a form per plural category") {
    for (std::size_t l = 0; l < pv::kLanguageCount; ++l) {
        const auto language = static_cast<Language>(l);
        CAPTURE(pv::language_tag(language));
        CHECK(pv::has_ui_text(language));
        for (std::size_t p = 0; p < pv::kPhraseCount; ++p) {
            const auto phrase = static_cast<Phrase>(p);
            CAPTURE(pv::phrase_text(Language::en, phrase));
            CHECK(pv::phrase_fits(language, phrase, pv::phrase_text(language, phrase)));
        }
    }
}

TEST_CASE("a phrase that drops a part, adds one or has the wrong number of plural forms does not fit") {
    CHECK(pv::phrase_fits(Language::de, Phrase::search_hint, "{1} und {0}"));
    CHECK_FALSE(pv::phrase_fits(Language::de, Phrase::search_hint, "{0} durchsuchen"));
    CHECK_FALSE(pv::phrase_fits(Language::de, Phrase::search_hint, "{0}, {1}, {2}"));
    CHECK_FALSE(pv::phrase_fits(Language::de, Phrase::try_again, ""));
    CHECK_FALSE(pv::phrase_fits(Language::de, Phrase::results_counted, "{n} Ergebnisse"));  // German has two forms
    CHECK(pv::phrase_fits(Language::ja, Phrase::results_counted, "{n} \xE4\xBB\xB6"));
    CHECK_FALSE(pv::phrase_fits(Language::ja, Phrase::results_counted, "{n}|{n}"));
    CHECK_FALSE(pv::phrase_fits(Language::en, Phrase::results_counted, "{n} result|{0} results"));
}

TEST_CASE("a language's phrases go out as JSON and come back whole; a file with a phrase missing or wrong is refused") {
    const std::string json = pv::ui_text_json(Language::fr);
    CHECK(json.find("\"try_again\": \"R\xC3\xA9" "essayer\"") != std::string::npos);
    CHECK(pv::load_ui_text(Language::fr, json));
    CHECK(pv::phrase_text(Language::fr, Phrase::try_again) == "R\xC3\xA9" "essayer");
    CHECK_FALSE(pv::load_ui_text(Language::fr, "not json"));
    CHECK_FALSE(pv::load_ui_text(Language::fr, "{\"try_again\": \"Encore\"}"));
    std::string broken = json;
    broken.replace(broken.find("{0}"), 3, "{9}");
    CHECK_FALSE(pv::load_ui_text(Language::fr, broken));
    CHECK(pv::phrase_text(Language::fr, Phrase::try_again) == "R\xC3\xA9" "essayer");  // what was taken stays
}

TEST_CASE("a language is found from a page's lang tag, whatever its region or case; others are not ours") {
    CHECK(pv::language_from_tag("de") == Language::de);
    CHECK(pv::language_from_tag("de-AT") == Language::de);
    CHECK(pv::language_from_tag("EN_us") == Language::en);
    CHECK(pv::language_from_tag("zh-Hans") == Language::zh_hans);
    CHECK(pv::language_from_tag("zh-CN") == Language::zh_hans);
    CHECK(pv::language_from_tag("ja-JP") == Language::ja);
    CHECK(pv::language_from_tag("ar-EG") == Language::ar);
    CHECK(pv::language_from_tag("fr-CA") == Language::fr);
    CHECK(pv::language_from_tag("es-419") == Language::es);
    CHECK_FALSE(pv::language_from_tag("ru"));
    CHECK_FALSE(pv::language_from_tag(""));
    CHECK_FALSE(pv::language_from_tag("german"));
    CHECK(pv::language_tag(Language::zh_hans) == "zh-Hans");
    CHECK(pv::right_to_left(Language::ar));
    CHECK_FALSE(pv::right_to_left(Language::ja));
}

TEST_CASE("counts take the plural form of their language") {
    CHECK(pv::counted(Language::en, Phrase::results_counted, 1) == "1 result");
    CHECK(pv::counted(Language::en, Phrase::results_counted, 0) == "0 results");
    CHECK(pv::counted(Language::de, Phrase::jobs_counted, 2) == "2 Stellen");
    CHECK(pv::counted(Language::fr, Phrase::results_counted, 0) == "0 r\xC3\xA9sultat");  // French counts 0 as one
    CHECK(pv::counted(Language::fr, Phrase::results_counted, 2) == "2 r\xC3\xA9sultats");
    CHECK(pv::counted(Language::ja, Phrase::results_counted, 1) == "1 \xE4\xBB\xB6\xE3\x81\xAE\xE7\xB5\x90\xE6\x9E\x9C");  // 1 件の結果
    // Arabic: zero, one, two, few (3-10), many (11-99), other (100-102, ...).
    CHECK(pv::plural_form(Language::ar, 0) == 0);
    CHECK(pv::plural_form(Language::ar, 1) == 1);
    CHECK(pv::plural_form(Language::ar, 2) == 2);
    CHECK(pv::plural_form(Language::ar, 3) == 3);
    CHECK(pv::plural_form(Language::ar, 110) == 3);
    CHECK(pv::plural_form(Language::ar, 11) == 4);
    CHECK(pv::plural_form(Language::ar, 1099) == 4);
    CHECK(pv::plural_form(Language::ar, 100) == 5);
    CHECK(pv::plural_form(Language::ar, 102) == 5);
    CHECK(pv::counted(Language::ar, Phrase::results_counted, 7) == "7 \xD9\x86\xD8\xAA\xD8\xA7\xD8\xA6\xD8\xAC");  // 7 نتائج
}

TEST_CASE("numbers are grouped the way each language writes them") {
    CHECK(pv::count_text(1250000) == "1,250,000");
    CHECK(pv::count_text(40000, Language::de) == "40.000");
    CHECK(pv::count_text(4000, Language::es) == "4000");
    CHECK(pv::count_text(40000, Language::es) == "40.000");
    CHECK(pv::count_text(40000, Language::fr) == "40\xE2\x80\xAF" "000");
    CHECK(pv::count_text(40000, Language::zh_hans) == "40,000");
    CHECK(pv::count_text(999, Language::de) == "999");
}

TEST_CASE("phrases are filled in where their language puts the parts") {
    CHECK(pv::say(Language::en, Phrase::search_hint, {"3 publications", "1 job"}) == "Search 3 publications and 1 job");
    CHECK(pv::say(Language::de, Phrase::search_hint, {"3 Publikationen", "1 Stelle"}) == "3 Publikationen und 1 Stelle durchsuchen");
    CHECK(pv::say(Language::en, Phrase::no_results_for, {"{1}"}) == "No results for \xE2\x80\x9C{1}\xE2\x80\x9D.");  // a query is never read as a pattern
}

TEST_CASE("an entry's links and the static list speak the language asked for") {
    pv::Entry e;
    e.kind = pv::Kind::job;
    e.id = "j1";
    e.title = "Scientist";
    e.url = "https://example.org/j";
    e.body = "Work.";
    CHECK(pv::entry_links(e, Language::de).front().label == "Zur Stellenanzeige");
    pv::Bundle bundle;
    bundle.entries.push_back(e);
    pv::StaticListOptions options;
    options.language = Language::ar;
    const std::string html = pv::static_list_html(bundle, options);
    CHECK(html.find("lang=\"ar\" dir=\"rtl\"") != std::string::npos);
    CHECK(html.find("<summary>\xD8\xA7\xD9\x84\xD9\x88\xD8\xB5\xD9\x81</summary>") != std::string::npos);  // الوصف
    CHECK(html.find("Scientist") != std::string::npos);
    CHECK(pv::static_list_html(bundle).find("lang=") == std::string::npos);
}

}  // TEST_SUITE
