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
    std::size_t posting_block_bytes = 128u << 10;  // a postings file holds whole terms, about this many bytes
    std::size_t entries_per_row_file = 256;        // entries per file of rows (what a collapsed row shows)
    std::size_t entries_per_detail = 256;          // entries per details file (whole entries)
};

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
