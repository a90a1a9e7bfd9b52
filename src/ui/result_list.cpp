#include "ui/result_list.h"

#include "ui/entry_view.h"
#include "ui/rich_text.h"

#include <imgui_internal.h>  // GetCurrentWindow: the list's rectangle, for wheel routing

#include <algorithm>
#include <cmath>

namespace pv::ui {

using namespace row_metrics;

// A folded row is one title line, one meta line and one snippet line; on a
// narrow panel its title may take a second line, counted once per width. Only
// open rows need measuring: their height is measured when drawn and kept for
// the current width.
void ResultList::rebuild_row_tops(ViewModel& model, const FontSet& fonts) {
    const float fs = ImGui::GetFontSize();
    const TextStyle title{fonts.bold, fs * kTitleScale}, small{fonts.regular, fs * kSmallScale};
    title_line_height_ = line_height(title);
    collapsed_height_ = 2 * kPadY + title_line_height_ + 2 * line_height(small) + 1;  // +1: the separator
    const std::vector<Hit>& hits = model.results().hits;
    row_tops_.resize(hits.size() + 1);
    float y = 0;
    for (std::size_t i = 0; i < hits.size(); ++i) {
        const std::uint32_t entry = hits[i].entry;
        row_tops_[i] = y;
        y += collapsed_height(model, fonts, entry);
        if (model.is_open(entry)) {
            auto measured = open_height_.find(entry);
            y += measured != open_height_.end() ? measured->second : fs * 12;  // estimate until drawn
        }
    }
    row_tops_.back() = y;
    row_tops_dirty_ = false;
}

std::vector<std::uint32_t> ResultList::entries_on_screen() const {
    std::vector<std::uint32_t> entries;
    for (const DrawnRow& row : drawn_rows_) entries.push_back(row.entry);
    return entries;
}

int ResultList::title_lines(ViewModel& model, const FontSet& fonts, std::uint32_t entry) {
    if (!narrow_) return 1;
    const std::size_t entries = model.loaded()->bundle.entries.size();
    if (title_lines_of_.size() != entries) title_lines_of_.assign(entries, 0);
    std::uint8_t& lines = title_lines_of_[entry];
    if (lines == 0) {
        const TextStyle title{fonts.bold, ImGui::GetFontSize() * kTitleScale};
        const float height = wrapped_height(model.entry(entry).title, width_ - 2 * kPadX, title);
        lines = height > 1.5f * title_line_height_ ? 2 : 1;
    }
    return lines;
}

float ResultList::collapsed_height(ViewModel& model, const FontSet& fonts, std::uint32_t entry) {
    return collapsed_height_ + static_cast<float>(title_lines(model, fonts, entry) - 1) * title_line_height_;
}

// What changed since the last frame decides what must be laid out again.
void ResultList::layout(ViewModel& model, const FontSet& fonts, float width, bool narrow) {
    if (width != width_ || narrow != narrow_ || model.loaded() != bundle_) {
        bundle_ = model.loaded();
        width_ = width;
        narrow_ = narrow;
        open_height_.clear();
        title_lines_of_.clear();
        row_tops_dirty_ = true;
    }
    if (model.results_version() != results_version_) {
        results_version_ = model.results_version();
        ImGui::SetScrollY(0);  // a new result starts at its top
    }
    if (model.view_version() != view_version_) {
        view_version_ = model.view_version();
        row_tops_dirty_ = true;
    }
    if (row_tops_dirty_) rebuild_row_tops(model, fonts);
}

void ResultList::draw(ViewModel& model, const Theme& theme, const FontSet& fonts, bool narrow) {
    wants_frame_ = false;
    drawn_rows_.clear();
    ImGui::Separator();
    ImGui::BeginChild("##results", ImVec2(0, 0), false, ImGuiWindowFlags_NoNavInputs);
    const float width = ImGui::GetContentRegionAvail().x;
    handle_keys(model);
    layout(model, fonts, width, narrow);

    const std::vector<Hit>& hits = model.results().hits;
    if (const std::optional<std::uint32_t> reveal = model.take_reveal()) {
        const auto at = std::find_if(hits.begin(), hits.end(), [&](const Hit& h) { return h.entry == *reveal; });
        if (at != hits.end()) {
            ImGui::SetScrollY(row_tops_[at - hits.begin()]);
            wants_frame_ = true;
        }
    }
    if (scroll_to_selected_ && model.selected() >= 0) scroll_to_row(model.selected());
    scroll_to_selected_ = false;

    const float scroll = ImGui::GetScrollY();
    const float view_bottom = scroll + ImGui::GetWindowHeight();
    const int n = static_cast<int>(hits.size());
    int first = static_cast<int>(std::upper_bound(row_tops_.begin(), row_tops_.end() - 1, scroll) - row_tops_.begin()) - 1;
    first = std::max(first, 0);
    for (int row = first; row < n && row_tops_[row] < view_bottom; ++row) {
        const std::uint32_t entry = hits[row].entry;
        ImGui::SetCursorPosY(row_tops_[row]);
        const ImVec2 top = ImGui::GetCursorScreenPos();
        const bool selected = row == model.selected();
        const float folded = collapsed_height(model, fonts, entry);
        const EntryRowOutcome drawn = draw_entry_row(model, entry, width, title_lines(model, fonts, entry), selected,
                                                     selected && activate_focused_action_, {theme, fonts, folded});
        if (drawn.header_clicked) {
            model.select(row);
            model.set_open(entry, !model.is_open(entry));
        }
        if (model.is_open(entry)) {
            const float extra = drawn.bottom + 1 - top.y - folded;  // over a folded row
            float& measured = open_height_[entry];
            if (std::abs(extra - measured) > 0.5f) {
                measured = extra;
                row_tops_dirty_ = true;
                wants_frame_ = true;
            }
        }
        // Only the part inside the list is on screen.
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float visible_top = std::max(top.y, dl->GetClipRectMin().y);
        const float visible_bottom = std::min(drawn.bottom, dl->GetClipRectMax().y);
        if (visible_bottom > visible_top) drawn_rows_.push_back({entry, ImVec4(top.x, visible_top, width, visible_bottom - visible_top)});
    }
    activate_focused_action_ = false;
    // A bundle searched elsewhere is asked for a screen and a half of rows,
    // and for more once the last is within half a screen.
    model.set_rows_in_view(static_cast<std::size_t>(std::ceil(ImGui::GetWindowHeight() / collapsed_height_)));
    if (row_tops_.back() - view_bottom < ImGui::GetWindowHeight() / 2) model.want_more_rows();
    ImGui::SetCursorPosY(row_tops_.back());
    ImGui::Dummy(ImVec2(0, 0));

    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    min_ = window->Rect().Min;
    max_ = window->Rect().Max;
    scroll_ = ImGui::GetScrollY();
    scroll_max_ = ImGui::GetScrollMaxY();
    ImGui::EndChild();
}

void ResultList::handle_keys(ViewModel& model) {
    const std::vector<Hit>& hits = model.results().hits;
    if (ImGui::GetIO().WantTextInput || hits.empty()) return;
    const int selected = model.selected();
    const int last = static_cast<int>(hits.size()) - 1;
    const float page = std::max(1.0f, ImGui::GetWindowHeight() / (ImGui::GetFontSize() * 4.5f));
    auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key)); };
    int target = selected;
    if (pressed(ImGuiKey_DownArrow)) target = selected + 1;
    else if (pressed(ImGuiKey_UpArrow)) {
        if (selected <= 0) {
            focus_search_ = true;
            model.select(-1);
            return;
        }
        target = selected - 1;
    } else if (pressed(ImGuiKey_PageDown)) target = selected + static_cast<int>(page);
    else if (pressed(ImGuiKey_PageUp)) target = selected - static_cast<int>(page);
    else if (pressed(ImGuiKey_Home)) target = 0;
    else if (pressed(ImGuiKey_End)) target = last;
    else if (selected >= 0 && (pressed(ImGuiKey_LeftArrow) || pressed(ImGuiKey_RightArrow))) {
        // Left and Right walk through the open row's links and buttons.
        const std::uint32_t entry = hits[selected].entry;
        const int actions = model.is_open(entry) ? static_cast<int>(model.row_actions(model.entry(entry)).size()) : 0;
        if (actions > 0) {
            const int step = pressed(ImGuiKey_RightArrow) ? 1 : -1;
            model.focus_action(std::clamp(model.focused_action() + step, -1, actions - 1));
            wants_frame_ = true;
        }
    } else if (pressed(ImGuiKey_Enter) && selected >= 0 && model.focused_action() >= 0) {
        activate_focused_action_ = true;
    } else if ((pressed(ImGuiKey_Enter) || pressed(ImGuiKey_Space)) && selected >= 0) {
        const std::uint32_t entry = hits[selected].entry;
        model.set_open(entry, !model.is_open(entry));
        model.focus_action(-1);
    }
    target = std::clamp(target, selected < 0 ? -1 : 0, last);
    if (target != selected) {
        model.select(target);
        scroll_to_selected_ = true;
    }
}

