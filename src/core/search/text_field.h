// The text fields the index keeps apart: each has its own postings, lengths
// and boost (scoring.h), and a query can name one (`author:lovelace`, query.h).
#pragma once

#include <cstddef>
#include <cstdint>

namespace pv {

// In the order of their boosts.
enum class TextField : std::uint8_t { title, authors, tags, venue, location, team, body };
constexpr std::size_t kTextFieldCount = 7;

// A list of names, tags or places: a word counts once in it, and its length
// does not discount a match (a paper with eight authors is no less by each of
// them), so a sharded index keeps no lengths of it (scoring.cpp, term_index.h).
constexpr bool is_list_field(TextField field) {
    return field == TextField::authors || field == TextField::tags || field == TextField::location;
}

}  // namespace pv
