// The search engine: an inverted index over a bundle's entries, a query
// language, BM25 ranking with field boosts, prefix and typo matching,
// highlights and facet counts. One engine serves the panel, the CLI and the
// Node module. docs/DESIGN.md explains the scoring in prose.
#pragma once

#include "core/model/bundle.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pv {

// Byte range [begin, end) into a UTF-8 field of an entry.
struct Highlight {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    bool operator==(const Highlight&) const = default;
};

enum class SortOrder : std::uint8_t { relevance, rank, year, title };

enum class FacetField : std::uint8_t { kind, year, venue, author, tag, country, city, team, type };
constexpr std::size_t kFacetFieldCount = 9;
// Sets of facets, one bit per field.
constexpr std::uint32_t facet_bit(FacetField field) { return 1u << static_cast<unsigned>(field); }
constexpr std::uint32_t kAllFacetFields = (1u << kFacetFieldCount) - 1;
const char* facet_field_name(FacetField field);  // "kind", "year", "venue", ...

// Values picked per facet: values of one facet combine with OR, facets with AND.
// Values are the display strings that `Facet::values` reports ("2022", "KDD 2022",
// "Seattle", "job").
struct FacetSelection {
    std::vector<std::string> values[kFacetFieldCount];
    std::vector<std::string>& operator[](FacetField f) { return values[static_cast<std::size_t>(f)]; }
    const std::vector<std::string>& operator[](FacetField f) const { return values[static_cast<std::size_t>(f)]; }
    bool empty() const;
    void clear();
};

struct SearchRequest {
    std::string query;                // the text the visitor typed, in the query language
    std::optional<Kind> kind;         // the panel's kind switch; nullopt = all
    FacetSelection filters;           // facet chips the visitor picked
    SortOrder sort = SortOrder::relevance;
    std::size_t limit = SIZE_MAX;     // hits returned (total still counts all)
    bool facets = true;               // compute facet counts
    std::uint32_t facet_fields = kAllFacetFields;  // of these facets (facet_bit); the others get no values
    // Fill Hit::title/body for every hit. A list that draws a few rows of a
    // large result turns this off and asks SearchIndex::highlight() per row.
    bool highlights = true;
    std::size_t facet_values = 100;   // values listed per facet, most results first; picked ones always are
    // Entries left out whatever the query (postings past their valid_through), sorted.
    std::vector<std::uint32_t> hidden;
};

struct Hit {
    std::uint32_t entry = 0;          // index into Bundle::entries
    float score = 0;
    std::vector<Highlight> title;     // matched ranges in Entry::title
    std::vector<Highlight> body;      // matched ranges in Entry::body
};

struct FacetValue {
    std::string value;                // display string, also what FacetSelection holds
    std::uint32_t count = 0;          // results if this value were (also) selected
    bool selected = false;
};

struct Facet {
    FacetField field = FacetField::kind;
    std::vector<FacetValue> values;   // by count, then value
};

namespace detail {
struct HighlightPlan;  // the query's words, ready to mark text with
class PackReader;
class PackWriter;
class PostingBlocks;
}

// Where an index reads entries' own text (phrases, highlights, the last words
// of a query checked in few candidates): a bundle in memory, or a sharded
// bundle's detail files fetched as they are needed (core/shards/).
class EntrySource {
public:
    // Reading an entry's text in memory costs about as much as reading this
    // many postings.
    static constexpr std::size_t kTextCost = 2000;

    virtual ~EntrySource() = default;
    virtual const Entry& entry(std::uint32_t id) const = 0;
    // Whether reading these entries' text costs less than reading `postings`
    // postings: kTextCost an entry here, more where the text must be fetched
    // first (a sharded bundle's entries files).
    virtual bool text_cheaper(const std::vector<std::uint32_t>& ids, std::size_t postings) const { return ids.size() * kTextCost < postings; }
};

struct SearchResult {
    std::vector<Hit> hits;            // ordered by the request's sort
    std::size_t total = 0;            // all matches, before `limit`
    bool fallback = false;            // nothing matched every word: these are close matches
    std::vector<std::string> hints;   // short notes about the query ("unclosed quote", "unknown field 'foo:'")
    std::vector<Facet> facets;        // one per FacetField, in enum order, when counted
    // Set when the request asked for no highlights: what SearchIndex::highlight() needs.
    std::shared_ptr<const detail::HighlightPlan> highlight_plan;
};

