#include "core/search/search_index.h"

#include "core/search/score_order.h"

#include "core/formats/pack_io.h"
#include "core/search/query.h"
#include "core/search/term_index.h"
#include "core/search/facet_table.h"
#include "core/search/scoring.h"
#include "core/text/text.h"

#include <algorithm>
#include <climits>
#include <cstring>
#include <numeric>
#include <utility>

namespace pv {

const char* facet_field_name(FacetField field) {
    static constexpr const char* kNames[kFacetFieldCount] = {"kind", "year", "venue", "author", "tag", "country", "city", "team", "type"};
    return kNames[static_cast<std::size_t>(field)];
}

bool FacetSelection::empty() const {
    return std::all_of(std::begin(values), std::end(values), [](const auto& v) { return v.empty(); });
}

void FacetSelection::clear() {
    for (auto& v : values) v.clear();
}

namespace {

// Reading a candidate entry's text costs about as much as reading this many
// postings. Once the words read so far leave fewer candidates than a word's
// postings would cost, that word is checked in the candidates' text instead.
constexpr std::size_t kTextScanCostPerEntry = 2000;

// One clause of the query with the words it matches (a phrase: each of its words).
struct ClausePlan {
    const QueryClause* clause = nullptr;
    std::vector<detail::WordMatcher> words;
    std::size_t cost = 0;  // postings to read
};

// What one search keeps per entry, dense so that clauses combine in O(postings).
struct Accumulator {
    explicit Accumulator(std::size_t entries)
        : score(entries, 0.0f), title_matched(entries, 0.0f), clauses_matched(entries, 0), words_in_title(entries, 0),
          excluded(entries, 0), scratch(entries) {}
    void add(const detail::EntryScore& s, const QueryClause& clause) {
        if (clauses_matched[s.entry]++ == 0) touched.push_back(s.entry);
        score[s.entry] += s.score;
        if (s.title > 0) {
            title_matched[s.entry] += s.title;
            words_in_title[s.entry] += static_cast<std::uint8_t>(clause.terms.size());
        }
    }
    std::vector<float> score;
    std::vector<float> title_matched;         // for detail::title_fit
    std::vector<std::uint8_t> clauses_matched;
    std::vector<std::uint8_t> words_in_title;
    std::vector<std::uint8_t> excluded;
    std::vector<std::uint32_t> touched;  // entries some positive clause matched, in first-match order
    detail::ScoreScratch scratch;        // for Scorer::score_from_postings
};

// The entries of `list` that `keep` accepts, in bundle order. `keep` must reject
// every entry not in `list`: a long list is cheaper to find again by scanning
// every entry than to sort.
template <class Keep>
std::vector<std::uint32_t> in_bundle_order(std::vector<std::uint32_t> list, std::size_t entry_count, Keep&& keep) {
    std::vector<std::uint32_t> kept;
    if (list.size() > entry_count / 32) {
        for (std::uint32_t entry = 0; entry < entry_count; ++entry)
            if (keep(entry)) kept.push_back(entry);
        return kept;
    }
    std::sort(list.begin(), list.end());
    for (std::uint32_t entry : list)
        if (keep(entry)) kept.push_back(entry);
    return kept;
}

}  // namespace

// The positive clauses of a query, kept so that highlights can be made later
// for the rows a list draws. The word lists point into `clauses`.
struct detail::HighlightPlan {
    std::vector<ClausePlan> clauses;
    std::vector<const detail::WordMatcher*> title_words, body_words;
};

// A bundle's entries, as the scorer reads them.
class BundleEntries final : public EntrySource {
public:
    explicit BundleEntries(const Bundle* bundle) : bundle_(bundle) {}
    const Entry& entry(std::uint32_t id) const override { return bundle_->entries[id]; }

private:
    const Bundle* bundle_;
};

struct SearchIndex::Impl {
    Impl(const Bundle& b, const ProgressHook& progress);
    Impl(const Bundle& b, detail::PackReader& in);
    Impl(std::size_t entry_count, const EntrySource& source, const detail::PostingBlocks& blocks, detail::PackReader& in);
    void set_keys();
    void read_title_order(detail::PackReader& in);

