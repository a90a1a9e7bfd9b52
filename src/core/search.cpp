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
    explicit Accumulator(std::size_t entries) : score(entries, 0.0f), clauses_matched(entries, 0), excluded(entries, 0) {}
    std::vector<float> score;
    std::vector<std::uint8_t> clauses_matched;
    std::vector<std::uint8_t> excluded;
    std::vector<std::uint32_t> touched;  // entries some positive clause matched, in first-match order
};

}  // namespace

struct SearchIndex::Impl {
    explicit Impl(const Bundle& b);

    SearchResult search(const SearchRequest& request) const;

    std::vector<Expansion> expand(const QueryClause& clause, std::string_view term, bool phrase_term) const;
    std::vector<EntryScore> score_word(const QueryClause& clause, const std::vector<Expansion>& expansions) const;
    std::vector<EntryScore> score_phrase(const QueryClause& clause) const;
    bool contains_phrase(std::uint32_t entry, const QueryClause& clause) const;
    bool allowed_by_query(std::uint32_t entry, const ParsedQuery& query) const;
    void sort_hits(std::vector<Hit>& hits, SortOrder order) const;
    std::vector<Highlight> highlights(std::string_view text, const std::unordered_set<std::string_view>& terms) const;

    const Bundle* bundle;
    detail::TermIndex index;
    detail::FacetTable facets;
    std::vector<std::uint32_t> title_order;  // each entry's position when sorted by folded title
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
        for (auto [id, distance] : index.terms_near(term, budget)) {
            bool already = std::any_of(expansions.begin(), expansions.end(), [&](const Expansion& e) { return e.term == id; });
            if (!already) expansions.push_back({id, kTypoWeight / distance});
        }
    }
    return expansions;
}

// Scores each entry by its best-matching expansion of the word, so that a word
// found both exactly and as a typo of something else is not counted twice.
std::vector<EntryScore> SearchIndex::Impl::score_word(const QueryClause& clause, const std::vector<Expansion>& expansions) const {
    const float entries = static_cast<float>(index.entry_count());
    std::vector<EntryScore> scores;
    std::vector<EntryScore> term_scores;
    for (const Expansion& expansion : expansions) {
        const float frequency = static_cast<float>(index.entry_frequency(expansion.term));
        const float idf = std::log(1.0f + (entries - frequency + 0.5f) / (frequency + 0.5f));
        term_scores.clear();
        index.for_each_posting(expansion.term, [&](const detail::Posting& posting) {
            if (clause.in_field && posting.field != clause.field) return;
            const auto f = static_cast<std::size_t>(posting.field);
            const float tf = posting.frequency;
            const float length_ratio = index.average_field_length(posting.field) > 0
                                           ? static_cast<float>(index.field_length(posting.entry, posting.field)) /
                                                 index.average_field_length(posting.field)
                                           : 1.0f;
            const float bm25 = tf * (kK1 + 1) / (tf + kK1 * (1 - kB + kB * length_ratio));
            const float score = expansion.weight * idf * kFieldBoosts[f] * bm25;
            if (!term_scores.empty() && term_scores.back().entry == posting.entry) term_scores.back().score += score;
            else term_scores.push_back({posting.entry, score});
        });
        // Merge the two entry-sorted lists, keeping the better score per entry.
        std::vector<EntryScore> merged;
        merged.reserve(scores.size() + term_scores.size());
        std::size_t i = 0, j = 0;
        while (i < scores.size() || j < term_scores.size()) {
            if (j == term_scores.size() || (i < scores.size() && scores[i].entry < term_scores[j].entry)) {
                merged.push_back(scores[i++]);
            } else if (i == scores.size() || term_scores[j].entry < scores[i].entry) {
                merged.push_back(term_scores[j++]);
            } else {
                merged.push_back({scores[i].entry, std::max(scores[i].score, term_scores[j].score)});
                ++i, ++j;
            }
        }
        scores.swap(merged);
    }
    return scores;
}

// Entries with every word of the phrase, consecutive in one field.
std::vector<EntryScore> SearchIndex::Impl::score_phrase(const QueryClause& clause) const {
    std::vector<EntryScore> together;
    for (std::size_t t = 0; t < clause.terms.size(); ++t) {
        std::vector<EntryScore> word = score_word(clause, expand(clause, clause.terms[t], true));
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
    const Entry& e = bundle->entries[entry];
    if (!query.allows(e.kind)) return false;
    if (query.year_filtered && (!e.year || *e.year < query.first_year || *e.year > query.last_year)) return false;
    return true;
}

void SearchIndex::Impl::sort_hits(std::vector<Hit>& hits, SortOrder order) const {
    const auto& entries = bundle->entries;
    auto rank_of = [&](const Hit& h) { return entries[h.entry].rank.value_or(INT_MAX); };
    auto year_of = [&](const Hit& h) { return entries[h.entry].year.value_or(INT_MIN); };
    auto title_of = [&](const Hit& h) { return title_order[h.entry]; };
    // Ties always fall back to bundle order, so results never shuffle between keystrokes.
    switch (order) {
        case SortOrder::relevance:
            return std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
                return a.score != b.score ? a.score > b.score : a.entry < b.entry;
            });
        case SortOrder::rank:
            return std::sort(hits.begin(), hits.end(), [&](const Hit& a, const Hit& b) {
                return rank_of(a) != rank_of(b) ? rank_of(a) < rank_of(b) : a.entry < b.entry;
            });
        case SortOrder::year:
            return std::sort(hits.begin(), hits.end(), [&](const Hit& a, const Hit& b) {
                if (year_of(a) != year_of(b)) return year_of(a) > year_of(b);
                return title_of(a) < title_of(b);
            });
        case SortOrder::title:
            return std::sort(hits.begin(), hits.end(), [&](const Hit& a, const Hit& b) { return title_of(a) < title_of(b); });
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
            matched = score_word(clause, expansions);
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
        std::sort(matches.begin(), matches.end());
    }

    detail::FacetTable::Outcome outcome =
        facets.apply(matches, request.filters, request.kind, request.facets, request.facet_values);
    result.facets = std::move(outcome.facets);
    result.total = outcome.passing.size();
    result.hits.reserve(outcome.passing.size());
    for (std::uint32_t entry : outcome.passing) result.hits.push_back(Hit{entry, acc.score[entry], {}, {}});
    sort_hits(result.hits, request.sort);
    if (result.hits.size() > request.limit) result.hits.resize(request.limit);
    for (Hit& hit : result.hits) {
        hit.title = highlights(bundle->entries[hit.entry].title, title_terms);
        hit.body = highlights(bundle->entries[hit.entry].body, body_terms);
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
