// A sharded bundle's folder (docs/DESIGN.md, "Sharded bundles"): what the
// writer and the reader agree on. Every file but the manifest is named by a
// hash of its bytes, so a host may cache it forever.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pv {
class SearchIndex;
}

namespace pv::shards {

constexpr std::string_view kManifestName = "manifest.json";
// The manifest's "pubview_shards": bump whenever the files' contents change.
constexpr int kShardFormatVersion = 6;

// "PREFIX-<16 hex digits of the bytes' hash>.EXTENSION"
std::string content_name(std::string_view prefix, std::string_view bytes, std::string_view extension);
// Whether `bytes` are what `name` (made by content_name) says they are.
bool matches_content_name(std::string_view name, std::string_view bytes);
// The 16 hex digits of a 64-bit number.
std::string hex64(std::uint64_t value);

// A postings file holds the postings of a run of terms (as the index lays
// them out: by entry, then field, each a varint entry delta and a
// field-and-frequency byte) field by field, in three columns: for each term,
// a byte of the fields it is in and, for each of them, how many postings;
// then each term's fields' entry deltas; then their frequencies. gzip makes
// them smaller than the postings one after another (docs/DESIGN.md, "Sharded
// bundles"). `term_sizes` are the terms' sizes in the index's layout, in order.
std::string postings_in_columns(std::string_view postings, const std::vector<std::uint32_t>& term_sizes);
// The postings as the index lays them out again; nullopt when `columns` are
// not such columns of terms of these sizes.
std::optional<std::string> postings_from_columns(std::string_view columns, const std::vector<std::uint32_t>& term_sizes);
// The sizes of terms [first, last)'s postings in `index`'s layout.
std::vector<std::uint32_t> posting_sizes(const SearchIndex& index, std::uint32_t first, std::uint32_t last);

}  // namespace pv::shards