    SearchResult search(const SearchRequest& request) const;

    ClausePlan plan(const QueryClause& clause) const;
    std::vector<detail::EntryScore> score_from_postings(const ClausePlan& plan, Accumulator& acc) const;
    // Every clause must match; returns the entries that match them all.
    std::vector<std::uint32_t> match_all(const std::vector<ClausePlan>& plans, Accumulator& acc) const;
    // Any clause may match.
    void match_any(const std::vector<ClausePlan>& plans, Accumulator& acc) const;
    void add_author_pair_bonus(const ParsedQuery& query, Accumulator& acc) const;
    void multiply_by_title_fit(const std::vector<std::uint32_t>& entries, const std::vector<ClausePlan>& plans, Accumulator& acc) const;
    bool allowed_by_query(std::uint32_t entry, const ParsedQuery& query) const;
    void sort_top(std::vector<std::uint32_t>& entries, const std::vector<float>& scores, SortOrder order,
                  std::size_t limit) const;
    std::vector<Highlight> highlights(std::string_view text, const std::vector<const detail::WordMatcher*>& words) const;

    const Bundle* bundle;  // null for an index of shards
    BundleEntries bundle_entries;
    const EntrySource* entries;
    detail::TermIndex index;
    detail::Scorer scorer;
    detail::FacetTable facets;
    // Sort keys, compact so that sorting 100,000 hits stays in cache.
    std::vector<std::uint32_t> title_order;  // each entry's position when sorted by folded title
    std::vector<int> rank_key;               // rank, INT_MAX without one
    std::vector<int> year_key;               // year, INT_MIN without one
    std::vector<Kind> kind_key;
    // False for an index read with read_tables() until read_facets() and
    // read_sort_keys(): its facet table then holds the kinds only.
    bool has_facets = true;
    bool has_sort_keys = true;
};

SearchIndex::Impl::Impl(const Bundle& b, const ProgressHook& progress)
    : bundle(&b), bundle_entries(&b), entries(&bundle_entries), index(b, progress), scorer(index, *entries), facets(b, progress) {
    const std::size_t n = b.entries.size();
    report(progress, WorkStage::indexing, n, n);
    std::vector<std::string> folded_titles(n);
    for (std::size_t e = 0; e < n; ++e) {
        folded_titles[e] = text::fold(b.entries[e].title);
        if (e % 4096 == 4095) report(progress, WorkStage::indexing, n, n);
    }
    std::vector<std::uint32_t> by_title(n);
    std::iota(by_title.begin(), by_title.end(), 0u);
    std::stable_sort(by_title.begin(), by_title.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return folded_titles[a] < folded_titles[b]; });
    title_order.resize(n);
    for (std::uint32_t position = 0; position < n; ++position) title_order[by_title[position]] = position;
    set_keys();
}

SearchIndex::Impl::Impl(const Bundle& b, detail::PackReader& in)
    : bundle(&b), bundle_entries(&b), entries(&bundle_entries), index(b, in), scorer(index, *entries),
      facets(b.entries.size(), in) {
    read_title_order(in);
    if (!in.failed()) set_keys();
}

SearchIndex::Impl::Impl(std::size_t entry_count, const EntrySource& source, const detail::PostingBlocks& blocks,
                        detail::PackReader& in)
    : bundle(nullptr), bundle_entries(nullptr), entries(&source), index(entry_count, in, blocks), scorer(index, *entries),
      has_facets(false), has_sort_keys(false) {
    in.section("year and kind keys");
    year_key = in.array<int>();
    const std::vector<std::uint8_t> kinds = in.array<std::uint8_t>();
    if (in.failed()) return;
    if (year_key.size() != entry_count || kinds.size() != entry_count) { in.fail("its year and kind keys do not match its entries"); return; }
    kind_key.reserve(entry_count);
    for (std::uint8_t kind : kinds) {
        if (kind > static_cast<std::uint8_t>(Kind::job)) { in.fail("an entry's kind is out of range"); return; }
        kind_key.push_back(static_cast<Kind>(kind));
    }
    facets = detail::FacetTable(kind_key);
}

