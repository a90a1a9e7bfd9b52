#include "ui/panel.h"

#include "core/citation.h"
#include "core/display.h"
#include "core/text.h"
#include "ui/rich_text.h"

#include <imgui_internal.h>  // ClearActiveID: to take the search box out of editing on Esc and Down

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace pv::ui {

namespace {

constexpr float kRowPadX = 12.0f;
constexpr float kRowPadY = 9.0f;
constexpr float kSmallScale = 0.9f;      // meta and snippet lines
constexpr float kTitleScale = 1.07f;
// Below this width (a phone) the filters fold into a popup and a collapsed
// row gives its title two lines, where a wide panel cuts it after one.
constexpr float kNarrowWidth = 500.0f;
constexpr std::size_t kSnippetChars = 110;

const char* sort_label(SortOrder s) {
    switch (s) {
        case SortOrder::rank: return "Rank";
        case SortOrder::year: return "Newest";
        case SortOrder::title: return "Title";
        default: return "Relevance";
    }
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return count_text(n) + ' ' + (n == 1 ? one : many);
}

// Black or white, whichever reads better on `background`.
ImU32 readable_on(ImU32 background) {
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(background);
    const float luminance = 0.2126f * c.x + 0.7152f * c.y + 0.0722f * c.z;
    return luminance > 0.5f ? IM_COL32(17, 24, 39, 255) : IM_COL32_WHITE;
}

const FacetValue* facet_value(const SearchResult& r, FacetField field, std::string_view value) {
    for (const Facet& f : r.facets)
        if (f.field == field)
            for (const FacetValue& v : f.values)
                if (v.value == value) return &v;
    return nullptr;
}

const std::vector<FacetValue> kNoFacetValues;

const Facet* facet(const SearchResult& r, FacetField field) {
    for (const Facet& f : r.facets)
        if (f.field == field) return &f;
    return nullptr;
}

}  // namespace

Panel::Panel(PanelHost& host) : host_(host) {}
Panel::~Panel() = default;

// ---- data ----------------------------------------------------------------------

void Panel::show_loading(std::size_t bytes_received, std::size_t bytes_total) {
    loading_ = true;
    bytes_received_ = bytes_received;
    bytes_total_ = bytes_total;
    work_.reset();
}

void Panel::show_work(const WorkProgress& progress) {
    loading_ = true;
    work_ = progress;
}

void Panel::show_error(std::string message) {
    loading_ = false;
    error_ = std::move(message);
    index_.reset();
    loaded_.reset();
}

void Panel::show_bundle(IndexedBundle bundle) {
    loading_ = false;
    work_.reset();
    error_.clear();
    index_ = std::move(bundle.index);
    loaded_ = std::move(bundle.loaded);
    if (!loaded_->usable) {
        const Problem* fatal = loaded_->fatal();
        error_ = fatal ? fatal->message : "the bundle could not be read";
        return;
    }
    search_hint_ = "Search " + plural(loaded_->bundle.count(Kind::publication), "publication", "publications") + " and " +
                   plural(loaded_->bundle.count(Kind::job), "job", "jobs");
    expanded_.clear();
    expanded_height_.clear();
    title_lines_of_.clear();
    for (auto& offered : offered_facets_) offered.reset();
    selected_ = -1;
    results_dirty_ = true;
}

// ---- view state ----------------------------------------------------------------

void Panel::set_query(std::string_view text) {
    text = text.substr(0, sizeof(query_buffer_) - 1);
    if (text == state_.query) return;
    state_.query.assign(text);
    std::memcpy(query_buffer_, text.data(), text.size());
    query_buffer_[text.size()] = '\0';
    selected_ = -1;
    scroll_to_top_ = true;
    // An active InputText keeps its own copy of the text: take it out of editing
    // so that it shows the new query, and give focus back next frame.
    if (ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput) {
        ImGui::ClearActiveID();
        focus_search_ = true;
    }
    results_dirty_ = true;
    mark_view_changed();
}

void Panel::set_state(const ViewState& state) {
    set_query(state.query);
    state_.kind = state.kind;
    state_.filters = state.filters;
    state_.sort = state.sort;
    results_dirty_ = true;
    if (!state.open_id.empty() && expand(state.open_id, true)) scroll_to_open_id_ = state.open_id;
    mark_view_changed();
}

ViewState Panel::state() const {
    ViewState s = state_;
    if (loaded_ && !expanded_.empty()) s.open_id = loaded_->bundle.entries[expanded_.back()].id;
    return s;
}

bool Panel::expand(std::string_view id, bool open) {
    if (!loaded_) return false;
    const auto& entries = loaded_->bundle.entries;
    auto it = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.id == id; });
    if (it == entries.end()) return false;
    const auto entry = static_cast<std::uint32_t>(it - entries.begin());
    auto pos = std::find(expanded_.begin(), expanded_.end(), entry);
    const bool is_open = pos != expanded_.end();
    if (open == is_open) return true;
    if (open) expanded_.push_back(entry);
    else expanded_.erase(pos);
    row_tops_dirty_ = true;
    mark_view_changed();
    return true;
}

