#include "ui/fonts.h"

#include <imgui_internal.h>

#include <cmath>
#include <cstring>

namespace pv::ui {

namespace {

// Must match tools/font-ranges.txt, which decides what the subset font holds.
constexpr ImWchar kGlyphRanges[] = {
    0x0020, 0x007E, 0x00A0, 0x00FF, 0x2010, 0x2027, 0x2030, 0x203A, 0x20AC, 0x20AC, 0x2122, 0x2122, 0x2190, 0x2193, 0,
};

// ImGui sizes a font by ascent + descent; CSS by the em. Noto Sans has
// ascent + descent = 1.362 em, so this makes `size` mean what it does in CSS.
constexpr float kNotoHeightPerEm = 1.362f;

constexpr int kBorder = 1;  // empty pixels around each drawn glyph in the atlas

ImFont* add_font(ImFontAtlas& atlas, std::span<const unsigned char> data, float pixels) {
    if (data.size() < 12) return nullptr;
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;
    config.OversampleH = 2;
    config.OversampleV = 1;
    config.PixelSnapH = false;
    // ImGui takes a non-const pointer but does not write through it when it does not own the data.
    return atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(data.data()), static_cast<int>(data.size()), pixels,
                                      &config, kGlyphRanges);
}

// Reserves a rectangle of the atlas for each drawn glyph; returns their ids.
ImVector<int> reserve(ImFontAtlas& atlas, ImFont* font, std::span<const DrawnGlyph> glyphs) {
    ImVector<int> ids;
    for (const DrawnGlyph& g : glyphs) {
        // The pen sits on the baseline here; fill() moves the glyph down by the font's ascent.
        // ImGui packs custom rectangles edge to edge: a border of empty pixels keeps the
        // texture filtering of a glyph drawn smaller than its size from reaching its neighbours'.
        // A glyph without ink (a space, a joiner) still needs its advance: it is only border.
        ids.push_back(atlas.AddCustomRectFontGlyph(font, g.code, g.width + 2 * kBorder, g.height + 2 * kBorder, g.advance,
                                                   ImVec2(float(g.x - kBorder), float(g.y - kBorder))));
    }
    return ids;
}

// Copies the glyphs' coverage into their rectangles, and places them below the
// font's ascent as the font's own glyphs are (ImGui offsets custom glyphs from
// the line's top, and knows the ascent only once the atlas is built).
void fill(ImFontAtlas& atlas, ImFont* font, std::span<const DrawnGlyph> glyphs, const ImVector<int>& ids) {
    unsigned char* pixels = atlas.TexPixelsAlpha8;
    const int width = atlas.TexWidth;
    const float ascent = std::round(font->Ascent);
    for (std::size_t i = 0; i < glyphs.size(); ++i) {
        const DrawnGlyph& g = glyphs[i];
        const ImFontAtlasCustomRect* rect = atlas.GetCustomRectByIndex(ids[static_cast<int>(i)]);
        for (int row = 0; row < g.height; ++row)
            std::memcpy(pixels + (rect->Y + kBorder + row) * width + rect->X + kBorder, g.alpha + row * g.width, static_cast<std::size_t>(g.width));
        // The font's lookup table is built: its glyph for the code is this one.
        if (auto* glyph = const_cast<ImFontGlyph*>(font->FindGlyphNoFallback(g.code))) {
            glyph->Y0 += ascent;
            glyph->Y1 += ascent;
        }
    }
}

// ImGui picks the atlas's width from its fonts' glyphs alone and packs custom
// rectangles into it, growing it downwards: with thousands of drawn glyphs it
// would grow far taller than wide. This width keeps it about square.
// Returns 0 (ImGui's own choice) without drawn glyphs.
int atlas_width(DrawnGlyphs drawn) {
    double area = 0;
    for (auto glyphs : {drawn.regular, drawn.bold})
        for (const DrawnGlyph& g : glyphs) area += double(g.width + 2 * kBorder) * double(g.height + 2 * kBorder);
    if (area == 0) return 0;  // ImGui's own choice
    int width = 512;
    while (width < 4096 && double(width) * width < area * 1.5) width *= 2;
    return width;
}

}  // namespace

float font_em_pixels(float size, float pixel_ratio) { return size * pixel_ratio; }

FontSet build_fonts(ImFontAtlas& atlas, std::span<const unsigned char> regular, std::span<const unsigned char> bold,
                    float size, float pixel_ratio, DrawnGlyphs drawn) {
    atlas.Clear();
    atlas.TexDesiredWidth = atlas_width(drawn);
    const float pixels = font_em_pixels(size, pixel_ratio) * kNotoHeightPerEm;
    FontSet fonts{add_font(atlas, regular, pixels), add_font(atlas, bold, pixels)};
    if (!fonts.regular) return {};
    const bool bold_of_its_own = fonts.bold != nullptr;
    if (!fonts.bold) fonts.bold = fonts.regular;
    const ImVector<int> regular_ids = reserve(atlas, fonts.regular, drawn.regular);
    const ImVector<int> bold_ids = bold_of_its_own ? reserve(atlas, fonts.bold, drawn.bold) : ImVector<int>();
    // ImFontAtlas::Build() would add ImGui's own font (ProggyClean) to an atlas
    // without fonts: calling the builder it would call keeps that font's 9.5 KB
    // (gzipped) out of the wasm. An atlas here always has a font.
    if (!ImFontAtlasGetBuilderForStbTruetype()->FontBuilder_Build(&atlas)) return {};
    fill(atlas, fonts.regular, drawn.regular, regular_ids);
    if (bold_of_its_own) fill(atlas, fonts.bold, drawn.bold, bold_ids);
    return fonts;
}

}  // namespace pv::ui
