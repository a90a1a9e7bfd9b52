// The panel's fonts: Noto Sans regular and bold (subset at set-up time, see
// tools/font-ranges.txt), rasterized at the screen's pixel density so text
// stays crisp on high-DPI displays, plus the glyphs of every other character
// the panel shows, which the browser draws (platform/canvas_glyphs.h) and the
// atlas takes as they are.
#pragma once

#include <imgui.h>

#include <span>

namespace pv::ui {

struct FontSet {
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;
};

// A glyph drawn elsewhere for a character the font lacks: its advance, its
// box relative to the pen on the baseline (y grows down), its coverage bytes
// (width * height, row by row). Sizes are device pixels.
struct DrawnGlyph {
    ImWchar code = 0;
    float advance = 0;
    int x = 0, y = 0, width = 0, height = 0;
    const unsigned char* alpha = nullptr;
};
struct DrawnGlyphs {
    std::span<const DrawnGlyph> regular, bold;
};

// The em, in device pixels, that build_fonts rasterizes `size` CSS pixels at.
float font_em_pixels(float size, float pixel_ratio);

// Rebuilds `atlas` with both fonts at `size` CSS pixels (the em) times
// `pixel_ratio`, and `drawn` added to each (drawn at font_em_pixels). The
// font bytes must outlive the atlas (they are not copied). Its pixels are
// then in atlas.TexPixelsAlpha8. Returns no regular font if that data is not
// a usable font (a bold that is not is replaced by the regular).
FontSet build_fonts(ImFontAtlas& atlas, std::span<const unsigned char> regular, std::span<const unsigned char> bold,
                    float size, float pixel_ratio, DrawnGlyphs drawn = {});

}  // namespace pv::ui