void Panel::mark_view_changed() {
    wants_frame_ = true;
    host_.view_changed();
}

std::optional<ImVec4> Panel::row_bounds(std::string_view id) const {
    if (!loaded_) return std::nullopt;
    for (const DrawnRow& row : drawn_rows_)
        if (loaded_->bundle.entries[row.entry].id == id) return row.bounds;
    return std::nullopt;
}

std::size_t Panel::count() const {
    const_cast<Panel*>(this)->refresh_results();
    return index_ ? results_.total : 0;
}

Panel::KindCounts Panel::kind_counts() const {
    const_cast<Panel*>(this)->refresh_results();
    const FacetValue* pubs = facet_value(results_, FacetField::kind, "publication");
    const FacetValue* jobs = facet_value(results_, FacetField::kind, "job");
    KindCounts counts;
    counts.publications = pubs ? pubs->count : 0;
    counts.jobs = jobs ? jobs->count : 0;
    counts.all = counts.publications + counts.jobs;
    return counts;
}

std::vector<VisibleRow> Panel::visible(std::size_t limit) const {
    const_cast<Panel*>(this)->refresh_results();
    std::vector<VisibleRow> rows;
    if (!index_) return rows;
    rows.reserve(std::min(limit, results_.hits.size()));
    for (const Hit& hit : results_.hits) {
        if (rows.size() == limit) break;
        const bool open = std::find(expanded_.begin(), expanded_.end(), hit.entry) != expanded_.end();
        rows.push_back({&loaded_->bundle.entries[hit.entry], open});
    }
    return rows;
}

void Panel::refresh_results() {
    if (!results_dirty_ || !index_) return;
    SearchRequest request;
    request.query = state_.query;
    request.kind = state_.kind;
    request.filters = state_.filters;
    request.sort = state_.sort;
    request.highlights = false;
    request.facet_fields = facet_bit(FacetField::kind);  // the kind switch's counts
    results_ = index_->search(request);
    marks_.clear();
    results_dirty_ = false;
    facet_counts_dirty_ = true;
    row_tops_dirty_ = true;
    if (selected_ >= static_cast<int>(results_.hits.size())) selected_ = static_cast<int>(results_.hits.size()) - 1;
}

const SearchResult& Panel::facet_counts() {
    if (facet_counts_dirty_) {
        SearchRequest request;
        request.query = state_.query;
        request.kind = state_.kind;
        request.filters = state_.filters;
        request.limit = 0;
        request.highlights = false;
        facet_counts_ = index_->search(request);
        facet_counts_dirty_ = false;
    }
    return facet_counts_;
}

std::uint32_t Panel::offered_facets() {
    std::optional<std::uint32_t>& offered = offered_facets_[state_.kind ? 1 + static_cast<int>(*state_.kind) : 0];
    if (!offered) offered = index_->facet_fields_with_values(state_.kind);
    return *offered;
}

const EntryHighlights& Panel::marks_of(std::uint32_t entry) {
    auto found = marks_.find(entry);
    if (found == marks_.end()) found = marks_.emplace(entry, index_->highlight(results_, entry)).first;
    return found->second;
}

int Panel::row_of_entry(std::uint32_t entry) const {
    for (std::size_t i = 0; i < results_.hits.size(); ++i)
        if (results_.hits[i].entry == entry) return static_cast<int>(i);
    return -1;
}

// ---- layout of the list --------------------------------------------------------

// A collapsed row is one title line, one meta line and one snippet line; on a
// narrow panel its title may take a second line, counted once per width. Only
// expanded rows need measuring: their height is measured when drawn and
// cached for the current width.
void Panel::rebuild_row_tops() {
    const float fs = ImGui::GetFontSize();
    const TextStyle title{fonts_.bold, fs * kTitleScale}, small{fonts_.regular, fs * kSmallScale};
    title_line_height_ = line_height(title);
    collapsed_height_ = 2 * kRowPadY + title_line_height_ + 2 * line_height(small) + 1;  // +1: the separator
    row_tops_.resize(results_.hits.size() + 1);
    float y = 0;
    for (std::size_t i = 0; i < results_.hits.size(); ++i) {
        const std::uint32_t entry = results_.hits[i].entry;
        row_tops_[i] = y;
        y += collapsed_height(entry);
        if (std::find(expanded_.begin(), expanded_.end(), entry) != expanded_.end()) {
            auto measured = expanded_height_.find(entry);
            y += measured != expanded_height_.end() ? measured->second : fs * 12;  // estimate until drawn
        }
    }
    row_tops_.back() = y;
    row_tops_dirty_ = false;
}

