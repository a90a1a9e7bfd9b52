// A sharded bundle's folder (docs/DESIGN.md, "Sharded bundles"): what the
// writer and the reader agree on. Every file but the manifest is named by a
// hash of its bytes, so a host may cache it forever.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pv::shards {

constexpr std::string_view kManifestName = "manifest.json";
// The manifest's "pubview_shards": bump whenever the files' contents change.
constexpr int kShardFormatVersion = 4;

// "PREFIX-<16 hex digits of the bytes' hash>.EXTENSION"
std::string content_name(std::string_view prefix, std::string_view bytes, std::string_view extension);
// Whether `bytes` are what `name` (made by content_name) says they are.
bool matches_content_name(std::string_view name, std::string_view bytes);
// The 16 hex digits of a 64-bit number.
std::string hex64(std::uint64_t value);

// A postings file holds its postings (as the index lays them out: each a
// varint entry delta and a field-and-frequency byte) in two columns, all the
// deltas, then all the field-and-frequency bytes, which gzip makes 12-13%
// smaller than the postings one after another.
std::string postings_in_columns(std::string_view postings);
// The postings as the index lays them out again; nullopt when `columns` are
// not two such columns.
std::optional<std::string> postings_from_columns(std::string_view columns);

}  // namespace pv::shards
