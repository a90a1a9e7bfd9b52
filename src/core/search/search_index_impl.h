// The search index's insides, shared by search_index.cpp (building and
// searching) and search_index_pack.cpp (its pack and shard sections). Not
// part of the engine's interface: include search_index.h.
#pragma once

#include "core/search/accumulator.h"
#include "core/search/facet_table.h"
#include "core/search/scoring.h"
#include "core/search/search_index.h"
#include "core/search/term_index.h"
#include "core/search/word_cache.h"

#include <climits>
#include <cstdint>
#include <memory>
#include <vector>

namespace pv {

namespace detail {
struct ClausePlan;  // search_index.cpp
}

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

    detail::ClausePlan plan(const QueryClause& clause) const;
    std::shared_ptr<const detail::EntryScores> score_from_postings(const detail::ClausePlan& plan, detail::ScoreScratch& scratch,
                                                                   detail::ScoredEntries only = {}) const;
    // Adds the clause's scores to `acc`: a word too common for the word cache
    // to keep (WordCache::kScores) is not listed first.
    void add_from_postings(const detail::ClausePlan& plan, detail::Accumulator& acc, detail::ScoredEntries only = {}) const;
    bool prepare_first_letter();
    // Every clause must match; returns the entries that match them all.
    std::vector<std::uint32_t> match_all(const std::vector<detail::ClausePlan>& plans, detail::Accumulator& acc) const;
    // Any clause may match.
    void match_any(const std::vector<detail::ClausePlan>& plans, detail::Accumulator& acc) const;
    void add_author_pair_bonus(const ParsedQuery& query, detail::Accumulator& acc) const;
    void multiply_by_title_fit(const std::vector<std::uint32_t>& entries, const std::vector<detail::ClausePlan>& plans, detail::Accumulator& acc) const;
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
    mutable detail::WordCache word_cache;  // the words of the last searches
    mutable detail::AccumulatorPool accumulators;
    std::uint32_t letters_prepared = 0;  // a bit a letter, a to z (prepare_first_letter)
    // Sort keys, compact so that sorting 100,000 hits stays in cache.
    std::vector<std::uint32_t> title_order;  // each entry's position when sorted by folded title
    std::vector<int> rank_key;               // rank, INT_MAX without one
    // Each entry's year (a bundle's are 1 to 9999: 2 bytes, 2 MB at a
    // million), kNoYear without one; year_of() as an int, INT_MIN without.
    std::vector<std::int16_t> year_key;
    static constexpr std::int16_t kNoYear = INT16_MIN;
    int year_of(std::uint32_t entry) const { return year_key[entry] == kNoYear ? INT_MIN : year_key[entry]; }
    std::vector<Kind> kind_key;
    // False for an index read with read_tables() until read_facets() and
    // read_sort_keys(): its facet table then holds the kinds only.
    bool has_facets = true;
    bool has_sort_keys = true;
};

}  // namespace pv
