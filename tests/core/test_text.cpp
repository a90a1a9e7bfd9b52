#include "core/text/text.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

using pv::text::Token;
using pv::text::TokenRole;

namespace {

std::vector<std::string> terms_with_role(std::string_view text, TokenRole role) {
    std::vector<std::string> terms;
    for (const Token& token : pv::text::tokenize(text))
        if (token.role == role) terms.push_back(token.term);
    return terms;
}

std::vector<std::string> parts(std::string_view text) { return terms_with_role(text, TokenRole::part); }

using Terms = std::vector<std::string>;

}  // namespace

TEST_CASE("words split at spaces and punctuation and keep their byte offsets") {
    std::vector<Token> tokens = pv::text::tokenize("Hello, world (2022)!");
    REQUIRE(tokens.size() == 3);
    CHECK(tokens[0].term == "hello");
    CHECK(tokens[0].begin == 0);
    CHECK(tokens[0].end == 5);
    CHECK(tokens[1].term == "world");
    CHECK(tokens[1].begin == 7);
    CHECK(tokens[2].term == "2022");
    CHECK(tokens[2].begin == 14);
    CHECK(tokens[2].end == 18);
    CHECK(tokens[2].position == 2);
}

TEST_CASE("an accented letter stays inside its word and folds to its base letter") {
    std::vector<Token> tokens = pv::text::tokenize("Cédric Archambeau");
    REQUIRE(tokens.size() == 2);
    CHECK(tokens[0].term == "cedric");
    CHECK(tokens[0].end == 7);  // "Cédric" is 7 bytes: é takes two
    CHECK(parts("São Paulo") == Terms{"sao", "paulo"});
    CHECK(parts("Łódź Straße Ærø Œuvre Ĳssel") == Terms{"lodz", "strasse", "aero", "oeuvre", "ijssel"});
}

TEST_CASE("a combining accent after a letter is dropped, not treated as a separator") {
    CHECK(parts("Ce\xCC\x81" "dric") == Terms{"cedric"});
}

TEST_CASE("Greek and Cyrillic words fold to lower case without accents") {
    CHECK(parts("ΑΘΉΝΑ Ελλάδα ς") == Terms{"αθηνα", "ελλαδα", "σ"});
    CHECK(parts("МОСКВА Ёлка") == Terms{"москва", "елка"});
}

TEST_CASE("letters and digits of other scripts make words, ideographs one token each") {
    CHECK(parts("नमस्ते दुनिया") == Terms{"नमस्ते", "दुनिया"});
    CHECK(parts("東京abc") == Terms{"東", "京", "abc"});
    CHECK(parts("ＡＢＣ１２") == Terms{"abc12"});
}

TEST_CASE("letters joined by digits stay one token") {
    CHECK(parts("multilingual seq2seq model") == Terms{"multilingual", "seq2seq", "model"});
}

TEST_CASE("an apostrophe joins its word and also yields the stem before it") {
    CHECK(parts("bird’s Amazon's O'Brien") == Terms{"birds", "amazons", "obrien"});
    CHECK(terms_with_role("bird’s Amazon's", TokenRole::stem) == Terms{"bird", "amazon"});
    CHECK(parts("‘one-size’") == Terms{"one", "size"});  // quotes, not apostrophes
}

TEST_CASE("hyphenated and slashed words also yield their joined spelling") {
    std::vector<Token> tokens = pv::text::tokenize("bird’s-eye-view (BEV)");
    CHECK(parts("bird’s-eye-view (BEV)") == Terms{"birds", "eye", "view", "bev"});
    REQUIRE(terms_with_role("bird’s-eye-view", TokenRole::compound) == Terms{"birdseyeview"});
    const Token& compound = *std::find_if(tokens.begin(), tokens.end(), [](const Token& t) { return t.role == TokenRole::compound; });
    CHECK(compound.begin == 0);
    CHECK(compound.end == 17);
    CHECK(terms_with_role("A/B tests", TokenRole::compound) == Terms{"ab"});
    CHECK(terms_with_role("Re-invented", TokenRole::compound) == Terms{"reinvented"});
    CHECK(terms_with_role("pre- and post-war", TokenRole::compound) == Terms{"postwar"});
}

