#include "core/search/search_index_impl.h"

#include "core/search/query.h"
#include "core/search/score_order.h"
#include "core/text/text.h"

#include <algorithm>
#include <climits>
#include <cstring>
#include <numeric>
#include <optional>
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

// The entries of `list` that `keep` accepts, in bundle order. `keep` must reject
// every entry not in `list`: a long list is cheaper to find again by scanning
// every entry than to sort.
template <class Keep>
std::vector<std::uint32_t> in_bundle_order(std::vector<std::uint32_t> list, std::size_t entry_count, Keep&& keep) {
    std::vector<std::uint32_t> kept;
    const bool sorted = std::is_sorted(list.begin(), list.end());  // a word's postings' entries often are
    if (!sorted && list.size() > entry_count / 32) {
        // Each entry written, then counted if kept: no branch that half of a
        // million entries would mispredict. `keep` passes no more than `list` holds.
        kept.resize(list.size() + 1);
        std::size_t count = 0;
        for (std::uint32_t entry = 0; entry < entry_count; ++entry) {
            kept[count] = entry;
            count += keep(entry) ? 1 : 0;
        }
        kept.resize(count);
        return kept;
    }
    if (!sorted) std::sort(list.begin(), list.end());
    kept.reserve(list.size());
    for (std::uint32_t entry : list)
        if (keep(entry)) kept.push_back(entry);
    return kept;
}

}  // namespace

// One clause of the query with the words it matches (a phrase: each of its words).
struct detail::ClausePlan {
    const QueryClause* clause = nullptr;
    std::vector<std::shared_ptr<const WordMatcher>> words;
    std::size_t cost = 0;  // postings to read
};

