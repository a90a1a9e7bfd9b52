#include "ui/panel.h"

#include "core/present/display.h"
#include "core/text/text.h"

#include <imgui_internal.h>  // ClearActiveID: to take the search box out of editing on Esc and Down

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace pv::ui {

namespace {

// Below this width (a phone) the filters fold into a popup and a folded row
// gives its title two lines, where a wide panel cuts it after one.
constexpr float kNarrowWidth = 500.0f;

const char* sort_label(SortOrder s) {
    switch (s) {
        case SortOrder::rank: return "Rank";
        case SortOrder::year: return "Newest";
        case SortOrder::title: return "Title";
        default: return "Relevance";
    }
}

// Black or white, whichever reads better on `background`.
ImU32 readable_on(ImU32 background) {
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(background);
    const float luminance = 0.2126f * c.x + 0.7152f * c.y + 0.0722f * c.z;
    return luminance > 0.5f ? IM_COL32(17, 24, 39, 255) : IM_COL32_WHITE;
}

const Facet* facet(const SearchResult& r, FacetField field) {
    for (const Facet& f : r.facets)
        if (f.field == field) return &f;
    return nullptr;
}

const std::vector<FacetValue> kNoFacetValues;

}  // namespace

std::optional<ImVec4> Panel::row_bounds(std::string_view id) const {
    if (!model_.showing_list()) return std::nullopt;
    return list_.row_bounds(model_, id);
}

bool Panel::takes_wheel(ImVec2 mouse, float wheel_lines) const {
    if (ImGui::GetCurrentContext() && ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return true;
    return model_.showing_list() && list_.takes_wheel(mouse, wheel_lines);
}

void Panel::draw(ImVec2 size) {
    const std::uint64_t view_version = model_.view_version();
    wants_frame_ = false;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(size);
    constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                       ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("pubview", nullptr, flags);
    narrow_ = size.x < kNarrowWidth;
    bool list_drawn = false;
    if (model_.loading()) draw_loading();
    else if (!model_.error().empty()) draw_error();
    else if (model_.showing_list()) {
        draw_header(ImGui::GetContentRegionAvail().x);
        draw_status();
        if (model_.results().hits.empty()) draw_empty();
        else {
            list_.draw(model_, theme_, fonts_, narrow_);
            list_drawn = true;
            if (list_.take_focus_search()) focus_search_ = true;
        }
    }
    ImGui::End();
    // The focus lands frames later, and a change made in this frame shows in the next.
    wants_frame_ = wants_frame_ || moving_focus() || model_.view_version() != view_version ||
                   (list_drawn && list_.wants_another_frame());
}

void Panel::draw_loading() {
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize()));
    ImGui::TextUnformatted("Loading publications and jobs\xE2\x80\xA6");
    char overlay[64];
    const std::optional<WorkProgress>& work = model_.work();
    const char* stage = work && work->stage == WorkStage::indexing ? "Indexing" : "Reading";
    if (work && work->stage == WorkStage::receiving && work->total > 0) {
        std::snprintf(overlay, sizeof overlay, "Reading %zu KB of %zu KB", work->done >> 10, work->total >> 10);
        ImGui::ProgressBar(static_cast<float>(work->done) / static_cast<float>(work->total), ImVec2(-1, 0), overlay);
    } else if (work && work->total > 0) {
        std::snprintf(overlay, sizeof overlay, "%s %s of %s", stage, count_text(work->done).c_str(), count_text(work->total).c_str());
        ImGui::ProgressBar(static_cast<float>(work->done) / static_cast<float>(work->total), ImVec2(-1, 0), overlay);
    } else if (work) {
        // The total is not known yet: ImGui 1.86 has no moving bar, so the count says it.
        std::snprintf(overlay, sizeof overlay, "%s items read", count_text(work->done).c_str());
        ImGui::ProgressBar(0.0f, ImVec2(-1, 0), overlay);
    } else if (model_.bytes_total() > 0) {
        std::snprintf(overlay, sizeof overlay, "%zu KB of %zu KB", model_.bytes_received() >> 10, model_.bytes_total() >> 10);
        ImGui::ProgressBar(static_cast<float>(model_.bytes_received()) / static_cast<float>(model_.bytes_total()), ImVec2(-1, 0), overlay);
    } else {
        std::snprintf(overlay, sizeof overlay, "%zu KB", model_.bytes_received() >> 10);
        ImGui::ProgressBar(0.0f, ImVec2(-1, 0), overlay);
    }
}

void Panel::draw_error() {
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 0.5f));
    ImGui::PushFont(fonts_.bold);
    ImGui::PushStyleColor(ImGuiCol_Text, theme_.error);
    ImGui::TextUnformatted("This list could not be loaded");
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(model_.error().c_str());
    ImGui::PopTextWrapPos();
    if (ImGui::Button("Try again")) model_.retry();
    if (model_.loaded()) draw_problems();
}