TEST_CASE("long slashed paths do not yield a joined spelling") {
    CHECK(terms_with_role("a/b/c/d/e/f/g", TokenRole::compound).empty());
    CHECK(parts("a/b/c/d/e/f/g").size() == 7);
}

TEST_CASE("invalid UTF-8 bytes separate words and never end up in a term") {
    CHECK(parts("ab\xFF" "cd") == Terms{"ab", "cd"});
    CHECK(parts("ab\xC0\xAF" "cd") == Terms{"ab", "cd"});       // overlong '/'
    CHECK(parts("ab\xED\xA0\x80" "cd") == Terms{"ab", "cd"});   // surrogate
    CHECK(parts("ab\xE2\x82") == Terms{"ab"});                  // truncated at the end
    CHECK(parts(std::string("x\0y", 3)) == Terms{"x", "y"});
}

TEST_CASE("decoding reports each invalid byte as one invalid code point") {
    pv::text::Decoded d = pv::text::decode_utf8("\xE2\x82" "a", 0);
    CHECK(d.code_point == pv::text::kInvalidCodePoint);
    CHECK(d.length == 1);
    d = pv::text::decode_utf8("\xE2\x80\x99", 0);
    CHECK(d.code_point == 0x2019);
    CHECK(d.length == 3);
}

TEST_CASE("folding a whole string keeps its separators") {
    CHECK(pv::text::fold("Éa, Bß!") == "ea, bss!");
    CHECK(pv::text::fold("a\xFF" "b") == "a b");
}

TEST_CASE("edit distance counts a swap of neighbours as one edit") {
    CHECK(pv::text::bounded_edit_distance("redshift", "redshfit", 2) == 1);
    CHECK(pv::text::bounded_edit_distance("kitten", "sitting", 5) == 3);
    CHECK(pv::text::bounded_edit_distance("dynamo", "dynamo", 1) == 0);
}

TEST_CASE("edit distance stops at its limit and counts characters, not bytes") {
    CHECK(pv::text::bounded_edit_distance("kitten", "sitting", 1) == 2);
    CHECK(pv::text::bounded_edit_distance("abc", "abcdef", 2) == 3);
    CHECK(pv::text::bounded_edit_distance("москва", "моства", 1) == 1);
    CHECK(pv::text::code_point_count("москва") == 6);
}

TEST_CASE("random bytes tokenize into in-bounds, non-empty, valid UTF-8 terms") {
    std::mt19937 random(20221231);
    std::uniform_int_distribution<int> byte(0, 255), length(0, 64);
    for (int round = 0; round < 5000; ++round) {
        std::string text;
        for (int i = length(random); i > 0; --i) text += static_cast<char>(byte(random));
        for (const Token& token : pv::text::tokenize(text)) {
            REQUIRE(token.begin < token.end);
            REQUIRE(token.end <= text.size());
            REQUIRE_FALSE(token.term.empty());
            for (std::size_t at = 0; at < token.term.size();) {
                pv::text::Decoded d = pv::text::decode_utf8(token.term, at);
                REQUIRE(d.code_point != pv::text::kInvalidCodePoint);
                at += d.length;
            }
        }
    }
}

TEST_CASE("text is cut to a size without splitting a UTF-8 sequence") {
    using pv::text::utf8_prefix_length;
    CHECK(utf8_prefix_length("abc", 10) == 3);
    CHECK(utf8_prefix_length("abc", 2) == 2);
    CHECK(utf8_prefix_length("a\xC3\xA9", 2) == 1);          // "aé": é is two bytes
    CHECK(utf8_prefix_length("\xE4\xB8\xAD\xE6\x96\x87", 4) == 3);  // "中文": three bytes each
    CHECK(utf8_prefix_length("\xE4\xB8\xAD", 0) == 0);
}

TEST_CASE("controls and text-direction overrides are the characters that hide or reorder text") {
    using pv::text::is_hidden_control;
    for (char32_t c : {U'\0', U'\x1B', U'\x7F', U'\x85', U'\u202E', U'\u2066'}) CHECK(is_hidden_control(c));
    for (char32_t c : {U' ', U'a', U'\u00A0', U'\u00E9', U'\u200D', U'\u4E2D'}) CHECK_FALSE(is_hidden_control(c));
}