// The positive clauses of a query, kept so that highlights can be made later
// for the rows a list draws. The word lists point to `clauses`' matchers.
struct detail::HighlightPlan {
    std::vector<ClausePlan> clauses;
    std::vector<const detail::WordMatcher*> title_words, body_words;
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

void SearchIndex::Impl::set_keys() {
    rank_key.reserve(bundle->entries.size());
    year_key.reserve(bundle->entries.size());
    kind_key.reserve(bundle->entries.size());
    for (const Entry& entry : bundle->entries) {
        rank_key.push_back(entry.rank.value_or(INT_MAX));
        year_key.push_back(entry.year ? static_cast<std::int16_t>(*entry.year) : kNoYear);  // load_bundle's range
        kind_key.push_back(entry.kind);
    }
}

namespace {

detail::WordCache::Key cache_key(const QueryClause& clause) {
    return {clause.terms.front(), clause.prefix, !clause.exact, clause.in_field, clause.field};
}

}  // namespace

detail::ClausePlan SearchIndex::Impl::plan(const QueryClause& clause) const {
    detail::ClausePlan plan;
    plan.clause = &clause;
    if (clause.phrase()) {
        plan.cost = SIZE_MAX;
        for (const std::string& term : clause.terms) {
            plan.words.push_back(std::make_shared<const detail::WordMatcher>(index, term, false, false));
            plan.cost = std::min(plan.cost, plan.words.back()->postings_cost());
        }
    } else {
        const detail::WordCache::Key key = cache_key(clause);
        auto make = [&] { return detail::WordMatcher(index, key.word, key.prefix, key.fuzzy); };
        plan.words.push_back(word_cache.matcher(key, make));
        plan.cost = plan.words.front()->postings_cost();
    }
    return plan;
}

// A word's scores in all entries are kept for the next searches; scores in
// only some (`only`) are not, but a word's kept scores serve them too.
std::shared_ptr<const detail::EntryScores> SearchIndex::Impl::score_from_postings(const detail::ClausePlan& plan,
                                                                                   detail::ScoreScratch& scratch,
                                                                                   detail::ScoredEntries only) const {
    if (plan.clause->phrase()) return std::make_shared<const detail::EntryScores>(scorer.score_phrase(*plan.clause));
    const detail::WordMatcher& word = *plan.words.front();
    auto score = [&] { return scorer.score_from_postings(*plan.clause, word, scratch, only); };
    if (!only.all()) {
        auto kept = word_cache.kept(cache_key(*plan.clause));
        return kept ? kept : std::make_shared<const detail::EntryScores>(score());
    }
    auto complete = [&] {
        return std::all_of(word.expansions().begin(), word.expansions().end(),
                           [&](const detail::Expansion& e) { return index.has_postings(e.term); });
    };
    return word_cache.scores(cache_key(*plan.clause), plan.words.front(), score, complete);
}

void SearchIndex::Impl::add_from_postings(const detail::ClausePlan& plan, detail::Accumulator& acc, detail::ScoredEntries only) const {
    const QueryClause& clause = *plan.clause;
    std::uint32_t fewest = 0;  // the entries a word is in, at least: its commonest term's
    if (!clause.phrase())
        for (const detail::Expansion& expansion : plan.words.front()->expansions())
            fewest = std::max(fewest, index.entry_frequency(expansion.term));
    if (!detail::WordCache::keeps(fewest)) {
        struct Adding final : detail::ScoreVisitor {
            detail::Accumulator& acc;
            const QueryClause& clause;
            Adding(detail::Accumulator& a, const QueryClause& c) : acc(a), clause(c) {}
            void visit(const detail::EntryScore& score) override { acc.add(score, clause); }
        } adding(acc, clause);
        scorer.score_from_postings(clause, *plan.words.front(), acc.scratch, only, adding);
        return;
    }
    const auto scores = score_from_postings(plan, acc.scratch, only);  // the loop below must not outlive it
    for (const detail::EntryScore& s : *scores) acc.add(s, clause);
}

// The letter typed as a query's first keystroke is its costliest: a prefix of
// one letter reads up to kPrefixPostingBudget postings, where a longer word
// reads a few. Its scores, kept as a search keeps them, make that keystroke
// cost what the later ones do. The costliest letters first; no more once the
// kept scores fill half the cache, so that the words typed keep the other
// half, or once a letter matches too many entries for the cache to keep. Not
// for an index of shards: it would fetch postings no query asked for.
bool SearchIndex::Impl::prepare_first_letter() {
    constexpr int kLetters = 26;
    if (!bundle || word_cache.kept_scores() > detail::WordCache::kScores / 2) return false;
    std::optional<ParsedQuery> costliest;
    std::size_t most = 0;
    int chosen = -1;
    for (int k = 0; k < kLetters; ++k) {
        if (letters_prepared & (1u << k)) continue;
        ParsedQuery query = parse_query(std::string(1, static_cast<char>('a' + k)));
        const std::size_t cost = query.clauses.size() == 1 ? plan(query.clauses.front()).cost : 0;
        if (chosen < 0 || cost > most) {
            most = cost;
            chosen = k;
            costliest = std::move(query);
        }
    }
    if (chosen < 0) return false;
    letters_prepared |= 1u << chosen;
    if (most == 0) return true;  // no word starts with it
    const std::size_t kept = word_cache.kept_scores();
    const detail::AccumulatorPool::Lease lease = accumulators.take(index.entry_count());  // for its scratch
    score_from_postings(plan(costliest->clauses.front()), lease.accumulator->scratch);
    // Scores too many to keep (word_cache.h): so would the next letters' be.
    return word_cache.kept_scores() > kept;
}

std::vector<std::uint32_t> SearchIndex::Impl::match_all(const std::vector<detail::ClausePlan>& plans, detail::Accumulator& acc) const {
    std::vector<std::uint32_t> candidates;
    for (std::size_t k = 0; k < plans.size(); ++k) {
        const detail::ClausePlan& plan = plans[k];
        // Once the words read so far leave candidates whose text costs less to
        // read than this word's postings, the word is checked in their text.
        // Both give the same scores, unless the word's postings leave out rare
        // completions of a short prefix (WordMatcher::capped) that the text
        // would find: such a word is priced as if its text were in memory
        // (EntrySource's own price, past any override), wherever it is, so
        // that a sharded bundle answers as one file does.
        const bool scan_text = k > 0 && !plan.clause->phrase() &&
                               (plan.words.front()->capped() ? entries->EntrySource::text_cheaper(candidates, plan.cost)
                                                             : entries->text_cheaper(candidates, plan.cost));
        if (scan_text) {
            for (std::uint32_t entry : candidates)
                if (detail::EntryScore s = scorer.score_from_text(*plan.clause, *plan.words.front(), entry); s.score > 0) acc.add(s, *plan.clause);
        } else {
            // After the first word, the word is scored only in the candidates
            // left (those that matched the k words before it); the rest would be dropped.
            const detail::ScoredEntries only{k > 0 ? acc.clauses_matched.data() : nullptr, static_cast<std::uint8_t>(k)};
            add_from_postings(plan, acc, only);
        }
        if (k == 0) {
            candidates = acc.touched;  // each scored once: all matched the first word
        } else {
            std::vector<std::uint32_t> still;
            for (std::uint32_t entry : candidates)
                if (acc.clauses_matched[entry] == k + 1) still.push_back(entry);
            candidates.swap(still);
        }
        if (candidates.empty()) break;
    }
    return candidates;
}

void SearchIndex::Impl::match_any(const std::vector<detail::ClausePlan>& plans, detail::Accumulator& acc) const {
    for (const detail::ClausePlan& plan : plans) add_from_postings(plan, acc);
}

// Two neighbouring words of the query that are neighbours in one author's name
// ("doug terry") score that entry as if the pair were one more word: the entry
// is by that person, not by a Doug and a Terry.
void SearchIndex::Impl::add_author_pair_bonus(const ParsedQuery& query, detail::Accumulator& acc) const {
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
        for (const detail::EntryScore& s : scorer.score_from_postings(pair, word, acc.scratch))
            if (acc.clauses_matched[s.entry]) acc.score[s.entry] += s.score;  // only a match's score is read
    }
}