void Panel::draw_header(float width) {
    const bool editing = ImGui::GetIO().WantTextInput;
    // Keys that act on the search box must be seen before the box itself.
    if (editing && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        ImGui::ClearActiveID();
        model_.set_query("");
    } else if (editing && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)) && !model_.results().hits.empty()) {
        ImGui::ClearActiveID();
        model_.select(0);
        list_.scroll_to_selected();
    }
    take_typed_text(editing);
    draw_search_box(width);
    draw_kind_switch();
    ImGui::SameLine();
    draw_filters();
}

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
    ImGui::SetNextItemWidth(width - help_width - ImGui::GetStyle().ItemSpacing.x);
    if (focus_search_) {
        ImGui::SetKeyboardFocusHere();
        focus_search_ = false;
        focus_requested_frame_ = ImGui::GetFrameCount();
    }
    if (ImGui::InputTextWithHint("##search", model_.search_hint().c_str(), query_buffer_, sizeof query_buffer_))
        model_.set_query(query_buffer_);
    const ImVec2 box_min = ImGui::GetItemRectMin(), box_max = ImGui::GetItemRectMax();
    search_box_ = ImVec4(box_min.x, box_min.y, box_max.x - box_min.x, box_max.y - box_min.y);
    ImGui::SameLine();
    ImGui::Button("?", ImVec2(help_width, 0));
    if (ImGui::IsItemHovered() || ImGui::IsItemActive()) {
        ImGui::BeginTooltip();
        ImGui::PushFont(fonts_.bold);
        ImGui::TextUnformatted("Search tips");
        ImGui::PopFont();
        ImGui::TextUnformatted(
            "words          every word must match; the last one may be unfinished\n"
            "\"exact phrase\"  words next to each other\n"
            "-word          leave out entries with this word\n"
            "kind:job  kind:publication\n"
            "year:2022  year:2020..2022\n"
            "venue:kdd  author:\"doug terry\"  tag:ml\n"
            "location:seattle  team:alexa\n"
            "Press / to search, Esc to clear, \xE2\x86\x91 \xE2\x86\x93 to move, Enter to open.");
        ImGui::EndTooltip();
    }
}

void Panel::draw_kind_switch() {
    struct Choice { const char* label; std::optional<Kind> kind; };
    const Choice choices[] = {{"All", std::nullopt}, {"Publications", Kind::publication}, {"Jobs", Kind::job}};
    const KindCounts kinds = model_.kind_counts();
    const std::uint32_t counts[] = {kinds.all, kinds.publications, kinds.jobs};
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(2, ImGui::GetStyle().ItemSpacing.y));
    for (int i = 0; i < 3; ++i) {
        if (i) ImGui::SameLine();
        const bool active = model_.view().kind == choices[i].kind;
        if (active) {
            ImGui::PushStyleColor(ImGuiCol_Button, theme_.accent);
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme_.accent);
            ImGui::PushStyleColor(ImGuiCol_Text, readable_on(theme_.accent));
        }
        char label[48];
        std::snprintf(label, sizeof label, "%s %s##kind%d", choices[i].label, count_text(counts[i]).c_str(), i);
        if (ImGui::Button(label)) model_.set_kind(choices[i].kind);
        if (active) ImGui::PopStyleColor(3);
    }
    ImGui::PopStyleVar();
}

void Panel::draw_filters() {
    struct FacetChoice { FacetField field; const char* label; };
    static constexpr FacetChoice kFilters[] = {
        {FacetField::year, "Year"},     {FacetField::venue, "Venue"}, {FacetField::city, "Location"},
        {FacetField::team, "Team"},     {FacetField::author, "Author"}, {FacetField::tag, "Tag"},
    };
    const FacetSelection& filters = model_.view().filters;
    auto draw_all = [&](bool stacked) {
        bool first = true;
        for (const FacetChoice& c : kFilters) {
            // A facet with a value picked stays, so that its filter can be undone.
            if (!(model_.offered_facets() & facet_bit(c.field)) && filters[c.field].empty()) continue;
            if (!first && !stacked) ImGui::SameLine();
            first = false;
            draw_facet_combo(c.field, c.label);
        }
        if (!stacked) ImGui::SameLine();
        draw_sort_combo();
        if (!filters.empty()) {
            if (!stacked) ImGui::SameLine();
            if (ImGui::SmallButton("Clear filters")) model_.clear_filters();
        }
    };
    if (!narrow_) {
        // Wrap the combos onto the next line rather than overflowing the panel.
        ImGui::PushTextWrapPos(0);
        draw_all(false);
        ImGui::PopTextWrapPos();
        return;
    }
    std::size_t picked = 0;
    for (const auto& values : filters.values) picked += values.size();
    char label[40];
    std::snprintf(label, sizeof label, picked ? "Filters (%zu)###filters" : "Filters###filters", picked);
    if (ImGui::Button(label)) ImGui::OpenPopup("filters-popup");
    if (ImGui::BeginPopup("filters-popup")) {
        draw_all(true);
        ImGui::EndPopup();
    }
}

