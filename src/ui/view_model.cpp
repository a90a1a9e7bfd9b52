// The view model: the view's state (query, kind, filters, sort, open rows,
// selection) and the actions that change it. What it shows, a bundle or a
// searching source's answers, comes in through view_model_data.cpp.
#include "ui/view_model.h"

#include "core/present/citation.h"
#include "core/present/display.h"
#include "core/text/text.h"

#include <algorithm>

namespace pv::ui {

namespace {

constexpr std::size_t kQueryMaxBytes = 511;  // what the search box holds

std::uint32_t kind_count(const SearchResult& r, std::string_view kind) {
    for (const Facet& f : r.facets)
        if (f.field == FacetField::kind)
            for (const FacetValue& v : f.values)
                if (v.value == kind) return v.count;
    return 0;
}

}  // namespace

void ViewModel::set_today(std::int64_t day_number) {
    if (day_number == today_) return;
    today_ = day_number;
    find_closed();
    make_search_hint();
    view_changed(true);
}

void ViewModel::set_show_closed(bool show) {
    if (show == view_.show_closed) return;
    view_.show_closed = show;
    make_search_hint();
    view_changed(true);
}

std::string ViewModel::row_summary(const Entry& e) const {
    std::string line = summary_line(e);
    const std::string notes = entry_notes(e, language_, today_);
    if (!notes.empty()) line += (line.empty() ? "" : "  \xC2\xB7  ") + notes;
    return line;
}

// ---- the language --------------------------------------------------------------

void ViewModel::set_language(Language language) {
    if (language == language_) return;
    language_ = language;
    make_search_hint();
    ++view_version_;  // every row is laid out again in the new words; what the visitor asked for is the same
}

// ---- what the visitor asked for ------------------------------------------------

void ViewModel::set_query(std::string_view text) {
    text = text.substr(0, text::utf8_prefix_length(text, kQueryMaxBytes));
    if (text == view_.query) return;
    view_.query.assign(text);
    view_changed(true);
}

void ViewModel::set_kind(std::optional<Kind> kind) {
    if (kind == view_.kind) return;
    view_.kind = kind;
    view_changed(true);
}

void ViewModel::set_filter(FacetField field, const std::string& value, bool on) {
    auto& picked = view_.filters[field];
    const auto found = std::find(picked.begin(), picked.end(), value);
    if (on == (found != picked.end())) return;
    if (on) picked.push_back(value);
    else picked.erase(found);
    view_changed(true);
}

void ViewModel::clear_filters() {
    if (view_.filters.empty()) return;
    view_.filters.clear();
    view_changed(true);
}

void ViewModel::show_everything() {
    view_.filters.clear();
    view_.kind.reset();
    view_changed(true);
}

void ViewModel::set_sort(SortOrder sort) {
    if (sort == view_.sort) return;
    view_.sort = sort;
    view_changed(true);
}

ViewState ViewModel::state() const {
    ViewState s = view_;
    if (loaded_ && !open_.empty()) s.open_id = entry(open_.back()).id;
    return s;
}

void ViewModel::set_state(const ViewState& state) {
    view_.query = state.query.substr(0, text::utf8_prefix_length(state.query, kQueryMaxBytes));
    view_.kind = state.kind;
    view_.filters = state.filters;
    view_.sort = state.sort;
    view_.show_closed = state.show_closed;
    make_search_hint();
    if (!state.open_id.empty() && expand(state.open_id, true)) reveal_ = open_.back();
    view_changed(true);
}

void ViewModel::view_changed(bool results_changed) {
    if (results_changed) {
        results_dirty_ = true;
        ++results_version_;
        selected_ = focused_action_ = -1;
    }
    ++view_version_;
    host_.view_changed();
    if (source_ && results_changed) results();  // asks at once, whether or not a frame comes
}

// ---- results -------------------------------------------------------------------

void ViewModel::ask_source() {
    asked_open_.clear();
    for (std::uint32_t e : open_) asked_open_.push_back(entry(e).id);
    if (!pending_open_.empty()) asked_open_.push_back(pending_open_);
    source_->ask(results_request(), asked_open_, ++asked_version_);
}

SearchRequest ViewModel::results_request() const {
    SearchRequest request;
    request.query = view_.query;
    request.kind = view_.kind;
    request.filters = view_.filters;
    request.sort = view_.sort;
    request.highlights = false;
    request.facet_fields = facet_bit(FacetField::kind);  // the kind switch's counts
    if (!view_.show_closed) request.hidden = closed_;
    if (source_) request.limit = asked_rows_;
    return request;
}

const SearchResult& ViewModel::results() {
    if (results_dirty_ && source_) {
        results_dirty_ = false;
        asked_same_results_ = false;
        asked_rows_ = pending_open_.empty() ? rows_per_ask() : std::max(rows_per_ask(), kLinkedRows);
        ask_source();
        return results_;  // the last answer's, until this ask's comes
    }
    if (!results_dirty_ || !index_) return results_;
    results_ = index_->search(results_request());
    highlights_.clear();
    results_dirty_ = false;
    facet_counts_dirty_ = true;
    return results_;
}

KindCounts ViewModel::kind_counts() {
    const SearchResult& r = results();
    KindCounts counts;
    counts.publications = kind_count(r, "publication");
    counts.jobs = kind_count(r, "job");
    counts.all = counts.publications + counts.jobs;
    return counts;
}

const SearchResult& ViewModel::facet_counts() {
    results();  // a change of the view marks the counts old
    if (source_) return results_;  // the kind switch's counts: a bundle searched elsewhere offers no filters yet
    if (facet_counts_dirty_ && index_) {
        SearchRequest request;
        request.query = view_.query;
        request.kind = view_.kind;
        request.filters = view_.filters;
        request.limit = 0;
        request.highlights = false;
        if (!view_.show_closed) request.hidden = closed_;
        facet_counts_ = index_->search(request);
        facet_counts_dirty_ = false;
    }
    return facet_counts_;
}

std::uint32_t ViewModel::offered_facets() {
    if (!index_ || source_) return 0;
    std::optional<std::uint32_t>& offered = offered_facets_[view_.kind ? 1 + static_cast<int>(*view_.kind) : 0];
    if (!offered) offered = index_->facet_fields_with_values(view_.kind);
    return *offered;
}

std::vector<VisibleRow> ViewModel::visible(std::size_t limit) {
    std::vector<VisibleRow> rows;
    if (!index_) return rows;
    const SearchResult& r = results();
    rows.reserve(std::min(limit, r.hits.size()));
    for (const Hit& hit : r.hits) {
        if (rows.size() == limit) break;
        rows.push_back({&entry(hit.entry), is_open(hit.entry)});
    }
    return rows;
}

const EntryHighlights& ViewModel::highlights(std::uint32_t entry) {
    const SearchResult& r = results();
    auto found = highlights_.find(entry);
    if (found == highlights_.end()) found = highlights_.emplace(entry, index_->highlight(r, entry)).first;
    return found->second;
}

// ---- open rows -----------------------------------------------------------------

bool ViewModel::is_open(std::uint32_t entry) const {
    return std::find(open_.begin(), open_.end(), entry) != open_.end();
}

void ViewModel::set_open(std::uint32_t entry, bool open) {
    const auto at = std::find(open_.begin(), open_.end(), entry);
    if (open == (at != open_.end())) return;
    if (open) open_.push_back(entry);
    else open_.erase(at);
    view_changed(false);
    // A row of a bundle searched elsewhere holds what a collapsed row shows:
    // opened, its whole entry is asked for.
    const std::string& id = this->entry(entry).id;
    if (source_ && open && std::find(asked_open_.begin(), asked_open_.end(), id) == asked_open_.end()) {
        if (shown_version_ == asked_version_) asked_same_results_ = true;  // else what is on its way decides
        ask_source();
    }
}

bool ViewModel::has_more_rows() const {
    // An answer of fewer rows than asked holds the last.
    return source_ && shown_version_ == asked_version_ && results_.hits.size() >= asked_rows_ &&
           results_.hits.size() < results_.total;
}

void ViewModel::want_more_rows() {
    if (!has_more_rows()) return;
    asked_rows_ += rows_per_ask();
    asked_same_results_ = true;
    ask_source();
}

bool ViewModel::expand(std::string_view id, bool open) {
    if (!loaded_) {
        if (source_ && open) pending_open_ = id;
        return false;
    }
    const auto& entries = loaded_->bundle.entries;
    const auto it = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.id == id; });
    if (it == entries.end()) {
        if (source_ && open) pending_open_ = id;  // opened once an answer holds it
        return false;
    }
    set_open(static_cast<std::uint32_t>(it - entries.begin()), open);
    return true;
}

