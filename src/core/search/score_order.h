// The order of a search's hits by relevance, apart from the index: one
// integer per hit sorted, not a comparison that looks scores up.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace pv::detail {

// Keeps the `limit` entries of `entries` with the highest `scores[entry]`
// (negative scores count as 0), highest first, ties in entry order.
void order_by_score(std::vector<std::uint32_t>& entries, const std::vector<float>& scores, std::size_t limit);

}  // namespace pv::detail
