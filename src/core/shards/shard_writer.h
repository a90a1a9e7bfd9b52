// Writes a bundle and its index as a sharded bundle: a folder of plain files
// that any static host serves (docs/DESIGN.md, "Sharded bundles").
#pragma once

#include "core/model/bundle.h"
#include "core/search/search_index.h"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace pv::shards {

struct ShardOptions {
    // A postings file holds whole terms, about this many bytes; 0: by the
    // bundle's size (posting_bytes_per_file).
    std::size_t posting_block_bytes = 0;
    // Entries per file of rows (what a collapsed row shows) and per details
    // file (whole entries); 0: by the bundle's size (entries_per_file).
    std::size_t entries_per_row_file = 0;
    std::size_t entries_per_detail = 0;
};

// Without a number given: files of 64 rows, 256 entries and 16 KB of
// postings, or, where the bundle would then need more than this many files
// of the kind, the smallest size that keeps within it. Small files keep a
// query's bytes few (a cold keystroke's top rows are spread over as many
// rows files, and its words' postings share their files with other
// terms'); the caps keep a million entries within a few thousand files:
// hosts limit a site's files (Cloudflare Pages to 20,000), and the CLI
// stores each file once, as its .gz copy (the manifest plain too), so at
// most 18,438 here, with the listing of files. The entries files, fetched
// one to an opened row, keep 2,048 of them; rows and postings, which every
// keystroke fetches, share the rest.
inline constexpr std::size_t kHostFileLimit = 20000;
inline constexpr std::size_t kMinRowsPerFile = 64;
inline constexpr std::size_t kMinEntriesPerFile = 256;
inline constexpr std::size_t kMinPostingBytes = 16u << 10;
inline constexpr std::size_t kMaxRowFiles = 8192;
inline constexpr std::size_t kMaxDetailFiles = 2048;
inline constexpr std::size_t kMaxPostingFiles = 8192;
// `given` if not 0, else the fewest entries a file, at least `smallest`, with
// which `entries` need at most `max_files` files.
std::size_t entries_per_file(std::size_t given, std::size_t smallest, std::size_t entries, std::size_t max_files);
// `given` if not 0, else kMinPostingBytes, or the smallest size (to a KB)
// with which the index's postings, cut into files of whole terms, need at
// most `max_files` files.
std::size_t posting_bytes_per_file(std::size_t given, const SearchIndex& index, std::size_t max_files = kMaxPostingFiles);

// Takes each file as it is made; returns false if it could not be kept.
// Files come in a fixed order, the manifest last.
using ShardSink = std::function<bool(const std::string& name, std::string_view bytes)>;

struct ShardSummary {
    std::size_t files = 0;        // the manifest included
    std::size_t posting_files = 0;
    std::size_t row_files = 0;
    std::size_t detail_files = 0;
    std::size_t bytes = 0;        // all files together, uncompressed
};

// The names of the files of entries, as the manifest lists them.
struct EntryFileNames {
    std::vector<std::string> rows;     // rows-H.json, each `entries_per_row_file` entries' row fields
    std::vector<std::string> details;  // entries-H.json, each `entries_per_detail` whole entries
};

// The same bundle always gives the same files, byte for byte. False when the
// sink refused a file (it says why). The files of entries need only the
// bundle: a caller may write them while the index is built, then the rest.
bool write_shards(const Bundle& bundle, const SearchIndex& index, const ShardSink& sink, ShardSummary& summary,
                  const ShardOptions& options = {});
// The rows and entries files (summary is added to).
bool write_entry_files(const Bundle& bundle, const ShardSink& sink, ShardSummary& summary, const ShardOptions& options,
                       EntryFileNames& names);
// The tables, the postings and the manifest, last (summary is added to).
bool write_index_files(const Bundle& bundle, const SearchIndex& index, const EntryFileNames& names, const ShardSink& sink,
                       ShardSummary& summary, const ShardOptions& options);

}  // namespace pv::shards
