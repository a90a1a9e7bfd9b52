#include "ui/font_coverage.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

using pv::ui::font_code_points;

namespace {

std::vector<unsigned char> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void put16(std::vector<unsigned char>& out, std::uint32_t v) {
    out.push_back(static_cast<unsigned char>(v >> 8));
    out.push_back(static_cast<unsigned char>(v));
}
void put32(std::vector<unsigned char>& out, std::uint32_t v) {
    put16(out, v >> 16);
    put16(out, v & 0xFFFF);
}

// A font of one table, a cmap with one format 12 subtable mapping first..last.
std::vector<unsigned char> format12_font(char32_t first, char32_t last) {
    std::vector<unsigned char> f;
    put32(f, 0x00010000);
    put16(f, 1);
    put16(f, 16);
    put16(f, 0);
    put16(f, 0);
    f.insert(f.end(), {'c', 'm', 'a', 'p'});
    put32(f, 0);
    put32(f, 28);  // the cmap follows the one table record
    put32(f, 40);
    put16(f, 0);  // cmap version
    put16(f, 1);
    put16(f, 3);
    put16(f, 10);
    put32(f, 12);  // the subtable, from the cmap's start
    put16(f, 12);
    put16(f, 0);
    put32(f, 28);
    put32(f, 0);
    put32(f, 1);
    put32(f, first);
    put32(f, last);
    put32(f, 5);
    return f;
}

constexpr char32_t kLatinRanges[] = {0x20, 0x7E, 0xA0, 0xFF, 0x2010, 0x2027, 0x20AC, 0x20AC, 0x4E2D, 0x4E2D};

}  // namespace

TEST_SUITE("font coverage") {

TEST_CASE("the panel's regular font covers Basic Latin, Latin-1 and the euro, and not Chinese") {
    const auto font = read_file(std::string(PUBVIEW_SOURCE_DIR) + "/third_party/fonts/pubview-regular.ttf");
    REQUIRE(font.size() > 1000);
    const std::vector<char32_t> covered = font_code_points(font, kLatinRanges);
    auto has = [&](char32_t c) { return std::binary_search(covered.begin(), covered.end(), c); };
    CHECK(std::is_sorted(covered.begin(), covered.end()));
    for (char32_t c = 0x20; c <= 0x7E; ++c) CHECK(has(c));
    for (char32_t c = 0xA0; c <= 0xFF; ++c) CHECK(has(c));
    CHECK(has(U'€'));
    CHECK(has(U'–'));
    CHECK_FALSE(has(U'中'));
}

TEST_CASE("a format 12 character map is read beyond the Basic Multilingual Plane, within the ranges asked for") {
    const auto font = format12_font(0x1F600, 0x1F602);
    constexpr char32_t ranges[] = {0x41, 0x41, 0x1F601, 0x1F610};
    CHECK(font_code_points(font, ranges) == std::vector<char32_t>{0x1F601, 0x1F602});
}

TEST_CASE("bytes that are not a font, or a font cut short, cover nothing and are read safely") {
    CHECK(font_code_points(std::vector<unsigned char>{}, kLatinRanges).empty());
    CHECK(font_code_points(std::vector<unsigned char>(100, 0xFF), kLatinRanges).empty());
    const auto font = format12_font(0x20, 0x7E);
    for (std::size_t cut = 0; cut < font.size(); ++cut)
        CHECK(font_code_points(std::span(font.data(), cut), kLatinRanges).empty());
    CHECK(font_code_points(font, kLatinRanges).size() == 0x7E - 0x20 + 1);
}

}
