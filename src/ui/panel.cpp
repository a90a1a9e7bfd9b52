#include "ui/panel.h"

#include "core/present/display.h"
#include "core/text/text.h"
#include "ui/rich_text.h"

#include <imgui_internal.h>  // ClearActiveID (Esc and Down take the search box out of editing), the box's cursor

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <utility>

namespace pv::ui {

namespace {

// Below this width (a phone) the filters fold into a popup and a folded row
// gives its title two lines, where a wide panel cuts it after one.
constexpr float kNarrowWidth = 500.0f;

Phrase sort_label(SortOrder s) {
    switch (s) {
        case SortOrder::rank: return Phrase::sort_rank;
        case SortOrder::year: return Phrase::sort_newest;
        case SortOrder::title: return Phrase::sort_title;
        default: return Phrase::sort_relevance;
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
    const Language lang = model_.language();
    auto count = [lang](std::size_t n) { return count_text(n, lang); };
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize()));
    text_line(model_.text(Phrase::loading_bundle));
    const std::optional<WorkProgress>& work = model_.work();
    const Phrase stage = work && work->stage == WorkStage::indexing ? Phrase::indexing_items : Phrase::reading_items;
    float done = 0;
    std::string overlay;
    if (work && work->stage == WorkStage::receiving && work->total > 0) {
        overlay = say(lang, Phrase::reading_kilobytes, {count(work->done >> 10), count(work->total >> 10)});
        done = static_cast<float>(work->done) / static_cast<float>(work->total);
    } else if (work && work->total > 0) {
        overlay = say(lang, stage, {count(work->done), count(work->total)});
        done = static_cast<float>(work->done) / static_cast<float>(work->total);
    } else if (work) {
        // The total is not known yet: ImGui 1.86 has no moving bar, so the count says it.
        overlay = counted(lang, Phrase::items_read, work->done);
    } else if (model_.bytes_total() > 0) {
        overlay = say(lang, Phrase::kilobytes_of, {count(model_.bytes_received() >> 10), count(model_.bytes_total() >> 10)});
        done = static_cast<float>(model_.bytes_received()) / static_cast<float>(model_.bytes_total());
    } else {
        overlay = say(lang, Phrase::kilobytes, {count(model_.bytes_received() >> 10)});
    }
    ImGui::ProgressBar(done, ImVec2(-1, 0), overlay.c_str());
}

void Panel::draw_error() {
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 0.5f));
    ImGui::PushFont(fonts_.bold);
    ImGui::PushStyleColor(ImGuiCol_Text, theme_.error);
    text_line(model_.text(Phrase::could_not_load));
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(shown(model_.error()).c_str());
    ImGui::PopTextWrapPos();
    if (ImGui::Button(shown(model_.text(Phrase::try_again)).c_str())) model_.retry();
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
    draw_filters();  // on the same line
}

void Panel::draw_kind_switch() {
    struct Choice { Phrase label; std::optional<Kind> kind; };
    const Choice choices[] = {{Phrase::kind_all, std::nullopt}, {Phrase::kind_publications, Kind::publication}, {Phrase::kind_jobs, Kind::job}};
    const KindCounts kinds = model_.kind_counts();
    const std::uint32_t counts[] = {kinds.all, kinds.publications, kinds.jobs};
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(2, ImGui::GetStyle().ItemSpacing.y));
    flow_x_ = -1;
    for (int i = 0; i < 3; ++i) {
        const std::string label = shown(std::string(model_.text(choices[i].label)) + ' ' +
                                        count_text(counts[i], model_.language()) + "##kind" + std::to_string(i));
        next_item(button_width(label.c_str()), i == 0);
        const bool active = model_.view().kind == choices[i].kind;
        if (active) {
            ImGui::PushStyleColor(ImGuiCol_Button, theme_.accent);
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme_.accent);
            ImGui::PushStyleColor(ImGuiCol_Text, readable_on(theme_.accent));
        }
        if (ImGui::Button(label.c_str())) model_.set_kind(choices[i].kind);
        if (active) ImGui::PopStyleColor(3);
    }
    ImGui::PopStyleVar();
}

