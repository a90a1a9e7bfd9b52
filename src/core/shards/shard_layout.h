// A sharded bundle's folder (docs/DESIGN.md, "Sharded bundles"): what the
// writer and the reader agree on. Every file but the manifest is named by a
// hash of its bytes, so a host may cache it forever.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace pv::shards {

constexpr std::string_view kManifestName = "manifest.json";
// The manifest's "pubview_shards": bump whenever the files' contents change.
constexpr int kShardFormatVersion = 3;

// "PREFIX-<16 hex digits of the bytes' hash>.EXTENSION"
std::string content_name(std::string_view prefix, std::string_view bytes, std::string_view extension);
// Whether `bytes` are what `name` (made by content_name) says they are.
bool matches_content_name(std::string_view name, std::string_view bytes);
// The 16 hex digits of a 64-bit number.
std::string hex64(std::uint64_t value);

}  // namespace pv::shards