int Panel::title_lines(std::uint32_t entry) {
    if (!narrow_) return 1;
    if (title_lines_of_.size() != loaded_->bundle.entries.size()) title_lines_of_.assign(loaded_->bundle.entries.size(), 0);
    std::uint8_t& lines = title_lines_of_[entry];
    if (lines == 0) {
        const TextStyle title{fonts_.bold, ImGui::GetFontSize() * kTitleScale};
        const float height = wrapped_height(loaded_->bundle.entries[entry].title, expanded_width_ - 2 * kRowPadX, title);
        lines = height > 1.5f * title_line_height_ ? 2 : 1;
    }
    return lines;
}

float Panel::collapsed_height(std::uint32_t entry) {
    return collapsed_height_ + static_cast<float>(title_lines(entry) - 1) * title_line_height_;
}

bool Panel::takes_wheel(ImVec2 mouse, float wheel_lines) const {
    if (ImGui::GetCurrentContext() && ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return true;
    const bool over_list = mouse.x >= list_min_.x && mouse.x < list_max_.x && mouse.y >= list_min_.y && mouse.y < list_max_.y;
    if (!over_list) return false;
    return wheel_lines > 0 ? list_scroll_ > 0.5f : list_scroll_ < list_scroll_max_ - 0.5f;
}

// ---- drawing -------------------------------------------------------------------

void Panel::draw(ImVec2 size) {
    wants_frame_ = false;
    drawn_rows_.clear();
    refresh_results();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(size);
    constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                       ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("pubview", nullptr, flags);
    const bool narrow = size.x < kNarrowWidth;
    if (narrow != narrow_) {
        narrow_ = narrow;
        row_tops_dirty_ = true;
    }
    if (loading_) draw_loading();
    else if (!error_.empty()) draw_error();
    else if (showing_list()) {
        draw_header(ImGui::GetContentRegionAvail().x);
        draw_status();
        if (results_.hits.empty()) draw_empty();
        else draw_list();
    }
    ImGui::End();
}

void Panel::draw_loading() {
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize()));
    ImGui::TextUnformatted("Loading publications and jobs\xE2\x80\xA6");
    char overlay[64];
    const char* stage = work_ && work_->stage == WorkStage::indexing ? "Indexing" : "Reading";
    if (work_ && work_->total > 0) {
        std::snprintf(overlay, sizeof overlay, "%s %s of %s", stage, count_text(work_->done).c_str(), count_text(work_->total).c_str());
        ImGui::ProgressBar(static_cast<float>(work_->done) / static_cast<float>(work_->total), ImVec2(-1, 0), overlay);
    } else if (work_) {
        // The total is not known yet: ImGui 1.86 has no moving bar, so the count says it.
        std::snprintf(overlay, sizeof overlay, "%s items read", count_text(work_->done).c_str());
        ImGui::ProgressBar(0.0f, ImVec2(-1, 0), overlay);
    } else if (bytes_total_ > 0) {
        std::snprintf(overlay, sizeof overlay, "%zu KB of %zu KB", bytes_received_ >> 10, bytes_total_ >> 10);
        ImGui::ProgressBar(static_cast<float>(bytes_received_) / static_cast<float>(bytes_total_), ImVec2(-1, 0), overlay);
    } else {
        std::snprintf(overlay, sizeof overlay, "%zu KB", bytes_received_ >> 10);
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
    ImGui::TextUnformatted(error_.c_str());
    ImGui::PopTextWrapPos();
    if (ImGui::Button("Try again")) host_.retry();
    if (loaded_) draw_problems();
}

void Panel::draw_header(float width) {
    ImGuiIO& io = ImGui::GetIO();
    const bool editing = io.WantTextInput;

    // Keys that act on the search box must be seen before the box itself.
    if (editing && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        ImGui::ClearActiveID();
        set_query("");
    } else if (editing && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)) && !results_.hits.empty()) {
        ImGui::ClearActiveID();
        selected_ = 0;
        scroll_to_selected_ = true;
    }
    // Typing while the list has focus goes to the search box ("/" only moves
    // there). The box takes focus a frame later, so the characters wait.
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
            std::string query = state_.query;
            for (ImWchar c : typed_before_focus_) text::append_utf8(query, c);
            typed_before_focus_.clear();
            focus_retries_ = 0;
            set_query(query);
        }
    }

    const float help_width = ImGui::GetFrameHeight();
    ImGui::SetNextItemWidth(width - help_width - ImGui::GetStyle().ItemSpacing.x);
    if (focus_search_) {
        ImGui::SetKeyboardFocusHere();
        focus_search_ = false;
        focus_requested_frame_ = ImGui::GetFrameCount();
    }
    if (moving_focus()) wants_frame_ = true;  // the focus lands frames later: keep drawing until it has
    const bool edited = ImGui::InputTextWithHint("##search", search_hint_.c_str(), query_buffer_, sizeof query_buffer_);
    const ImVec2 box_min = ImGui::GetItemRectMin(), box_max = ImGui::GetItemRectMax();
    search_box_ = ImVec4(box_min.x, box_min.y, box_max.x - box_min.x, box_max.y - box_min.y);
    if (edited) {
        state_.query = query_buffer_;
        results_dirty_ = true;
        selected_ = -1;
        scroll_to_top_ = true;
        mark_view_changed();
    }
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

    draw_kind_switch();
    ImGui::SameLine();
    draw_filters(narrow_);
}

