#include "core/search/facet_table.h"

#include "core/formats/pack_io.h"

#include <algorithm>
#include <functional>
#include <numeric>
#include <unordered_map>
#include <utility>

namespace pv::detail {
namespace {

template <class Visit>
void for_each_facet_value(const Entry& entry, FacetField field, Visit&& visit) {
    auto visit_nonempty = [&](const std::string& value) {
        if (!value.empty()) visit(value);
    };
    switch (field) {
        case FacetField::kind: visit(std::string(kind_name(entry.kind))); break;
        case FacetField::year: if (entry.year) visit(std::to_string(*entry.year)); break;
        case FacetField::venue: visit_nonempty(entry.venue); break;
        case FacetField::author: for (const std::string& a : entry.authors) visit_nonempty(a); break;
        case FacetField::tag: for (const std::string& t : entry.tags) visit_nonempty(t); break;
        case FacetField::country: visit_nonempty(entry.job().location.country); break;
        case FacetField::city: visit_nonempty(entry.job().location.city); break;
        case FacetField::team: visit_nonempty(entry.job().team); break;
        case FacetField::type: visit_nonempty(entry.type); break;
    }
}

// The value ids a facet's filter accepts. An active filter whose values are
// all unknown accepts nothing.
struct FacetFilter {
    bool active = false;
    std::vector<std::uint32_t> accepted;  // sorted
    std::optional<std::uint32_t> required;  // the kind switch: this value and no other

    bool accepts_any_of(std::span<const std::uint32_t> ids) const {
        if (!active) return true;
        for (std::uint32_t id : ids) {
            bool picked = accepted.empty() || std::binary_search(accepted.begin(), accepted.end(), id);
            if (picked && (!required || *required == id)) return true;
        }
        return false;
    }
};

}  // namespace

FacetTable::FacetTable(const Bundle& bundle, const ProgressHook& progress) : entry_count_(bundle.entries.size()) {
    for (std::size_t f = 0; f < kFacetFieldCount; ++f) {
        Column& column = columns_[f];
        std::unordered_map<std::string, std::uint32_t> first_seen;
        std::vector<std::string> values;
        column.starts.reserve(bundle.entries.size() + 1);
        for (const Entry& entry : bundle.entries) {
            column.starts.push_back(static_cast<std::uint32_t>(column.ids.size()));
            for_each_facet_value(entry, static_cast<FacetField>(f), [&](const std::string& value) {
                auto [it, added] = first_seen.try_emplace(value, static_cast<std::uint32_t>(values.size()));
                if (added) values.push_back(value);
                // A value listed twice (a tag, a name) counts the entry once.
                if (std::find(column.ids.begin() + column.starts.back(), column.ids.end(), it->second) == column.ids.end())
                    column.ids.push_back(it->second);
            });
        }
        column.starts.push_back(static_cast<std::uint32_t>(column.ids.size()));

        std::vector<std::uint32_t> order(values.size());
        std::iota(order.begin(), order.end(), 0u);
        std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return values[a] < values[b]; });
        std::vector<std::uint32_t> sorted_id(values.size());
        for (std::uint32_t position = 0; position < order.size(); ++position) sorted_id[order[position]] = position;
        for (std::uint32_t& id : column.ids) id = sorted_id[id];
        column.values.reserve(values.size());
        for (std::uint32_t id : order) column.values.push_back(std::move(values[id]));
        column.note_one_each(bundle.entries.size());
        report(progress, WorkStage::indexing, bundle.entries.size(), bundle.entries.size());
    }
}

FacetTable::FacetTable(const std::vector<Kind>& kinds) : FacetTable() {
    Column& column = columns_[static_cast<std::size_t>(FacetField::kind)];
    bool present[2] = {};
    for (Kind kind : kinds) present[kind == Kind::job] = true;
    for (Kind kind : {Kind::publication, Kind::job})
        if (present[kind == Kind::job]) column.values.push_back(kind_name(kind));
    std::sort(column.values.begin(), column.values.end());
    std::uint32_t id_of[2] = {};  // a publication's and a job's value id
    for (Kind kind : {Kind::publication, Kind::job})
        id_of[kind == Kind::job] = static_cast<std::uint32_t>(
            std::find(column.values.begin(), column.values.end(), kind_name(kind)) - column.values.begin());
    entry_count_ = kinds.size();
    column.one_each = true;
    column.small_ids.reserve(kinds.size());
    for (Kind kind : kinds) column.small_ids.push_back(static_cast<std::uint8_t>(id_of[kind == Kind::job]));
}

