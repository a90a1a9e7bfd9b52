#include "ui/fonts.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <iterator>
#include <vector>

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
constexpr int kMaxAtlasSide = 4096;

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

// Room for `glyphs` drawn glyphs at an em of `em` pixels, shelves' waste
// included: a glyph's box is at most about an em wide and 1.15 em high, with
// the canvas's padding and the atlas's border.
double room_area(int glyphs, float em) { return glyphs * (em + 6.0) * (em * 1.15 + 6.0) * 1.1; }

// ImGui picks the atlas's width from its fonts' glyphs alone and packs custom
// rectangles into it, growing it downwards: with room for thousands of drawn
// glyphs it would grow far taller than wide. This width keeps it about square.
int atlas_width(double area) {
    int width = 512;
    while (width < kMaxAtlasSide && double(width) * width < area * 1.5) width *= 2;
    return width;
}

}  // namespace

float font_em_pixels(float size, float pixel_ratio) { return size * pixel_ratio; }

std::span<const char32_t> latin_font_ranges() {
    // kGlyphRanges without the 0 that ends ImGui's list.
    static const std::vector<char32_t> ranges(std::begin(kGlyphRanges), std::end(kGlyphRanges) - 1);
    return ranges;
}

BuiltFonts build_fonts(ImFontAtlas& atlas, std::span<const unsigned char> regular, std::span<const unsigned char> bold,
                       float size, float pixel_ratio, int room_for_glyphs) {
    const float em = font_em_pixels(size, pixel_ratio);
    const double area = room_for_glyphs > 0 ? room_area(room_for_glyphs, em) : 0;
    const int width = area > 0 ? atlas_width(area) : 0;  // 0: ImGui's own choice
    // The room spans the atlas's width (less ImGui's padding); if the atlas
    // would pass 4096 pixels high, the room shrinks until it does not.
    int room_height = width > 0 ? static_cast<int>(area / (width - 2)) + static_cast<int>(em * 2) : 0;
    room_height = std::min(room_height, kMaxAtlasSide - 64);
    for (;;) {
        atlas.Clear();
        atlas.TexDesiredWidth = width;
        // A large room makes the texture as high as it is filled, not the next
        // power of two (WebGL2 takes any size); a small atlas stays as ImGui lays it out.
        if (width == kMaxAtlasSide) atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
        else atlas.Flags &= ~ImFontAtlasFlags_NoPowerOfTwoHeight;
        const float pixels = em * kNotoHeightPerEm;
        FontSet fonts{add_font(atlas, regular, pixels), add_font(atlas, bold, pixels)};
        if (!fonts.regular) return {};
        if (!fonts.bold) fonts.bold = fonts.regular;
        const int room_id = room_height > 0 ? atlas.AddCustomRectRegular(width - 2, room_height) : -1;
        // ImFontAtlas::Build() would add ImGui's own font (ProggyClean) to an atlas
        // without fonts: calling the builder it would call keeps that font's 9.5 KB
        // (gzipped) out of the wasm. An atlas here always has a font.
        if (!ImFontAtlasGetBuilderForStbTruetype()->FontBuilder_Build(&atlas)) return {};
        if (atlas.TexHeight > kMaxAtlasSide && room_height > 0) {
            room_height = std::max(0, room_height - (atlas.TexHeight - kMaxAtlasSide) - 8);
            continue;
        }
        if (room_id < 0) return {fonts, {}};
        const ImFontAtlasCustomRect* room = atlas.GetCustomRectByIndex(room_id);
        return {fonts, GlyphShelves(room->X, room->Y, room->Width, room->Height)};
    }
}

std::size_t add_drawn_glyphs(ImFontAtlas& atlas, ImFont* font, std::span<const DrawnGlyph> glyphs, GlyphShelves& room,
                             GlyphShelves& colour_room, std::vector<PlacedGlyph>& placed) {
    // ImGui's lookup table ends with a tab glyph it makes from the space; it
    // is made again below, after the new glyphs.
    if (!font->Glyphs.empty() && font->Glyphs.back().Codepoint == '\t') font->Glyphs.pop_back();
    // Placed below the font's ascent, as the font's own glyphs are (ImGui
    // measures a glyph's box from the line's top).
    const float ascent = std::round(font->Ascent);
    const ImVec2 uv = atlas.TexUvScale;
    constexpr float kColourUv = 1.0f / kColourSide;
    std::size_t fitted = 0;
    for (const DrawnGlyph& g : glyphs) {
        // A border of empty pixels keeps the texture filtering of a glyph drawn smaller
        // than its size from reaching its neighbours'. A glyph without ink (a space, a
        // joiner) still needs its advance: it is only border.
        const int w = g.width + 2 * kBorder, h = g.height + 2 * kBorder;
        const std::optional<AtlasSpot> spot = (g.colour ? colour_room : room).place(w, h);
        if (!spot && g.colour) {  // the colour texture is full: more room in the atlas would not help
            ++fitted;
            continue;
        }
        if (!spot) break;
        const float x0 = float(g.x - kBorder), y0 = float(g.y - kBorder) + ascent;
        // A glyph in colour: its place in the colour texture, offset in u.
        const ImVec2 scale = g.colour ? ImVec2(kColourUv, kColourUv) : uv;
        const float u = g.colour ? kColourU : 0.0f;
        font->AddGlyph(nullptr, g.code, x0, y0, x0 + float(w), y0 + float(h), u + float(spot->x) * scale.x,
                       float(spot->y) * scale.y, u + float(spot->x + w) * scale.x, float(spot->y + h) * scale.y, g.advance);
        font->Glyphs.back().Colored = g.colour ? 1 : 0;  // drawn untinted, in the text's alpha
        placed.push_back({&g, spot->x + kBorder, spot->y + kBorder});
        ++fitted;
    }
    font->BuildLookupTable();
    return fitted;
}

void copy_into_atlas(ImFontAtlas& atlas, std::span<const PlacedGlyph> placed) {
    unsigned char* pixels = atlas.TexPixelsAlpha8;
    const int width = atlas.TexWidth;
    for (const PlacedGlyph& p : placed)
        for (int row = 0; row < p.glyph->height && !p.glyph->colour; ++row)
            std::memcpy(pixels + (p.y + row) * width + p.x, p.glyph->pixels + row * p.glyph->width,
                        static_cast<std::size_t>(p.glyph->width));
}

}  // namespace pv::ui
