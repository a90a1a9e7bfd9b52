// The text fields the index keeps apart: each has its own postings, lengths
// and boost (scoring.h), and a query can name one (`author:lovelace`, query.h).
#pragma once

#include <cstddef>
#include <cstdint>

namespace pv {

// In the order of their boosts.
enum class TextField : std::uint8_t { title, authors, tags, venue, location, team, body };
constexpr std::size_t kTextFieldCount = 7;

}  // namespace pv