bool FacetTable::kinds_match(const std::vector<Kind>& kinds) const {
    const FacetTable expected(kinds);
    const Column& mine = columns_[static_cast<std::size_t>(FacetField::kind)];
    const Column& theirs = expected.columns_[static_cast<std::size_t>(FacetField::kind)];
    return mine == theirs;
}

FacetTable::FacetTable(std::size_t entry_count, PackReader& in) : entry_count_(entry_count) {
    in.section("facet table");
    for (Column& column : columns_) {
        const std::uint32_t value_count = in.u32();
        if (value_count > in.remaining() / sizeof(std::uint32_t)) { in.fail("it ends early"); return; }
        column.values.resize(value_count);
        for (std::size_t v = 0; v < column.values.size(); ++v) {
            column.values[v] = in.string();
            if (v % 4096 == 4095) in.tick();
        }
        column.starts = in.array<std::uint32_t>();
        column.ids = in.array<std::uint32_t>();
        if (in.failed()) return;
        if (std::adjacent_find(column.values.begin(), column.values.end(), std::greater_equal<>()) != column.values.end())
            { in.fail("its facet values are not sorted"); return; }
        if (column.starts.size() != entry_count + 1 || column.starts.front() != 0 ||
            column.starts.back() != column.ids.size() || !std::is_sorted(column.starts.begin(), column.starts.end()))
            { in.fail("its facet offsets are out of order"); return; }
        for (std::uint32_t id : column.ids)
            if (id >= column.values.size()) { in.fail("a facet value id is out of range"); return; }
        column.note_one_each(entry_count);
        // Counting trusts each entry to have a value once.
        std::vector<std::uint32_t> ids;  // one entry's, sorted: one buffer for the whole column
        for (std::size_t e = 0; e < entry_count && !column.one_each; ++e) {
            ids.assign(column.ids.begin() + column.starts[e], column.ids.begin() + column.starts[e + 1]);
            std::sort(ids.begin(), ids.end());
            if (std::adjacent_find(ids.begin(), ids.end()) != ids.end()) { in.fail("an entry has a facet value twice"); return; }
        }
    }
}

void FacetTable::Column::note_one_each(std::size_t entry_count) {
    if (ids.size() != entry_count || starts.size() != entry_count + 1) return;
    for (std::size_t e = 0; e <= entry_count; ++e)
        if (starts[e] != e) return;
    one_each = true;
    std::vector<std::uint32_t>().swap(starts);
    if (values.size() > kByteIds.size()) return;
    small_ids.assign(ids.begin(), ids.end());
    std::vector<std::uint32_t>().swap(ids);
}

std::vector<std::uint32_t> FacetTable::Column::ids_written() const {
    return small_ids.empty() ? ids : std::vector<std::uint32_t>(small_ids.begin(), small_ids.end());
}

std::vector<std::uint32_t> FacetTable::Column::starts_written(std::size_t entry_count) const {
    std::vector<std::uint32_t> written(entry_count + 1, 0);
    if (one_each) std::iota(written.begin(), written.end(), 0u);
    else if (!starts.empty()) written = starts;
    return written;
}

void FacetTable::write(PackWriter& out) const {
    for (const Column& column : columns_) {
        out.u32(static_cast<std::uint32_t>(column.values.size()));
        for (const std::string& value : column.values) out.string(value);
        out.array(column.starts_written(entry_count_));
        out.array(column.ids_written());
    }
}

