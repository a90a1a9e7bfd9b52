#include "core/shards/shard_layout.h"

#include "core/formats/pack_io.h"
#include "core/search/search_index.h"
#include "core/search/text_field.h"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>

namespace pv::shards {

std::string hex64(std::uint64_t value) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex(16, '0');
    for (int i = 15; i >= 0; --i, value >>= 4) hex[static_cast<std::size_t>(i)] = kDigits[value & 0xF];
    return hex;
}

namespace {

std::string content_hash(std::string_view bytes) {
    detail::Checksum sum;
    sum.add(bytes);
    return hex64(sum.value());
}

}  // namespace

std::string content_name(std::string_view prefix, std::string_view bytes, std::string_view extension) {
    std::string name(prefix);
    name.append(1, '-').append(content_hash(bytes)).append(1, '.').append(extension);
    return name;
}

bool matches_content_name(std::string_view name, std::string_view bytes) {
    const std::size_t dash = name.rfind('-');
    const std::size_t dot = name.rfind('.');
    if (dash == std::string_view::npos || dot == std::string_view::npos || dot != dash + 17) return false;
    return name.substr(dash + 1, 16) == content_hash(bytes);
}

namespace {

constexpr std::size_t kFields = kTextFieldCount;  // a posting's byte holds field << 4 | frequency

void put_varint(std::string& out, std::uint32_t value) {
    for (; value >= 0x80; value >>= 7) out += static_cast<char>((value & 0x7F) | 0x80);
    out += static_cast<char>(value);
}

std::ptrdiff_t varint_size(std::uint32_t value) {
    std::ptrdiff_t size = 1;
    for (; value >= 0x80; value >>= 7) ++size;
    return size;
}

// Reads a varint at `at` (moved past it); false when `bytes` end first or it passes 32 bits.
inline bool get_varint(std::string_view bytes, std::size_t& at, std::uint32_t& value) {
    if (at < bytes.size() && static_cast<std::uint8_t>(bytes[at]) < 0x80) {  // most are a byte: a delta below 128
        value = static_cast<std::uint8_t>(bytes[at++]);
        return true;
    }
    value = 0;
    for (int shift = 0; shift < 35 && at < bytes.size(); shift += 7) {
        const auto byte = static_cast<std::uint8_t>(bytes[at++]);
        if (shift == 28 && byte > 0x0F) return false;
        value |= static_cast<std::uint32_t>(byte & 0x7F) << shift;
        if (!(byte & 0x80)) return true;
    }
    return false;
}

}  // namespace

std::string postings_in_columns(std::string_view postings, const std::vector<std::uint32_t>& term_sizes) {
    std::string fields, deltas, frequencies;
    std::string field_deltas[kFields], field_frequencies[kFields];
    std::size_t at = 0;
    for (std::uint32_t size : term_sizes) {
        std::uint32_t entry = 0, delta = 0, last[kFields] = {};
        for (const std::size_t end = std::min(postings.size(), at + size); at < end && get_varint(postings, at, delta) && at < end;) {
            entry += delta;
            const auto byte = static_cast<std::uint8_t>(postings[at++]);
            const std::size_t field = std::min<std::size_t>(byte >> 4, kFields - 1);  // an index's are all below
            put_varint(field_deltas[field], entry - last[field]);
            last[field] = entry;
            field_frequencies[field] += static_cast<char>(byte & 0x0F);
        }
        std::uint8_t mask = 0;
        for (std::size_t f = 0; f < kFields; ++f) mask |= static_cast<std::uint8_t>(!field_frequencies[f].empty() << f);
        fields += static_cast<char>(mask);
        for (std::size_t f = 0; f < kFields; ++f) {
            if (field_frequencies[f].empty()) continue;
            put_varint(fields, static_cast<std::uint32_t>(field_frequencies[f].size()));
            deltas += field_deltas[f];
            frequencies += field_frequencies[f];
            field_deltas[f].clear();
            field_frequencies[f].clear();
        }
    }
    std::string columns;
    put_varint(columns, static_cast<std::uint32_t>(fields.size()));
    put_varint(columns, static_cast<std::uint32_t>(deltas.size()));
    return columns + fields + deltas + frequencies;
}

namespace {

// One field's postings of a term, read from the columns as they are merged.
struct FieldPostings {
    std::uint8_t field = 0;
    std::uint32_t left = 0;   // postings not yet laid out, this one included
    std::uint32_t entry = 0;  // this one's
    std::size_t delta = 0;    // where the next one's delta is in the deltas column
    const std::uint8_t* frequency = nullptr;
};

void put_posting(std::uint8_t*& written, std::uint32_t delta, std::size_t field, std::uint8_t frequency) {
    for (; delta >= 0x80; delta >>= 7) *written++ = static_cast<std::uint8_t>((delta & 0x7F) | 0x80);
    *written++ = static_cast<std::uint8_t>(delta);
    *written++ = static_cast<std::uint8_t>(field << 4 | frequency);
}

}  // namespace

