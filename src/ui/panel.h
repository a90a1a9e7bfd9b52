// The pubview panel, drawn with Dear ImGui: the frame around the results (the
// search box, the kind switch, facet filters, the sort order, the status line,
// and the loading and error views) and the result list inside it. What it
// shows and what clicks and keys change is the ViewModel's (ui/view_model.h),
// which knows nothing of ImGui; this class keeps only what is about drawing:
// the theme and fonts, the search box's focus, and where things were drawn.
#pragma once

#include "ui/fonts.h"
#include "ui/result_list.h"
#include "ui/search_text.h"
#include "ui/theme.h"
#include "ui/view_model.h"

#include <imgui.h>

#include <optional>
#include <string_view>
#include <vector>

namespace pv::ui {

// The phrases the panel draws bold (headings of its error, of an empty result
// and of the search tips; an open row's related-content label), so their
// characters are needed in bold too; "no results for" holds the query.
// Keep in step with every PushFont(fonts_.bold) and fonts.bold style.
inline constexpr Phrase kPhrasesInBold[] = {Phrase::could_not_load, Phrase::nothing_matches_filters, Phrase::no_results_for,
                                            Phrase::search_tips, Phrase::related_content};

class Panel {
public:
    explicit Panel(ViewHost& host) : model_(host) {}

    ViewModel& model() { return model_; }
    const ViewModel& model() const { return model_; }

    void set_theme(const Theme& theme) { theme_ = theme; }
    const Theme& theme() const { return theme_; }
    // New fonts, or glyphs added to them: text is measured again.
    void set_fonts(const FontSet& fonts) {
        fonts_ = fonts;
        list_.measure_again();
    }

    // Gives the search box the keyboard in the next frame.
    void focus_search() { focus_search_ = true; }
    // The text an input method is composing, shown underlined in the search box.
    void set_preedit(std::string text) { preedit_ = std::move(text); }
    const std::string& preedit() const { return preedit_; }
    // True while typed text waits for the search box to take focus (a frame
    // or two): keys pressed after that text must wait too, or they would act
    // before it lands. Only while the search box is drawn: no key waits on a
    // box that is not there.
    bool moving_focus() const {
        return model_.showing_list() && (focus_search_ || !typed_before_focus_.empty());
    }
    // True when the last frame changed what the next frame must show or lay
    // out (a row measured anew, a scroll asked for, the view changed): draw once more.
    bool wants_another_frame() const { return wants_frame_; }

    bool has_rows_on_screen() const { return model_.showing_list() && list_.has_rows_on_screen(); }
    std::vector<std::uint32_t> entries_on_screen() const { return model_.showing_list() ? list_.entries_on_screen() : std::vector<std::uint32_t>{}; }
    // Where the row of entry `id` was drawn in the last frame (x, y, width,
    // height in CSS pixels from the canvas's top left), if it was on screen.
    // The page's hidden DOM mirror and the browser tests use it.
    std::optional<ImVec4> row_bounds(std::string_view id) const;
    // Where the search box was drawn in the last frame (x, y, width, height).
    ImVec4 search_box_bounds() const { return search_box_; }

    // Draws one frame of the panel filling `size` (logical pixels). Call between
    // ImGui::NewFrame() and ImGui::Render().
    void draw(ImVec2 size);

    // Whether a wheel turn of `wheel_lines` (ImGui's sign: positive = up) over
    // the point `mouse` should scroll the panel rather than the page.
    bool takes_wheel(ImVec2 mouse, float wheel_lines) const;

private:
    void draw_loading();
    void draw_error();
    void draw_header(float width);
    void take_typed_text(bool editing);
    void draw_search_box(float width);
    void draw_help(float size);
    float button_width(const char* label) const;
    void next_item(float width, bool first);
    void text_line(std::string_view text);
    void draw_preedit(ImVec2 box_min, ImVec2 box_max);
    void follow_search_edit();
    void draw_kind_switch();
    void draw_filters();
    void draw_facet_combo(FacetField field, const char* label, bool in_row);
    void draw_sort_combo(bool in_row);
    void draw_closed_switch(bool stacked);
    void draw_status();
    void draw_problems();
    void draw_empty();

    ViewModel model_;
    ResultList list_;
    Theme theme_;
    FontSet fonts_;
    bool wants_frame_ = false;
    bool narrow_ = false;  // the panel is phone-narrow (kNarrowWidth in panel.cpp)
    bool show_problems_ = false;
    float flow_x_ = -1;  // right-to-left: where the next item of the row ends (window x); -1 before the first

    // The search box: ImGui's InputText keeps its own copy of the text while
    // it is being edited, so a query changed from outside (the page, a deep
    // link, "Clear search") takes the box out of editing and gives it back.
    char query_buffer_[512] = {};
    QueryEdit query_edit_;  // ImGui's cursor and selection in it, while it is edited
    int click_offset_ = -1;  // a click on a query drawn in display order, as a logical offset
    bool focus_search_ = false;
    std::vector<ImWchar> typed_before_focus_;  // typed while the search box was taking focus
    // ImGui activates the box two frames after SetKeyboardFocusHere (the nav
    // request is scored in one frame and applied in the next); a request
    // not answered by then was dropped, and is made again a few times.
    static constexpr int kFocusFrames = 2;
    static constexpr int kFocusRetries = 3;
    int focus_requested_frame_ = 0;
    int focus_retries_ = 0;
    ImVec4 search_box_{};
    std::string preedit_;
};

}  // namespace pv::ui
