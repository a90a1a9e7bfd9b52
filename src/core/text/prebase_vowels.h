// Indic vowel signs written after their consonant but drawn before it (the
// "i" sign of Devanagari, ि, and its kin in Bengali, Gurmukhi, Gujarati,
// Oriya, Tamil and Malayalam). Text drawn glyph by glyph puts them where they
// belong on screen: before the consonant cluster they follow. Conjuncts and
// mark positioning need a shaping engine and are not done.
#pragma once

#include "core/text/arabic_shaping.h"

namespace pv::text {

// Whether `c` is in one of the Indic blocks (U+0900..U+0D7F).
constexpr bool is_indic(char32_t c) { return c >= 0x0900 && c <= 0x0D7F; }

// Moves each pre-base vowel sign of `text` before its consonant cluster
// (consonant, nukta, and consonants joined by a virama), with its offset.
void move_prebase_vowels(CodePoints& text);

}  // namespace pv::text
