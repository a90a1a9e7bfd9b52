// A JSON bundle read from its bytes piece by piece (core/formats/json_text_stream.h):
// load_bundle (core/model/bundle.h) for bytes in memory, and the way open_bundle
// reads a JSON bundle from a file or the page's download without holding its text whole.
#pragma once

#include "core/formats/byte_source.h"
#include "core/model/bundle.h"

#include <cstdint>

namespace pv {

// Parses and validates the `size` bytes of `source` as load_bundle does, with
// the same problems at the same lines and columns. `options.progress` hears
// WorkStage::receiving with the bytes read after each item.
LoadResult read_json_bundle(ByteSource& source, std::uint64_t size, const LoadOptions& options = {});

}  // namespace pv
