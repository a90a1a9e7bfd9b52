// Arabic letters in their joined forms. Each letter takes the form (isolated,
// final, initial or medial) its neighbours call for, written as the Unicode
// presentation-form code point for it (U+FE70..FEFF, U+FB50..FBFF), and lam
// followed by alef becomes the lam-alef ligature. A text drawn glyph by glyph
// (Dear ImGui) then shows joined Arabic without a shaping engine.
#pragma once

#include <cstdint>
#include <vector>

namespace pv::text {

// Code points in logical order, each with the byte offset in the UTF-8 text
// it came from (what search marks point at).
struct CodePoints {
    std::vector<char32_t> text;
    std::vector<std::uint32_t> source;
};

// Replaces the Arabic letters of `text` with their joined forms; a ligature
// keeps the offset of its first letter.
void shape_arabic(CodePoints& text);

}  // namespace pv::text
