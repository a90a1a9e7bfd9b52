#include "core/search/query.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using pv::ParsedQuery;
using pv::QueryClause;
using pv::TextField;

namespace {

using Terms = std::vector<std::string>;

bool has_hint_containing(const ParsedQuery& q, std::string_view text) {
    for (const std::string& hint : q.hints)
        if (hint.find(text) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("plain words become folded clauses and only the last one is a prefix") {
    ParsedQuery q = pv::parse_query("Causal INFérence");
    REQUIRE(q.clauses.size() == 2);
    CHECK(q.clauses[0].terms == Terms{"causal"});
    CHECK_FALSE(q.clauses[0].prefix);
    CHECK(q.clauses[1].terms == Terms{"inference"});
    CHECK(q.clauses[1].prefix);
    CHECK(q.hints.empty());
}

TEST_CASE("a space after the last word means it is finished, not a prefix") {
    ParsedQuery q = pv::parse_query("dyna ");
    REQUIRE(q.clauses.size() == 1);
    CHECK_FALSE(q.clauses[0].prefix);
}

TEST_CASE("a hyphenated or slashed word is searched in its joined spelling") {
    CHECK(pv::parse_query("re-invented").clauses.front().terms == Terms{"reinvented"});
    CHECK(pv::parse_query("A/B").clauses.front().terms == Terms{"ab"});
    CHECK(pv::parse_query("bird’s").clauses.front().terms == Terms{"birds"});
}

TEST_CASE("a quoted phrase is one exact clause with its words in order") {
    ParsedQuery q = pv::parse_query("\"Causal inference\" x");
    REQUIRE(q.clauses.size() == 2);
    CHECK(q.clauses[0].terms == Terms{"causal", "inference"});
    CHECK(q.clauses[0].exact);
    CHECK(q.clauses[0].phrase());
}

TEST_CASE("an unclosed quote still searches its words and says so") {
    ParsedQuery q = pv::parse_query("\"causal inf");
    REQUIRE(q.clauses.size() == 1);
    CHECK(q.clauses[0].terms == Terms{"causal", "inf"});
    CHECK(has_hint_containing(q, "unclosed quote"));
}

TEST_CASE("a minus before a word or phrase excludes it") {
    ParsedQuery q = pv::parse_query("alexa -teacher -\"prime video\"");
    REQUIRE(q.clauses.size() == 3);
    CHECK_FALSE(q.clauses[0].negated);
    CHECK(q.clauses[1].negated);
    CHECK(q.clauses[1].terms == Terms{"teacher"});
    CHECK_FALSE(q.clauses[1].prefix);
    CHECK(q.clauses[2].negated);
    CHECK(q.clauses[2].terms == Terms{"prime", "video"});
}

TEST_CASE("a lone minus is ignored with a hint") {
    ParsedQuery q = pv::parse_query("alexa - teacher");
    CHECK(q.clauses.size() == 2);
    CHECK(has_hint_containing(q, "lone '-'"));
}

TEST_CASE("kind filters accept singular, plural and short names") {
    CHECK(pv::parse_query("kind:job").kinds == 1u << static_cast<int>(pv::Kind::job));
    CHECK(pv::parse_query("kind:jobs").kinds == 1u << static_cast<int>(pv::Kind::job));
    CHECK(pv::parse_query("KIND:pub").kinds == 1u << static_cast<int>(pv::Kind::publication));
    CHECK(pv::parse_query("kind:publications").kinds == 1u << static_cast<int>(pv::Kind::publication));
    CHECK(pv::parse_query("-kind:job").kinds == 1u << static_cast<int>(pv::Kind::publication));
    ParsedQuery unknown = pv::parse_query("kind:blog");
    CHECK(unknown.kinds == ParsedQuery::kAllKinds);
    CHECK(has_hint_containing(unknown, "'blog'"));
}

TEST_CASE("year filters take one year or a range") {
    ParsedQuery one = pv::parse_query("year:2022");
    CHECK(one.year_filtered);
    CHECK(one.first_year == 2022);
    CHECK(one.last_year == 2022);
    ParsedQuery range = pv::parse_query("year:2020..2022");
    CHECK(range.first_year == 2020);
    CHECK(range.last_year == 2022);
    ParsedQuery open = pv::parse_query("year:2021..");
    CHECK(open.first_year == 2021);
    CHECK(open.last_year > 3000);
    CHECK_FALSE(pv::parse_query("year:..").year_filtered);
    ParsedQuery bad = pv::parse_query("year:soon");
    CHECK_FALSE(bad.year_filtered);
    CHECK(has_hint_containing(bad, "year is like"));
}

TEST_CASE("text field filters restrict a word or a phrase to one field") {
    ParsedQuery q = pv::parse_query("venue:KDD author:\"Doug Terry\" location:seattle");
    REQUIRE(q.clauses.size() == 3);
    CHECK(q.clauses[0].in_field);
    CHECK(q.clauses[0].field == TextField::venue);
    CHECK(q.clauses[0].terms == Terms{"kdd"});
    CHECK_FALSE(q.clauses[0].prefix);
    CHECK(q.clauses[1].field == TextField::authors);
    CHECK(q.clauses[1].terms == Terms{"doug", "terry"});
    CHECK(q.clauses[2].field == TextField::location);
}

TEST_CASE("an unknown field is searched as words with a hint") {
    ParsedQuery q = pv::parse_query("foo:bar");
    REQUIRE(q.clauses.size() == 2);
    CHECK(q.clauses[0].terms == Terms{"foo"});
    CHECK(q.clauses[1].terms == Terms{"bar"});
    CHECK(has_hint_containing(q, "unknown field 'foo:'"));
}

TEST_CASE("a field with nothing after it gives a hint") {
    ParsedQuery q = pv::parse_query("venue:");
    CHECK(q.clauses.empty());
    CHECK(has_hint_containing(q, "nothing after 'venue:'"));
}

TEST_CASE("punctuation alone searches nothing and says so") {
    ParsedQuery q = pv::parse_query("?!.,");
    CHECK(q.clauses.empty());
    CHECK(has_hint_containing(q, "nothing to search"));
}

TEST_CASE("a query is cut to 32 words with a hint") {
    std::string many;
    for (int i = 0; i < 40; ++i) many += "w" + std::to_string(i) + " ";
    ParsedQuery q = pv::parse_query(many);
    CHECK(q.clauses.size() == ParsedQuery::kMaxClauses);
    CHECK(has_hint_containing(q, "first 32 words"));
}

TEST_CASE("any bytes parse, and hints quoting them stay valid UTF-8") {
    ParsedQuery q = pv::parse_query("zz:\xFF\xFE \xC3");
    CHECK(has_hint_containing(q, "unknown field 'zz:'"));
    std::string huge(10000, '"');
    ParsedQuery quotes = pv::parse_query(huge);
    CHECK(quotes.clauses.empty());
    for (const std::string& hint : q.hints)
        for (char c : hint) CHECK(static_cast<unsigned char>(c) != 0xFF);
}
