// The one way in for a bundle's bytes, whoever reads them (the widget, the CLI,
// the Node module): it tells a pack from JSON by the first bytes, reads either
// piece by piece from a ByteSource with progress, and gives the validated model
// with its search index.
#pragma once

#include "core/model/bundle.h"
#include "core/formats/byte_source.h"
#include "core/search/search_index.h"

#include <cstdint>
#include <string_view>

namespace pv {

struct OpenOptions {
    LoadOptions load;    // limits, and the progress hook (which also hears the index built)
    bool index = true;   // false: the model only (a pack still brings its index)
};

// Reads a bundle of `size` bytes from `source`, piece by piece: a JSON bundle is
// parsed as its pieces come and never held whole (core/formats/json_reader.h),
// a pack is read into its model and index (core/formats/pack.h). Never throws:
// what cannot be read gives an unusable result whose problems say why.
// `options.load.progress` hears WorkStage::receiving while a JSON bundle's
// bytes are parsed, then reading and indexing.
IndexedBundle open_bundle(ByteSource& source, std::uint64_t size, const OpenOptions& options = {});
IndexedBundle open_bundle(std::string_view bytes, const OpenOptions& options = {});

}  // namespace pv