void SearchIndex::Impl::read_title_order(detail::PackReader& in) {
    in.section("title order");
    title_order = in.array<std::uint32_t>();
    if (in.failed()) return;
    // Sorting trusts it to be a permutation of the entries.
    std::vector<bool> seen(index.entry_count());
    for (std::uint32_t position : title_order) {
        if (position >= seen.size() || seen[position]) { in.fail("its title order is not a permutation"); return; }
        seen[position] = true;
    }
    if (title_order.size() != index.entry_count()) { in.fail("its title order does not match its entries"); return; }
}

void SearchIndex::Impl::set_keys() {
    rank_key.reserve(bundle->entries.size());
    year_key.reserve(bundle->entries.size());
    kind_key.reserve(bundle->entries.size());
    for (const Entry& entry : bundle->entries) {
        rank_key.push_back(entry.rank.value_or(INT_MAX));
        year_key.push_back(entry.year.value_or(INT_MIN));
        kind_key.push_back(entry.kind);
    }
}

ClausePlan SearchIndex::Impl::plan(const QueryClause& clause) const {
    ClausePlan plan;
    plan.clause = &clause;
    if (clause.phrase()) {
        plan.cost = SIZE_MAX;
        for (const std::string& term : clause.terms) {
            plan.words.emplace_back(index, term, false, false);
            plan.cost = std::min(plan.cost, plan.words.back().postings_cost());
        }
    } else {
        plan.words.emplace_back(index, clause.terms.front(), clause.prefix, !clause.exact);
        plan.cost = plan.words.front().postings_cost();
    }
    return plan;
}

std::vector<detail::EntryScore> SearchIndex::Impl::score_from_postings(const ClausePlan& plan, Accumulator& acc) const {
    if (plan.clause->phrase()) return scorer.score_phrase(*plan.clause);
    return scorer.score_from_postings(*plan.clause, plan.words.front(), acc.scratch);
}

std::vector<std::uint32_t> SearchIndex::Impl::match_all(const std::vector<ClausePlan>& plans, Accumulator& acc) const {
    std::vector<std::uint32_t> candidates;
    for (std::size_t k = 0; k < plans.size(); ++k) {
        const ClausePlan& plan = plans[k];
        const bool scan_text = k > 0 && !plan.clause->phrase() && candidates.size() * kTextScanCostPerEntry < plan.cost;
        if (scan_text) {
            for (std::uint32_t entry : candidates)
                if (detail::EntryScore s = scorer.score_from_text(*plan.clause, plan.words.front(), entry); s.score > 0) acc.add(s, *plan.clause);
        } else {
            for (const detail::EntryScore& s : score_from_postings(plan, acc)) acc.add(s, *plan.clause);
        }
        const std::vector<std::uint32_t>& before = k == 0 ? acc.touched : candidates;
        std::vector<std::uint32_t> still;
        for (std::uint32_t entry : before)
            if (acc.clauses_matched[entry] == k + 1) still.push_back(entry);
        candidates.swap(still);
        if (candidates.empty()) break;
    }
    return candidates;
}

void SearchIndex::Impl::match_any(const std::vector<ClausePlan>& plans, Accumulator& acc) const {
    for (const ClausePlan& plan : plans)
        for (const detail::EntryScore& s : score_from_postings(plan, acc)) acc.add(s, *plan.clause);
}

// Two neighbouring words of the query that are neighbours in one author's name
// ("doug terry") score that entry as if the pair were one more word: the entry
// is by that person, not by a Doug and a Terry.
void SearchIndex::Impl::add_author_pair_bonus(const ParsedQuery& query, Accumulator& acc) const {
    auto plain_word = [](const QueryClause& c) {
        return !c.negated && !c.phrase() && (!c.in_field || c.field == TextField::authors);
    };
    for (std::size_t i = 0; i + 1 < query.clauses.size(); ++i) {
        const QueryClause& first = query.clauses[i];
        const QueryClause& second = query.clauses[i + 1];
        if (!plain_word(first) || !plain_word(second)) continue;
        QueryClause pair;
        pair.terms = {detail::author_word_pair(first.terms.front(), second.terms.front())};
        pair.exact = pair.in_field = true;
        pair.field = TextField::authors;
        const detail::WordMatcher word(index, pair.terms.front(), false, false);
        if (word.expansions().empty()) continue;
        for (const detail::EntryScore& s : scorer.score_from_postings(pair, word, acc.scratch)) acc.score[s.entry] += s.score;
    }
}

