#include "core/search.h"

#include "core/query.h"
#include "core/search_index.h"
#include "core/search_index_facets.h"
#include "core/text.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <numeric>
#include <unordered_set>

namespace pv {

const char* facet_field_name(FacetField field) {
    static constexpr const char* kNames[kFacetFieldCount] = {"kind", "year", "venue", "author", "tag", "country", "city", "team"};
    return kNames[static_cast<std::size_t>(field)];
}

bool FacetSelection::empty() const {
    return std::all_of(std::begin(values), std::end(values), [](const auto& v) { return v.empty(); });
}

void FacetSelection::clear() {
    for (auto& v : values) v.clear();
}

namespace {

// BM25 with a boost per field; a match in the title outweighs many in the body.
constexpr float kK1 = 1.2f;
constexpr float kB = 0.75f;
constexpr float kFieldBoosts[kTextFieldCount] = {
    4.0f,  // title
    3.0f,  // authors
    2.5f,  // tags
    2.0f,  // venue
    2.0f,  // location
    1.5f,  // team
    1.0f,  // body
};

// How much a term counts by how it matched the query word.
constexpr float kExactWeight = 1.0f;
constexpr float kPrefixWeight = 0.6f;
constexpr float kTypoWeight = 0.4f;  // divided by the edit distance

// A one-letter prefix matches a large part of the vocabulary; its most common
// completions are the ones a visitor can mean, and scoring all would not fit
// the time one keystroke has.
constexpr std::size_t kMaxPrefixTerms = 256;

std::size_t typo_budget(std::string_view term) {
    if (std::all_of(term.begin(), term.end(), [](char c) { return c >= '0' && c <= '9'; })) return 0;  // years, counts
    std::size_t length = text::code_point_count(term);
    return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

struct Expansion {
    std::uint32_t term = 0;
    float weight = 0;
};

struct EntryScore {
    std::uint32_t entry = 0;
    float score = 0;
};

// What one search keeps per entry, dense so that clauses combine in O(postings).
struct Accumulator {
    explicit Accumulator(std::size_t entries)
        : score(entries, 0.0f), clauses_matched(entries, 0), excluded(entries, 0), clause_best(entries, 0.0f) {}
    std::vector<float> score;
    std::vector<std::uint8_t> clauses_matched;
    std::vector<std::uint8_t> excluded;
    std::vector<std::uint32_t> touched;  // entries some positive clause matched, in first-match order
    // Scratch for one word: its best expansion's score per entry; zero between words
    // (every real score is positive).
    std::vector<float> clause_best;
};

}  // namespace

struct SearchIndex::Impl {
    explicit Impl(const Bundle& b);

    SearchResult search(const SearchRequest& request) const;

    std::vector<Expansion> expand(const QueryClause& clause, std::string_view term, bool phrase_term) const;
    template <class Visit>
    void score_term(const QueryClause& clause, const Expansion& expansion, Visit&& visit) const;
    std::vector<EntryScore> score_word(const QueryClause& clause, const std::vector<Expansion>& expansions,
                                       std::vector<float>& best) const;
    std::vector<EntryScore> score_phrase(const QueryClause& clause) const;
    bool contains_phrase(std::uint32_t entry, const QueryClause& clause) const;
    bool allowed_by_query(std::uint32_t entry, const ParsedQuery& query) const;
    void sort_top(std::vector<std::uint32_t>& entries, const std::vector<float>& scores, SortOrder order,
                  std::size_t limit) const;
    std::vector<Highlight> highlights(std::string_view text, const std::unordered_set<std::string_view>& terms) const;