void Panel::draw_kind_switch() {
    struct Choice { const char* label; std::optional<Kind> kind; };
    const Choice choices[] = {{"All", std::nullopt}, {"Publications", Kind::publication}, {"Jobs", Kind::job}};
    const KindCounts kinds = kind_counts();
    const std::uint32_t counts[] = {kinds.all, kinds.publications, kinds.jobs};
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(2, ImGui::GetStyle().ItemSpacing.y));
    for (int i = 0; i < 3; ++i) {
        if (i) ImGui::SameLine();
        const bool active = state_.kind == choices[i].kind;
        if (active) {
            ImGui::PushStyleColor(ImGuiCol_Button, theme_.accent);
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme_.accent);
            ImGui::PushStyleColor(ImGuiCol_Text, readable_on(theme_.accent));
        }
        char label[48];
        std::snprintf(label, sizeof label, "%s %s##kind%d", choices[i].label, count_text(counts[i]).c_str(), i);
        if (ImGui::Button(label) && !active) {
            state_.kind = choices[i].kind;
            results_dirty_ = true;
            selected_ = -1;
            mark_view_changed();
        }
        if (active) ImGui::PopStyleColor(3);
    }
    ImGui::PopStyleVar();
}

void Panel::draw_filters(bool narrow) {
    struct FacetChoice { FacetField field; const char* label; };
    static constexpr FacetChoice kFilters[] = {
        {FacetField::year, "Year"},     {FacetField::venue, "Venue"}, {FacetField::city, "Location"},
        {FacetField::team, "Team"},     {FacetField::author, "Author"}, {FacetField::tag, "Tag"},
    };
    auto draw_all = [&](bool stacked) {
        bool first = true;
        for (const FacetChoice& c : kFilters) {
            // A facet with a value picked stays, so that its filter can be undone.
            if (!(offered_facets() & facet_bit(c.field)) && state_.filters[c.field].empty()) continue;
            if (!first && !stacked) ImGui::SameLine();
            first = false;
            draw_facet_combo(c.field, c.label);
        }
        if (!stacked) ImGui::SameLine();
        draw_sort_combo();
        if (!state_.filters.empty()) {
            if (!stacked) ImGui::SameLine();
            if (ImGui::SmallButton("Clear filters")) {
                state_.filters.clear();
                results_dirty_ = true;
                mark_view_changed();
            }
        }
    };
    if (!narrow) {
        // Wrap the combos onto the next line rather than overflowing the panel.
        ImGui::PushTextWrapPos(0);
        draw_all(false);
        ImGui::PopTextWrapPos();
        return;
    }
    std::size_t picked = 0;
    for (const auto& values : state_.filters.values) picked += values.size();
    char label[40];
    std::snprintf(label, sizeof label, picked ? "Filters (%zu)###filters" : "Filters###filters", picked);
    if (ImGui::Button(label)) ImGui::OpenPopup("filters-popup");
    if (ImGui::BeginPopup("filters-popup")) {
        draw_all(true);
        ImGui::EndPopup();
    }
}

void Panel::draw_facet_combo(FacetField field, const char* label) {
    auto& picked = state_.filters[field];
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
        const Facet* f = facet(facet_counts(), field);
        if (!f || f->values.empty()) ImGui::TextDisabled("None among these results");
        for (const FacetValue& v : f ? f->values : kNoFacetValues) {
            bool on = v.selected;
            const std::string count = count_text(v.count);
            if (ImGui::Checkbox(v.value.c_str(), &on)) {
                if (on) picked.push_back(v.value);
                else picked.erase(std::remove(picked.begin(), picked.end(), v.value), picked.end());
                results_dirty_ = true;
                selected_ = -1;
                mark_view_changed();
            }
            ImGui::SameLine();
            ImGui::TextDisabled("%s", count.c_str());
        }
        ImGui::EndCombo();
    }
    ImGui::PopID();
}

