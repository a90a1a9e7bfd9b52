// Reads a sharded bundle (docs/DESIGN.md, "Sharded bundles") through the same
// engine as a bundle in one file: it opens with the manifest and the index's
// tables, and fetches a postings file the first time a query reads one of its
// terms, a rows file the first time a row in it is shown, a details file
// the first time an entry in it is opened or checked (phrases), and the facets
// and sort keys the first time a query filters, counts facets or sorts by them.
// Where the bytes come from (files, Node, the page) is the caller's source.
#pragma once

#include "core/model/bundle.h"
#include "core/search/search_index.h"
#include "core/search/term_index.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pv::shards {

// The files of a sharded bundle's folder by name (manifest.json, tables-….bin).
class ShardSource {
public:
    virtual ~ShardSource() = default;
    // A file's bytes; nullopt when it cannot be had, with `why` saying so.
    virtual std::optional<std::string> fetch(const std::string& name, std::string& why) = 0;
    // After fetch gave nothing: whether the file is only not here yet. A page
    // cannot wait for the network inside a search, so its source notes what a
    // query asked for, fetches it all at once, and the query runs again; the
    // bundle neither keeps such a file as missing nor reports it.
    virtual bool arriving(const std::string& name) const { (void)name; return false; }
};

class ShardedBundle final : private EntrySource, private detail::PostingBlocks {
public:
    // Reads the manifest, the listing of the other files and the tables. Null
    // when they cannot be read, with `error` saying which file and why.
    // `source` must outlive the bundle. A listing and tables that are only
    // arriving (ShardSource::arriving) are read at the first search that needs
    // them: the first rows need only the manifest and the first rows file.
    static std::unique_ptr<ShardedBundle> open(ShardSource& source, std::string& error);
    ~ShardedBundle() override;

    // The bundle's title, description and source; its entries stay in the files.
    const Bundle& header() const { return header_; }
    std::size_t entry_count() const { return entry_count_; }
    // The same answer as SearchIndex::search over the bundle in one file. Once
    // a file could not be fetched, its entries are left out and a hint says so.
    // Before the tables are here, the first rows (the empty query in bundle
    // order, counted by kind) come from the manifest; any other search
    // answers nothing and asks for the tables.
    SearchResult search(const SearchRequest& request) const;
    // An entry, fetching its details file if it is not here yet. A file that
    // cannot be fetched gives an entry with no text (failure() says why).
    const Entry& entry(std::uint32_t id) const override;
    // An entries file that is not here costs fetching and reading it whole,
    // once for all its entries, so that a query's last words are checked in
    // postings where they give the same answers (SearchIndex's match_all).
    bool text_cheaper(const std::vector<std::uint32_t>& ids, std::size_t postings) const override;
    // What a collapsed row shows of an entry (row_fields in core/present/display.h)
    // as a page gets it: its kind, id and object (entry_json), fetching its
    // rows file if it is not here yet; empty when the file cannot be had
    // (failure() says why). It stays until the next search.
    struct Row {
        Kind kind = Kind::publication;
        std::string_view id;
        std::string_view json;
    };
    Row row(std::uint32_t id) const;
    // Whether the index's tables (and the listing of files, which names their
    // postings) are read: reads them once they have come (a page calls it
    // after they arrive, so that the first search with words need not);
    // false while they are arriving or once they failed (noted as a failure).
    bool have_tables() const;
    // The first problem met fetching a file after opening, empty if none.
    const std::string& failure() const { return failure_; }
    std::size_t files_fetched() const { return files_fetched_; }
    // How many bytes of postings (as the index lays them out) stay between
    // searches: past it, after a search, the files the fewest recent searches
    // read are let go, and fetched again (a page's from the browser's cache)
    // when a query reads them. A query's own files stay however large.
    void keep_postings_within(std::size_t bytes) { postings_budget_ = bytes; }
    // 32 MB: the 50 bench queries at a million read 23 MB (none fetched
    // twice), and the worker stays near the widget's 100 MB in a long visit.
    static constexpr std::size_t kPostingsKept = std::size_t{32} << 20;
    // Details files whose entries stay read, by their texts' bytes (a
    // details file's entries take a few times its text), and rows or details
    // files that stay (by their rows' objects or text): past them the entries
    // are read again from the text, the file fetched again (a page's from the
    // browser's cache).
    void keep_entries_within(std::size_t read_bytes, std::size_t text_bytes) { entries_read_budget_ = read_bytes, entry_texts_budget_ = text_bytes; }
    static constexpr std::size_t kEntriesRead = std::size_t{2} << 20;
    static constexpr std::size_t kEntryTexts = std::size_t{16} << 20;

private:
    struct PostingFile {
        std::string name;
        std::uint32_t first_term = 0;
        // Once fetched, the postings as the index lays them out; empty when
        // they cannot be had or fail their check. Terms whose postings are
        // alike (the parts of a hyphenated word) make alike files, so several
        // entries of the manifest may name one file: one fetch serves them all.
        std::shared_ptr<const std::string> bytes;
        bool checked = false;  // against this entry's terms
        std::uint64_t read_by = 0;  // the last search that read it
    };
    struct RowText {
        Kind kind = Kind::publication;
        std::string id;
        std::string json;
    };
    struct EntryFile {
        std::string name;
        // A details file, once fetched: its JSON, kept so that entries let go
        // of are read again rather than fetched (a few times smaller than the
        // entries), and its entries, read when one of them is wanted.
        std::string text{};
        std::vector<Entry> entries{};
        // A rows file, once fetched: its rows as a page gets them. Reading a
        // rows file again cost a warm keystroke more than its search.
        std::vector<RowText> rows{};
        std::size_t bytes = 0;  // of the text, or of the rows' objects
        bool fetched = false;
        std::uint64_t read_by = 0;  // the last search that read one of its entries
    };
    // Entries in bundle order, a fixed number a file: the rows, or the details.
    struct EntryFiles {
        std::size_t per_file = 1;
        std::vector<EntryFile> files{};
        std::vector<std::size_t> kept{};  // the files with bytes here
        std::size_t bytes = 0;            // theirs
        std::size_t read_bytes = 0;       // the texts' bytes of those whose entries are read
    };