struct EntryHighlights {
    std::vector<Highlight> title;
    std::vector<Highlight> body;
};

class SearchIndex {
public:
    // Builds the index once; `bundle` must outlive the index and stay unchanged.
    // `progress` hears WorkStage::indexing now and then while it is built.
    explicit SearchIndex(const Bundle& bundle, const ProgressHook& progress = {});
    ~SearchIndex();
    SearchIndex(SearchIndex&&) noexcept;
    SearchIndex& operator=(SearchIndex&&) noexcept;

    // The index's part of a pack (core/formats/pack.h): every table it built, written as
    // it is, and read back with checks against `bundle`. read() returns null
    // when `in` fails; in.failure() then says why.
    void write(detail::PackWriter& out) const;
    static std::unique_ptr<SearchIndex> read(const Bundle& bundle, detail::PackReader& in);
    // The index's part of a sharded bundle (core/shards/): its tables without
    // the postings, which are cut into blocks of terms (postings_of). read_tables()
    // serves them from `blocks` and entries from `entries`, which must outlive it.
    // The tables come in three parts, so that a query fetches only what it reads:
    // write_tables() what every query with words reads (the vocabulary, field
    // lengths, year and kind keys), write_facets() the facet columns (filters and
    // facet counts other than the kind's), write_sort_keys() title order and rank
    // (sorting by title, year or rank). Until read_facets() and read_sort_keys()
    // have added them, an index read with read_tables() counts and filters by kind
    // only and sorts by relevance only (has_facets(), has_sort_keys()).
    void write_tables(detail::PackWriter& out) const;
    void write_facets(detail::PackWriter& out) const;
    void write_sort_keys(detail::PackWriter& out) const;
    // False when `in` fails (in.failure() says why); the index is then unchanged.
    bool read_facets(detail::PackReader& in);
    bool read_sort_keys(detail::PackReader& in);
    bool has_facets() const;
    bool has_sort_keys() const;
    std::size_t term_count() const;
    std::string_view postings_of(std::uint32_t first_term, std::uint32_t last_term) const;
    std::uint32_t posting_offset(std::uint32_t term) const;  // where a term's postings start; term_count() for the end
    // Why a block of postings fetched for terms [first_term, last_term) cannot be used, or null.
    const char* postings_problem(std::uint32_t first_term, std::uint32_t last_term, std::string_view bytes) const;
    static std::unique_ptr<SearchIndex> read_tables(std::size_t entry_count, const EntrySource& entries,
                                                    const detail::PostingBlocks& blocks, detail::PackReader& in);

    SearchResult search(const SearchRequest& request) const;
    // Scores a letter of a to z, as the first letter of a query being typed,
    // into the words the index keeps between searches (word_cache.h), so
    // that a query's first keystroke, its costliest, costs what a later one
    // does. For a page's idle time, one letter a call, the costliest first;
    // false when there is nothing more worth doing: every letter done, half
    // the cache filled, a letter too common for the cache to keep (this
    // call's), or an index that keeps no words (of shards). Answers are the
    // same with or without it. Not while the index is searched on another thread.
    bool prepare_first_letter();
    // The entry scores kept between searches, in all (for tests and benchmarks).
    std::size_t kept_word_scores() const;
    // The ranges that Hit::title/body would hold for `entry`, for a result
    // searched with `highlights = false`. Empty for any other result.
    EntryHighlights highlight(const SearchResult& result, std::uint32_t entry) const;
    // The facets (facet_bit) that some entry of `kind` (of any kind without
    // one) has a value for: the filters worth offering.
    std::uint32_t facet_fields_with_values(std::optional<Kind> kind) const;
    // The bundle it was built or read with; not for an index of shards (read_tables).
    const Bundle& bundle() const;

private:
    struct Impl;
    explicit SearchIndex(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// A loaded bundle and its index. Both live on the heap, so moving this keeps
// the index's reference to the bundle valid.
struct IndexedBundle {
    std::unique_ptr<LoadResult> loaded;  // never null
    std::unique_ptr<SearchIndex> index;  // null unless loaded->usable
};

// Builds the index of a loaded bundle, if it is usable.
IndexedBundle index_bundle(LoadResult loaded, const ProgressHook& progress = {});

}  // namespace pv
