// Which characters a TrueType font has a glyph for, read from its character
// map (the `cmap` table) without rasterizing anything: the widget learns what
// the Latin fonts cover before it first builds its atlas, so that the first
// build already has room for every other character the bundle needs.
#pragma once

#include <span>
#include <vector>

namespace pv::ui {

// The code points of `ranges` (pairs of first and last, inclusive) that the
// font maps to a glyph other than .notdef, in order. Empty when the bytes are
// not a font with a Unicode character map of format 4 or 12 (what fontTools
// writes for the subset fonts).
std::vector<char32_t> font_code_points(std::span<const unsigned char> font, std::span<const char32_t> ranges);

}  // namespace pv::ui