std::optional<std::uint32_t> ViewModel::take_reveal() {
    std::optional<std::uint32_t> entry = reveal_;
    reveal_.reset();
    return entry;
}

void ViewModel::select(int row) {
    if (row == selected_) return;
    selected_ = row;
    focused_action_ = -1;
}

// ---- what an open row offers ----------------------------------------------------

std::vector<RowAction> ViewModel::row_actions(const Entry& e) const {
    std::vector<RowAction> actions;
    for (EntryLink& link : entry_links(e, language_)) actions.push_back({std::move(link.label), RowActionKind::open_link, std::move(link.url)});
    auto add = [&](Phrase label, RowActionKind kind) { actions.push_back({std::string(text(label)), kind, {}}); };
    if (e.kind == Kind::publication) {
        add(Phrase::copy_citation, RowActionKind::copy_citation);
        add(Phrase::copy_bibtex, RowActionKind::copy_bibtex);
        add(Phrase::copy_title, RowActionKind::copy_title);
    }
    add(Phrase::copy_link, RowActionKind::copy_link);
    return actions;
}

void ViewModel::run_action(const RowAction& action, const Entry& e) {
    switch (action.kind) {
        case RowActionKind::open_link: host_.open_url(action.url, e.id); break;
        case RowActionKind::copy_citation: host_.copy_text(citation(e)); break;
        case RowActionKind::copy_bibtex: host_.copy_text(bibtex(e)); break;
        case RowActionKind::copy_title: host_.copy_text(e.title); break;
        case RowActionKind::copy_link: host_.copy_link(e.id); break;
    }
}

}  // namespace pv::ui
