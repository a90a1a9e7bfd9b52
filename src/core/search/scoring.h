// Internals of the search engine: how a query word matches index terms, and
// BM25 scores of entries, read either from the postings or, when only a few
// candidate entries are left, from the entries' own text.
#pragma once

#include "core/model/bundle.h"
#include "core/search/query.h"
#include "core/search/search_index.h"
#include "core/search/term_index.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pv::detail {

// How much a term counts by how it matched the query word.
constexpr float kExactWeight = 1.0f;
constexpr float kPrefixWeight = 0.6f;  // for a completion one letter longer; less for longer ones
constexpr float kTypoWeight = 0.4f;  // divided by the edit distance

// The weights of the parts of a score; bench/search/rank_eval.cpp switches
// each off in turn to measure it (the ablation table in docs/DESIGN.md).
struct RankingWeights {
    float title_coverage = 3.0f;   // times the share of the title the query covers (title_fit below)
    float whole_title = 0.5f;      // when the query is the whole title (title_fit below)
    float prefix = kPrefixWeight;  // a completion one letter longer than the word typed
    float typo = kTypoWeight;      // a spelling one edit away
    float title_length = 0.2f;     // BM25's b in the title: how much a long title discounts a match
    bool list_words_once = true;   // a word counts once in a list field (authors, tags, location)
    bool blend_typo_idf = true;    // a mistyped word's spellings share one idf (WordMatcher::idf)
    bool mistyped_counts_whole = true;  // a word that is no term nor prefix of one: its closest spellings weigh 1
    bool operator==(const RankingWeights&) const = default;
};
RankingWeights& ranking_weights();

struct RankingPart {
    const char* name;
    void (*switch_off)(RankingWeights&);
};
// Each part and how to switch it off, for the ablation.
const std::vector<RankingPart>& ranking_parts();

struct Expansion {
    std::uint32_t term = 0;
    float weight = 0;
    float idf = 0;  // the term's idf as WordMatcher::idf caps it
};

struct EntryScore {
    std::uint32_t entry = 0;
    float score = 0;
    // The best weight a word matched with in the entry's title (a phrase: its
    // word count, when it is in the title), 0 if not there; title_fit below.
    float title = 0;
};

// Which entries a word's postings are scored in: all of them, or only those
// that `matched` (a count per entry) says matched the `clauses` words read
// before it, the candidates left. Postings of the others are decoded and
// passed over, which costs a few percent of scoring them.
struct ScoredEntries {
    const std::uint8_t* matched = nullptr;  // null: all
    std::uint8_t clauses = 0;
    bool all() const { return matched == nullptr; }
    bool has(std::uint32_t entry) const { return !matched || matched[entry] == clauses; }
};

// Per-entry scratch for Scorer::score_from_postings, all zero between calls.
struct ScoreScratch {
    explicit ScoreScratch(std::size_t entries) : best(entries, 0.0f), title(entries, 0.0f) {}
    std::vector<float> best, title;
};

// One query word and the index terms it stands for: itself, its completions
// while it is being typed (a prefix), and its spellings within the typo budget.
class WordMatcher {
public:
    WordMatcher(const TermIndex& index, std::string word, bool prefix, bool fuzzy);

    // The weight a term of an entry's text matches with, 0 if it does not.
    float weight(std::string_view term) const;
    // The index terms to read postings of; common completions of a short
    // prefix are capped (see kPrefixPostingBudget), weight() is not.
    const std::vector<Expansion>& expansions() const { return expansions_; }
    // Postings that reading the expansions costs.
    std::size_t postings_cost() const { return postings_cost_; }
    // Whether some completion of the prefix is left out of the expansions.
    bool capped() const { return capped_; }
    // The idf a matching term (of idf `term_idf` in the index) counts with: at
    // most the word's own, when it is a term, so that a rare completion or
    // misspelling does not outscore the word the visitor actually typed. A word
    // that is no term was mistyped: its spellings count with at most the idf of
    // the most common of the closest ones.
    float idf(std::string_view term, float term_idf) const;

private:
    float prefix_weight(std::string_view completion) const;
    bool is_completion(std::string_view term) const;
    float typo_weight(std::string_view term) const;  // 0 unless a spelling within the typo budget

    std::string word_;
    std::size_t word_length_ = 0;  // in code points
    bool prefix_ = false;
    float idf_cap_ = 0;       // the word's idf, infinite when it is no term
    float typo_idf_cap_ = 0;  // the same for its spellings (idf above)
    std::vector<std::pair<std::string_view, float>> near_;  // typo terms by term
    std::vector<Expansion> expansions_;
    std::size_t postings_cost_ = 0;
    bool capped_ = false;
};

// The factor (1 or more) an entry's score is multiplied by for how well the
// query fits its title, from what matching already knows: `matched`, the sum
// of the query words' best match weights in the title, `words_in_title` of the
// query's `words`, and the title's length in words. docs/DESIGN.md, "Ranking".
float title_fit(float matched, std::size_t words_in_title, std::size_t words, std::uint32_t title_length);

// What Scorer::score_from_postings gives each entry's score to, one at a time.
class ScoreVisitor {
public:
    virtual void expect(std::size_t entries) { (void)entries; }  // how many come, before the first
    virtual void visit(const EntryScore& score) = 0;

protected:
    ~ScoreVisitor() = default;
};

class Scorer {
public:
    Scorer(const TermIndex& index, const EntrySource& entries) : index_(index), entries_(entries) {}

    // Entries the word occurs in (within the clause's field, if any) of those
    // `only` accepts, each scored by its best-matching term.
    std::vector<EntryScore> score_from_postings(const QueryClause& clause, const WordMatcher& word,
                                                ScoreScratch& scratch, ScoredEntries only = {}) const;
    // The same, given to `visitor` rather than listed (a word in half of a
    // million entries would list 6 MB of them).
    void score_from_postings(const QueryClause& clause, const WordMatcher& word, ScoreScratch& scratch,
                             ScoredEntries only, ScoreVisitor& visitor) const;
    // The same score for one entry, from its text; score 0 if the word is not in it.
    EntryScore score_from_text(const QueryClause& clause, const WordMatcher& word, std::uint32_t entry) const;
    // Entries with the phrase's words consecutive in one field, scored by the words' sum.
    std::vector<EntryScore> score_phrase(const QueryClause& clause) const;

private:
    // Boosted BM25 of `frequency` occurrences in one field, before weight and idf.
    float field_score(TextField field, std::uint32_t frequency, std::uint32_t entry) const;
    bool contains_phrase(std::uint32_t entry, const QueryClause& clause) const;

    const TermIndex& index_;
    const EntrySource& entries_;
};

}  // namespace pv::detail
