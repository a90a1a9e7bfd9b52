// Glyphs for every character the panel's own fonts lack (Cyrillic, Greek, CJK,
// Arabic, Hebrew, Vietnamese, mathematical symbols...), drawn by the browser
// with the fonts it has, through a 2D canvas (web/pubview/glyphs.js), at the
// size the atlas rasterizes its fonts at, each in the weight it is drawn in. Nothing is
// downloaded for them; docs/DESIGN.md says why this beats fetching font files.
// Many CJK characters are drawn in a worker (glyph-queue.js): they come in later frames.
#pragma once

#include "ui/fonts.h"
#include "ui/glyph_needs.h"

#include <cstdlib>
#include <memory>
#include <span>
#include <vector>

namespace pv::platform {

class CanvasGlyphs {
public:
    // Glyphs are drawn for one em: a new em forgets them all (and gives true).
    bool set_em(float em_pixels);
    // Asks the browser to draw `codes` at the em in `weight` (a character it
    // cannot draw gets no glyph; ui::MissingGlyphs counts it as drawn all the same).
    void ask(const std::vector<char32_t>& codes, ui::Weight weight);
    // Takes the glyphs drawn since; returns whether any came.
    bool receive();
    // Batches asked for and not taken yet.
    bool waiting() const { return waiting_ > 0; }
    // Those whose glyphs came in each weight.
    const ui::GlyphNeeds& received() const { return received_; }
    // Every glyph drawn at the em, in the order taken: a receive() adds at the end.
    std::span<const ui::DrawnGlyph> regular() const { return regular_; }
    std::span<const ui::DrawnGlyph> bold() const { return bold_; }

private:
    void take(const unsigned char* batch);
    float em_ = 0;
    int waiting_ = 0;
    ui::GlyphNeeds received_;
    std::vector<ui::DrawnGlyph> regular_, bold_;
    struct Free {
        void operator()(unsigned char* p) const { std::free(p); }
    };
    std::vector<std::unique_ptr<unsigned char, Free>> batches_;  // the pixels the glyphs point into
};

}  // namespace pv::platform
