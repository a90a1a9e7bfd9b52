// The panel's state and actions, without ImGui: which bundle is shown (or that
// it loads, or failed), what the visitor asked for (query, kind, filters,
// sort), the results and their counts, the rows opened, the keyboard
// selection and what an open row offers. The ImGui views (panel, result
// list, entry view) draw it and call it; the page's JS API reads and sets it
// through the platform layer. Every change of the view goes through one place,
// which tells the host (the page's URL hash and events follow).
#pragma once

#include "core/model/bundle.h"
#include "core/model/dates.h"
#include "core/present/ui_text.h"
#include "core/search/search_index.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace pv::ui {

// What the view asks of the page around it.
class ViewHost {
public:
    virtual ~ViewHost() = default;
    virtual void open_url(const std::string& url, const std::string& entry_id) = 0;
    virtual void copy_text(const std::string& text) = 0;
    virtual void copy_link(const std::string& entry_id) = 0;  // a link to this view with the entry open
    virtual void view_changed() = 0;   // query, kind, filters, sort or the open row changed
    virtual void retry() = 0;          // the visitor asked to load the bundle again
};

// Where results come from when this module holds no index of the bundle: a
// sharded bundle, searched in a Web Worker (docs/DESIGN.md, "Sharded bundles
// in the browser"). The answer comes later, through ViewModel::show_answer.
class ResultSource {
public:
    virtual ~ResultSource() = default;
    // Asks for the first `request.limit` results of `request`, numbered
    // `version`; a newer ask supersedes every older one. The answer's rows are
    // what a collapsed row shows, but for those of `open_ids`: whole entries.
    virtual void ask(const SearchRequest& request, const std::vector<std::string>& open_ids, std::uint64_t version) = 0;
};

// A ResultSource's answer: the hits' rows as a small bundle of their own,
// and the hits in their order by id, with the counts of the whole result.
struct SearchAnswer {
    std::uint64_t version = 0;  // the ask it answers
    IndexedBundle page;
    std::vector<std::pair<std::string, float>> hits;  // id and score, in order
    std::size_t total = 0;
    std::uint32_t publications = 0, jobs = 0;
    bool fallback = false;
    std::vector<std::string> hints;
};

// Everything a visitor chose, as a deep link stores it.
struct ViewState {
    std::string query;
    std::optional<Kind> kind;
    FacetSelection filters;
    SortOrder sort = SortOrder::relevance;
    std::string open_id;  // the expanded entry a link points at, if any
    bool show_closed = false;  // postings past their valid_through are listed too
};

struct VisibleRow {
    const Entry* entry = nullptr;
    bool expanded = false;
};

// What the kind switch offers: the matches of the query and filters in each kind.
struct KindCounts {
    std::uint32_t all = 0, publications = 0, jobs = 0;
};

// One thing an open row offers: a link, or text to copy, made when used.
enum class RowActionKind { open_link, copy_citation, copy_bibtex, copy_title, copy_link };
struct RowAction {
    std::string label;
    RowActionKind kind = RowActionKind::open_link;
    std::string url;  // for open_link
};

class ViewModel {
public:
    explicit ViewModel(ViewHost& host) : host_(host) {}

    // ---- the data: exactly one of loading, an error or a bundle is shown ----
    void show_loading(std::size_t bytes_received, std::size_t bytes_total);  // total 0 = unknown
    void show_work(const WorkProgress& progress);  // reading and indexing, once the download is in
    void show_error(std::string message);
    // A loaded bundle with its index, or its fatal error if it is unusable.
    void show_bundle(IndexedBundle bundle);
    // A bundle searched elsewhere, of these counts: loading until its first answer.
    void show_searched(std::size_t publications, std::size_t jobs, ResultSource& source);
    // Shows `answer` if it answers the last ask (true); an older one is dropped.
    bool show_answer(SearchAnswer answer);
    std::uint64_t asked_version() const { return asked_version_; }
    // Hits asked of a ResultSource: the rows the list shows at once and half as
    // many again (rows_per_ask), and as many more each time the list nears
    // their end (want_more_rows). Each row comes from a rows file over the
    // network and is loaded and indexed on the page's thread, so rows no one
    // can see yet are not asked (bench/RESULTS.md, "Sharded bundles: rows a
    // screen at a time"). kAskedRows until the list tells how many it shows.
    static constexpr std::size_t kAskedRows = 20;
    // The list shows about `rows` folded rows at once (its height over a row's).
    void set_rows_in_view(std::size_t rows) { rows_in_view_ = rows; }
    std::size_t rows_per_ask() const { return rows_in_view_ ? rows_in_view_ + (rows_in_view_ + 1) / 2 + 1 : kAskedRows; }
    // Hits asked while a deep link's entry waits to be opened: it is looked for among these.
    static constexpr std::size_t kLinkedRows = 50;
    // The list shows its last rows: asks a ResultSource for more, if it has them.
    void want_more_rows();
    // A ResultSource has more rows of the results shown than it sent.
    bool has_more_rows() const;

    bool loading() const { return loading_; }
    std::size_t bytes_received() const { return bytes_received_; }
    std::size_t bytes_total() const { return bytes_total_; }
    const std::optional<WorkProgress>& work() const { return work_; }
    const std::string& error() const { return error_; }
    const LoadResult* loaded() const { return loaded_.get(); }
    // The search box and the list are shown (not loading, not an error).
    bool showing_list() const { return !loading_ && error_.empty() && index_ != nullptr; }
    // The search box's placeholder: "Search 10 publications and 10 jobs".
    const std::string& search_hint() const { return search_hint_; }

