// Reading files and bundles for the CLI, with the messages every subcommand
// prints the same way.
#pragma once

#include "core/formats/open_bundle.h"
#include "core/model/bundle.h"
#include "core/search/search_index.h"

#include <optional>
#include <string>

namespace pv::cli {

// The whole file, or nullopt after printing "pubview: cannot read PATH: why".
std::optional<std::string> read_file(const std::string& path);

// Loads a bundle file, JSON or pack (core/formats/pack.h), and prints each problem as
// "FILE: /pointer: message" to stderr. Returns nullopt (after printing) when
// the file cannot be read or the bundle is unusable.
std::optional<LoadResult> load_bundle_file(const std::string& path);
// The same, with the bundle's index: a pack's own, or one built for the JSON
// (unless `options.index` is false). `options.load.max_document_bytes` is
// the largest file it reads.
std::optional<IndexedBundle> open_bundle_file(const std::string& path, const OpenOptions& options = {});

// The kind a --kind value names, or nullopt after printing
// "pubview: --kind takes publication or job".
std::optional<Kind> kind_option(const std::string& value);

// Writes `text` to `path` ("-" for stdout); prints an error and returns false on failure.
bool write_file(const std::string& path, const std::string& text);

}  // namespace pv::cli