void Panel::draw_sort_combo() {
    char preview[48];
    std::snprintf(preview, sizeof preview, "Sort: %s", sort_label(state_.sort));
    ImGui::SetNextItemWidth(ImGui::CalcTextSize(preview).x + ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2);
    if (ImGui::BeginCombo("##sort", preview)) {
        for (SortOrder s : {SortOrder::relevance, SortOrder::rank, SortOrder::year, SortOrder::title}) {
            if (ImGui::Selectable(sort_label(s), state_.sort == s) && state_.sort != s) {
                state_.sort = s;
                results_dirty_ = true;
                mark_view_changed();
            }
        }
        ImGui::EndCombo();
    }
}

void Panel::draw_status() {
    ImGui::PushStyleColor(ImGuiCol_Text, theme_.text_dim);
    std::string status = results_.fallback ? "No exact match \xE2\x80\x94 showing " + plural(results_.total, "close one", "close ones")
                                           : plural(results_.total, "result", "results");
    ImGui::TextUnformatted(status.c_str());
    for (const std::string& hint : results_.hints) {
        if (results_.fallback && hint.find("no exact match") != std::string::npos) continue;
        ImGui::SameLine();
        ImGui::TextUnformatted(("\xC2\xB7 " + hint).c_str());
    }
    ImGui::PopStyleColor();
    if (!loaded_->problems.empty()) {
        ImGui::SameLine();
        draw_problems();
    }
}

void Panel::draw_problems() {
    const std::size_t n = loaded_->problems.size();
    char label[64];
    std::snprintf(label, sizeof label, "%s %s in this bundle###problems", show_problems_ ? "Hide" : "Show",
                  plural(n, "problem", "problems").c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, theme_.error);
    if (ImGui::SmallButton(label)) {
        show_problems_ = !show_problems_;
        wants_frame_ = true;
    }
    ImGui::PopStyleColor();
    if (!show_problems_) return;
    ImGui::BeginChild("##problems", ImVec2(0, std::min(ImGui::GetFontSize() * 1.4f * static_cast<float>(n) + 12, 160.0f)), true);
    for (const Problem& p : loaded_->problems) {
        const std::string line = format_problem("bundle", p);
        ImGui::TextUnformatted(line.c_str());
    }
    ImGui::EndChild();
}

void Panel::draw_empty() {
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize()));
    ImGui::PushFont(fonts_.bold);
    if (state_.query.empty()) ImGui::TextUnformatted("Nothing matches these filters.");
    else ImGui::Text("No results for \xE2\x80\x9C%s\xE2\x80\x9D.", state_.query.c_str());
    ImGui::PopFont();
    if (!state_.query.empty() && ImGui::Button("Clear search")) set_query("");
    if (!state_.filters.empty() || state_.kind) {
        if (!state_.query.empty()) ImGui::SameLine();
        if (ImGui::Button("Show everything")) {
            state_.filters.clear();
            state_.kind.reset();
            results_dirty_ = true;
            mark_view_changed();
        }
    }
}

void Panel::handle_list_keys() {
    if (ImGui::GetIO().WantTextInput || results_.hits.empty()) return;
    const int last = static_cast<int>(results_.hits.size()) - 1;
    const float page = std::max(1.0f, ImGui::GetWindowHeight() / (ImGui::GetFontSize() * 4.5f));
    auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key)); };
    int target = selected_;
    if (pressed(ImGuiKey_DownArrow)) target = selected_ + 1;
    else if (pressed(ImGuiKey_UpArrow)) {
        if (selected_ <= 0) { focus_search_ = true; selected_ = -1; return; }
        target = selected_ - 1;
    } else if (pressed(ImGuiKey_PageDown)) target = selected_ + static_cast<int>(page);
    else if (pressed(ImGuiKey_PageUp)) target = selected_ - static_cast<int>(page);
    else if (pressed(ImGuiKey_Home)) target = 0;
    else if (pressed(ImGuiKey_End)) target = last;
    else if (selected_ >= 0 && (pressed(ImGuiKey_LeftArrow) || pressed(ImGuiKey_RightArrow))) {
        // Left and Right walk through the open row's links and buttons.
        const Entry& e = loaded_->bundle.entries[results_.hits[selected_].entry];
        const bool open = std::find(expanded_.begin(), expanded_.end(), results_.hits[selected_].entry) != expanded_.end();
        const int actions = open ? static_cast<int>(row_actions(e).size()) : 0;
        if (actions > 0) {
            const int step = pressed(ImGuiKey_RightArrow) ? 1 : -1;
            focused_action_ = std::clamp(focused_action_ + step, -1, actions - 1);
            wants_frame_ = true;
        }
    } else if (pressed(ImGuiKey_Enter) && selected_ >= 0 && focused_action_ >= 0) {
        activate_focused_action_ = true;
    } else if ((pressed(ImGuiKey_Enter) || pressed(ImGuiKey_Space)) && selected_ >= 0) {
        toggle_row(selected_);
        focused_action_ = -1;
    }
    target = std::clamp(target, selected_ < 0 ? -1 : 0, last);
    if (target != selected_) {
        selected_ = target;
        focused_action_ = -1;
        scroll_to_selected_ = true;
    }
}

