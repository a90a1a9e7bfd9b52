#include "core/shards/shard_writer.h"

#include "core/formats/pack.h"
#include "core/formats/pack_io.h"
#include "core/present/display.h"
#include "core/shards/shard_layout.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

namespace pv::shards {

namespace {

// Counts a file into the summary and hands it to the sink.
bool put(const ShardSink& sink, ShardSummary& summary, const std::string& name, std::string_view bytes) {
    ++summary.files;
    summary.bytes += bytes.size();
    return sink(name, bytes);
}

// The bundle's own fields, as its JSON has them, with no entries. (A field
// added to Bundle beside its entries needs adding here too: copying the whole
// bundle would double a large one's memory.)
Bundle header_of(const Bundle& bundle) { return Bundle{bundle.title, bundle.description, bundle.source, {}}; }

std::size_t rows_per_file(const ShardOptions& options, std::size_t entries) {
    return entries_per_file(options.entries_per_row_file, kMinRowsPerFile, entries, kMaxRowFiles);
}

std::size_t details_per_file(const ShardOptions& options, std::size_t entries) {
    return entries_per_file(options.entries_per_detail, kMinEntriesPerFile, entries, kMaxDetailFiles);
}

// The end of the postings file that starts at term `first`: whole terms, cut
// once the file would pass `bytes` (a term larger than that has a file alone).
std::uint32_t block_end(const SearchIndex& index, std::uint32_t first, std::size_t bytes) {
    const auto terms = static_cast<std::uint32_t>(index.term_count());
    std::uint32_t last = first + 1;
    while (last < terms && index.posting_offset(last + 1) - index.posting_offset(first) <= bytes) ++last;
    return last;
}

// How many files the postings make when cut at `bytes`, counted up to one more than `most`.
std::size_t posting_files(const SearchIndex& index, std::size_t bytes, std::size_t most) {
    std::size_t files = 0;
    for (std::uint32_t first = 0; first < index.term_count() && files <= most; first = block_end(index, first, bytes)) ++files;
    return files;
}

}  // namespace

std::size_t entries_per_file(std::size_t given, std::size_t smallest, std::size_t entries, std::size_t max_files) {
    if (given > 0) return given;
    const std::size_t most = std::max<std::size_t>(1, max_files);
    return std::max(smallest, (entries + most - 1) / most);
}

std::size_t posting_bytes_per_file(std::size_t given, const SearchIndex& index, std::size_t max_files) {
    if (given > 0) return given;
    const std::size_t most = std::max<std::size_t>(1, max_files);
    std::size_t bytes = kMinPostingBytes;
    if (posting_files(index, bytes, most) <= most) return bytes;
    while (posting_files(index, bytes * 2, most) > most) bytes *= 2;
    // The smallest size between bytes (too small) and twice that (enough), to a KB.
    std::size_t low = bytes, high = bytes * 2;
    while (high - low > 1024) {
        const std::size_t middle = low + (high - low) / 2;
        (posting_files(index, middle, most) <= most ? high : low) = middle;
    }
    return high;
}

bool write_entry_files(const Bundle& bundle, const ShardSink& sink, ShardSummary& summary, const ShardOptions& options,
                       EntryFileNames& names) {
    // Entries in bundle order, in files of `per_file`, each file a bundle of
    // its own in the JSON format: the rows' fields, then the whole entries.
    Bundle header = header_of(bundle);
    auto write = [&](const char* prefix, std::size_t per_file, bool rows, std::size_t& files, std::vector<std::string>& out) {
        for (std::size_t first = 0; first < bundle.entries.size(); first += per_file) {
            const std::size_t last = std::min(bundle.entries.size(), first + per_file);
            header.entries.clear();
            for (std::size_t e = first; e < last; ++e)
                header.entries.push_back(rows ? row_fields(bundle.entries[e]) : bundle.entries[e]);
            const std::string json = to_json(header, JsonLayout::compact);
            std::string name = content_name(prefix, json, "json");
            if (!put(sink, summary, name, json)) return false;
            out.push_back(std::move(name));
            ++files;
        }
        return true;
    };
    const std::size_t entries = bundle.entries.size();
    return write("rows", rows_per_file(options, entries), true, summary.row_files, names.rows) &&
           write("entries", details_per_file(options, entries), false, summary.detail_files, names.details);
}

bool write_index_files(const Bundle& bundle, const SearchIndex& index, const EntryFileNames& names, const ShardSink& sink,
                       ShardSummary& summary, const ShardOptions& options) {
    nlohmann::ordered_json manifest;
    manifest["pubview_shards"] = kShardFormatVersion;
    manifest["analysis"] = hex64(text_analysis_fingerprint());
    manifest["entries"] = bundle.entries.size();
    manifest["publications"] = bundle.count(Kind::publication);  // the first rows' counts, before the tables
    manifest["jobs"] = bundle.count(Kind::job);
    manifest["bundle"] = nlohmann::ordered_json::parse(to_json(header_of(bundle), JsonLayout::compact));

    // What every query with words reads, then what only filters and facet
    // counts read, then what only sorting by title, year or rank reads.
    for (auto [key, prefix, write] : {std::tuple{"tables", "tables", &SearchIndex::write_tables},
                                      std::tuple{"facets", "facets", &SearchIndex::write_facets},
                                      std::tuple{"sort_keys", "sortkeys", &SearchIndex::write_sort_keys}}) {
        detail::PackWriter tables;
        (index.*write)(tables);
        const std::string name = content_name(prefix, tables.bytes(), "bin");
        if (!put(sink, summary, name, tables.bytes())) return false;
        manifest[key] = name;
    }

    // Postings in blocks of whole terms, cut once a block reaches its size.
    // Blocks whose postings are alike (words that only occur together) are one
    // file, which the manifest names for each, and which is written once.
    nlohmann::ordered_json postings = nlohmann::ordered_json::array();
    std::set<std::string> written;
    const std::size_t block_bytes = posting_bytes_per_file(options.posting_block_bytes, index);
    for (std::uint32_t first = 0; first < index.term_count();) {
        const std::uint32_t last = block_end(index, first, block_bytes);
        const std::string bytes = postings_in_columns(index.postings_of(first, last), posting_sizes(index, first, last));
        const std::string name = content_name("postings", bytes, "bin");
        if (written.insert(name).second) {
            if (!put(sink, summary, name, bytes)) return false;
            ++summary.posting_files;
        }
        postings.push_back({{"file", name}, {"first_term", first}});
        first = last;
    }
    // The names of the postings, rows and entries files are most of a large
    // folder's listing (200 KB gzipped at a million entries): they go in a
    // file of their own, which a page fetches beside the tables, so that the
    // manifest before the first rows stays small.
    const std::size_t entries = bundle.entries.size();
    const std::size_t rows = rows_per_file(options, entries);
    nlohmann::ordered_json files;
    files["postings"] = std::move(postings);
    files["rows"] = {{"entries_per_file", rows}, {"files", names.rows}};
    files["details"] = {{"entries_per_file", details_per_file(options, entries)}, {"files", names.details}};
    const std::string listing = files.dump();
    const std::string listing_name = content_name("files", listing, "json");
    if (!put(sink, summary, listing_name, listing)) return false;
    manifest["files"] = listing_name;
    manifest["first_rows"] = {{"entries_per_file", rows}, {"file", names.rows.empty() ? "" : names.rows.front()}};
    return put(sink, summary, std::string(kManifestName), manifest.dump() + "\n");
}

bool write_shards(const Bundle& bundle, const SearchIndex& index, const ShardSink& sink, ShardSummary& summary,
                  const ShardOptions& options) {
    summary = {};
    EntryFileNames names;
    return write_entry_files(bundle, sink, summary, options, names) &&
           write_index_files(bundle, index, names, sink, summary, options);
}

}  // namespace pv::shards
