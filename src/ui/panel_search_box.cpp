// The panel's search box: the query as typed (keys that reach the list
// first, an input method's pre-edit), its text in display order where it
// needs reordering (ui/search_text.h), and the help for the query language.
#include "ui/panel.h"

#include "core/text/text.h"
#include "ui/rich_text.h"

#include <imgui_internal.h>  // ClearActiveID (Esc and Down take the search box out of editing), the box's cursor

#include <algorithm>
#include <cstring>

namespace pv::ui {

namespace {

// The search box's syntax is the same in every language: the field names are the query's.
constexpr const char* kFieldExamples =
    "kind:job  kind:publication\n"
    "year:2022  year:2020..2022\n"
    "venue:kdd  author:\"doug terry\"  tag:ml\n"
    "location:seattle  team:alexa";

}  // namespace

// Typing while the list has focus goes to the search box ("/" only moves
// there). The box takes focus frames later, so the characters wait.
void Panel::take_typed_text(bool editing) {
    ImGuiIO& io = ImGui::GetIO();
    if (!editing && !io.InputQueueCharacters.empty()) {
        for (ImWchar c : io.InputQueueCharacters)
            if (c != '/' || !typed_before_focus_.empty()) typed_before_focus_.push_back(c);
        io.InputQueueCharacters.resize(0);
        focus_search_ = true;
    } else if (editing && !typed_before_focus_.empty()) {
        ImVector<ImWchar> queue;
        for (ImWchar c : typed_before_focus_) queue.push_back(c);
        for (ImWchar c : io.InputQueueCharacters) queue.push_back(c);
        io.InputQueueCharacters.swap(queue);
        typed_before_focus_.clear();
        focus_retries_ = 0;
    } else if (!editing && !typed_before_focus_.empty() && ImGui::GetFrameCount() - focus_requested_frame_ >= kFocusFrames) {
        // The request was dropped: ImGui 1.86 cancels a focus request when a
        // click in the same frame focuses a window (FocusWindow clears every
        // nav request). Ask again; if the box still will not take focus, the
        // text goes straight into the query rather than waiting for ever
        // (every key after it waits behind it: see moving_focus()).
        if (++focus_retries_ <= kFocusRetries) {
            focus_search_ = true;
        } else {
            std::string query = model_.query();
            for (ImWchar c : typed_before_focus_) text::append_utf8(query, c);
            typed_before_focus_.clear();
            focus_retries_ = 0;
            model_.set_query(query);
        }
    }
}

void Panel::draw_search_box(float width) {
    // A query changed from outside: the box shows it, and keeps the keyboard if it had it.
    if (model_.query() != query_buffer_) {
        const std::string& query = model_.query();
        std::memcpy(query_buffer_, query.data(), query.size());
        query_buffer_[query.size()] = '\0';
        if (ImGui::GetActiveID() == ImGui::GetID("##search")) {
            ImGui::ClearActiveID();
            focus_search_ = true;
        }
    }
    const float help_width = ImGui::GetFrameHeight();
    const bool rtl = right_to_left(model_.language());
    if (rtl) {  // mirrored: the help button left of the box
        draw_help(help_width);
        ImGui::SameLine();
    }
    ImGui::SetNextItemWidth(width - help_width - ImGui::GetStyle().ItemSpacing.x);
    if (focus_search_) {
        ImGui::SetKeyboardFocusHere();
        focus_search_ = false;
        focus_requested_frame_ = ImGui::GetFrameCount();
    }
    // A query that reads right to left (or mixes directions) is drawn here in
    // display order (ui/search_text.h); ImGui draws its text, caret and
    // selection invisibly, and a click on it goes where it points.
    const std::string_view preedit = ImGui::GetIO().WantTextInput ? std::string_view(preedit_) : std::string_view();
    const bool display_order = query_needs_display_order(query_buffer_, preedit);
    const ImVec2 last_min(search_box_.x, search_box_.y), last_max(search_box_.x + search_box_.z, search_box_.y + search_box_.w);
    if (display_order && ImGui::IsMouseClicked(0) && ImGui::IsMouseHoveringRect(last_min, last_max))
        click_offset_ = query_offset_at(ImGui::GetIO().MousePos.x, last_min, last_max, query_buffer_);
    if (display_order)
        for (const ImGuiCol hidden : {ImGuiCol_Text, ImGuiCol_TextDisabled, ImGuiCol_TextSelectedBg})
            ImGui::PushStyleColor(hidden, IM_COL32(0, 0, 0, 0));
    if (ImGui::InputTextWithHint("##search", shown(model_.search_hint()).c_str(), query_buffer_, sizeof query_buffer_))
        model_.set_query(query_buffer_);
    if (display_order) ImGui::PopStyleColor(3);
    follow_search_edit();
    const ImVec2 box_min = ImGui::GetItemRectMin(), box_max = ImGui::GetItemRectMax();
    search_box_ = ImVec4(box_min.x, box_min.y, box_max.x - box_min.x, box_max.y - box_min.y);
    if (display_order) draw_query_in_display_order(box_min, box_max, query_buffer_, preedit, query_edit_);
    else if (!preedit.empty()) draw_preedit(box_min, box_max);
    if (!rtl) {
        ImGui::SameLine();
        draw_help(help_width);
    }
}

// ImGui's editing state of the search box (its cursor and selection, which
// it counts in characters), in bytes; a click mapped to its logical offset
// (draw_search_box) moves the cursor there.
void Panel::follow_search_edit() {
    ImGuiInputTextState* state = ImGui::GetInputTextState(ImGui::GetID("##search"));
    const int click = std::exchange(click_offset_, -1);
    query_edit_ = {};
    if (!state || !ImGui::IsItemActive()) return;
    ImStb::STB_TexteditState& edit = state->Stb;
    if (click >= 0) {
        const char* end = query_buffer_ + std::min<std::size_t>(static_cast<std::size_t>(click), std::strlen(query_buffer_));
        edit.cursor = edit.select_start = edit.select_end = ImTextCountCharsFromUtf8(query_buffer_, end);
    }
    const ImWchar* text = state->TextW.Data;
    auto bytes = [&](int chars) { return ImTextCountUtf8BytesFromStr(text, text + std::clamp(chars, 0, state->CurLenW)); };
    query_edit_ = {true, bytes(edit.cursor), bytes(edit.select_start), bytes(edit.select_end)};
}

void Panel::draw_help(float size) {
    ImGui::Button("?", ImVec2(size, 0));
    if (ImGui::IsItemHovered() || ImGui::IsItemActive()) {
        ImGui::BeginTooltip();
        ImGui::PushFont(fonts_.bold);
        ImGui::TextUnformatted(shown(model_.text(Phrase::search_tips)).c_str());
        ImGui::PopFont();
        ImGui::TextUnformatted(shown(model_.text(Phrase::search_tips_text)).c_str());
        ImGui::TextUnformatted(kFieldExamples);
        ImGui::TextUnformatted(shown(model_.text(Phrase::search_keys)).c_str());
        ImGui::EndTooltip();
    }
}

// What an input method composes shows after the query, underlined, as a
// text field shows it, until it is committed into the query.
void Panel::draw_preedit(ImVec2 box_min, ImVec2 box_max) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float text_x = box_min.x + style.FramePadding.x + ImGui::CalcTextSize(query_buffer_).x;
    const ImVec2 at(std::min(text_x, box_max.x - style.FramePadding.x), box_min.y + style.FramePadding.y);
    const ImVec2 size = ImGui::CalcTextSize(preedit_.c_str());
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(box_min, box_max, true);
    dl->AddRectFilled(at, ImVec2(at.x + size.x + 2, at.y + size.y), ImGui::GetColorU32(ImGuiCol_FrameBg));  // over the hint
    dl->AddText(at, ImGui::GetColorU32(ImGuiCol_Text), preedit_.c_str());
    dl->AddLine(ImVec2(at.x, at.y + size.y), ImVec2(at.x + size.x, at.y + size.y), ImGui::GetColorU32(ImGuiCol_Text));
    dl->PopClipRect();
}

}  // namespace pv::ui
