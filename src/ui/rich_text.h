// Text drawing that ImGui lacks: wrapped or single-line UTF-8 text with marked
// (highlighted) byte ranges, and an ellipsis where a line is cut.
#pragma once

#include "core/search/search_index.h"

#include <imgui.h>

#include <span>
#include <string>
#include <string_view>

namespace pv::ui {

struct TextStyle {
    ImFont* font = nullptr;
    float size = 0;         // logical pixels
    ImU32 color = 0;
    ImU32 mark = 0;         // background of marked ranges
    bool align_right = false;  // lines end at the right edge (a right-to-left interface)
};

// `marks` are byte ranges into a field; `text` starts at byte `base` of that
// field, so a paragraph of an abstract can be drawn with the abstract's marks.
struct MarkedText {
    std::string_view text;
    std::span<const Highlight> marks;
    std::size_t base = 0;
};

// Draws `t` wrapped at `width` from the cursor, moves the cursor to the line
// below it (same x) and returns the height used.
float draw_wrapped(const MarkedText& t, float width, const TextStyle& style);

// A label for ImGui's own widgets (buttons, menus, hints, lines of text), each
// of its lines in the order it reads on screen (core/text/bidi.h), so Arabic
// and Hebrew labels read right to left and joined, as rows do. An ImGui id
// after "##" is kept as it is. Text that needs no reordering comes back as is.
std::string shown(std::string_view label);

// Height that draw_wrapped would use, without drawing.
float wrapped_height(std::string_view text, float width, const TextStyle& style);

// The height of one line of text in `style`.
float line_height(const TextStyle& style);

// Draws `t` on one line, cut with "…" if wider than `width`; advances the cursor.
void draw_line(const MarkedText& t, float width, const TextStyle& style);

// Draws `t` wrapped on at most `lines` lines, the last cut with "…" if the
// text goes on; advances the cursor past the lines used.
void draw_lines(const MarkedText& t, float width, const TextStyle& style, int lines);

// A window of `text` around `around` (a byte offset) that fits a line of
// roughly `chars` characters, starting at a word boundary, with "…" in front
// when it does not start at the beginning. Returns the byte offset it starts
// at; `prefix_ellipsis` tells whether to draw "…" before it.
std::size_t snippet_start(std::string_view text, std::size_t around, std::size_t chars, bool& prefix_ellipsis);

}  // namespace pv::ui