std::optional<std::string> postings_from_columns(std::string_view columns, const std::vector<std::uint32_t>& term_sizes) {
    std::size_t at = 0;
    std::uint32_t fields_size = 0, deltas_size = 0;
    if (!get_varint(columns, at, fields_size) || !get_varint(columns, at, deltas_size) ||
        fields_size > columns.size() - at || deltas_size > columns.size() - at - fields_size)
        return std::nullopt;
    const std::string_view fields = columns.substr(at, fields_size);
    const std::string_view deltas = columns.substr(at + fields_size, deltas_size);
    const auto* frequencies = reinterpret_cast<const std::uint8_t*>(deltas.data() + deltas.size());
    const auto* const frequencies_end = reinterpret_cast<const std::uint8_t*>(columns.data() + columns.size());
    std::uint64_t total = 0;
    for (std::uint32_t size : term_sizes) total += size;
    // No posting is more than its delta, a zero delta and a byte; beyond that the sizes are wrong.
    if (total > deltas_size + 2 * static_cast<std::uint64_t>(frequencies_end - frequencies)) return std::nullopt;
    std::string out(total, '\0');
    auto* written = reinterpret_cast<std::uint8_t*>(out.data());
    std::size_t in_fields = 0, in_deltas = 0;
    for (std::uint32_t size : term_sizes) {
        if (in_fields == fields.size()) return std::nullopt;
        const auto mask = static_cast<std::uint8_t>(fields[in_fields++]);
        if (mask >> kFields) return std::nullopt;
        FieldPostings lists[kFields];
        std::size_t count = 0;
        for (std::size_t f = 0; f < kFields; ++f) {
            if (!(mask >> f & 1)) continue;
            FieldPostings& list = lists[count++];
            list.field = static_cast<std::uint8_t>(f);
            if (!get_varint(fields, in_fields, list.left) || list.left == 0 || list.left > static_cast<std::size_t>(frequencies_end - frequencies))
                return std::nullopt;
            list.frequency = frequencies;
            frequencies += list.left;
            // Its deltas: as many varints as it has postings, each ending in a byte below 0x80.
            list.delta = in_deltas;
            for (std::uint32_t ends = 0; ends < list.left; ++in_deltas) {
                if (in_deltas == deltas.size()) return std::nullopt;
                ends += static_cast<std::uint8_t>(deltas[in_deltas]) < 0x80;
            }
            if (!get_varint(deltas, list.delta, list.entry)) return std::nullopt;
        }
        const std::uint8_t* const term_end = written + size;  // within `out`: the sizes add up to its size
        // Lays out a field's next posting and reads the one after; false if damaged.
        std::uint32_t last = 0;
        auto take = [&](FieldPostings& list) {
            const std::uint32_t delta = list.entry - last;
            if (*list.frequency > 0x0F || term_end - written < varint_size(delta) + 1) return false;
            put_posting(written, delta, list.field, *list.frequency++);
            last = list.entry;
            std::uint32_t next = 0;
            return !--list.left || (get_varint(deltas, list.delta, next) && next != 0 && (list.entry += next) >= next);
        };
        // By entry, then field, as the index lays them out: the field with the
        // lowest entry runs until another field's next entry (a frequent word's
        // body postings, between its rare title ones), and where fields share
        // an entry each gives its posting in field order.
        for (;;) {
            std::uint64_t entry = UINT64_MAX, others = UINT64_MAX;  // the lowest next entry; the lowest of the other fields'
            std::size_t lowest = 0;
            for (std::size_t i = 0; i < count; ++i) {
                if (!lists[i].left) continue;
                if (lists[i].entry < entry) others = entry, entry = lists[i].entry, lowest = i;
                else others = std::min<std::uint64_t>(others, lists[i].entry);
            }
            if (entry == UINT64_MAX) break;
            if (entry < others) {
                FieldPostings& list = lists[lowest];
                do {
                    if (!take(list)) return std::nullopt;
                } while (list.left && list.entry < others);
                continue;
            }
            for (std::size_t i = 0; i < count; ++i)
                if (lists[i].left && lists[i].entry == entry && !take(lists[i])) return std::nullopt;
        }
        if (written != term_end) return std::nullopt;
    }
    if (in_fields != fields.size() || in_deltas != deltas.size() || frequencies != frequencies_end) return std::nullopt;
    return out;
}

std::vector<std::uint32_t> posting_sizes(const SearchIndex& index, std::uint32_t first, std::uint32_t last) {
    std::vector<std::uint32_t> sizes;
    for (std::uint32_t term = first; term < last; ++term) sizes.push_back(index.posting_offset(term + 1) - index.posting_offset(term));
    return sizes;
}

}  // namespace pv::shards