// How well the query fits each entry's title scales its score (detail::title_fit).
void SearchIndex::Impl::multiply_by_title_fit(const std::vector<std::uint32_t>& entries, const std::vector<ClausePlan>& plans,
                                              Accumulator& acc) const {
    std::size_t words = 0;
    for (const ClausePlan& plan : plans) words += plan.clause->terms.size();
    for (std::uint32_t entry : entries)
        acc.score[entry] *= detail::title_fit(acc.title_matched[entry], acc.words_in_title[entry], words,
                                              index.field_length(entry, TextField::title));
}

bool SearchIndex::Impl::allowed_by_query(std::uint32_t entry, const ParsedQuery& query) const {
    if (query.kinds != ParsedQuery::kAllKinds && !query.allows(kind_key[entry])) return false;
    return !query.year_filtered || (year_key[entry] >= query.first_year && year_key[entry] <= query.last_year);
}

// Puts the first `limit` entries in order; only those are shown, so the rest stay unsorted.
void SearchIndex::Impl::sort_top(std::vector<std::uint32_t>& entries, const std::vector<float>& scores, SortOrder order,
                                 std::size_t limit) const {
    auto sort = [&](auto before) {
        if (limit < entries.size())
            std::partial_sort(entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(limit), entries.end(), before);
        else
            std::sort(entries.begin(), entries.end(), before);
    };
    // Ties always fall back to bundle order, so results never shuffle between keystrokes.
    switch (order) {
        case SortOrder::relevance:
            return detail::order_by_score(entries, scores, limit);
        case SortOrder::rank:
            return sort([&](std::uint32_t a, std::uint32_t b) { return rank_key[a] != rank_key[b] ? rank_key[a] < rank_key[b] : a < b; });
        case SortOrder::year:
            return sort([&](std::uint32_t a, std::uint32_t b) {
                return year_key[a] != year_key[b] ? year_key[a] > year_key[b] : title_order[a] < title_order[b];
            });
        case SortOrder::title:
            return sort([&](std::uint32_t a, std::uint32_t b) { return title_order[a] < title_order[b]; });
    }
}

