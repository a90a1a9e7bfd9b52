// A JSON document's bytes as the parser reads them, from a ByteSource piece by
// piece, so that a bundle's text is never held whole: only the bytes since the
// last value the reader took are kept, which is where a syntax error can point,
// and the line and column of their first byte. A source that holds all its
// bytes in memory lends them, and nothing is copied.
#pragma once

#include "core/formats/byte_source.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string_view>
#include <vector>

namespace pv {

class JsonTextStream {
public:
    explicit JsonTextStream(ByteSource& source);
    JsonTextStream(const JsonTextStream&) = delete;
    JsonTextStream& operator=(const JsonTextStream&) = delete;

    // The bytes as nlohmann::json's parser takes them: `*it` is the next byte,
    // `++it` takes it, and an iterator equals end() once the source has no more.
    class iterator {
    public:
        using iterator_category = std::input_iterator_tag;
        using value_type = char;
        using difference_type = std::ptrdiff_t;
        using pointer = const char*;
        using reference = const char&;

        explicit iterator(JsonTextStream* stream = nullptr) : stream_(stream) {}
        reference operator*() const { return *stream_->next_; }
        iterator& operator++() {
            ++stream_->next_;
            return *this;
        }
        // (The next piece is read here, when the parser asks whether there is more.)
        bool operator==(const iterator& other) const { return at_end() == other.at_end(); }

    private:
        bool at_end() const { return !stream_ || (stream_->next_ == stream_->end_ && !stream_->read_piece()); }
        JsonTextStream* stream_;
    };
    iterator begin() { return iterator(this); }
    iterator end() { return iterator(); }

    // How many bytes the parser has taken.
    std::uint64_t taken() const { return kept_from_ + static_cast<std::uint64_t>(next_ - kept_); }
    // Bytes before `offset` are no longer needed to locate an error.
    void forget_before(std::uint64_t offset) { forget_before_ = offset; }
    // The line and column (counted in characters, from 1) of a byte at or
    // after the last offset forgotten before and not after taken().
    void locate(std::uint64_t offset, int& line, int& column) const;
    // The first NUL byte among those taken and still kept (the parser stops at
    // the first it meets, so it is among the last it took).
    std::optional<std::uint64_t> first_nul() const;
    // The memory the stream holds: the bytes kept and those not taken yet.
    std::size_t bytes_held() const { return buffer_.size(); }
    // The document's first bytes (up to four), for its byte order mark.
    std::string_view head() const { return {head_, head_size_}; }

private:
    // Reads the next piece after the bytes kept; false at the source's end.
    bool read_piece();

    static constexpr std::size_t kPieceBytes = 1u << 20;

    ByteSource& source_;
    std::vector<char> buffer_;       // the bytes kept, then those not taken yet
    const char* kept_ = nullptr;     // the first byte kept, at kept_from_ in the document
    const char* next_ = nullptr;     // the next byte to take
    const char* end_ = nullptr;      // just past the bytes read so far
    std::uint64_t kept_from_ = 0;
    std::uint64_t forget_before_ = 0;
    int kept_line_ = 1, kept_column_ = 1;  // where kept_ is
    bool lent_ = false;              // the source lent all its bytes: nothing more to read
    bool source_ended_ = false;
    char head_[4] = {};
    std::size_t head_size_ = 0;
};

// A JSON text in memory as a value, or a discarded value when it is not JSON.
// It is read through a JsonTextStream too, so that a build holds one copy of
// the JSON parser, not one for each kind of input.
nlohmann::json parse_json(std::string_view text);

}  // namespace pv
