// Packs: a bundle and its prebuilt search index in one binary file.
//
// `pubview pack bundle.json` writes one. Reading a pack copies arrays: there is
// no JSON to parse and no text to tokenize, which is where a large bundle's load
// time goes (docs/DESIGN.md, "Packs"). The JSON bundle stays the source of
// truth: a pack is made from it, never edited, and a pack this build cannot
// read exactly as it was written (another format version, another text
// analysis, damaged bytes) is refused with a message that says so.
#pragma once

#include "core/model/bundle.h"
#include "core/formats/pack_io.h"
#include "core/search/search_index.h"

#include <string>
#include <string_view>

namespace pv {

// Whether `bytes` start with a pack's signature (a JSON bundle never does),
// which is this long.
bool is_pack(std::string_view bytes);
constexpr std::size_t kPackSignatureBytes = 10;

// The pack of a loaded bundle and the index built for it.
std::string write_pack(const Bundle& bundle, const SearchIndex& index);

// Reads a pack of `size` bytes from `source`, piece by piece: the pack itself
// never needs to be in memory whole. Never throws: a damaged, cut short or
// incompatible pack gives an unusable result whose one error says what is
// wrong. `progress` hears WorkStage::reading as the entries are read, and
// again now and then while the index is checked.
IndexedBundle read_pack(ByteSource& source, std::uint64_t size, const ProgressHook& progress = {});
IndexedBundle read_pack(std::string_view bytes, const ProgressHook& progress = {});

// How this build analyses text, as a hash: an index can only be read by a
// build that would have made the same terms (packs, and sharded bundles).
std::uint64_t text_analysis_fingerprint();


}  // namespace pv