std::vector<Highlight> SearchIndex::Impl::highlights(std::string_view text,
                                                    const std::vector<const detail::WordMatcher*>& words) const {
    std::vector<Highlight> ranges;
    if (words.empty()) return ranges;
    for (const text::Token& token : text::tokenize(text))
        if (std::any_of(words.begin(), words.end(), [&](const detail::WordMatcher* w) { return w->weight(token.term) > 0; }))
            ranges.push_back({token.begin, token.end});
    std::sort(ranges.begin(), ranges.end(), [](const Highlight& a, const Highlight& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    std::vector<Highlight> merged;
    for (const Highlight& range : ranges) {
        if (!merged.empty() && range.begin <= merged.back().end) merged.back().end = std::max(merged.back().end, range.end);
        else merged.push_back(range);
    }
    return merged;
}

SearchResult SearchIndex::Impl::search(const SearchRequest& request) const {
    SearchResult result;
    const ParsedQuery query = parse_query(request.query);
    result.hints = query.hints;
    const std::size_t entry_count = index.entry_count();

    Accumulator acc(entry_count);
    auto marks = std::make_shared<detail::HighlightPlan>();
    std::vector<ClausePlan>& positive = marks->clauses;
    std::vector<const detail::WordMatcher*>& title_words = marks->title_words;  // what highlights mark
    std::vector<const detail::WordMatcher*>& body_words = marks->body_words;
    for (const QueryClause& clause : query.clauses) {
        ClausePlan p = plan(clause);
        if (clause.negated) {
            for (const detail::EntryScore& s : score_from_postings(p, acc)) acc.excluded[s.entry] = 1;
        } else {
            positive.push_back(std::move(p));
        }
    }
    // Cheapest first: later words then only need checking in what is left.
    std::stable_sort(positive.begin(), positive.end(), [](const ClausePlan& a, const ClausePlan& b) { return a.cost < b.cost; });
    for (const ClausePlan& p : positive) {
        for (const detail::WordMatcher& word : p.words) {
            if (!p.clause->in_field || p.clause->field == TextField::title) title_words.push_back(&word);
            if (!p.clause->in_field || p.clause->field == TextField::body) body_words.push_back(&word);
        }
    }

    for (std::uint32_t entry : request.hidden)
        if (entry < entry_count) acc.excluded[entry] = 1;
    auto usable = [&](std::uint32_t entry) { return !acc.excluded[entry] && allowed_by_query(entry, query); };
    std::vector<std::uint32_t> matches;
    if (positive.empty()) {
        for (std::uint32_t entry = 0; entry < entry_count; ++entry)
            if (usable(entry)) matches.push_back(entry);
    } else {
        const auto all_clauses = static_cast<std::uint8_t>(positive.size());
        matches = in_bundle_order(match_all(positive, acc), entry_count,
                                  [&](std::uint32_t entry) { return acc.clauses_matched[entry] == all_clauses && usable(entry); });
        if (matches.empty()) {
            // Nothing has every word: show what has some of them, best first.
            std::vector<std::uint8_t> excluded = std::move(acc.excluded);
            acc = Accumulator(entry_count);
            acc.excluded = std::move(excluded);
            match_any(positive, acc);
            matches = in_bundle_order(acc.touched, entry_count, [&](std::uint32_t entry) { return acc.clauses_matched[entry] > 0 && usable(entry); });
            if (!matches.empty()) {
                result.fallback = true;
                result.hints.push_back("no exact match, showing close ones");
            }
        }
    }

    if (!matches.empty()) add_author_pair_bonus(query, acc);

    detail::FacetTable::Outcome outcome =
        facets.apply(matches, request.filters, request.kind, request.facets ? request.facet_fields : 0, request.facet_values);
    result.facets = std::move(outcome.facets);
    result.total = outcome.passing.size();
    const std::size_t shown = std::min(request.limit, outcome.passing.size());
    if (request.sort == SortOrder::relevance && !positive.empty()) multiply_by_title_fit(outcome.passing, positive, acc);
    sort_top(outcome.passing, acc.score, request.sort, shown);
    result.hits.reserve(shown);
    for (std::size_t i = 0; i < shown; ++i) {
        const std::uint32_t entry = outcome.passing[i];
        if (!request.highlights) {
            result.hits.push_back(Hit{entry, acc.score[entry], {}, {}});
            continue;
        }
        const Entry& e = entries->entry(entry);
        result.hits.push_back(Hit{entry, acc.score[entry], highlights(e.title, title_words), highlights(e.body, body_words)});
    }
    if (!request.highlights) {
        for (ClausePlan& p : marks->clauses) p.clause = nullptr;  // it points into this call's parsed query
        result.highlight_plan = std::move(marks);
    }
    return result;
}

EntryHighlights SearchIndex::highlight(const SearchResult& result, std::uint32_t entry) const {
    const detail::HighlightPlan* plan = result.highlight_plan.get();
    if (!plan || entry >= impl_->index.entry_count()) return {};
    const Entry& e = impl_->entries->entry(entry);
    return {impl_->highlights(e.title, plan->title_words), impl_->highlights(e.body, plan->body_words)};
}

SearchIndex::SearchIndex(const Bundle& bundle, const ProgressHook& progress)
    : impl_(std::make_unique<Impl>(bundle, progress)) {}
SearchIndex::SearchIndex(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SearchIndex::~SearchIndex() = default;
SearchIndex::SearchIndex(SearchIndex&&) noexcept = default;
SearchIndex& SearchIndex::operator=(SearchIndex&&) noexcept = default;

SearchResult SearchIndex::search(const SearchRequest& request) const { return impl_->search(request); }
const Bundle& SearchIndex::bundle() const { return *impl_->bundle; }

std::uint32_t SearchIndex::facet_fields_with_values(std::optional<Kind> kind) const {
    return impl_->facets.fields_with_values(impl_->kind_key, kind);
}

void SearchIndex::write(detail::PackWriter& out) const {
    impl_->index.write(out);
    impl_->facets.write(out);
    out.array(impl_->title_order);
}

void SearchIndex::write_tables(detail::PackWriter& out) const {
    impl_->index.write_vocabulary(out);
    out.array(impl_->year_key);
    std::vector<std::uint8_t> kinds;
    kinds.reserve(impl_->kind_key.size());
    for (Kind kind : impl_->kind_key) kinds.push_back(static_cast<std::uint8_t>(kind));
    out.array(kinds);
}

void SearchIndex::write_facets(detail::PackWriter& out) const { impl_->facets.write(out); }

void SearchIndex::write_sort_keys(detail::PackWriter& out) const {
    out.array(impl_->title_order);
    out.array(impl_->rank_key);
}

bool SearchIndex::read_facets(detail::PackReader& in) {
    detail::FacetTable facets(impl_->index.entry_count(), in);
    if (!in.failed() && !facets.kinds_match(impl_->kind_key)) in.fail("its kinds do not match the index's");
    if (in.failed()) return false;
    impl_->facets = std::move(facets);
    impl_->has_facets = true;
    return true;
}

bool SearchIndex::read_sort_keys(detail::PackReader& in) {
    impl_->read_title_order(in);
    in.section("rank keys");
    std::vector<int> rank_key = in.array<int>();
    if (!in.failed() && rank_key.size() != impl_->index.entry_count()) in.fail("its rank keys do not match its entries");
    if (in.failed()) {
        impl_->title_order.clear();
        return false;
    }
    impl_->rank_key = std::move(rank_key);
    impl_->has_sort_keys = true;
    return true;
}

bool SearchIndex::has_facets() const { return impl_->has_facets; }
bool SearchIndex::has_sort_keys() const { return impl_->has_sort_keys; }

std::size_t SearchIndex::term_count() const { return impl_->index.term_count(); }

std::string_view SearchIndex::postings_of(std::uint32_t first_term, std::uint32_t last_term) const {
    return impl_->index.postings_of(first_term, last_term);
}

std::uint32_t SearchIndex::posting_offset(std::uint32_t term) const { return impl_->index.posting_offset(term); }

const char* SearchIndex::postings_problem(std::uint32_t first_term, std::uint32_t last_term, std::string_view bytes) const {
    const detail::TermIndex& index = impl_->index;
    if (first_term > last_term || last_term > index.term_count() ||
        bytes.size() != index.posting_offset(last_term) - index.posting_offset(first_term))
        return "its size does not match the index";
    return index.postings_problem(first_term, last_term, reinterpret_cast<const std::uint8_t*>(bytes.data()));
}

IndexedBundle index_bundle(LoadResult loaded, const ProgressHook& progress) {
    IndexedBundle out{std::make_unique<LoadResult>(std::move(loaded)), nullptr};
    if (out.loaded->usable) out.index = std::make_unique<SearchIndex>(out.loaded->bundle, progress);
    return out;
}

std::unique_ptr<SearchIndex> SearchIndex::read(const Bundle& bundle, detail::PackReader& in) {
    auto impl = std::make_unique<Impl>(bundle, in);
    if (in.failed()) return nullptr;
    return std::unique_ptr<SearchIndex>(new SearchIndex(std::move(impl)));
}

std::unique_ptr<SearchIndex> SearchIndex::read_tables(std::size_t entry_count, const EntrySource& entries,
                                                      const detail::PostingBlocks& blocks, detail::PackReader& in) {
    auto impl = std::make_unique<Impl>(entry_count, entries, blocks, in);
    if (in.failed()) return nullptr;
    return std::unique_ptr<SearchIndex>(new SearchIndex(std::move(impl)));
}

}  // namespace pv
