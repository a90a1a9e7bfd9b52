#include "core/text/prebase_vowels.h"

#include <algorithm>

namespace pv::text {

namespace {

// Each Indic block lays out its letters alike: consonants at offsets
// 0x15..0x39, the nukta at 0x3C, the virama at 0x4D.
unsigned offset_in_block(char32_t c) { return static_cast<unsigned>(c & 0x7F); }
bool is_consonant(char32_t c) { return is_indic(c) && offset_in_block(c) >= 0x15 && offset_in_block(c) <= 0x39; }
bool is_nukta(char32_t c) { return is_indic(c) && offset_in_block(c) == 0x3C; }
bool is_virama(char32_t c) { return is_indic(c) && offset_in_block(c) == 0x4D; }

bool is_prebase_vowel(char32_t c) {
    switch (c) {
        case 0x093F: case 0x094E:                  // Devanagari
        case 0x09BF: case 0x09C7: case 0x09C8:     // Bengali
        case 0x0A3F:                               // Gurmukhi
        case 0x0ABF:                               // Gujarati
        case 0x0B47:                               // Oriya
        case 0x0BC6: case 0x0BC7: case 0x0BC8:     // Tamil
        case 0x0D46: case 0x0D47: case 0x0D48:     // Malayalam
            return true;
        default: return false;
    }
}

}  // namespace

void move_prebase_vowels(CodePoints& text) {
    auto& cps = text.text;
    for (std::size_t i = 1; i < cps.size(); ++i) {
        if (!is_prebase_vowel(cps[i])) continue;
        // Back over the cluster: [consonant nukta? virama]* consonant nukta?
        std::size_t start = i;
        if (start > 0 && is_nukta(cps[start - 1])) --start;
        if (start == 0 || !is_consonant(cps[start - 1])) continue;  // no consonant: the sign stays
        --start;
        while (start >= 2 && is_virama(cps[start - 1]) &&
               (is_consonant(cps[start - 2]) || (start >= 3 && is_nukta(cps[start - 2]) && is_consonant(cps[start - 3])))) {
            start -= is_nukta(cps[start - 2]) ? 3 : 2;
        }
        std::rotate(cps.begin() + static_cast<std::ptrdiff_t>(start), cps.begin() + static_cast<std::ptrdiff_t>(i),
                    cps.begin() + static_cast<std::ptrdiff_t>(i) + 1);
        std::rotate(text.source.begin() + static_cast<std::ptrdiff_t>(start), text.source.begin() + static_cast<std::ptrdiff_t>(i),
                    text.source.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    }
}

}  // namespace pv::text
