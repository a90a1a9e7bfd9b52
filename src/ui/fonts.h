// The panel's fonts: Noto Sans regular and bold (subset at set-up time, see
// tools/font-ranges.txt), rasterized at the screen's pixel density so text
// stays crisp on high-DPI displays, plus the glyphs of every other character
// the panel shows, which the browser draws (platform/canvas_glyphs.h) and the
// atlas takes as they are, a few hundred at a time, into room it reserved
// when it was built (nothing already in the atlas moves).
#pragma once

#include "ui/glyph_shelves.h"

#include <imgui.h>

#include <span>
#include <vector>

namespace pv::ui {

struct FontSet {
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;
};

// A glyph drawn elsewhere for a character the font lacks: its advance, its
// box relative to the pen on the baseline (y grows down), its pixels (width *
// height, row by row): coverage bytes, or for a glyph in colours of its own (an
// emoji) RGBA, premultiplied by alpha. Sizes are device pixels.
struct DrawnGlyph {
    ImWchar code = 0;
    float advance = 0;
    int x = 0, y = 0, width = 0, height = 0;
    bool colour = false;
    const unsigned char* pixels = nullptr;
};

// Glyphs in colour do not go into the atlas, which holds coverage only, but
// into a texture of their own, RGBA, kColourSide pixels square; their texture
// coordinates are those in it plus kColourU in u, which tells the renderer's
// shader which texture to sample.
constexpr int kColourSide = 1024;
constexpr float kColourU = 2.0f;

// The em, in device pixels, that build_fonts rasterizes `size` CSS pixels at.
float font_em_pixels(float size, float pixel_ratio);

// The code points the Latin fonts are asked for (first, last, first, last...):
// what tools/font-ranges.txt keeps in them.
std::span<const char32_t> latin_font_ranges();

struct BuiltFonts {
    FontSet fonts;
    GlyphShelves room;  // the atlas's room for drawn glyphs
};

// Rebuilds `atlas` with both fonts at `size` CSS pixels (the em) times
// `pixel_ratio`, with room for about `room_for_glyphs` drawn glyphs (drawn at
// font_em_pixels; as much as fits in 4096x4096). The font bytes must outlive
// the atlas (they are not copied). Its pixels are then in
// atlas.TexPixelsAlpha8. Returns no regular font if that data is not a usable
// font (a bold that is not is replaced by the regular).
BuiltFonts build_fonts(ImFontAtlas& atlas, std::span<const unsigned char> regular, std::span<const unsigned char> bold,
                       float size, float pixel_ratio, int room_for_glyphs = 0);

// A drawn glyph's place in the atlas (in the colour texture if it is in
// colour): its pixels go at x, y.
struct PlacedGlyph {
    const DrawnGlyph* glyph = nullptr;
    int x = 0, y = 0;
};

// Gives `font` the drawn glyphs, in the atlas's `room` (those in colour in
// `colour_room`, of the colour texture), and says in `placed` where each
// one's pixels go (the caller writes them: into the atlas's pixels before
// they are uploaded, or into the textures). Returns how many fitted: those
// after the first that did not are left out. A glyph in colour that does not
// fit stays missing (more than a thousand distinct emoji at a large size).
std::size_t add_drawn_glyphs(ImFontAtlas& atlas, ImFont* font, std::span<const DrawnGlyph> glyphs, GlyphShelves& room,
                             GlyphShelves& colour_room, std::vector<PlacedGlyph>& placed);

// Copies placed glyphs' coverage into the atlas's pixels (before they are
// uploaded); those in colour are left to the caller.
void copy_into_atlas(ImFontAtlas& atlas, std::span<const PlacedGlyph> placed);

}  // namespace pv::ui
