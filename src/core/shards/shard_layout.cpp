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

}  // namespace pv::shards
