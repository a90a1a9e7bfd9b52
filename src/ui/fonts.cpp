#include "ui/fonts.h"

namespace pv::ui {

namespace {

// Must match tools/font-ranges.txt, which decides what the subset font holds.
constexpr ImWchar kGlyphRanges[] = {
    0x0020, 0x007E, 0x00A0, 0x017F, 0x0218, 0x021B, 0x0300, 0x036F, 0x2010, 0x205E, 0x20AC, 0x20AC, 0x2122, 0x2122, 0,
};

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

}  // namespace

FontSet build_fonts(ImFontAtlas& atlas, std::span<const unsigned char> regular, std::span<const unsigned char> bold,
                    float size, float pixel_ratio) {
    atlas.Clear();
    // ImGui sizes a font by ascent + descent; CSS by the em. Noto Sans has
    // ascent + descent = 1.362 em, so this makes `size` mean what it does in CSS.
    constexpr float kNotoHeightPerEm = 1.362f;
    const float pixels = size * kNotoHeightPerEm * pixel_ratio;
    FontSet fonts{add_font(atlas, regular, pixels), add_font(atlas, bold, pixels)};
    if (!fonts.regular) fonts.regular = atlas.AddFontDefault();  // keep text visible with a broken font file
    if (!fonts.bold) fonts.bold = fonts.regular;
    if (!atlas.Build()) return {};
    return fonts;
}

}  // namespace pv::ui