// How well the query fits each entry's title scales its score (detail::title_fit).
void SearchIndex::Impl::multiply_by_title_fit(const std::vector<std::uint32_t>& entries,
                                              const std::vector<detail::ClausePlan>& plans, detail::Accumulator& acc) const {
    std::size_t words = 0;
    for (const detail::ClausePlan& plan : plans) words += plan.clause->terms.size();
    for (std::uint32_t entry : entries)
        if (acc.title_matched[entry] > 0)  // else a factor of 1
            acc.score[entry] *= detail::title_fit(acc.title_matched[entry], acc.words_in_title[entry], words,
                                                  index.field_length(entry, TextField::title));
}

bool SearchIndex::Impl::allowed_by_query(std::uint32_t entry, const ParsedQuery& query) const {
    if (query.kinds != ParsedQuery::kAllKinds && !query.allows(kind_key[entry])) return false;
    return !query.year_filtered || (year_of(entry) >= query.first_year && year_of(entry) <= query.last_year);
}

// Puts the first `limit` entries in order: only those are shown, so the rest
// are left unsorted or dropped.
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
        case SortOrder::rank:  // INT_MAX (no rank) last: the sign bit flipped orders ints as unsigned
            return detail::order_by_key(entries, limit, [&](std::uint32_t e) { return static_cast<std::uint32_t>(rank_key[e]) ^ 0x80000000u; });
        case SortOrder::year:
            return sort([&](std::uint32_t a, std::uint32_t b) {
                return year_key[a] != year_key[b] ? year_key[a] > year_key[b] : title_order[a] < title_order[b];
            });
        case SortOrder::title:
            return detail::order_by_key(entries, limit, [&](std::uint32_t e) { return title_order[e]; });
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

    const detail::AccumulatorPool::Lease lease = accumulators.take(entry_count);
    detail::Accumulator& acc = *lease.accumulator;
    auto marks = std::make_shared<detail::HighlightPlan>();
    std::vector<detail::ClausePlan>& positive = marks->clauses;
    std::vector<const detail::WordMatcher*>& title_words = marks->title_words;  // what highlights mark
    std::vector<const detail::WordMatcher*>& body_words = marks->body_words;
    for (const QueryClause& clause : query.clauses) {
        detail::ClausePlan p = plan(clause);
        if (clause.negated) {
            const auto scores = score_from_postings(p, acc.scratch);
            for (const detail::EntryScore& s : *scores) acc.exclude(s.entry);
        } else {
            positive.push_back(std::move(p));
        }
    }
    // Cheapest first: later words then only need checking in what is left.
    // Stable, by insertion: a query has a few clauses, and std::stable_sort's
    // merging code would cost 1 KB of gzipped wasm.
    for (std::size_t i = 1; i < positive.size(); ++i)
        for (std::size_t j = i; j > 0 && positive[j].cost < positive[j - 1].cost; --j) std::swap(positive[j], positive[j - 1]);
    for (const detail::ClausePlan& p : positive) {
        for (const auto& word : p.words) {
            if (!p.clause->in_field || p.clause->field == TextField::title) title_words.push_back(word.get());
            if (!p.clause->in_field || p.clause->field == TextField::body) body_words.push_back(word.get());
        }
    }

    for (std::uint32_t entry : request.hidden)
        if (entry < entry_count) acc.exclude(entry);
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
            acc.clear_matches();
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
        facets.apply(std::move(matches), request.filters, request.kind, request.facets ? request.facet_fields : 0, request.facet_values);
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
        for (detail::ClausePlan& p : marks->clauses) p.clause = nullptr;  // it points into this call's parsed query
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
bool SearchIndex::prepare_first_letter() { return impl_->prepare_first_letter(); }
std::size_t SearchIndex::kept_word_scores() const { return impl_->word_cache.kept_scores(); }
const Bundle& SearchIndex::bundle() const { return *impl_->bundle; }

std::uint32_t SearchIndex::facet_fields_with_values(std::optional<Kind> kind) const {
    return impl_->facets.fields_with_values(impl_->kind_key, kind);
}

IndexedBundle index_bundle(LoadResult loaded, const ProgressHook& progress) {
    IndexedBundle out{std::make_unique<LoadResult>(std::move(loaded)), nullptr};
    if (out.loaded->usable) out.index = std::make_unique<SearchIndex>(out.loaded->bundle, progress);
    return out;
}

}  // namespace pv
