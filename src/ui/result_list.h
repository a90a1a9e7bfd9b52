// The list of results, drawn with ImGui: only the rows on screen are drawn
// (a folded row's height is known from its font; an open row's is measured
// when drawn and kept for the list's width), the keyboard moves through the
// rows and the open row's actions, and the list scrolls to what was chosen.
#pragma once

#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/view_model.h"

#include <imgui.h>

#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pv::ui {

class ResultList {
public:
    // Draws the list in the rest of the current window. `narrow`: a phone-wide
    // panel, where a folded title may take two lines.
    void draw(ViewModel& model, const Theme& theme, const FontSet& fonts, bool narrow);

    // Where the row of the entry `id` was drawn in the last frame (x, y, width, height).
    std::optional<ImVec4> row_bounds(const ViewModel& model, std::string_view id) const;
    bool has_rows_on_screen() const { return !drawn_rows_.empty(); }
    // The entries of the rows drawn in the last frame.
    std::vector<std::uint32_t> entries_on_screen() const;
    // The fonts' glyphs changed: row heights are measured again.
    void measure_again() {
        open_height_.clear();
        title_lines_of_.clear();
        row_tops_dirty_ = true;
    }
    // Whether a wheel turn of `wheel_lines` (ImGui's sign: positive = up) over
    // `mouse` should scroll the list rather than the page.
    bool takes_wheel(ImVec2 mouse, float wheel_lines) const;
    // True when the last frame changed layout that the next frame must settle.
    bool wants_another_frame() const { return wants_frame_; }
    // Up from the first row: the search box should take the keyboard.
    bool take_focus_search() {
        const bool asked = focus_search_;
        focus_search_ = false;
        return asked;
    }
    // The view changed from outside (Down in the search box selected a row):
    // bring the selected row into view.
    void scroll_to_selected() { scroll_to_selected_ = true; }

private:
    void layout(ViewModel& model, const FontSet& fonts, float width, bool narrow);
    void rebuild_row_tops(ViewModel& model, const FontSet& fonts);
    int title_lines(ViewModel& model, const FontSet& fonts, std::uint32_t entry);
    float collapsed_height(ViewModel& model, const FontSet& fonts, std::uint32_t entry);
    void handle_keys(ViewModel& model);
    void scroll_to_row(int row);

    bool wants_frame_ = false;
    const LoadResult* bundle_ = nullptr;  // what the caches below were measured for
    std::uint64_t results_version_ = ~std::uint64_t{0};  // the model's, when last laid out
    std::uint64_t view_version_ = ~std::uint64_t{0};
    std::vector<float> row_tops_;  // y of each result row in the list; back() = total height
    bool row_tops_dirty_ = true;
    std::unordered_map<std::uint32_t, float> open_height_;  // over a folded row, measured at width_
    std::vector<std::uint8_t> title_lines_of_;  // per entry, at width_: 0 not yet counted
    float width_ = 0;
    bool narrow_ = false;
    float collapsed_height_ = 0;  // of a row whose title takes one line
    float title_line_height_ = 0;
    bool scroll_to_selected_ = false;
    bool activate_focused_action_ = false;  // Enter pressed on a focused action
    bool focus_search_ = false;

    struct DrawnRow {
        std::uint32_t entry;
        ImVec4 bounds;  // x, y, width, height
    };
    std::vector<DrawnRow> drawn_rows_;  // rows on screen in the last frame
    // The list's scroll state at the end of the last frame, for wheel routing.
    ImVec2 min_{}, max_{};
    float scroll_ = 0, scroll_max_ = 0;
};

}  // namespace pv::ui
