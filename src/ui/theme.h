// Light and dark looks for the panel, with a host-chosen accent color and font size.
#pragma once

#include <imgui.h>

namespace pv::ui {

struct Theme {
    bool dark = false;
    ImU32 accent = IM_COL32(37, 99, 235, 255);  // links, focus, selected chips
    float font_size = 15.0f;                    // logical pixels

    // Colors derived from the above (see apply()).
    ImU32 text = 0, text_dim = 0, background = 0, row_hover = 0, row_selected = 0, mark = 0, border = 0, error = 0;
};

// Fills the derived colors and sets ImGui's style to match.
void apply_theme(Theme& theme, ImGuiStyle& style);

}  // namespace pv::ui