float Panel::button_width(const char* label) const {
    return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

// The header's buttons and menus flow like words: left to right, or in a
// right-to-left interface from the right edge, each left of the one before;
// on a new line when there is no room (longer words than English need it).
void Panel::next_item(float width, bool first) {
    const float left = ImGui::GetWindowContentRegionMin().x, right = ImGui::GetWindowContentRegionMax().x;
    if (!right_to_left(model_.language())) {
        if (first) return;
        ImGui::SameLine();
        if (ImGui::GetCursorPosX() + width > right) ImGui::NewLine();
        return;
    }
    if (!first && flow_x_ >= 0 && flow_x_ - width >= left) ImGui::SameLine();
    else flow_x_ = right;
    ImGui::SetCursorPosX(std::max(flow_x_ - width, left));
    flow_x_ -= width + ImGui::GetStyle().ItemSpacing.x;
}

// A line of text that ends at the right edge in a right-to-left interface.
// Left to right, a line wider than the panel wraps (a hint naming a file
// that could not be had is longer than a phone's width) rather than being cut.
void Panel::text_line(std::string_view text) {
    const std::string line = shown(text);
    if (right_to_left(model_.language())) {
        const float width = ImGui::CalcTextSize(line.c_str()).x;
        ImGui::SetCursorPosX(std::max(ImGui::GetWindowContentRegionMax().x - width, ImGui::GetWindowContentRegionMin().x));
        ImGui::TextUnformatted(line.c_str());
        return;
    }
    ImGui::PushTextWrapPos(0.0f);  // the panel's right edge
    ImGui::TextUnformatted(line.c_str());
    ImGui::PopTextWrapPos();
}

void Panel::draw_filters() {
    struct FacetChoice { FacetField field; Phrase label; };
    static constexpr FacetChoice kFilters[] = {
        {FacetField::type, Phrase::facet_type},     {FacetField::year, Phrase::facet_year},
        {FacetField::venue, Phrase::facet_venue},
        {FacetField::city, Phrase::facet_location}, {FacetField::team, Phrase::facet_team},
        {FacetField::author, Phrase::facet_author}, {FacetField::tag, Phrase::facet_tag},
    };
    const FacetSelection& filters = model_.view().filters;
    auto draw_all = [&](bool stacked) {
        for (const FacetChoice& c : kFilters) {
            // A facet with a value picked stays, so that its filter can be undone.
            if (!(model_.offered_facets() & facet_bit(c.field)) && filters[c.field].empty()) continue;
            draw_facet_combo(c.field, model_.text(c.label).data(), !stacked);
        }
        draw_sort_combo(!stacked);
        if (!filters.empty()) {
            const std::string clear = shown(model_.text(Phrase::clear_filters));
            if (!stacked) next_item(button_width(clear.c_str()), false);
            if (ImGui::SmallButton(clear.c_str())) model_.clear_filters();
        }
        draw_closed_switch(stacked);
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
    const std::string label = shown((picked ? say(model_.language(), Phrase::filters_picked, {count_text(picked, model_.language())})
                                            : std::string(model_.text(Phrase::filters))) + "###filters");
    next_item(button_width(label.c_str()), false);
    if (ImGui::Button(label.c_str())) ImGui::OpenPopup("filters-popup");
    if (ImGui::BeginPopup("filters-popup")) {
        draw_all(true);
        ImGui::EndPopup();
    }
}

// Postings past their valid_through are hidden; a button shows them (and hides them again).
void Panel::draw_closed_switch(bool stacked) {
    if (model_.closed_count() == 0 || model_.view().kind == Kind::publication) return;
    const std::string label = shown(model_.showing_closed() ? std::string(model_.text(Phrase::hide_closed))
                                                            : counted(model_.language(), Phrase::show_closed_counted, model_.closed_count()));
    if (!stacked) next_item(button_width(label.c_str()), false);
    if (ImGui::SmallButton(label.c_str())) model_.set_show_closed(!model_.showing_closed());
}

void Panel::draw_facet_combo(FacetField field, const char* label, bool in_row) {
    const auto& picked = model_.view().filters[field];
    char text[160];
    if (picked.empty()) std::snprintf(text, sizeof text, "%s", label);
    else if (picked.size() == 1) std::snprintf(text, sizeof text, "%s: %.40s", label, picked[0].c_str());
    else std::snprintf(text, sizeof text, "%s: %s", label, count_text(picked.size(), model_.language()).c_str());
    const std::string shown_text = shown(text);
    const char* preview = shown_text.c_str();

    const float width = ImGui::CalcTextSize(preview).x + ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2;
    if (in_row) next_item(width, false);
    ImGui::SetNextItemWidth(width);
    char id[32];
    std::snprintf(id, sizeof id, "##facet%d", static_cast<int>(field));
    ImGui::PushID(id);
    if (ImGui::BeginCombo("", preview, ImGuiComboFlags_HeightLarge)) {
        const Facet* f = facet(model_.facet_counts(), field);
        if (!f || f->values.empty()) ImGui::TextDisabled("%s", shown(model_.text(Phrase::no_facet_values)).c_str());
        for (const FacetValue& v : f ? f->values : kNoFacetValues) {
            bool on = v.selected;
            const std::string count = count_text(v.count, model_.language());
            if (ImGui::Checkbox(shown(v.value).c_str(), &on)) model_.set_filter(field, v.value, on);
            ImGui::SameLine();
            ImGui::TextDisabled("%s", count.c_str());
        }
        ImGui::EndCombo();
    }
    ImGui::PopID();
}

void Panel::draw_sort_combo(bool in_row) {
    const std::string preview = shown(say(model_.language(), Phrase::sort_by, {model_.text(sort_label(model_.view().sort))}));
    const float width = ImGui::CalcTextSize(preview.c_str()).x + ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2;
    if (in_row) next_item(width, false);
    ImGui::SetNextItemWidth(width);
    if (ImGui::BeginCombo("##sort", preview.c_str())) {
        for (SortOrder s : {SortOrder::relevance, SortOrder::rank, SortOrder::year, SortOrder::title})
            if (ImGui::Selectable(shown(model_.text(sort_label(s))).c_str(), model_.view().sort == s)) model_.set_sort(s);
        ImGui::EndCombo();
    }
}

void Panel::draw_status() {
    const SearchResult& results = model_.results();
    ImGui::PushStyleColor(ImGuiCol_Text, theme_.text_dim);
    const Language lang = model_.language();
    const std::string status = results.fallback
                                   ? say(lang, Phrase::no_exact_match, {counted(lang, Phrase::close_ones_counted, results.total)})
                                   : counted(lang, Phrase::results_counted, results.total);
    std::string line = status;
    for (const std::string& hint : results.hints) {
        if (results.fallback && hint.find("no exact match") != std::string::npos) continue;
        line += "  \xC2\xB7 " + hint;
    }
    text_line(line);
    ImGui::PopStyleColor();
    if (!model_.loaded()->problems.empty()) {
        if (!right_to_left(lang)) ImGui::SameLine();  // else on a line of its own, from the right
        draw_problems();
    }
}

void Panel::draw_problems() {
    const std::vector<Problem>& problems = model_.loaded()->problems;
    const Language lang = model_.language();
    const std::string label = shown(say(lang, show_problems_ ? Phrase::hide_problems : Phrase::show_problems,
                                        {counted(lang, Phrase::problems_counted, problems.size())}) + "###problems");
    ImGui::PushStyleColor(ImGuiCol_Text, theme_.error);
    if (right_to_left(lang)) next_item(button_width(label.c_str()), true);
    if (ImGui::SmallButton(label.c_str())) {
        show_problems_ = !show_problems_;
        wants_frame_ = true;
    }
    ImGui::PopStyleColor();
    if (!show_problems_) return;
    const float height = std::min(ImGui::GetFontSize() * 1.4f * static_cast<float>(problems.size()) + 12, 160.0f);
    ImGui::BeginChild("##problems", ImVec2(0, height), true);
    for (const Problem& p : problems) ImGui::TextUnformatted(shown(format_problem("bundle", p)).c_str());
    ImGui::EndChild();
}

void Panel::draw_empty() {
    const ViewState& view = model_.view();
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize()));
    ImGui::PushFont(fonts_.bold);
    if (view.query.empty()) text_line(model_.text(Phrase::nothing_matches_filters));
    else text_line(say(model_.language(), Phrase::no_results_for, {view.query}));
    ImGui::PopFont();
    flow_x_ = -1;
    const std::string clear = shown(model_.text(Phrase::clear_search));
    if (!view.query.empty()) next_item(button_width(clear.c_str()), true);
    if (!view.query.empty() && ImGui::Button(clear.c_str())) model_.set_query("");
    if (!view.filters.empty() || view.kind) {
        const std::string everything = shown(model_.text(Phrase::show_everything));
        next_item(button_width(everything.c_str()), view.query.empty());
        if (ImGui::Button(everything.c_str())) model_.show_everything();
    }
}

}  // namespace pv::ui
