#include "ui/font_coverage.h"

#include <cstddef>
#include <cstdint>
#include <optional>

namespace pv::ui {

namespace {

// Big-endian reads that say nothing (nullopt) past the end of the bytes.
class FontBytes {
public:
    explicit FontBytes(std::span<const unsigned char> bytes) : bytes_(bytes) {}

    std::optional<std::uint32_t> u16(std::size_t at) const {
        if (at + 2 > bytes_.size() || at + 2 < at) return std::nullopt;
        return std::uint32_t{bytes_[at]} << 8 | bytes_[at + 1];
    }
    std::optional<std::uint32_t> u32(std::size_t at) const {
        const auto high = u16(at), low = u16(at + 2);
        if (!high || !low) return std::nullopt;
        return *high << 16 | *low;
    }

private:
    std::span<const unsigned char> bytes_;
};

// Where a table starts, by its tag ("cmap").
std::optional<std::size_t> table_offset(const FontBytes& font, const char (&tag)[5]) {
    const auto count = font.u16(4);
    if (!count) return std::nullopt;
    const std::uint32_t wanted = std::uint32_t(tag[0]) << 24 | std::uint32_t(tag[1]) << 16 | std::uint32_t(tag[2]) << 8 | std::uint32_t(tag[3]);
    for (std::size_t i = 0; i < *count; ++i) {
        const std::size_t record = 12 + 16 * i;
        if (font.u32(record) == wanted) return font.u32(record + 8);
    }
    return std::nullopt;
}

// A Unicode subtable of format 4 (the Basic Multilingual Plane) or 12 (all of
// Unicode), the wider one if the font has both.
struct Subtable {
    std::size_t offset = 0;
    std::uint32_t format = 0;
};

std::optional<Subtable> unicode_subtable(const FontBytes& font, std::size_t cmap) {
    const auto count = font.u16(cmap + 2);
    if (!count) return std::nullopt;
    std::optional<Subtable> best;
    for (std::size_t i = 0; i < *count; ++i) {
        const std::size_t record = cmap + 4 + 8 * i;
        const auto platform = font.u16(record), encoding = font.u16(record + 2), offset = font.u32(record + 4);
        if (!platform || !encoding || !offset) return best;
        const bool unicode = *platform == 0 || (*platform == 3 && (*encoding == 1 || *encoding == 10));
        const auto format = font.u16(cmap + *offset);
        if (!unicode || !format || (*format != 4 && *format != 12)) continue;
        if (!best || (*format == 12 && best->format == 4)) best = Subtable{cmap + *offset, *format};
    }
    return best;
}

std::uint32_t glyph_in_format4(const FontBytes& font, std::size_t table, char32_t c) {
    if (c > 0xFFFF) return 0;
    const std::uint32_t segments = font.u16(table + 6).value_or(0) / 2;
    const std::size_t ends = table + 14, starts = ends + 2 * segments + 2;
    const std::size_t deltas = starts + 2 * segments, range_offsets = deltas + 2 * segments;
    for (std::size_t i = 0; i < segments; ++i) {
        const auto end = font.u16(ends + 2 * i);
        if (!end || c > *end) continue;
        const auto start = font.u16(starts + 2 * i), delta = font.u16(deltas + 2 * i), range = font.u16(range_offsets + 2 * i);
        if (!start || !delta || !range || c < *start) return 0;
        if (*range == 0) return (c + *delta) & 0xFFFF;
        const auto glyph = font.u16(range_offsets + 2 * i + *range + 2 * (c - *start));
        return glyph && *glyph ? (*glyph + *delta) & 0xFFFF : 0;
    }
    return 0;
}

std::uint32_t glyph_in_format12(const FontBytes& font, std::size_t table, char32_t c) {
    const std::uint32_t groups = font.u32(table + 12).value_or(0);
    for (std::size_t i = 0; i < groups; ++i) {
        const std::size_t group = table + 16 + 12 * i;
        const auto first = font.u32(group), last = font.u32(group + 4), glyph = font.u32(group + 8);
        if (!first || !last || !glyph) return 0;
        if (c >= *first && c <= *last) return *glyph + (c - *first);
    }
    return 0;
}

}  // namespace

std::vector<char32_t> font_code_points(std::span<const unsigned char> bytes, std::span<const char32_t> ranges) {
    std::vector<char32_t> out;
    const FontBytes font(bytes);
    const auto cmap = table_offset(font, "cmap");
    const auto subtable = cmap ? unicode_subtable(font, *cmap) : std::nullopt;
    if (!subtable) return out;
    for (std::size_t r = 0; r + 1 < ranges.size(); r += 2) {
        for (char32_t c = ranges[r]; c <= ranges[r + 1]; ++c) {
            const std::uint32_t glyph = subtable->format == 12 ? glyph_in_format12(font, subtable->offset, c)
                                                               : glyph_in_format4(font, subtable->offset, c);
            if (glyph != 0) out.push_back(c);
        }
    }
    return out;
}

}  // namespace pv::ui