    const Bundle* bundle;
    detail::TermIndex index;
    detail::FacetTable facets;
    // Sort keys, compact so that sorting 100,000 hits stays in cache.
    std::vector<std::uint32_t> title_order;  // each entry's position when sorted by folded title
    std::vector<int> rank_key;               // rank, INT_MAX without one
    std::vector<int> year_key;               // year, INT_MIN without one
};

SearchIndex::Impl::Impl(const Bundle& b) : bundle(&b), index(b), facets(b) {
    const std::size_t n = b.entries.size();
    std::vector<std::string> folded_titles(n);
    for (std::size_t e = 0; e < n; ++e) folded_titles[e] = text::fold(b.entries[e].title);
    std::vector<std::uint32_t> by_title(n);
    std::iota(by_title.begin(), by_title.end(), 0u);
    std::stable_sort(by_title.begin(), by_title.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return folded_titles[a] < folded_titles[b]; });
    title_order.resize(n);
    for (std::uint32_t position = 0; position < n; ++position) title_order[by_title[position]] = position;
    for (const Entry& entry : b.entries) {
        rank_key.push_back(entry.rank.value_or(INT_MAX));
        year_key.push_back(entry.year.value_or(INT_MIN));
    }
}

std::vector<Expansion> SearchIndex::Impl::expand(const QueryClause& clause, std::string_view term, bool phrase_term) const {
    std::vector<Expansion> expansions;
    if (auto exact = index.find(term)) expansions.push_back({*exact, kExactWeight});
    if (phrase_term || clause.exact) return expansions;
    if (clause.prefix) {
        auto [first, last] = index.prefix_range(term);
        std::vector<std::uint32_t> completions;
        for (std::uint32_t id = first; id < last; ++id)
            if (index.term(id).size() > term.size()) completions.push_back(id);
        if (completions.size() > kMaxPrefixTerms) {
            auto more_common = [&](std::uint32_t a, std::uint32_t b) { return index.entry_frequency(a) > index.entry_frequency(b); };
            std::nth_element(completions.begin(), completions.begin() + kMaxPrefixTerms, completions.end(), more_common);
            completions.resize(kMaxPrefixTerms);
        }
        for (std::uint32_t id : completions) expansions.push_back({id, kPrefixWeight});
    }
    if (std::size_t budget = typo_budget(term)) {
        for (const auto& near : index.terms_near(term, budget)) {
            const auto id = near.first;  // not a structured binding: clang 14 (Emscripten 3.1.6) cannot capture those
            const auto distance = near.second;
            bool already = std::any_of(expansions.begin(), expansions.end(), [&](const Expansion& e) { return e.term == id; });
            if (!already) expansions.push_back({id, kTypoWeight / distance});
        }
    }
    return expansions;
}

// Calls `visit(entry, score)` for each entry the term occurs in (fields summed), in entry order.
template <class Visit>
void SearchIndex::Impl::score_term(const QueryClause& clause, const Expansion& expansion, Visit&& visit) const {
    const float entries = static_cast<float>(index.entry_count());
    const float frequency = static_cast<float>(index.entry_frequency(expansion.term));
    const float idf = std::log(1.0f + (entries - frequency + 0.5f) / (frequency + 0.5f));
    float inverse_average_length[kTextFieldCount];
    for (std::size_t f = 0; f < kTextFieldCount; ++f) {
        float average = index.average_field_length(static_cast<TextField>(f));
        inverse_average_length[f] = average > 0 ? 1.0f / average : 0.0f;
    }
    std::uint32_t current = 0;
    float sum = 0;
    index.for_each_posting(expansion.term, [&](const detail::Posting& posting) {
        if (clause.in_field && posting.field != clause.field) return;
        if (sum > 0 && posting.entry != current) visit(current, sum), sum = 0;
        const auto f = static_cast<std::size_t>(posting.field);
        const float tf = posting.frequency;
        const float length_ratio = static_cast<float>(index.field_length(posting.entry, posting.field)) * inverse_average_length[f];
        const float bm25 = tf * (kK1 + 1) / (tf + kK1 * (1 - kB + kB * length_ratio));
        current = posting.entry;
        sum += expansion.weight * idf * kFieldBoosts[f] * bm25;
    });
    if (sum > 0) visit(current, sum);
}

// Scores each entry by its best-matching expansion of the word, so that a word
// found both exactly and as a typo of something else is not counted twice.
// `best` is all zero on entry and on return.
std::vector<EntryScore> SearchIndex::Impl::score_word(const QueryClause& clause, const std::vector<Expansion>& expansions,
                                                      std::vector<float>& best) const {
    std::vector<std::uint32_t> entries;
    for (const Expansion& expansion : expansions) {
        score_term(clause, expansion, [&](std::uint32_t entry, float score) {
            if (best[entry] == 0) entries.push_back(entry);
            best[entry] = std::max(best[entry], score);
        });
    }
    std::vector<EntryScore> scores;
    scores.reserve(entries.size());
    for (std::uint32_t entry : entries) {
        scores.push_back({entry, best[entry]});
        best[entry] = 0;
    }
    return scores;
}

// Entries with every word of the phrase, consecutive in one field.
std::vector<EntryScore> SearchIndex::Impl::score_phrase(const QueryClause& clause) const {
    std::vector<EntryScore> together;
    for (std::size_t t = 0; t < clause.terms.size(); ++t) {
        std::vector<EntryScore> word;
        if (auto id = index.find(clause.terms[t]))
            score_term(clause, {*id, kExactWeight}, [&](std::uint32_t entry, float score) { word.push_back({entry, score}); });
        if (t == 0) {
            together = std::move(word);
            continue;
        }
        std::vector<EntryScore> both;
        std::size_t i = 0, j = 0;
        while (i < together.size() && j < word.size()) {
            if (together[i].entry < word[j].entry) ++i;
            else if (word[j].entry < together[i].entry) ++j;
            else both.push_back({together[i].entry, together[i++].score + word[j++].score});
        }
        together.swap(both);
    }
    std::erase_if(together, [&](const EntryScore& s) { return !contains_phrase(s.entry, clause); });
    return together;
}

bool SearchIndex::Impl::contains_phrase(std::uint32_t entry, const QueryClause& clause) const {
    bool found = false;
    detail::for_each_field_text(bundle->entries[entry], [&](TextField field, std::string_view text) {
        if (found || (clause.in_field && field != clause.field)) return;
        std::vector<std::string> parts;
        for (text::Token& token : text::tokenize(text))
            if (token.role == text::TokenRole::part) parts.push_back(std::move(token.term));
        found = std::search(parts.begin(), parts.end(), clause.terms.begin(), clause.terms.end()) != parts.end();
    });
    return found;
}

bool SearchIndex::Impl::allowed_by_query(std::uint32_t entry, const ParsedQuery& query) const {
    if (query.kinds != ParsedQuery::kAllKinds && !query.allows(bundle->entries[entry].kind)) return false;
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
            return sort([&](std::uint32_t a, std::uint32_t b) { return scores[a] != scores[b] ? scores[a] > scores[b] : a < b; });
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

std::vector<Highlight> SearchIndex::Impl::highlights(std::string_view text, const std::unordered_set<std::string_view>& terms) const {
    std::vector<Highlight> ranges;
    if (terms.empty()) return ranges;
    for (const text::Token& token : text::tokenize(text))
        if (terms.contains(token.term)) ranges.push_back({token.begin, token.end});
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

    Accumulator acc(index.entry_count());
    std::unordered_set<std::string_view> title_terms, body_terms;  // what highlights mark
    std::size_t positive_clauses = 0;
    for (const QueryClause& clause : query.clauses) {
        std::vector<EntryScore> matched;
        std::vector<Expansion> expansions;
        if (clause.phrase()) {
            matched = score_phrase(clause);
            for (const std::string& term : clause.terms)
                if (auto id = index.find(term)) expansions.push_back({*id, kExactWeight});
        } else {
            expansions = expand(clause, clause.terms.front(), false);
            matched = score_word(clause, expansions, acc.clause_best);
        }
        if (clause.negated) {
            for (const EntryScore& m : matched) acc.excluded[m.entry] = 1;
            continue;
        }
        ++positive_clauses;
        for (const Expansion& e : expansions) {
            if (!clause.in_field || clause.field == TextField::title) title_terms.insert(index.term(e.term));
            if (!clause.in_field || clause.field == TextField::body) body_terms.insert(index.term(e.term));
        }
        for (const EntryScore& m : matched) {
            if (acc.clauses_matched[m.entry]++ == 0) acc.touched.push_back(m.entry);
            acc.score[m.entry] += m.score;
        }
    }

    auto usable = [&](std::uint32_t entry) { return !acc.excluded[entry] && allowed_by_query(entry, query); };
    std::vector<std::uint32_t> matches;
    if (positive_clauses == 0) {
        for (std::uint32_t entry = 0; entry < index.entry_count(); ++entry)
            if (usable(entry)) matches.push_back(entry);
    } else {
        for (std::uint32_t entry : acc.touched)
            if (acc.clauses_matched[entry] == positive_clauses && usable(entry)) matches.push_back(entry);
        if (matches.empty()) {
            // Nothing has every word: show what has some of them, best first.
            for (std::uint32_t entry : acc.touched)
                if (usable(entry)) matches.push_back(entry);
            if (!matches.empty()) {
                result.fallback = true;
                result.hints.push_back("no exact match, showing close ones");
            }
        }
        std::sort(matches.begin(), matches.end());  // bundle order, which facet filtering keeps
    }

    detail::FacetTable::Outcome outcome =
        facets.apply(matches, request.filters, request.kind, request.facets, request.facet_values);
    result.facets = std::move(outcome.facets);
    result.total = outcome.passing.size();
    const std::size_t shown = std::min(request.limit, outcome.passing.size());
    sort_top(outcome.passing, acc.score, request.sort, shown);
    result.hits.reserve(shown);
    for (std::size_t i = 0; i < shown; ++i) {
        const std::uint32_t entry = outcome.passing[i];
        const Entry& e = bundle->entries[entry];
        result.hits.push_back(Hit{entry, acc.score[entry], highlights(e.title, title_terms), highlights(e.body, body_terms)});
    }
    return result;
}

SearchIndex::SearchIndex(const Bundle& bundle) : impl_(std::make_unique<Impl>(bundle)) {}
SearchIndex::~SearchIndex() = default;
SearchIndex::SearchIndex(SearchIndex&&) noexcept = default;
SearchIndex& SearchIndex::operator=(SearchIndex&&) noexcept = default;

SearchResult SearchIndex::search(const SearchRequest& request) const { return impl_->search(request); }
const Bundle& SearchIndex::bundle() const { return *impl_->bundle; }

}  // namespace pv