    explicit ShardedBundle(ShardSource& source) : source_(source) {}
    Block block_of(std::uint32_t term) const override;
    // A file's checked bytes; nullopt when it cannot be had (noted as a
    // failure) or is still arriving (`arriving` set, nothing noted).
    std::optional<std::string> fetch(const std::string& name, bool& arriving) const;
    bool read_manifest(const std::string& bytes, std::string& error);
    // Whether the listing of the folder's postings, rows and entries files is
    // read (the manifest names only the first rows file, so that it stays
    // small): reads it once it has come; like have_tables() otherwise.
    bool have_listing() const;
    bool read_listing(const std::string& bytes, std::string& error) const;
    // The tables' parts that only some queries read (SearchIndex::write_facets,
    // write_sort_keys), fetched the first time a query needs them.
    struct TablesPart {
        std::string name;
        bool (SearchIndex::*read)(detail::PackReader&);
        bool (SearchIndex::*here)() const;
        bool failed = false;
    };
    // Whether the index has the part; like have_tables() otherwise.
    bool have_part(TablesPart& part) const;
    std::unique_ptr<SearchIndex> read_index(const std::string& tables, std::string& error) const;
    SearchResult first_rows(const SearchRequest& request) const;
    const Entry& entry_in(EntryFiles& files, std::uint32_t id) const;
    // A file's entries (read as `rows_only`), once fetched; empty when it
    // cannot be had or does not hold them (noted as a failure).
    std::vector<Entry> read_entries(EntryFiles& files, EntryFile& file, bool rows_only) const;
    void note_failure(const std::string& problem) const;
    void let_go_of_postings() const;  // past the budget (keep_postings_within)
    // Before a search: what the searches before the last read of rows or
    // details, past the budgets (keep_entries_within; the last search's stay).
    void let_go_of_entries(EntryFiles& files) const;

    ShardSource& source_;
    Bundle header_;
    std::size_t entry_count_ = 0;
    std::string tables_name_;
    std::string listing_name_;
    mutable bool listing_read_ = false;
    mutable bool listing_failed_ = false;
    mutable TablesPart facets_{{}, &SearchIndex::read_facets, &SearchIndex::has_facets};
    mutable TablesPart sort_keys_{{}, &SearchIndex::read_sort_keys, &SearchIndex::has_sort_keys};
    mutable std::vector<PostingFile> postings_;
    mutable std::uint64_t searches_ = 0;
    // The postings files' bytes kept, at most: a file that failed its check
    // counts until let_go_of_postings() next counts them exactly.
    mutable std::size_t postings_kept_ = 0;
    std::size_t postings_budget_ = kPostingsKept;
    std::size_t entries_read_budget_ = kEntriesRead;
    std::size_t entry_texts_budget_ = kEntryTexts;
    mutable EntryFiles rows_;
    mutable EntryFiles details_;
    std::size_t kind_counts_[2] = {};  // publications, jobs
    mutable std::unique_ptr<SearchIndex> index_;  // once the tables are read
    mutable bool tables_failed_ = false;
    mutable std::string failure_;
    mutable std::size_t files_fetched_ = 0;
    Entry missing_;  // what entry() gives when its file cannot be had
};

}  // namespace pv::shards
