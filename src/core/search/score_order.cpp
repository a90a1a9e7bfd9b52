// The order of hits: by score, higher first, or by a key of their own, lower
// first; then bundle order (so results never shuffle between keystrokes);
// the first `limit` only.
#include "core/search/score_order.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace pv::detail {

namespace {

// Sorts keys ascending, a byte at a time from the lowest (LSD radix sort),
// skipping the bytes that all keys share. Linear in the number of keys: a
// comparison sort of 90,000 hits took a 100k keystroke's frame past budget.
void radix_sort(std::vector<std::uint64_t>& keys) {
    if (keys.size() < 256) {
        std::sort(keys.begin(), keys.end());
        return;
    }
    std::uint32_t counts[8][256] = {};
    for (std::uint64_t key : keys)
        for (int digit = 0; digit < 8; ++digit) ++counts[digit][(key >> (8 * digit)) & 0xFF];
    std::vector<std::uint64_t> scratch(keys.size());
    for (int digit = 0; digit < 8; ++digit) {
        std::uint32_t* count = counts[digit];
        if (count[(keys[0] >> (8 * digit)) & 0xFF] == keys.size()) continue;  // one value: nothing to move
        std::uint32_t start = 0;
        for (int byte = 0; byte < 256; ++byte) start += std::exchange(count[byte], start);
        for (std::uint64_t key : keys) scratch[count[(key >> (8 * digit)) & 0xFF]++] = key;
        keys.swap(scratch);
    }
}

}  // namespace

void order_by_score(std::vector<std::uint32_t>& entries, const std::vector<float>& scores, std::size_t limit) {
    // Sorted as one integer per hit, higher score then lower entry first:
    // no lookups while sorting, which made a one-letter query's sort of
    // 50,000 hits the largest part of a keystroke's frame.
    std::vector<std::uint64_t> keys;
    keys.reserve(entries.size());
    for (std::uint32_t entry : entries) {
        // A non-negative float's bits order as the float does. (memcpy:
        // Emscripten 3.1.6's libc++ has no std::bit_cast.)
        const float score = std::max(scores[entry], 0.0f);
        std::uint32_t bits = 0;
        std::memcpy(&bits, &score, sizeof bits);
        keys.push_back(static_cast<std::uint64_t>(~bits) << 32 | entry);
    }
    keep_first_keys(keys, entries, limit);
}

void keep_first_keys(std::vector<std::uint64_t>& keys, std::vector<std::uint32_t>& entries, std::size_t limit) {
    const std::size_t kept = std::min(limit, keys.size());
    if (kept < keys.size()) std::partial_sort(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(kept), keys.end());
    else radix_sort(keys);
    entries.resize(kept);
    for (std::size_t i = 0; i < entries.size(); ++i) entries[i] = static_cast<std::uint32_t>(keys[i]);
}

}  // namespace pv::detail
