#include "core/search/scoring.h"

#include "core/text/text.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace pv::detail {
namespace {

// BM25 with a boost per field; a match in the title outweighs many in the body.
constexpr float kK1 = 1.2f;
// How much a field's length discounts a match, per field. List fields
// (is_list_field) are not discounted.
constexpr float kLengthNormalization[kTextFieldCount] = {
    0.2f,   // title (read from RankingWeights::title_length)
    0.0f,   // authors
    0.0f,   // tags
    0.75f,  // venue
    0.0f,   // location
    0.75f,  // team
    0.75f,  // body
};
constexpr float kFieldBoosts[kTextFieldCount] = {
    4.0f,  // title
    3.0f,  // authors
    2.5f,  // tags
    2.0f,  // venue
    2.0f,  // location
    1.5f,  // team
    1.0f,  // body
};

// A one- or two-letter prefix completes to a large part of the vocabulary.
// Reading every completion's postings would not fit the time one keystroke
// has, so only the most common completions are read, up to this many postings
// and terms. Entries that only have a rare completion still match when the
// other words leave few enough candidates to check by their text.
constexpr std::size_t kPrefixPostingBudget = 200'000;
constexpr std::size_t kMaxPrefixTerms = 256;

std::size_t typo_budget(std::string_view term) {
    if (std::all_of(term.begin(), term.end(), [](char c) { return c >= '0' && c <= '9'; })) return 0;  // years, counts
    std::size_t length = text::code_point_count(term);
    return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

// BM25 with a boost, for one field: its constants, read once a word rather
// than once a posting.
struct FieldScoring {
    float boost = 0;
    float average = 0;  // the field's mean length in the index
    float b = 0;        // how much the field's length discounts a match
    // A list of names or tags says a word once per item: an entry is by a Dániel
    // Yılmaz or not, and no more so for listing him twice or a second Dániel.
    bool once = false;

    // How much a field `length` tokens long discounts a match, for the lengths
    // below its size: read from a table by a word with many postings, rather
    // than worked out (a division) once a posting.
    std::vector<float> norms;

    // Of `frequency` occurrences in a field `length` tokens long, before weight and idf.
    float score(std::uint32_t frequency, std::uint32_t length) const {
        const float tf = once ? 1.0f : static_cast<float>(frequency);
        return boost * tf * (kK1 + 1) / (tf + (length < norms.size() ? norms[length] : norm(length)));
    }
    float norm(std::uint32_t length) const {
        const float length_ratio = average > 0 ? static_cast<float>(length) / average : 1.0f;
        return kK1 * (1 - b + b * length_ratio);
    }
    // Tabulates the discounts of the lengths most fields have (the same bits as norm()'s).
    void tabulate() {
        norms.resize(kTabulatedLengths);
        for (std::uint32_t length = 0; length < kTabulatedLengths; ++length) norms[length] = norm(length);
    }
    static constexpr std::uint32_t kTabulatedLengths = 1024;
};

// A word's postings, over which tabulating FieldScoring's discounts pays.
constexpr std::size_t kTabulateFrom = 16 * FieldScoring::kTabulatedLengths;

FieldScoring scoring_of(const TermIndex& index, TextField field) {
    const auto f = static_cast<std::size_t>(field);
    return {kFieldBoosts[f], index.average_field_length(field),
            field == TextField::title ? ranking_weights().title_length : is_list_field(field) ? 0.0f : kLengthNormalization[f],
            is_list_field(field) && ranking_weights().list_words_once, {}};
}

}  // namespace

RankingWeights& ranking_weights() {
    static RankingWeights weights;
    return weights;
}

const std::vector<RankingPart>& ranking_parts() {
    static const std::vector<RankingPart> parts = {
        {"title coverage", [](RankingWeights& w) { w.title_coverage = 0; }},
        {"whole-title match", [](RankingWeights& w) { w.whole_title = 0; }},
        {"prefix and typo discounts", [](RankingWeights& w) { w.prefix = w.typo = kExactWeight; }},
        {"title length normalization (b = 0.75 as the other fields)", [](RankingWeights& w) { w.title_length = 0.75f; }},
        {"a word once per list field (tf counted)", [](RankingWeights& w) { w.list_words_once = false; }},
        {"one idf for a mistyped word's spellings", [](RankingWeights& w) { w.blend_typo_idf = false; }},
        {"a mistyped word's closest spellings counting whole", [](RankingWeights& w) { w.mistyped_counts_whole = false; }},
    };
    return parts;
}

WordMatcher::WordMatcher(const TermIndex& index, std::string word, bool prefix, bool fuzzy)
    : word_(std::move(word)), word_length_(text::code_point_count(word_)), prefix_(prefix),
      idf_cap_(std::numeric_limits<float>::infinity()) {
    auto add = [&](std::uint32_t term, float weight, float idf_cap) {
        expansions_.push_back({term, weight, std::min(index.idf(term), idf_cap)});
        postings_cost_ += index.entry_frequency(term);
    };
    if (auto exact = index.find(word_)) {
        idf_cap_ = index.idf(*exact);
        add(*exact, kExactWeight, idf_cap_);
    }
    if (prefix_) {
        const std::pair<std::uint32_t, std::uint32_t> range = index.prefix_range(word_);
        std::vector<std::uint32_t> completions;
        for (std::uint32_t id = range.first; id < range.second; ++id)
            if (index.term(id).size() > word_.size() && !is_author_word_pair(index.term(id))) completions.push_back(id);
        const std::size_t considered = std::min(completions.size(), kMaxPrefixTerms);
        std::partial_sort(completions.begin(), completions.begin() + static_cast<std::ptrdiff_t>(considered), completions.end(),
                          [&](std::uint32_t a, std::uint32_t b) { return index.entry_frequency(a) > index.entry_frequency(b); });
        std::size_t read = 0, taken = 0;
        for (; taken < considered; ++taken) {
            std::size_t cost = index.entry_frequency(completions[taken]);
            if (taken > 0 && read + cost > kPrefixPostingBudget) break;
            read += cost;
            add(completions[taken], prefix_weight(index.term(completions[taken])), idf_cap_);
        }
        capped_ = taken < completions.size();
    }
    if (!fuzzy) return;
    if (std::size_t budget = typo_budget(word_)) {
        const auto near_terms = index.terms_near(word_, budget);
        // A word that is no term of the index was mistyped: its spellings
        // share the idf of the most common of the closest ones (as Lucene
        // blends a fuzzy query's term statistics), so that a rare term two
        // edits away does not outscore the common one a single edit away.
        std::uint8_t closest = std::numeric_limits<std::uint8_t>::max();
        for (const auto& near : near_terms) closest = std::min(closest, near.second);
        typo_idf_cap_ = idf_cap_;
        if (!std::isfinite(idf_cap_) && ranking_weights().blend_typo_idf)
            for (const auto& near : near_terms)
                if (near.second == closest) typo_idf_cap_ = std::min(typo_idf_cap_, index.idf(near.first));
        // A word with neither a term nor a completion in the index can only mean
        // one of its spellings: the closest count as the word itself would, the
        // others less by their distance. Otherwise a spelling stands beside the
        // word as typed and counts less (kTypoWeight).
        const bool mistyped = expansions_.empty() && ranking_weights().mistyped_counts_whole;
        for (const auto& near : near_terms) {
            if (is_author_word_pair(index.term(near.first))) continue;
            const auto distance = static_cast<float>(near.second);
            const float weight = mistyped ? kExactWeight * static_cast<float>(closest) / distance : ranking_weights().typo / distance;
            near_.emplace_back(index.term(near.first), weight);
            auto known = std::find_if(expansions_.begin(), expansions_.end(), [&](const Expansion& e) { return e.term == near.first; });
            if (known == expansions_.end()) add(near.first, weight, typo_idf_cap_);
        }
        std::sort(near_.begin(), near_.end());
    }
}

// The more letters a completion adds, the less likely it is what the visitor is typing.
float WordMatcher::prefix_weight(std::string_view completion) const {
    const auto typed = static_cast<float>(word_length_);
    const auto added = static_cast<float>(text::code_point_count(completion) - word_length_);
    return ranking_weights().prefix * (typed + 0.3f) / (typed + 0.3f * added);
}

float WordMatcher::weight(std::string_view term) const {
    if (term == word_) return kExactWeight;
    if (is_completion(term)) return prefix_weight(term);
    return typo_weight(term);
}

float WordMatcher::idf(std::string_view term, float term_idf) const {
    const bool typo = term != word_ && !is_completion(term) && typo_weight(term) > 0;
    return std::min(term_idf, typo ? typo_idf_cap_ : idf_cap_);
}

bool WordMatcher::is_completion(std::string_view term) const {
    return prefix_ && term.size() > word_.size() && term.substr(0, word_.size()) == word_;
}

float WordMatcher::typo_weight(std::string_view term) const {
    auto it = std::lower_bound(near_.begin(), near_.end(), term,
                               [](const std::pair<std::string_view, float>& n, std::string_view t) { return n.first < t; });
    return it != near_.end() && it->first == term ? it->second : 0.0f;
}

float title_fit(float matched, std::size_t words_in_title, std::size_t words, std::uint32_t title_length) {
    if (matched <= 0 || title_length == 0 || words == 0) return 1.0f;
    const RankingWeights& weights = ranking_weights();
    const float in_title = matched / static_cast<float>(words);                                  // of the query, how much is in the title
    const float coverage = std::min(1.0f, matched / static_cast<float>(title_length));  // of the title, how much the query covers
    float factor = 1.0f + weights.title_coverage * coverage * in_title;
    if (words_in_title == words && title_length <= words) factor += weights.whole_title * in_title;
    return factor;
}

float Scorer::field_score(TextField field, std::uint32_t frequency, std::uint32_t entry) const {
    return scoring_of(index_, field).score(frequency, index_.field_length(entry, field));
}

std::vector<EntryScore> Scorer::score_from_postings(const QueryClause& clause, const WordMatcher& word,
                                                    ScoreScratch& scratch, ScoredEntries only) const {
    struct Listed final : ScoreVisitor {
        std::vector<EntryScore> scores;
        void expect(std::size_t entries) override { scores.reserve(entries); }
        void visit(const EntryScore& score) override { scores.push_back(score); }
    } listed;
    score_from_postings(clause, word, scratch, only, listed);
    return std::move(listed.scores);
}

void Scorer::score_from_postings(const QueryClause& clause, const WordMatcher& word, ScoreScratch& scratch,
                                 ScoredEntries only, ScoreVisitor& visitor) const {
    std::vector<float>& best = scratch.best;
    std::vector<std::uint32_t> entries;
    entries.reserve(std::min(word.postings_cost(), best.size()));  // at most, and seldom far fewer
    FieldScoring fields[kTextFieldCount];
    for (std::size_t f = 0; f < kTextFieldCount; ++f) {
        fields[f] = scoring_of(index_, static_cast<TextField>(f));
        if (word.postings_cost() >= kTabulateFrom) fields[f].tabulate();
    }
    for (const Expansion& expansion : word.expansions()) {
        const float term_weight = expansion.weight * expansion.idf;
        // An entry's sum, kept once its postings end. Its state passed by value
        // (not captured) stays in registers in the loop over postings.
        auto keep_best = [&best, &entries, &title = scratch.title, weight = expansion.weight](std::uint32_t entry, float sum,
                                                                                          bool in_title) {
            if (best[entry] == 0) entries.push_back(entry);
            best[entry] = std::max(best[entry], sum);
            if (in_title) title[entry] = std::max(title[entry], weight);
        };
        auto score_postings = [&](auto every_posting) {
            std::uint32_t current = 0;
            float sum = 0;
            bool in_title = false;
            index_.for_each_posting(expansion.term, [&](const Posting& posting) {
                if (!every_posting && ((clause.in_field && posting.field != clause.field) || !only.has(posting.entry))) return;
                if (sum > 0 && posting.entry != current) keep_best(current, sum, in_title), sum = 0, in_title = false;
                current = posting.entry;
                const FieldScoring& field = fields[static_cast<std::size_t>(posting.field)];
                sum += term_weight * field.score(posting.frequency, index_.field_length(posting.entry, posting.field));
                in_title |= posting.field == TextField::title;
            });
            if (sum > 0) keep_best(current, sum, in_title);
        };
        // The loop without its two checks where every posting counts (a clause's first word, in every field).
        if (!clause.in_field && only.all()) score_postings(std::true_type{});
        else score_postings(std::false_type{});
    }
    visitor.expect(entries.size());
    for (std::uint32_t entry : entries) {
        visitor.visit({entry, best[entry], scratch.title[entry]});
        best[entry] = 0;
        scratch.title[entry] = 0;
    }
}

EntryScore Scorer::score_from_text(const QueryClause& clause, const WordMatcher& word, std::uint32_t entry) const {
    struct Occurrences {
        std::string term;
        float weight;
        std::uint32_t count[kTextFieldCount];
    };
    std::vector<Occurrences> found;
    for_each_field_text(entries_.entry(entry), [&](TextField field, std::string_view text) {
        if (clause.in_field && field != clause.field) return;
        for (text::Token& token : text::tokenize(text)) {
            const float weight = word.weight(token.term);
            if (weight == 0) continue;
            auto it = std::find_if(found.begin(), found.end(), [&](const Occurrences& o) { return o.term == token.term; });
            if (it == found.end()) it = found.insert(found.end(), Occurrences{std::move(token.term), weight, {}});
            ++it->count[static_cast<std::size_t>(field)];
        }
    });
    EntryScore best{entry, 0, 0};
    for (const Occurrences& o : found) {
        std::optional<std::uint32_t> term = index_.find(o.term);
        if (!term) continue;
        float sum = 0;
        for (std::size_t f = 0; f < kTextFieldCount; ++f)
            if (o.count[f] > 0)
                sum += field_score(static_cast<TextField>(f), std::min<std::uint32_t>(o.count[f], TermIndex::kMaxFrequency), entry);
        best.score = std::max(best.score, o.weight * word.idf(o.term, index_.idf(*term)) * sum);
        if (o.count[static_cast<std::size_t>(TextField::title)] > 0) best.title = std::max(best.title, o.weight);
    }
    return best;
}

std::vector<EntryScore> Scorer::score_phrase(const QueryClause& clause) const {
    std::vector<EntryScore> together;
    for (std::size_t t = 0; t < clause.terms.size(); ++t) {
        std::vector<EntryScore> word;
        if (std::optional<std::uint32_t> term = index_.find(clause.terms[t])) {
            const float term_weight = kExactWeight * index_.idf(*term);
            index_.for_each_posting(*term, [&](const Posting& posting) {
                if (clause.in_field && posting.field != clause.field) return;
                float score = term_weight * field_score(posting.field, posting.frequency, posting.entry);
                const float title = posting.field == TextField::title ? kExactWeight : 0.0f;
                if (!word.empty() && word.back().entry == posting.entry) word.back().score += score, word.back().title += title;
                else word.push_back({posting.entry, score, title});
            });
        }
        if (t == 0) {
            together = std::move(word);
            continue;
        }
        std::vector<EntryScore> both;
        std::size_t i = 0, j = 0;
        while (i < together.size() && j < word.size()) {
            if (together[i].entry < word[j].entry) ++i;
            else if (word[j].entry < together[i].entry) ++j;
            else {
                // Counted as in the title only while every word so far is.
                const float title = together[i].title > 0 && word[j].title > 0 ? together[i].title + word[j].title : 0.0f;
                both.push_back({together[i].entry, together[i++].score + word[j++].score, title});
            }
        }
        together.swap(both);
    }
    std::erase_if(together, [&](const EntryScore& s) { return !contains_phrase(s.entry, clause); });
    return together;
}

bool Scorer::contains_phrase(std::uint32_t entry, const QueryClause& clause) const {
    bool found = false;
    for_each_field_text(entries_.entry(entry), [&](TextField field, std::string_view text) {
        if (found || (clause.in_field && field != clause.field)) return;
        std::vector<std::string> parts;
        for (text::Token& token : text::tokenize(text))
            if (token.role == text::TokenRole::part) parts.push_back(std::move(token.term));
        found = std::search(parts.begin(), parts.end(), clause.terms.begin(), clause.terms.end()) != parts.end();
    });
    return found;
}

}  // namespace pv::detail
