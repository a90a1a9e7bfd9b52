#include "core/shards/shard_layout.h"

#include "core/formats/pack_io.h"

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

std::string postings_in_columns(std::string_view postings) {
    std::string columns;
    columns.reserve(postings.size());
    std::string fields;
    for (std::size_t at = 0; at < postings.size();) {
        while (at < postings.size() && (static_cast<unsigned char>(postings[at]) & 0x80)) columns += postings[at++];
        if (at < postings.size()) columns += postings[at++];  // the delta's last byte
        if (at < postings.size()) fields += postings[at++];
    }
    return columns + fields;
}

std::optional<std::string> postings_from_columns(std::string_view columns) {
    // The deltas end where the bytes read so far and the postings they end
    // (one field byte each) add up to the whole: one place, as both grow.
    std::size_t deltas = 0, postings = 0;
    while (deltas + postings < columns.size()) {
        if (!(static_cast<unsigned char>(columns[deltas++]) & 0x80)) ++postings;
    }
    if (deltas + postings != columns.size() || (deltas > 0 && (static_cast<unsigned char>(columns[deltas - 1]) & 0x80)))
        return std::nullopt;
    std::string out;
    out.reserve(columns.size());
    std::size_t field = deltas;
    for (std::size_t at = 0; at < deltas;) {
        while (static_cast<unsigned char>(columns[at]) & 0x80) out += columns[at++];
        out += columns[at++];
        out += columns[field++];
    }
    return out;
}

}  // namespace pv::shards