void Panel::draw_facet_combo(FacetField field, const char* label) {
    const auto& picked = model_.view().filters[field];
    char preview[96];
    if (picked.empty()) std::snprintf(preview, sizeof preview, "%s", label);
    else if (picked.size() == 1) std::snprintf(preview, sizeof preview, "%s: %.40s", label, picked[0].c_str());
    else std::snprintf(preview, sizeof preview, "%s: %zu", label, picked.size());

    const float width = ImGui::CalcTextSize(preview).x + ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SetNextItemWidth(width);
    char id[32];
    std::snprintf(id, sizeof id, "##facet%d", static_cast<int>(field));
    ImGui::PushID(id);
    if (ImGui::BeginCombo("", preview, ImGuiComboFlags_HeightLarge)) {
        const Facet* f = facet(model_.facet_counts(), field);
        if (!f || f->values.empty()) ImGui::TextDisabled("None among these results");
        for (const FacetValue& v : f ? f->values : kNoFacetValues) {
            bool on = v.selected;
            const std::string count = count_text(v.count);
            if (ImGui::Checkbox(v.value.c_str(), &on)) model_.set_filter(field, v.value, on);
            ImGui::SameLine();
            ImGui::TextDisabled("%s", count.c_str());
        }
        ImGui::EndCombo();
    }
    ImGui::PopID();
}

void Panel::draw_sort_combo() {
    char preview[48];
    std::snprintf(preview, sizeof preview, "Sort: %s", sort_label(model_.view().sort));
    ImGui::SetNextItemWidth(ImGui::CalcTextSize(preview).x + ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2);
    if (ImGui::BeginCombo("##sort", preview)) {
        for (SortOrder s : {SortOrder::relevance, SortOrder::rank, SortOrder::year, SortOrder::title})
            if (ImGui::Selectable(sort_label(s), model_.view().sort == s)) model_.set_sort(s);
        ImGui::EndCombo();
    }
}

void Panel::draw_status() {
    const SearchResult& results = model_.results();
    ImGui::PushStyleColor(ImGuiCol_Text, theme_.text_dim);
    const std::string status = results.fallback ? "No exact match \xE2\x80\x94 showing " + plural(results.total, "close one", "close ones")
                                                : plural(results.total, "result", "results");
    ImGui::TextUnformatted(status.c_str());
    for (const std::string& hint : results.hints) {
        if (results.fallback && hint.find("no exact match") != std::string::npos) continue;
        ImGui::SameLine();
        ImGui::TextUnformatted(("\xC2\xB7 " + hint).c_str());
    }
    ImGui::PopStyleColor();
    if (!model_.loaded()->problems.empty()) {
        ImGui::SameLine();
        draw_problems();
    }
}

void Panel::draw_problems() {
    const std::vector<Problem>& problems = model_.loaded()->problems;
    char label[64];
    std::snprintf(label, sizeof label, "%s %s in this bundle###problems", show_problems_ ? "Hide" : "Show",
                  plural(problems.size(), "problem", "problems").c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, theme_.error);
    if (ImGui::SmallButton(label)) {
        show_problems_ = !show_problems_;
        wants_frame_ = true;
    }
    ImGui::PopStyleColor();
    if (!show_problems_) return;
    const float height = std::min(ImGui::GetFontSize() * 1.4f * static_cast<float>(problems.size()) + 12, 160.0f);
    ImGui::BeginChild("##problems", ImVec2(0, height), true);
    for (const Problem& p : problems) ImGui::TextUnformatted(format_problem("bundle", p).c_str());
    ImGui::EndChild();
}

void Panel::draw_empty() {
    const ViewState& view = model_.view();
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize()));
    ImGui::PushFont(fonts_.bold);
    if (view.query.empty()) ImGui::TextUnformatted("Nothing matches these filters.");
    else ImGui::Text("No results for \xE2\x80\x9C%s\xE2\x80\x9D.", view.query.c_str());
    ImGui::PopFont();
    if (!view.query.empty() && ImGui::Button("Clear search")) model_.set_query("");
    if (!view.filters.empty() || view.kind) {
        if (!view.query.empty()) ImGui::SameLine();
        if (ImGui::Button("Show everything")) model_.show_everything();
    }
}

}  // namespace pv::ui
