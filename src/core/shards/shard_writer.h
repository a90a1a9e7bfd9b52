// Writes a bundle and its index as a sharded bundle: a folder of plain files
// that any static host serves (docs/DESIGN.md, "Sharded bundles").
#pragma once

#include "core/model/bundle.h"
#include "core/search/search_index.h"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

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

// The same bundle always gives the same files, byte for byte. False when the
// sink refused a file (it says why).
bool write_shards(const Bundle& bundle, const SearchIndex& index, const ShardSink& sink, ShardSummary& summary,
                  const ShardOptions& options = {});

}  // namespace pv::shards
