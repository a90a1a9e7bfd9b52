// The words of the last few queries, each with its matcher (the index terms it
// stands for) and the entries its postings score. A visitor types a query a
// letter at a time and erases it the same way: after "data" was searched,
// "data m" reads only the postings of "m", and erasing back to "data" reads
// none. A sharded index (core/shards/) keeps a word's scores only once every
// postings file its terms are in is here: scores that lack one are read again.
#pragma once

#include "core/search/scoring.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace pv::detail {

using EntryScores = std::vector<EntryScore>;

class WordCache {
public:
    // What a word is matched and scored as: the word, whether it is being
    // typed (a prefix), whether typos count, and the field it is limited to.
    struct Key {
        std::string word;
        bool prefix = false;
        bool fuzzy = false;
        bool in_field = false;
        TextField field = TextField::title;
        bool operator==(const Key&) const = default;
    };

    // Words kept, and entry scores kept over all of them (12 bytes each): the
    // queries typed in a few minutes at 10,000 entries, a few long prefixes'
    // worth at 1,000,000.
    static constexpr std::size_t kWords = 48;
    static constexpr std::size_t kScores = 1u << 19;
    // Whether a word's scores over this many entries may be kept: not when
    // they would push out all the others.
    static constexpr bool keeps(std::size_t scores) { return scores <= kScores / 4; }

    // The word's matcher, made with `make` unless kept.
    std::shared_ptr<const WordMatcher> matcher(const Key& key, const auto& make) {
        if (auto kept = find(key).matcher) return kept;
        auto made = std::make_shared<const WordMatcher>(make());
        keep({key, made, nullptr});
        return made;
    }
    // The entries the word's postings score, scored with `score` unless kept;
    // kept when `complete()` says, after scoring, that no postings were missing.
    std::shared_ptr<const EntryScores> scores(const Key& key, std::shared_ptr<const WordMatcher> matcher, const auto& score,
                                              const auto& complete) {
        if (auto kept = find(key).scores) return kept;
        auto scored = std::make_shared<const EntryScores>(score());
        if (complete()) keep({key, std::move(matcher), scored});
        return scored;
    }
    // The word's scores if kept, else null.
    std::shared_ptr<const EntryScores> kept(const Key& key) { return find(key).scores; }

    // The entry scores kept, over all words.
    std::size_t kept_scores();

private:
    struct Word {
        Key key;
        std::shared_ptr<const WordMatcher> matcher;
        std::shared_ptr<const EntryScores> scores;  // null until scored
        std::uint64_t used = 0;
    };
    struct Kept {
        std::shared_ptr<const WordMatcher> matcher;
        std::shared_ptr<const EntryScores> scores;
    };
    Kept find(const Key& key);  // empty when not kept
    void keep(Word word);
    std::size_t kept_scores_locked() const;

    std::mutex mutex_;  // an index may be searched from several threads
    std::vector<Word> words_;
    std::uint64_t clock_ = 0;
    RankingWeights weights_;  // what the kept words were scored with (rank_eval changes them)
};

}  // namespace pv::detail
