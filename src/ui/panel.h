// The pubview panel: a search box, a kind switch, facet filters, a sort order
// and the virtualized list of results, drawn with Dear ImGui. The panel owns
// the loaded bundle and its search index; it draws what core computes and turns
// clicks and keys into core calls. It knows nothing of the browser: whatever
// must leave the panel (opening a link, copying text, telling the page that
// the view changed) goes through PanelHost.
#pragma once

#include "core/bundle.h"
#include "core/search.h"
#include "ui/fonts.h"
#include "ui/theme.h"

#include <imgui.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pv::ui {

// What the panel asks of the page around it.
class PanelHost {
public:
    virtual ~PanelHost() = default;
    virtual void open_url(const std::string& url, const std::string& entry_id) = 0;
    virtual void copy_text(const std::string& text) = 0;
    virtual void copy_link(const std::string& entry_id) = 0;  // a link to this view with the entry open
    virtual void view_changed() = 0;   // query, kind, filters, sort or the open row changed
    virtual void retry() = 0;          // the visitor asked to load the bundle again
};

// Everything a visitor chose, as a deep link stores it.
struct ViewState {
    std::string query;
    std::optional<Kind> kind;
    FacetSelection filters;
    SortOrder sort = SortOrder::relevance;
    std::string open_id;  // the expanded entry a link points at, if any
};

struct VisibleRow {
    const Entry* entry = nullptr;
    bool expanded = false;
};

class Panel {
public:
    explicit Panel(PanelHost& host);
    ~Panel();

    // Data: exactly one of loading, error or a bundle is shown.
    void show_loading(std::size_t bytes_received, std::size_t bytes_total);  // total 0 = unknown
    // Reading and indexing a downloaded bundle, shown as loading goes on.
    void show_work(const WorkProgress& progress);
    void show_error(std::string message);
    // Shows a loaded bundle with its index, or its fatal error if it is unusable.
    void show_bundle(IndexedBundle bundle);

    void set_query(std::string_view text);
    const std::string& query() const { return state_.query; }
    void set_state(const ViewState& state);
    ViewState state() const;
    bool expand(std::string_view id, bool open);
    void focus_search() { focus_search_ = true; }
    // True while typed text waits for the search box to take focus (a frame
    // or two): keys pressed after that text must wait too, or they would act
    // before it lands.
    // Only while the search box is drawn: no key waits on a box that is not there.
    bool moving_focus() const { return showing_list() && (focus_search_ || !typed_before_focus_.empty()); }
    void set_theme(const Theme& theme) { theme_ = theme; }
    void set_fonts(const FontSet& fonts) { fonts_ = fonts; }
    // True when the last frame changed layout that the next frame must settle
    // (a row measured anew, a scroll requested): draw once more.
    bool wants_another_frame() const { return wants_frame_; }
    const Theme& theme() const { return theme_; }

    std::size_t count() const;                // results of the current view
    // What the kind switch offers: the matches of the query and filters in each kind.
    struct KindCounts {
        std::uint32_t all = 0, publications = 0, jobs = 0;
    };
    KindCounts kind_counts() const;
    // The search box's placeholder: "Search 10 publications and 10 jobs".
    const std::string& search_hint() const { return search_hint_; }
    // The matching rows in display order: every one, or the first `limit`.
    std::vector<VisibleRow> visible(std::size_t limit = SIZE_MAX) const;
    const LoadResult* loaded() const { return loaded_.get(); }
    const std::string& error() const { return error_; }
    bool has_rows_on_screen() const { return !drawn_rows_.empty(); }
    // The search box and the list are shown (not loading, not an error).
    bool showing_list() const { return !loading_ && error_.empty() && index_ != nullptr; }

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
    void refresh_results();
    // Every facet's counts for the current view, counted when a filter menu
    // opens rather than at every keystroke (results_ counts only the kinds).
    const SearchResult& facet_counts();
    // The facets the kind switch's entries have values for (facet_bit).
    std::uint32_t offered_facets();
    void mark_view_changed();
    void rebuild_row_tops();
    int row_of_entry(std::uint32_t entry) const;
    // Lines a collapsed row gives the entry's title (two at most, on a narrow panel).
    int title_lines(std::uint32_t entry);
    float collapsed_height(std::uint32_t entry);

    void draw_header(float width);
    void draw_kind_switch();
    void draw_filters(bool narrow);
    void draw_facet_combo(FacetField field, const char* label);
    void draw_sort_combo();
    void draw_status();
    void draw_problems();
    void draw_loading();
    void draw_error();
    void draw_empty();
    void draw_list();
    void draw_row(int row, float width);
    float draw_row_details(const Entry& entry, const EntryHighlights& marks, float width, bool selected);
    const EntryHighlights& marks_of(std::uint32_t entry);
    // The actions of an expanded row: its links, then copy buttons.
    struct RowAction {
        std::string label;
        std::string url;       // opened when set
        std::string copy;      // copied when set
        bool copy_link = false;
    };
    std::vector<RowAction> row_actions(const Entry& entry) const;
    void draw_actions(const Entry& entry, bool row_selected);
    void run_action(const RowAction& action, const Entry& entry);
    void handle_list_keys();
    void toggle_row(int row);
    void scroll_to_row(int row);

    PanelHost& host_;
    Theme theme_;
    FontSet fonts_;
    bool wants_frame_ = false;

    std::unique_ptr<LoadResult> loaded_;
    std::unique_ptr<SearchIndex> index_;
    std::string error_;
    std::string search_hint_;  // "Search 10 publications and 10 jobs"
    bool loading_ = true;
    std::size_t bytes_received_ = 0;
    std::size_t bytes_total_ = 0;
    std::optional<WorkProgress> work_;  // set once the download is in

    ViewState state_;
    char query_buffer_[512] = {};
    SearchResult results_;
    // Highlights are made for the rows drawn, not for every hit of a large result.
    std::unordered_map<std::uint32_t, EntryHighlights> marks_;
    bool results_dirty_ = true;
    SearchResult facet_counts_;
    bool facet_counts_dirty_ = true;
    std::optional<std::uint32_t> offered_facets_[3];  // by kind switch: all, publications, jobs
    std::vector<std::uint32_t> expanded_;           // entry indices, in the order opened
    std::unordered_map<std::uint32_t, float> expanded_height_;  // measured at expanded_width_
    float expanded_width_ = 0;
    std::vector<float> row_tops_;                   // y of each result row in the list; back() = total height
    bool row_tops_dirty_ = true;
    int selected_ = -1;                             // keyboard-selected result row
    int focused_action_ = -1;                       // keyboard-focused action of the selected row
    bool activate_focused_action_ = false;          // Enter pressed on a focused action
    bool scroll_to_selected_ = false;
    bool scroll_to_top_ = false;
    bool narrow_ = false;  // the panel is phone-narrow (kNarrowWidth in panel.cpp)
    float collapsed_height_ = 0;  // of a row whose title takes one line
    float title_line_height_ = 0;
    std::vector<std::uint8_t> title_lines_of_;  // per entry, at expanded_width_: 0 not yet counted
    std::string scroll_to_open_id_;                 // a deep link's row, scrolled to once shown
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
    bool show_problems_ = false;
    struct DrawnRow {
        std::uint32_t entry;
        ImVec4 bounds;  // x, y, width, height
    };
    std::vector<DrawnRow> drawn_rows_;  // rows on screen in the last frame

    // The list's scroll state at the end of the last frame, for wheel routing.
    ImVec2 list_min_{}, list_max_{};
    float list_scroll_ = 0, list_scroll_max_ = 0;
};

}  // namespace pv::ui
