// One row of the result list, drawn with ImGui: the title, the summary line and
// a snippet while folded; when open, the authors, the body (paragraphs, list
// items and headings as core's body_blocks reads them), related content and the
// row's actions. The result list places rows and decides which to draw.
#pragma once

#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/view_model.h"

#include <imgui.h>

#include <cstdint>

namespace pv::ui {

// The sizes a row is laid out with, which the list needs to know too.
namespace row_metrics {
constexpr float kPadX = 12.0f;
constexpr float kPadY = 9.0f;
constexpr float kSmallScale = 0.9f;  // meta and snippet lines
constexpr float kTitleScale = 1.07f;
}  // namespace row_metrics

struct EntryRowStyle {
    const Theme& theme;
    FontSet fonts;
    float collapsed_height;  // of the row folded, at the title lines given
};

struct EntryRowOutcome {
    bool header_clicked = false;
    float bottom = 0;  // screen y where the row ends (its separator is below)
};

// Draws the row of `entry` with its top left at the cursor, `width` wide.
// `title_lines`: lines a folded title may use; `selected`: the keyboard is on
// this row (its focused action gets a ring); `activate`: run the focused action.
EntryRowOutcome draw_entry_row(ViewModel& model, std::uint32_t entry, float width, int title_lines, bool selected,
                               bool activate, const EntryRowStyle& style);

}  // namespace pv::ui
