// The bundle's bytes as the page holds them (its download's chunks), for the
// core's readers: copied into the wasm heap only as they are asked for.
#pragma once

#include "core/formats/byte_source.h"
#include "platform/js_bridge.h"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string_view>
#include <vector>

namespace pv::platform {

// The bundle's bytes, which the page holds (its download's chunks) and copies
// into the heap only as they are asked for: a pack is read through one small
// staging buffer, a JSON bundle into the parser's buffer (core/formats/json_text_stream.h);
// neither is held whole.
class PageBytes final : public ByteSource {
public:
    explicit PageBytes(std::size_t size) : left_(size) {}

    std::string_view next(std::size_t most) override {
        staging_.resize(std::min({most, kPieceBytes, left_}));
        return {staging_.data(), read_into(staging_.data(), staging_.size())};
    }
    std::size_t read_into(char* destination, std::size_t most) override {
        const auto copied = static_cast<std::size_t>(js_take_bundle_bytes(destination, static_cast<int>(std::min(most, left_))));
        left_ -= std::min(copied, left_);
        return copied;
    }

private:
    static constexpr std::size_t kPieceBytes = 1u << 20;

    std::size_t left_;
    std::vector<char> staging_;
};

}  // namespace pv::platform