void Panel::toggle_row(int row) {
    const Entry& e = loaded_->bundle.entries[results_.hits[row].entry];
    const bool open = std::find(expanded_.begin(), expanded_.end(), results_.hits[row].entry) != expanded_.end();
    expand(e.id, !open);
}

void Panel::scroll_to_row(int row) {
    const float top = row_tops_[row], bottom = row_tops_[row + 1];
    const float view = ImGui::GetWindowHeight();
    const float scroll = ImGui::GetScrollY();
    if (top < scroll) ImGui::SetScrollY(top);
    else if (bottom > scroll + view) ImGui::SetScrollY(std::min(top, bottom - view));
    wants_frame_ = true;
}

void Panel::draw_list() {
    ImGui::Separator();
    ImGui::BeginChild("##results", ImVec2(0, 0), false, ImGuiWindowFlags_NoNavInputs);
    const float width = ImGui::GetContentRegionAvail().x;
    if (width != expanded_width_) {
        expanded_width_ = width;
        expanded_height_.clear();
        title_lines_of_.clear();
        row_tops_dirty_ = true;
    }
    if (row_tops_dirty_) rebuild_row_tops();

    handle_list_keys();
    if (!scroll_to_open_id_.empty()) {
        for (std::uint32_t entry : expanded_)
            if (loaded_->bundle.entries[entry].id == scroll_to_open_id_)
                if (int row = row_of_entry(entry); row >= 0) {
                    ImGui::SetScrollY(row_tops_[row]);
                    wants_frame_ = true;
                }
        scroll_to_open_id_.clear();
    }
    if (scroll_to_top_) {
        ImGui::SetScrollY(0);
        scroll_to_top_ = false;
    }
    if (scroll_to_selected_ && selected_ >= 0) {
        scroll_to_row(selected_);
        scroll_to_selected_ = false;
    }

    const float scroll = ImGui::GetScrollY();
    const float view_bottom = scroll + ImGui::GetWindowHeight();
    const int n = static_cast<int>(results_.hits.size());
    int first = static_cast<int>(std::upper_bound(row_tops_.begin(), row_tops_.end() - 1, scroll) - row_tops_.begin()) - 1;
    first = std::max(first, 0);
    for (int row = first; row < n && row_tops_[row] < view_bottom; ++row) {
        ImGui::SetCursorPosY(row_tops_[row]);
        draw_row(row, width);
    }
    ImGui::SetCursorPosY(row_tops_.back());
    ImGui::Dummy(ImVec2(0, 0));

    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    list_min_ = window->Rect().Min;
    list_max_ = window->Rect().Max;
    list_scroll_ = ImGui::GetScrollY();
    list_scroll_max_ = ImGui::GetScrollMaxY();
    ImGui::EndChild();
}