FacetTable::Outcome FacetTable::apply(std::vector<std::uint32_t> matches, const FacetSelection& selection,
                                      std::optional<Kind> kind_switch, std::uint32_t count_fields,
                                      std::size_t values_shown) const {
    FacetFilter filters[kFacetFieldCount];
    for (std::size_t f = 0; f < kFacetFieldCount; ++f) {
        const std::vector<std::string>& values = columns_[f].values;
        auto id_of = [&](const std::string& value) -> std::optional<std::uint32_t> {
            auto it = std::lower_bound(values.begin(), values.end(), value);
            if (it == values.end() || *it != value) return std::nullopt;
            return static_cast<std::uint32_t>(it - values.begin());
        };
        FacetFilter& filter = filters[f];
        for (const std::string& picked : selection.values[f]) {
            filter.active = true;
            if (auto id = id_of(picked)) filter.accepted.push_back(*id);
            else filter.accepted.push_back(UINT32_MAX);  // keeps the filter from accepting everything
        }
        std::sort(filter.accepted.begin(), filter.accepted.end());
        if (static_cast<FacetField>(f) == FacetField::kind && kind_switch) {
            filter.active = true;
            filter.required = id_of(kind_name(*kind_switch)).value_or(UINT32_MAX);
        }
    }

    Outcome outcome;
    std::vector<std::uint32_t> counts[kFacetFieldCount];
    auto counted = [&](std::size_t f) { return (count_fields & facet_bit(static_cast<FacetField>(f))) != 0; };
    for (std::size_t f = 0; f < kFacetFieldCount; ++f)
        if (counted(f)) counts[f].assign(columns_[f].values.size(), 0);
    auto count_values = [&](std::size_t f, std::uint32_t entry) {
        if (!counted(f)) return;
        for (std::uint32_t id : columns_[f].ids_of(entry)) ++counts[f][id];
    };

    const bool filtering = std::any_of(std::begin(filters), std::end(filters), [](const FacetFilter& f) { return f.active; });
    if (!filtering) {  // every match passes and counts: a column at a time (a million matches, at most)
        for (std::size_t f = 0; f < kFacetFieldCount; ++f)
            if (counted(f) && columns_[f].has_values())
                for (std::uint32_t entry : matches) count_values(f, entry);
        outcome.passing = std::move(matches);
    } else {
        for (std::uint32_t entry : matches) {
            std::size_t failures = 0, failed = 0;
            for (std::size_t f = 0; f < kFacetFieldCount && failures < 2; ++f) {
                if (!filters[f].accepts_any_of(columns_[f].ids_of(entry))) {
                    ++failures;
                    failed = f;
                }
            }
            if (failures == 0) outcome.passing.push_back(entry);
            if (!count_fields) continue;
            // Passing every filter but one's, the entry still counts for that one facet's values.
            if (failures == 0)
                for (std::size_t f = 0; f < kFacetFieldCount; ++f) count_values(f, entry);
            else if (failures == 1)
                count_values(failed, entry);
        }
    }
    if (!count_fields) return outcome;

    for (std::size_t f = 0; f < kFacetFieldCount; ++f) {
        const FacetFilter& filter = filters[f];
        auto selected = [&](std::uint32_t id) {
            return std::binary_search(filter.accepted.begin(), filter.accepted.end(), id) ||
                   (filter.required && *filter.required == id);
        };
        // Value ids order like the values, so (count desc, id asc) is (count desc, value asc).
        auto before = [&](std::uint32_t a, std::uint32_t b) {
            return counts[f][a] != counts[f][b] ? counts[f][a] > counts[f][b] : a < b;
        };
        std::vector<std::uint32_t> shown;
        for (std::uint32_t id = 0; id < counts[f].size(); ++id)  // empty when not counted
            if (counts[f][id] > 0 || selected(id)) shown.push_back(id);
        if (shown.size() > values_shown) {
            std::nth_element(shown.begin(), shown.begin() + static_cast<std::ptrdiff_t>(values_shown), shown.end(), before);
            auto tail = std::stable_partition(shown.begin() + static_cast<std::ptrdiff_t>(values_shown), shown.end(), selected);
            shown.erase(tail, shown.end());
        }
        std::sort(shown.begin(), shown.end(), before);
        Facet facet;
        facet.field = static_cast<FacetField>(f);
        for (std::uint32_t id : shown) facet.values.push_back({columns_[f].values[id], counts[f][id], selected(id)});
        outcome.facets.push_back(std::move(facet));
    }
    return outcome;
}

std::uint32_t FacetTable::fields_with_values(const std::vector<Kind>& kinds, std::optional<Kind> kind) const {
    std::uint32_t fields = 0;
    for (std::size_t e = 0; e < kinds.size() && fields != kAllFacetFields; ++e) {
        if (kind && kinds[e] != *kind) continue;
        for (std::size_t f = 0; f < kFacetFieldCount; ++f)
            if (!columns_[f].ids_of(e).empty()) fields |= facet_bit(static_cast<FacetField>(f));
    }
    return fields;
}

}  // namespace pv::detail
