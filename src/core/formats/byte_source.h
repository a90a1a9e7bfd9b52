// Where a bundle's bytes come from, piece by piece: a file, a string in
// memory, or the page's download (src/platform/page_bytes.h), which is never
// copied into the wasm heap whole (JSON and packs are both read piece by piece).
#pragma once

#include <cstddef>
#include <cstring>
#include <optional>
#include <string_view>

namespace pv {

class ByteSource {
public:
    virtual ~ByteSource() = default;
    // The next piece: at most `most` bytes, at least one while any are left,
    // valid until the next call.
    virtual std::string_view next(std::size_t most) = 0;
    // Copies up to `most` of the next bytes to `destination` and returns how
    // many (0 at the end). A source whose bytes are elsewhere copies them there
    // straight, without a piece in between.
    virtual std::size_t read_into(char* destination, std::size_t most) {
        const std::string_view piece = next(most);
        if (!piece.empty()) std::memcpy(destination, piece.data(), piece.size());
        return piece.size();
    }
    // All the bytes still to come, when the source holds them in memory:
    // they are then read where they are, never copied.
    virtual std::optional<std::string_view> rest_in_memory() { return std::nullopt; }
};

// The bytes of a string in memory.
class MemorySource final : public ByteSource {
public:
    explicit MemorySource(std::string_view bytes) : left_(bytes) {}
    std::string_view next(std::size_t most) override {
        const std::string_view piece = left_.substr(0, most);
        left_.remove_prefix(piece.size());
        return piece;
    }
    std::optional<std::string_view> rest_in_memory() override { return left_; }

private:
    std::string_view left_;
};

}  // namespace pv