void Panel::draw_row(int row, float width) {
    const Hit& hit = results_.hits[row];
    const Entry& e = loaded_->bundle.entries[hit.entry];
    const EntryHighlights& marks = marks_of(hit.entry);
    const bool expanded = std::find(expanded_.begin(), expanded_.end(), hit.entry) != expanded_.end();
    const float fs = ImGui::GetFontSize();
    const float text_width = width - 2 * kRowPadX;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 top = ImGui::GetCursorScreenPos();

    ImGui::PushID(static_cast<int>(hit.entry));
    // Rows place their lines themselves: no spacing between items.
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0));
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);

    const TextStyle title_style{fonts_.bold, fs * kTitleScale, theme_.text, theme_.mark};
    const TextStyle small_style{fonts_.regular, fs * kSmallScale, theme_.text_dim, theme_.mark};
    ImGui::SetCursorScreenPos(ImVec2(top.x + kRowPadX, top.y + kRowPadY));
    const MarkedText title{e.title, marks.title, 0};
    if (expanded) draw_wrapped(title, text_width, title_style);
    else draw_lines(title, text_width, title_style, title_lines(hit.entry));
    ImGui::SetCursorScreenPos(ImVec2(top.x + kRowPadX, ImGui::GetCursorScreenPos().y));
    const std::string meta = std::string(e.kind == Kind::job ? "Job" : "Paper") + "  \xC2\xB7  " + summary_line(e);
    draw_line({meta, {}, 0}, text_width, small_style);
    if (!expanded) {
        ImGui::SetCursorScreenPos(ImVec2(top.x + kRowPadX, ImGui::GetCursorScreenPos().y));
        bool ellipsis = false;
        const std::size_t around = marks.body.empty() ? 0 : marks.body.front().begin;
        const std::size_t start = snippet_start(e.body, around, kSnippetChars, ellipsis);
        const std::string_view rest = std::string_view(e.body).substr(start);
        if (ellipsis) {
            std::string shown = "\xE2\x80\xA6" + std::string(rest.substr(0, 400));
            // The marks are offsets into the body; the snippet moved them by `start` minus the 3-byte ellipsis.
            draw_line({shown, marks.body, start - 3}, text_width, {fonts_.regular, fs * kSmallScale, theme_.text, theme_.mark});
        } else {
            draw_line({rest.substr(0, 400), marks.body, start}, text_width, {fonts_.regular, fs * kSmallScale, theme_.text, theme_.mark});
        }
    }
    const float header_bottom = expanded ? ImGui::GetCursorScreenPos().y : top.y + collapsed_height(hit.entry) - 1;

    // The whole header is one button: submitted after its text so that the
    // text stays on top, and before the details so their links win the hover.
    ImGui::SetCursorScreenPos(top);
    const bool clicked = ImGui::InvisibleButton("row", ImVec2(width, std::max(header_bottom - top.y, 1.0f)));
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    if (clicked) {
        selected_ = row;
        toggle_row(row);
    }

    float bottom = header_bottom;
    if (expanded) {
        ImGui::SetCursorScreenPos(ImVec2(top.x + kRowPadX, header_bottom));
        const float details = draw_row_details(e, marks, text_width, row == selected_);
        bottom = header_bottom + details + kRowPadY;
        const float extra = bottom + 1 - top.y - collapsed_height(hit.entry);  // over a collapsed row
        float& cached = expanded_height_[hit.entry];
        if (std::abs(extra - cached) > 0.5f) {
            cached = extra;
            row_tops_dirty_ = true;
            wants_frame_ = true;
        }
    }

    // Only the part inside the list is on screen.
    const ImVec2 clip_min = dl->GetClipRectMin(), clip_max = dl->GetClipRectMax();
    const float visible_top = std::max(top.y, clip_min.y), visible_bottom = std::min(bottom, clip_max.y);
    if (visible_bottom > visible_top)
        drawn_rows_.push_back({hit.entry, ImVec4(top.x, visible_top, width, visible_bottom - visible_top)});

    dl->ChannelsSetCurrent(0);
    const ImVec2 row_max(top.x + width, bottom);
    if (row == selected_) dl->AddRectFilled(top, row_max, theme_.row_selected);
    else if (hovered) dl->AddRectFilled(top, row_max, theme_.row_hover);
    if (row == selected_) dl->AddRect(ImVec2(top.x + 1, top.y + 1), ImVec2(row_max.x - 1, row_max.y - 1), theme_.accent, 4.0f, 0, 2.0f);
    dl->AddLine(ImVec2(top.x, row_max.y), ImVec2(row_max.x, row_max.y), theme_.border);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(top.x, bottom + 1));
    ImGui::PopStyleVar();
    ImGui::PopID();
}

