#include "ui/theme.h"

namespace pv::ui {

namespace {

ImVec4 rgba(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

ImU32 mix(ImU32 a, ImU32 b, float t) {
    const ImVec4 x = rgba(a), y = rgba(b);
    return ImGui::ColorConvertFloat4ToU32(ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t, x.z + (y.z - x.z) * t, 1.0f));
}

}  // namespace

void apply_theme(Theme& t, ImGuiStyle& style) {
    if (t.dark) {
        t.background = IM_COL32(24, 26, 31, 255);
        t.text = IM_COL32(230, 232, 236, 255);
        t.text_dim = IM_COL32(160, 166, 178, 255);
        t.mark = IM_COL32(133, 100, 20, 255);
        t.error = IM_COL32(248, 113, 113, 255);
    } else {
        t.background = IM_COL32(255, 255, 255, 255);
        t.text = IM_COL32(28, 30, 36, 255);
        t.text_dim = IM_COL32(92, 99, 112, 255);
        t.mark = IM_COL32(253, 230, 138, 255);
        t.error = IM_COL32(185, 28, 28, 255);
    }
    t.border = mix(t.background, t.text, 0.16f);
    t.row_hover = mix(t.background, t.text, 0.05f);
    t.row_selected = mix(t.background, t.accent, 0.12f);

    style = ImGuiStyle();
    style.WindowPadding = ImVec2(12, 10);
    style.WindowRounding = 0;
    style.WindowBorderSize = 0;
    style.FramePadding = ImVec2(8, 5);
    style.FrameRounding = 6;
    style.FrameBorderSize = 1;
    style.PopupRounding = 6;
    style.PopupBorderSize = 1;
    style.ItemSpacing = ImVec2(8, 6);
    style.ItemInnerSpacing = ImVec2(6, 4);
    style.ScrollbarSize = 12;
    style.ScrollbarRounding = 6;
    style.GrabRounding = 6;
    style.ChildBorderSize = 0;

    ImVec4* c = style.Colors;
    const ImVec4 bg = rgba(t.background), fg = rgba(t.text), accent = rgba(t.accent);
    const ImVec4 frame = rgba(mix(t.background, t.text, t.dark ? 0.10f : 0.04f));
    const ImVec4 frame_hover = rgba(mix(t.background, t.text, t.dark ? 0.16f : 0.08f));
    c[ImGuiCol_Text] = fg;
    c[ImGuiCol_TextDisabled] = rgba(t.text_dim);
    c[ImGuiCol_WindowBg] = bg;
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = rgba(mix(t.background, t.text, t.dark ? 0.06f : 0.0f));
    c[ImGuiCol_Border] = rgba(t.border);
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = frame;
    c[ImGuiCol_FrameBgHovered] = frame_hover;
    c[ImGuiCol_FrameBgActive] = frame_hover;
    c[ImGuiCol_Button] = frame;
    c[ImGuiCol_ButtonHovered] = frame_hover;
    c[ImGuiCol_ButtonActive] = rgba(mix(t.background, t.accent, 0.3f));
    c[ImGuiCol_Header] = rgba(t.row_selected);
    c[ImGuiCol_HeaderHovered] = rgba(t.row_hover);
    c[ImGuiCol_HeaderActive] = rgba(t.row_selected);
    c[ImGuiCol_CheckMark] = accent;
    c[ImGuiCol_SliderGrab] = accent;
    c[ImGuiCol_SliderGrabActive] = accent;
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = rgba(mix(t.background, t.text, 0.25f));
    c[ImGuiCol_ScrollbarGrabHovered] = rgba(mix(t.background, t.text, 0.40f));
    c[ImGuiCol_ScrollbarGrabActive] = rgba(mix(t.background, t.text, 0.50f));
    c[ImGuiCol_Separator] = rgba(t.border);
    c[ImGuiCol_TextSelectedBg] = rgba(mix(t.background, t.accent, 0.35f));
    c[ImGuiCol_NavHighlight] = accent;
    c[ImGuiCol_PlotHistogram] = accent;
}

}  // namespace pv::ui
