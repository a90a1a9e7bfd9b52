// The bundle's bytes as the page holds them (its download's chunks), for the
// core's readers: copied into the wasm heap only as they are asked for.
#pragma once

#include "core/pack.h"
#include "platform/js_bridge.h"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string_view>
#include <vector>

namespace pv::platform {

// The bundle's bytes, which the page holds (its download's chunks) and copies
// into the heap only as they are asked for: a pack is read through one small
// staging buffer and never held whole; a JSON bundle is copied into one block.
class PageBytes : public PackSource {
public:
    explicit PageBytes(std::size_t size) : left_(size) {}

    // The first piece, which next() or copy_rest() gives again.
    std::string_view peek() {
        if (pending_.empty()) pending_ = fetch(kPieceBytes);
        return pending_;
    }
    // The next piece, of at most `most` bytes; empty at the end.
    std::string_view next(std::size_t most) override {
        if (pending_.empty()) pending_ = fetch(most);
        const std::string_view piece = pending_.substr(0, most);
        pending_.remove_prefix(piece.size());
        return piece;
    }
    // Copies all that is left to `destination`, straight from the page's
    // chunks, calling `between` after each piece. Returns the bytes copied.
    template <class Between>
    std::size_t copy_rest(char* destination, Between&& between) {
        std::memcpy(destination, pending_.data(), pending_.size());
        std::size_t copied = pending_.size();
        pending_ = {};
        while (left_ > 0) {
            const std::size_t piece = take(destination + copied, std::min(left_, kPieceBytes));
            if (piece == 0) break;
            copied += piece;
            between();
        }
        return copied;
    }

private:
    static constexpr std::size_t kPieceBytes = 1u << 20;

    std::string_view fetch(std::size_t most) {
        staging_.resize(std::min({most, kPieceBytes, left_}));
        return {staging_.data(), take(staging_.data(), staging_.size())};
    }
    std::size_t take(char* destination, std::size_t most) {
        const auto copied = static_cast<std::size_t>(js_take_bundle_bytes(destination, static_cast<int>(most)));
        left_ -= std::min(copied, left_);
        return copied;
    }

    std::size_t left_;
    std::vector<char> staging_;
    std::string_view pending_;  // fetched, not yet given
};

}  // namespace pv::platform