float Panel::draw_row_details(const Entry& e, const EntryHighlights& marks, float width, bool selected) {
    const float fs = ImGui::GetFontSize();
    const float start_y = ImGui::GetCursorScreenPos().y;
    const float left = ImGui::GetCursorScreenPos().x;
    const TextStyle body{fonts_.regular, fs, theme_.text, theme_.mark};
    const TextStyle dim{fonts_.regular, fs * kSmallScale, theme_.text_dim, theme_.mark};
    const TextStyle heading{fonts_.bold, fs, theme_.text, theme_.mark};
    auto gap = [&](float lines) { ImGui::Dummy(ImVec2(0, fs * lines)); ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y)); };
    auto at_left = [&] { ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y)); };

    if (e.kind == Kind::publication && !e.authors.empty()) {
        std::string authors;
        for (const std::string& a : e.authors) authors += (authors.empty() ? "" : ", ") + a;
        draw_wrapped({authors, {}, 0}, width, dim);
        gap(0.2f);
    }

    // Paragraphs of the body; in job descriptions, headings and list items.
    std::string_view text = e.body;
    std::size_t offset = 0;
    bool paragraph_start = true;  // a ':' line is a heading only where a paragraph starts
    while (offset < text.size()) {
        std::size_t end = text.find('\n', offset);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(offset, end - offset);
        if (line.empty()) {
            gap(0.4f);
        } else if (line.size() > 2 && line.starts_with("- ")) {
            const float bullet_indent = fs * 1.1f;
            ImGui::GetWindowDrawList()->AddText(fonts_.regular, fs, ImGui::GetCursorScreenPos(), theme_.text_dim, "\xE2\x80\xA2");
            ImGui::SetCursorScreenPos(ImVec2(left + bullet_indent, ImGui::GetCursorScreenPos().y));
            draw_wrapped({line.substr(2), marks.body, offset + 2}, width - bullet_indent, body);
            at_left();
        } else if (e.kind == Kind::job && paragraph_start && line.back() == ':' && line.size() < 60) {
            draw_wrapped({line, marks.body, offset}, width, heading);
        } else {
            draw_wrapped({line, marks.body, offset}, width, body);
        }
        paragraph_start = line.empty();
        offset = end + 1;
    }
    if (e.abstract_truncated) {
        gap(0.2f);
        draw_wrapped({"The source shows only the beginning of this abstract; the full text is at the paper\xE2\x80\x99s link.", {}, 0},
                     width, dim);
    }

    for (const Related& r : e.related) {
        gap(0.4f);
        // An accent bar down the left side sets the blurb apart as an aside.
        const float indent = fs * 0.8f;
        const ImVec2 bar_top(left, ImGui::GetCursorScreenPos().y);
        ImGui::SetCursorScreenPos(ImVec2(left + indent, bar_top.y));
        draw_wrapped({"Related content", {}, 0}, width - indent, {fonts_.bold, fs * kSmallScale, theme_.text_dim, theme_.mark});
        if (!r.title.empty()) draw_wrapped({r.title, {}, 0}, width - indent, heading);
        if (!r.summary.empty()) draw_wrapped({r.summary, {}, 0}, width - indent, dim);
        if (!r.url.empty()) {
            ImGui::PushID(&r);
            if (ImGui::SmallButton("Read more")) host_.open_url(r.url, e.id);
            ImGui::PopID();
        }
        ImGui::GetWindowDrawList()->AddRectFilled(bar_top, ImVec2(bar_top.x + 3, ImGui::GetCursorScreenPos().y), theme_.accent, 1.5f);
        at_left();
    }

    gap(0.4f);
    draw_actions(e, selected);
    return ImGui::GetCursorScreenPos().y - start_y;
}

std::vector<Panel::RowAction> Panel::row_actions(const Entry& e) const {
    std::vector<RowAction> actions;
    for (EntryLink& link : entry_links(e)) actions.push_back({std::move(link.label), std::move(link.url), {}, false});
    if (e.kind == Kind::publication) {
        actions.push_back({"Copy citation", {}, citation(e), false});
        actions.push_back({"Copy BibTeX", {}, bibtex(e), false});
        actions.push_back({"Copy title", {}, e.title, false});
    }
    actions.push_back({"Copy link", {}, {}, true});
    return actions;
}

void Panel::run_action(const RowAction& action, const Entry& e) {
    if (!action.url.empty()) host_.open_url(action.url, e.id);
    else if (action.copy_link) host_.copy_link(e.id);
    else host_.copy_text(action.copy);
}

// The actions flow left to right like words, wrapping at the row's width. They
// look like links; the keyboard-focused one gets a ring.
void Panel::draw_actions(const Entry& e, bool row_selected) {
    const std::vector<RowAction> actions = row_actions(e);
    const float left = ImGui::GetCursorScreenPos().x;
    const float right = left + ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetFontSize() * 0.9f;
    const float line = ImGui::GetTextLineHeight();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < actions.size(); ++i) {
        const RowAction& action = actions[i];
        const ImVec2 size = ImGui::CalcTextSize(action.label.c_str());
        if (pos.x > left && pos.x + size.x > right) pos = ImVec2(left, pos.y + line * 1.4f);
        ImGui::SetCursorScreenPos(pos);
        ImGui::PushID(static_cast<int>(i));
        const bool clicked = ImGui::InvisibleButton("action", size);
        const bool hovered = ImGui::IsItemHovered();
        ImGui::PopID();
        const bool focused = row_selected && focused_action_ == static_cast<int>(i);
        dl->AddText(pos, theme_.accent, action.label.c_str());
        if (hovered || focused)
            dl->AddLine(ImVec2(pos.x, pos.y + size.y), ImVec2(pos.x + size.x, pos.y + size.y), theme_.accent);
        if (focused)
            dl->AddRect(ImVec2(pos.x - 4, pos.y - 2), ImVec2(pos.x + size.x + 4, pos.y + size.y + 2), theme_.accent, 4.0f, 0, 2.0f);
        if (hovered) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            if (!action.url.empty()) ImGui::SetTooltip("%s", action.url.c_str());
        }
        if (clicked || (focused && activate_focused_action_)) run_action(action, e);
        pos.x += size.x + gap;
    }
    if (row_selected) activate_focused_action_ = false;
    ImGui::SetCursorScreenPos(ImVec2(left, pos.y));
    ImGui::Dummy(ImVec2(0, line));
    ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y));
}

}  // namespace pv::ui
