// Internals of the search engine: each entry's facet values, and disjunctive
// facet counting over a set of matches.
#pragma once

#include "core/model/bundle.h"
#include "core/search/search_index.h"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace pv::detail {

class PackReader;
class PackWriter;

class FacetTable {
public:
    // Reports WorkStage::indexing progress to `progress` after each facet.
    FacetTable(const Bundle& bundle, const ProgressHook& progress);
    // Reads what write() wrote for `entry_count` entries, checking every value
    // id and offset. If `in` fails, this table must not be used.
    FacetTable(std::size_t entry_count, PackReader& in);
    // The kind column alone, from each entry's kind; the other facets have no
    // values (a sharded bundle's index before its facets file, core/shards/).
    explicit FacetTable(const std::vector<Kind>& kinds);
    FacetTable() = default;
    // Whether the kind column says what `kinds` says of each entry.
    bool kinds_match(const std::vector<Kind>& kinds) const;
    void write(PackWriter& out) const;

    struct Outcome {
        std::vector<std::uint32_t> passing;  // matches that every facet filter lets through, in input order
        std::vector<Facet> facets;           // empty unless counting was asked for; uncounted facets have no values
    };

    // Filters `matches` by the picked values (and the panel's kind switch, which
    // acts as one more filter on the kind facet) and counts the values of the
    // facets in `count_fields` (facet_bit), each over the matches the OTHER
    // facets' filters let through.
    Outcome apply(std::vector<std::uint32_t> matches, const FacetSelection& selection,
                  std::optional<Kind> kind_switch, std::uint32_t count_fields, std::size_t values_shown) const;
    // See SearchIndex::facet_fields_with_values().
    // `kinds`: each entry's kind.
    std::uint32_t fields_with_values(const std::vector<Kind>& kinds, std::optional<Kind> kind) const;

private:
    struct Column {
        std::vector<std::string> values;    // sorted, so value ids order like the values
        // Entry e has ids [starts[e], starts[e + 1]); no starts at all in a
        // column that no entry has a value of (the kind column's table holds
        // nine columns, eight of them empty: 4 bytes an entry each otherwise).
        // A column where every entry has one value (the kind; often the year)
        // keeps no starts either: entry e has ids[e], or with at most 256
        // values small_ids[e] (and no ids: 1 byte an entry, not 8).
        std::vector<std::uint32_t> starts;
        std::vector<std::uint32_t> ids;
        std::vector<std::uint8_t> small_ids;
        bool one_each = false;

        std::span<const std::uint32_t> ids_of(std::size_t entry) const {
            if (one_each) return {small_ids.empty() ? ids.data() + entry : &kByteIds[small_ids[entry]], 1};
            if (starts.empty()) return {};
            return {ids.data() + starts[entry], ids.data() + starts[entry + 1]};
        }
        bool has_values() const { return one_each || !starts.empty(); }
        // Lets go of the starts when every entry has one value, and of the
        // ids for bytes when there are at most 256 values.
        void note_one_each(std::size_t entry_count);
        std::vector<std::uint32_t> starts_written(std::size_t entry_count) const;
        std::vector<std::uint32_t> ids_written() const;
        bool operator==(const Column&) const = default;
    };
    // Value ids 0 to 255, which small_ids point into.
    static constexpr std::array<std::uint32_t, 256> kByteIds = [] {
        std::array<std::uint32_t, 256> ids{};
        for (std::uint32_t i = 0; i < ids.size(); ++i) ids[i] = i;
        return ids;
    }();
    std::size_t entry_count_ = 0;
    Column columns_[kFacetFieldCount];
};

}  // namespace pv::detail
