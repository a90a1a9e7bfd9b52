// The characters the panel needs in one weight that have no glyph yet: the
// Latin fonts lack them (known from their character map) and the browser has
// not drawn them at the current size. Their number is kept as the sets change, so that asking
// every frame whether any are missing costs nothing; only listing them walks
// the sets (65,536 bits).
#pragma once

#include "ui/glyph_needs.h"

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace pv::ui {

class MissingGlyphs {
public:
    // What the panel will draw. Returns whether that adds characters the
    // fonts lack (before their coverage is known: any new characters).
    bool need_text(std::string_view text) { return wanted(wanted_.add_text(text)); }
    bool need(const CodePointSet& codes) { return wanted(wanted_.add_all(codes)); }
    // Everything needed, the fonts' characters among them once their coverage is known.
    const CodePointSet& needed() const { return wanted_; }
    // What the Latin fonts have. Until it is known nothing counts as missing.
    void set_font_coverage(std::span<const char32_t> covered);
    bool coverage_known() const { return coverage_known_; }
    // The browser drew glyphs for `codes`; they are no longer missing (even
    // those it could not draw: asking again would not help).
    void drawn(std::span<const char32_t> codes);
    // The browser's glyphs are forgotten (a new size): what they were for is missing again.
    void forget_drawn();

    std::size_t count() const { return beyond_fonts_ - drawn_count_; }
    // Every missing character, in code point order.
    std::vector<char32_t> list() const;
    // The characters wanted that the fonts lack, drawn or not: how many, and which.
    std::size_t beyond_fonts() const { return beyond_fonts_; }
    std::vector<char32_t> list_beyond_fonts() const;

private:
    bool wanted(std::size_t added);
    bool missing(char32_t c) const;

    // What the panel draws and, once their coverage is known, what the fonts
    // have: a character new to it is one the fonts lack.
    CodePointSet wanted_;
    CodePointSet covered_;            // what the fonts have
    CodePointSet drawn_;              // what the browser drew at the current size
    bool coverage_known_ = false;
    std::size_t beyond_fonts_ = 0;    // characters wanted that the fonts lack
    std::size_t drawn_count_ = 0;     // of those, the ones drawn
};

}  // namespace pv::ui