    // ---- the language of the interface (core/present/ui_text.h) ----
    void set_language(Language language);
    Language language() const { return language_; }
    std::string_view text(Phrase phrase) const { return phrase_text(language_, phrase); }

    // ---- what the visitor asked for ----
    void set_query(std::string_view text);
    const std::string& query() const { return view_.query; }
    void set_kind(std::optional<Kind> kind);
    void set_filter(FacetField field, const std::string& value, bool on);
    void clear_filters();
    void show_everything();  // no filters, every kind
    void set_sort(SortOrder sort);
    const ViewState& view() const { return view_; }  // open_id left empty: see state()
    ViewState state() const;
    void set_state(const ViewState& state);

    // ---- postings past their valid_through: hidden unless the visitor asks ----
    // The day the panel counts ages and closings from (core/model/dates.h), today unless set.
    void set_today(std::int64_t day_number);
    std::size_t closed_count() const { return closed_.size(); }
    void set_show_closed(bool show);
    bool showing_closed() const { return view_.show_closed; }
    // A row's summary line with what the day changes: "Seattle, WA, US · Posted 3 days ago".
    std::string row_summary(const Entry& entry) const;

    // ---- results (searched again when the view changed) ----
    // For the page's idle time, a step a call: readies the bundle's index for
    // a query's first keystroke (SearchIndex::prepare_first_letter). False
    // once no step is left, and for a bundle searched elsewhere.
    bool prepare_search() { return !source_ && index_ && index_->prepare_first_letter(); }
    const SearchResult& results();
    std::size_t count() { return results().total; }
    KindCounts kind_counts();
    // Every facet's counts for the current view, counted when asked (a filter
    // menu opens) rather than at every keystroke.
    const SearchResult& facet_counts();
    // The facets the current kind's entries have values for (facet_bit).
    std::uint32_t offered_facets();
    // The matching rows in display order: every one, or the first `limit`.
    std::vector<VisibleRow> visible(std::size_t limit = SIZE_MAX);
    const Entry& entry(std::uint32_t index) const { return loaded_->bundle.entries[index]; }
    // The marks of the query's words in an entry's title and body, made for
    // the rows drawn, not for every hit of a large result.
    const EntryHighlights& highlights(std::uint32_t entry);
    // Count the changes of the results, and of anything in the view (results
    // or open rows), so that views can tell that what they laid out is old.
    std::uint64_t results_version() const { return results_version_; }
    std::uint64_t view_version() const { return view_version_; }

    // ---- open rows, by entry index (the JS API opens by id) ----
    bool is_open(std::uint32_t entry) const;
    void set_open(std::uint32_t entry, bool open);
    bool expand(std::string_view id, bool open);  // false if no entry has that id
    // The entry a deep link opened, to be scrolled to once shown (taken once).
    std::optional<std::uint32_t> take_reveal();

    // ---- keyboard selection: a result row, and an action of that row ----
    int selected() const { return selected_; }
    void select(int row);
    int focused_action() const { return focused_action_; }
    void focus_action(int action) { focused_action_ = action; }

    // ---- what an open row offers ----
    std::vector<RowAction> row_actions(const Entry& entry) const;
    void run_action(const RowAction& action, const Entry& entry);
    void retry() { host_.retry(); }

private:
    // The one place a change of the view ends: the results are searched again
    // (when `results_changed`), the selection is reset and the host told.
    void view_changed(bool results_changed);
    // Asks the ResultSource again, for the open rows' whole entries too.
    void ask_source();

    void make_search_hint();
    void find_closed();
    SearchRequest results_request() const;
    std::size_t bundle_count(Kind kind) const;

    ViewHost& host_;
    Language language_ = Language::en;
    std::unique_ptr<LoadResult> loaded_;
    std::unique_ptr<SearchIndex> index_;  // of the whole bundle, or of the last answer's page
    ResultSource* source_ = nullptr;      // set while a bundle searched elsewhere is shown
    std::size_t searched_counts_[2] = {};  // its publications and jobs
    std::uint64_t asked_version_ = 0;      // of the last ask
    std::uint64_t shown_version_ = 0;      // of the answer shown
    bool asked_same_results_ = false;      // the last ask only adds open rows' entries or more rows to the results shown
    std::size_t asked_rows_ = kAskedRows;  // hits asked of the ResultSource for these results
    std::size_t rows_in_view_ = 0;         // folded rows the list shows at once; 0 until told
    std::vector<std::string> asked_open_;  // the ids the last ask asked whole entries for
    std::string pending_open_;             // an entry a deep link opens once an answer holds it
    std::string error_;
    std::string search_hint_;
    bool loading_ = true;
    std::size_t bytes_received_ = 0;
    std::size_t bytes_total_ = 0;
    std::optional<WorkProgress> work_;
    std::int64_t today_ = today_day_number();
    std::vector<std::uint32_t> closed_;  // postings past valid_through, in bundle order

    ViewState view_;
    SearchResult results_;
    bool results_dirty_ = true;
    std::uint64_t results_version_ = 0;
    std::uint64_t view_version_ = 0;
    SearchResult facet_counts_;
    bool facet_counts_dirty_ = true;
    std::optional<std::uint32_t> offered_facets_[3];  // by kind switch: all, publications, jobs
    std::unordered_map<std::uint32_t, EntryHighlights> highlights_;
    std::vector<std::uint32_t> open_;  // entry indices, in the order opened
    std::optional<std::uint32_t> reveal_;
    int selected_ = -1;
    int focused_action_ = -1;
};

}  // namespace pv::ui
