// Text analysis shared by the index and the query parser: UTF-8 decoding,
// case and diacritic folding, tokenizing with byte offsets, and the bounded
// edit distance used for typo tolerance. Indexing and querying must fold text
// the same way, which is why both go through this one file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pv::text {

// One code point decoded from UTF-8. Invalid or truncated sequences decode to
// kInvalidCodePoint with length 1, so a scanner always advances.
struct Decoded {
    char32_t code_point = 0;
    std::uint32_t length = 1;
};
constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;
Decoded decode_utf8(std::string_view text, std::size_t at);
void append_utf8(std::string& out, char32_t code_point);

// The length of the longest prefix of `text` that has at most `max_bytes`
// bytes and does not split a UTF-8 sequence: where to cut text to a size.
std::size_t utf8_prefix_length(std::string_view text, std::size_t max_bytes);

// Characters that would hide or reorder text on screen, which neither the
// loader nor the importers keep: C0 controls and DEL, C1 controls, and the
// bidirectional embeddings, overrides and isolates (U+202A..E, U+2066..9).
// Callers decide about '\n', '\t' and '\r' before asking.
constexpr bool is_hidden_control(char32_t c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

// Appends the folded form of one code point: lower case without diacritics,
// ligatures spelled out ("ß" -> "ss"). Appends nothing for combining marks.
void append_folded(std::string& out, char32_t code_point);

// Folds a whole string code point by code point, keeping separators as they
// are (invalid bytes become spaces). Used for sort keys.
std::string fold(std::string_view text);

// A token is one of three roles:
//   part      a run of letters and digits, apostrophes removed ("bird’s" -> "birds");
//             parts are what a document's length counts and what phrases match;
//   stem      the letters before an apostrophe ("bird" of "bird’s"), so that
//             "amazon" finds "Amazon’s";
//   compound  parts joined across hyphens and slashes ("re-invented" ->
//             "reinvented", "A/B" -> "ab"), so that the joined spelling finds
//             the hyphenated one. It spans the whole compound.
enum class TokenRole : std::uint8_t { part, stem, compound };

struct Token {
    std::string term;           // folded
    std::uint32_t begin = 0;    // byte range in the analysed text
    std::uint32_t end = 0;
    std::uint32_t position = 0; // index among the text's parts; stems and compounds share their first part's
    TokenRole role = TokenRole::part;
};

// Splits `text` into tokens in text order (a compound follows its last part).
// Letters and digits of any script make words; ideographs and kana are one
// token each because those scripts do not separate words with spaces.
std::vector<Token> tokenize(std::string_view text);

// The folded term's length in code points (what the typo rules count).
std::size_t code_point_count(std::string_view term);

// Damerau-Levenshtein distance (optimal string alignment) between two folded
// terms, or `limit + 1` as soon as it is known to exceed `limit`.
std::size_t bounded_edit_distance(std::string_view a, std::string_view b, std::size_t limit);

}  // namespace pv::text
