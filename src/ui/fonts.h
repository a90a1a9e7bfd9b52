// The panel's fonts: Noto Sans regular and bold (subset at set-up time, see
// tools/font-ranges.txt), rasterized at the screen's pixel density so text
// stays crisp on high-DPI displays.
#pragma once

#include <imgui.h>

#include <span>

namespace pv::ui {

struct FontSet {
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;
};

// Rebuilds `atlas` with both fonts at `size` CSS pixels (the em) times
// `pixel_ratio`. The font bytes must outlive the atlas (they are not copied).
// Returns empty fonts if the data is not a usable font.
FontSet build_fonts(ImFontAtlas& atlas, std::span<const unsigned char> regular, std::span<const unsigned char> bold,
                    float size, float pixel_ratio);

}  // namespace pv::ui
