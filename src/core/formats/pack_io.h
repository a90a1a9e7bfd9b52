// The bytes of a pack (core/formats/pack.h): little-endian integers and floats,
// length-prefixed strings and arrays of plain values. The writer appends. The
// reader pulls the bytes from a source piece by piece, so that a pack need not
// be in memory whole; it checks every length against what is left and, after
// its first failure, reads only zeros and empties, so that a caller can read a
// whole section and check failed() once, as with a stream.
#pragma once

#include "core/formats/byte_source.h"
#include "core/model/progress.h"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace pv::detail {

static_assert(std::endian::native == std::endian::little,
              "packs are little-endian and copied as they are: a big-endian build needs byte swaps in pack_io.h");

// A fast 64-bit hash over bytes given in pieces of any size (not a
// cryptographic one): it tells a pack damaged in transit or on disk.
class Checksum {
public:
    void add(std::string_view bytes);
    std::uint64_t value() const;  // of everything added so far

private:
    void mix(std::uint64_t word) { hash_ = (std::rotl(hash_, 23) ^ word) * 0xFF51AFD7ED558CCDull; }

    std::uint64_t hash_ = 0x9E3779B97F4A7C15ull;
    std::uint64_t length_ = 0;
    char carry_[8] = {};  // the bytes of a word not yet complete
    std::size_t carried_ = 0;
};

class PackWriter {
public:
    void u8(std::uint8_t value) { put(value); }
    void u32(std::uint32_t value) { put(value); }
    void i32(std::int32_t value) { put(value); }
    void u64(std::uint64_t value) { put(value); }
    void f32(float value) { put(value); }
    void string(std::string_view text) {
        u32(static_cast<std::uint32_t>(text.size()));
        bytes_.append(text);
    }
    template <class T>
    void array(const std::vector<T>& values) {
        static_assert(std::is_trivially_copyable_v<T>);
        u64(values.size());
        bytes_.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
    }

    std::string& bytes() { return bytes_; }

private:
    template <class T>
    void put(T value) {
        char raw[sizeof(T)];
        std::memcpy(raw, &value, sizeof(T));
        bytes_.append(raw, sizeof(T));
    }

    std::string bytes_;
};

class PackReader {
public:
    // Reads the `size` bytes that `source` gives. `progress` hears what
    // progress() and tick() report, and nothing else: a report may suspend the
    // reader (the widget yields to the browser), which its callers must allow.
    PackReader(ByteSource& source, std::uint64_t size, ProgressHook progress = {})
        : source_(source), progress_(std::move(progress)), size_(size) {}

    std::uint8_t u8() { return get<std::uint8_t>(); }
    std::uint32_t u32() { return get<std::uint32_t>(); }
    std::int32_t i32() { return get<std::int32_t>(); }
    std::uint64_t u64() { return get<std::uint64_t>(); }
    float f32() { return get<float>(); }
    std::string string();
    // A string of megabytes (an index's term text), read as array() reads.
    std::string large_string() {
        const std::uint32_t size = u32();
        std::string text;
        if (fits(size, 1)) read_pieces(text, size);
        return text;
    }
    template <class T>
    std::vector<T> array() {
        static_assert(std::is_trivially_copyable_v<T>);
        const std::uint64_t count = u64();
        std::vector<T> values;
        if (fits(count, sizeof(T))) read_pieces(values, static_cast<std::size_t>(count));
        return values;
    }
    // An array of bytes handed to `use(const std::uint8_t* piece, std::size_t
    // size)` a piece at a time, not kept whole (a million entries' field
    // lengths: 14 MB not copied on the way). Returns how many there were.
    template <class Use>
    std::uint64_t byte_pieces(Use&& use) {
        const std::uint64_t count = u64();
        if (!fits(count, 1)) return 0;
        std::vector<std::uint8_t> piece(static_cast<std::size_t>(std::min<std::uint64_t>(count, kPieceBytes)));
        for (std::uint64_t done = 0; done < count && !failed();) {
            const std::size_t size = static_cast<std::size_t>(std::min<std::uint64_t>(count - done, piece.size()));
            take(reinterpret_cast<char*>(piece.data()), size);
            use(piece.data(), size);
            done += size;
            tick();
        }
        return count;
    }
    // Whether `count` items of at least `item_bytes` each can still follow;
    // fails the reader if not. Checked before anything is allocated for them.
    bool fits(std::uint64_t count, std::size_t item_bytes);

    // Names the part being read, for the failure message.
    void section(const char* name) {
        if (!failed()) section_ = name;
    }
    // Reports how far the reading has got.
    void progress(std::size_t done, std::size_t total) {
        now_ = {WorkStage::reading, done, total};
        tick();
    }
    // Reports the last progress again, from a long check between reads.
    void tick() const {
        report(progress_, now_.stage, now_.done, now_.total);
    }
    // Keeps the first reason only: later ones follow from it.
    void fail(const char* reason);
    bool failed() const { return !failure_.empty(); }
    const std::string& failure() const { return failure_; }
    std::uint64_t remaining() const { return size_ - consumed_; }

    // The checksum covers the bytes read after the last restart.
    void restart_checksum() {
        checksum_ = {};
        unsummed_ = window_.data();
    }
    std::uint64_t checksum() {
        sum_consumed();
        return checksum_.value();
    }
    // Reads what is left, failed or not, so that checksum() covers it.
    void drain();

private:
    bool fetch();
    // Moves past `size` bytes of the piece at hand; they are added to the
    // checksum with the rest of the piece (sum_consumed), not a read at a time:
    // a pack's many short strings made that most of the checksum's cost.
    void consume(std::size_t size) {
        window_.remove_prefix(size);
        consumed_ += size;
    }
    void sum_consumed();
    void take(char* out, std::size_t size);
    // Reads `count` items into `values` a piece at a time, with a tick() after
    // each: a large array's memory is also first touched piece by piece.
    template <class Container>
    void read_pieces(Container& values, std::size_t count) {
        using Item = typename Container::value_type;
        values.reserve(count);
        while (values.size() < count && !failed()) {
            const std::size_t at = values.size();
            values.resize(at + std::min(count - at, kPieceBytes / sizeof(Item)));
            take(reinterpret_cast<char*>(values.data() + at), (values.size() - at) * sizeof(Item));
            tick();
        }
    }
    template <class T>
    T get() {
        T value{};
        if (fits(1, sizeof(T))) take(reinterpret_cast<char*>(&value), sizeof(T));
        return value;
    }

    static constexpr std::size_t kPieceBytes = 1u << 20;
    ByteSource& source_;
    ProgressHook progress_;
    WorkProgress now_{WorkStage::reading, 0, 0};
    std::uint64_t size_ = 0;
    std::uint64_t consumed_ = 0;
    std::string_view window_;
    const char* unsummed_ = nullptr;  // the piece's first byte consumed but not yet in the checksum
    Checksum checksum_;
    const char* section_ = "header";
    std::string failure_;
};

}  // namespace pv::detail
