// The view model's data: what it shows comes from a bundle loaded and
// indexed here (show_bundle) or from a source that searches elsewhere, a
// sharded bundle's worker (show_searched, then show_answer for each answer).
// The view's state and actions are in view_model.cpp.
#include "ui/view_model.h"

#include "core/present/display.h"

#include <algorithm>

namespace pv::ui {

void ViewModel::show_loading(std::size_t bytes_received, std::size_t bytes_total) {
    loading_ = true;
    bytes_received_ = bytes_received;
    bytes_total_ = bytes_total;
    work_.reset();
}

void ViewModel::show_work(const WorkProgress& progress) {
    loading_ = true;
    work_ = progress;
}

void ViewModel::show_error(std::string message) {
    loading_ = false;
    error_ = std::move(message);
    index_.reset();
    loaded_.reset();
    source_ = nullptr;
}

void ViewModel::show_bundle(IndexedBundle bundle) {
    loading_ = false;
    work_.reset();
    error_.clear();
    index_ = std::move(bundle.index);
    loaded_ = std::move(bundle.loaded);
    source_ = nullptr;
    open_.clear();
    reveal_.reset();
    for (auto& offered : offered_facets_) offered.reset();
    if (!loaded_->usable) {
        const Problem* fatal = loaded_->fatal();
        error_ = fatal ? fatal->message : "the bundle could not be read";
        return;
    }
    find_closed();
    make_search_hint();
    results_dirty_ = true;
    ++results_version_;
    ++view_version_;
    selected_ = focused_action_ = -1;
}

void ViewModel::show_searched(std::size_t publications, std::size_t jobs, ResultSource& source) {
    show_loading(0, 0);
    error_.clear();
    index_.reset();
    loaded_.reset();
    source_ = &source;
    searched_counts_[0] = publications;
    searched_counts_[1] = jobs;
    open_.clear();
    closed_.clear();
    reveal_.reset();
    pending_open_.clear();
    for (auto& offered : offered_facets_) offered.reset();
    make_search_hint();
    results_ = {};
    view_changed(true);  // asks for the first rows
}

bool ViewModel::show_answer(SearchAnswer answer) {
    if (!source_ || answer.version != asked_version_) return false;  // a superseded ask's answer
    const bool same_results = asked_same_results_;  // the list keeps its place
    if (!answer.page.loaded->usable) {
        show_error("the search's answer could not be read");
        return true;
    }
    std::vector<std::string> open_ids;
    for (std::uint32_t e : open_) open_ids.push_back(entry(e).id);
    const std::string deep_link = std::move(pending_open_);
    pending_open_.clear();
    if (!deep_link.empty()) open_ids.push_back(deep_link);
    loaded_ = std::move(answer.page.loaded);
    index_ = std::move(answer.page.index);
    const std::vector<Entry>& entries = loaded_->bundle.entries;
    auto index_of = [&](const std::string& id) -> std::optional<std::uint32_t> {
        const auto it = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.id == id; });
        if (it == entries.end()) return std::nullopt;
        return static_cast<std::uint32_t>(it - entries.begin());
    };
    results_ = {};
    for (const auto& [id, score] : answer.hits)
        if (const auto at = index_of(id)) results_.hits.push_back(Hit{*at, score, {}, {}});
    results_.total = answer.total;
    results_.fallback = answer.fallback;
    results_.hints = std::move(answer.hints);
    results_.facets.push_back({FacetField::kind, {{"publication", answer.publications, false}, {"job", answer.jobs, false}}});
    // The marks of the query's words, found in the answer's own entries.
    SearchRequest marks;
    marks.query = view_.query;
    marks.limit = 0;
    marks.highlights = false;
    marks.facets = false;
    results_.highlight_plan = index_->search(marks).highlight_plan;
    highlights_.clear();
    open_.clear();
    for (const std::string& id : open_ids) {
        const auto at = index_of(id);
        if (!at) continue;
        open_.push_back(*at);
        if (id == deep_link) reveal_ = *at;
    }
    loading_ = false;
    facet_counts_dirty_ = true;
    shown_version_ = answer.version;
    if (!same_results) ++results_version_;
    ++view_version_;
    host_.view_changed();
    return true;
}

std::size_t ViewModel::bundle_count(Kind kind) const {
    if (source_) return searched_counts_[kind == Kind::publication ? 0 : 1];
    return loaded_ ? loaded_->bundle.count(kind) : 0;
}

void ViewModel::make_search_hint() {
    if (!source_ && (!loaded_ || !loaded_->usable)) return;
    search_hint_ = say(language_, Phrase::search_hint,
                       {counted(language_, Phrase::publications_counted, bundle_count(Kind::publication)),
                        counted(language_, Phrase::jobs_counted, bundle_count(Kind::job) - (view_.show_closed ? 0 : closed_.size()))});
}

// A bundle searched elsewhere lists its closed postings: their numbers here
// would be those of the answer's page, not of the bundle.
void ViewModel::find_closed() {
    closed_.clear();
    if (!loaded_ || source_) return;
    const std::vector<Entry>& entries = loaded_->bundle.entries;
    for (std::uint32_t e = 0; e < entries.size(); ++e)
        if (posting_closed(entries[e], today_)) closed_.push_back(e);
}

}  // namespace pv::ui
