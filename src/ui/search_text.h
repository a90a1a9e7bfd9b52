// The search box's text as it reads. ImGui's InputText edits the query in
// logical order and draws it left to right, which leaves Arabic and Hebrew
// backwards and unjoined. When the query (with an input method's pre-edit)
// needs reordering (core/text/bidi.h), the panel draws the box with its text,
// caret and selection invisible, and these draw them over it in display order,
// as rows are drawn: a right-to-left query aligned right, the pre-edit
// underlined, the selection behind its letters, the caret where the logical
// cursor is; a click is mapped back to the logical offset it points at.
#pragma once

#include <imgui.h>

#include <string_view>

namespace pv::ui {

// ImGui's editing state of the box, in bytes of the query.
struct QueryEdit {
    bool active = false;
    int cursor = 0, selection_start = 0, selection_end = 0;
};

// Whether the box's text must be drawn by draw_query_in_display_order.
bool query_needs_display_order(std::string_view query, std::string_view preedit);

// Draws `query`, with `preedit` at the cursor, in the box from box_min to box_max.
void draw_query_in_display_order(ImVec2 box_min, ImVec2 box_max, std::string_view query, std::string_view preedit,
                                 const QueryEdit& edit);

// The byte offset in `query` that a click at `x` points at, as the query is drawn above.
int query_offset_at(float x, ImVec2 box_min, ImVec2 box_max, std::string_view query);

}  // namespace pv::ui
