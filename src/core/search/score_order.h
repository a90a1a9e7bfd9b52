// The order of a search's hits, apart from the index: one integer per hit
// sorted, not a comparison that looks its key up.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace pv::detail {

// Keeps the `limit` entries of `entries` with the highest `scores[entry]`
// (negative scores count as 0), highest first, ties in entry order.
void order_by_score(std::vector<std::uint32_t>& entries, const std::vector<float>& scores, std::size_t limit);

// Keeps the first `limit` of `keys`, sorted, each a hit's key above its entry
// (key << 32 | entry), and puts their entries in `entries` in that order.
void keep_first_keys(std::vector<std::uint64_t>& keys, std::vector<std::uint32_t>& entries, std::size_t limit);

// Keeps the `limit` entries of `entries` with the lowest `key(entry)` (an
// unsigned 32-bit integer), lowest first, ties in entry order.
void order_by_key(std::vector<std::uint32_t>& entries, std::size_t limit, const auto& key) {
    std::vector<std::uint64_t> keys;
    keys.reserve(entries.size());
    for (std::uint32_t entry : entries) keys.push_back(static_cast<std::uint64_t>(key(entry)) << 32 | entry);
    keep_first_keys(keys, entries, limit);
}

}  // namespace pv::detail
