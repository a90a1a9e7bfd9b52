// The search index's pack and shard sections: written by the CLI, read by
// the loader (a pack) and the shard reader (a sharded bundle's tables).
#include "core/search/search_index_impl.h"

#include "core/formats/pack_io.h"

#include <utility>

namespace pv {

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
    const std::vector<int> years = in.array<int>();
    const std::vector<std::uint8_t> kinds = in.array<std::uint8_t>();
    if (in.failed()) return;
    if (years.size() != entry_count || kinds.size() != entry_count) { in.fail("its year and kind keys do not match its entries"); return; }
    year_key.reserve(entry_count);
    for (int year : years) {
        if (year != INT_MIN && (year <= kNoYear || year > INT16_MAX)) { in.fail("an entry's year is out of range"); return; }
        year_key.push_back(year == INT_MIN ? kNoYear : static_cast<std::int16_t>(year));
    }
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

void SearchIndex::write(detail::PackWriter& out) const {
    impl_->index.write(out);
    impl_->facets.write(out);
    out.array(impl_->title_order);
}

void SearchIndex::write_tables(detail::PackWriter& out) const {
    impl_->index.write_vocabulary(out);
    std::vector<int> years;
    years.reserve(impl_->year_key.size());
    for (std::uint32_t entry = 0; entry < impl_->year_key.size(); ++entry) years.push_back(impl_->year_of(entry));
    out.array(years);
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
