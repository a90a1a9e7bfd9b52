// What one search keeps per entry, dense so that clauses combine in
// O(postings), and the index's spare one. At a million entries an accumulator
// is 19 MB: zeroing a new one each search cost a warm keystroke more than
// clearing only the entries the last search touched.
#pragma once

#include "core/search/query.h"
#include "core/search/scoring.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace pv::detail {

struct Accumulator {
    explicit Accumulator(std::size_t entries)
        : score(entries, 0.0f), title_matched(entries, 0.0f), clauses_matched(entries, 0), words_in_title(entries, 0),
          excluded(entries, 0), scratch(entries) {}

    void add(const EntryScore& s, const QueryClause& clause) {
        if (clauses_matched[s.entry]++ == 0) touched.push_back(s.entry);
        score[s.entry] += s.score;
        if (s.title > 0) {
            title_matched[s.entry] += s.title;
            words_in_title[s.entry] += static_cast<std::uint8_t>(clause.terms.size());
        }
    }
    void exclude(std::uint32_t entry) {
        if (!excluded[entry]) excluded_list.push_back(entry);
        excluded[entry] = 1;
    }
    // Back to no clause matched, the entries excluded kept.
    void clear_matches() {
        if (touched.size() > score.size() / 16) {
            std::fill(score.begin(), score.end(), 0.0f);
            std::fill(title_matched.begin(), title_matched.end(), 0.0f);
            std::fill(clauses_matched.begin(), clauses_matched.end(), 0);
            std::fill(words_in_title.begin(), words_in_title.end(), 0);
        } else {
            for (std::uint32_t entry : touched) score[entry] = title_matched[entry] = 0, clauses_matched[entry] = words_in_title[entry] = 0;
        }
        touched.clear();
    }
    // As new.
    void clear() {
        clear_matches();
        for (std::uint32_t entry : excluded_list) excluded[entry] = 0;
        excluded_list.clear();
    }

    // Only the entries in `touched` have a score: the others' stay 0.
    std::vector<float> score;
    std::vector<float> title_matched;  // for title_fit
    std::vector<std::uint8_t> clauses_matched;
    std::vector<std::uint8_t> words_in_title;
    std::vector<std::uint8_t> excluded;
    std::vector<std::uint32_t> touched;        // entries some positive clause matched, in first-match order
    std::vector<std::uint32_t> excluded_list;  // the entries `excluded` marks
    ScoreScratch scratch;                      // for Scorer::score_from_postings, all zero between its calls
};

// An accumulator for a search, the spare one when it is free (an index may be
// searched from several threads at once), given back cleared.
class AccumulatorPool {
public:
    struct Lease {
        AccumulatorPool& pool;
        std::unique_ptr<Accumulator> accumulator;
        ~Lease() { pool.give_back(std::move(accumulator)); }
    };
    Lease take(std::size_t entries) {
        std::lock_guard lock(mutex_);
        if (spare_ && spare_->score.size() == entries) return {*this, std::move(spare_)};
        return {*this, std::make_unique<Accumulator>(entries)};
    }

private:
    void give_back(std::unique_ptr<Accumulator> accumulator) {
        accumulator->clear();
        std::lock_guard lock(mutex_);
        spare_ = std::move(accumulator);
    }
    std::mutex mutex_;
    std::unique_ptr<Accumulator> spare_;
};

}  // namespace pv::detail
