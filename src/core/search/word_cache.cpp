#include "core/search/word_cache.h"

#include <algorithm>

namespace pv::detail {

WordCache::Kept WordCache::find(const Key& key) {
    std::lock_guard lock(mutex_);
    if (!(weights_ == ranking_weights())) {
        words_.clear();
        weights_ = ranking_weights();
    }
    for (Word& word : words_)
        if (word.key == key) {
            word.used = ++clock_;
            return {word.matcher, word.scores};
        }
    return {};
}

void WordCache::keep(Word word) {
    std::lock_guard lock(mutex_);
    if (word.scores && !keeps(word.scores->size())) word.scores = nullptr;
    word.used = ++clock_;
    Word* slot = nullptr;
    for (Word& kept : words_)
        if (kept.key == word.key) slot = &kept;
    if (slot) {
        slot->used = word.used;
        if (word.scores) slot->scores = std::move(word.scores);
    } else if (words_.size() < kWords) {
        words_.push_back(std::move(word));
    } else {  // in place of the least recently used
        *std::min_element(words_.begin(), words_.end(), [](const Word& a, const Word& b) { return a.used < b.used; }) = std::move(word);
    }
    // Over the budget, the least recently used words give up their scores.
    std::size_t kept = kept_scores_locked();
    while (kept > kScores) {
        Word* oldest = nullptr;
        for (Word& w : words_)
            if (w.scores && (!oldest || w.used < oldest->used)) oldest = &w;
        kept -= oldest->scores->size();
        oldest->scores = nullptr;
    }
}

std::size_t WordCache::kept_scores() {
    std::lock_guard lock(mutex_);
    return kept_scores_locked();
}

std::size_t WordCache::kept_scores_locked() const {
    std::size_t kept = 0;
    for (const Word& w : words_) kept += w.scores ? w.scores->size() : 0;
    return kept;
}

}  // namespace pv::detail