void ResultList::scroll_to_row(int row) {
    const float top = row_tops_[row], bottom = row_tops_[row + 1];
    const float view = ImGui::GetWindowHeight();
    const float scroll = ImGui::GetScrollY();
    if (top < scroll) ImGui::SetScrollY(top);
    else if (bottom > scroll + view) ImGui::SetScrollY(std::min(top, bottom - view));
    wants_frame_ = true;
}

std::optional<ImVec4> ResultList::row_bounds(const ViewModel& model, std::string_view id) const {
    // The rows drawn last are of the results then: asked before the next
    // frame lays out new ones (another bundle, an answer), they are not read.
    if (!model.loaded() || model.results_version() != results_version_) return std::nullopt;
    for (const DrawnRow& row : drawn_rows_)
        if (row.entry < model.loaded()->bundle.entries.size() && model.entry(row.entry).id == id) return row.bounds;
    return std::nullopt;
}

bool ResultList::takes_wheel(ImVec2 mouse, float wheel_lines) const {
    const bool over_list = mouse.x >= min_.x && mouse.x < max_.x && mouse.y >= min_.y && mouse.y < max_.y;
    if (!over_list) return false;
    return wheel_lines > 0 ? scroll_ > 0.5f : scroll_ < scroll_max_ - 0.5f;
}

}  // namespace pv::ui
