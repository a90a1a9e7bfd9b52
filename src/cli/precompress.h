// Compressed copies of a file for a static host to send as they are
// (FILE.gz, and FILE.br when asked for): gzip with libdeflate and brotli with
// libbrotlienc, when the build has them (the native CLI; the WebAssembly CLI
// has neither); and reading a .gz copy back.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pv::cli {

struct CompressedCopy {
    std::string extension;  // ".gz", ".br"
    std::string bytes;
};

// How hard compressing a file is worth.
enum class Effort {
    thorough,  // JSON files and the tables: what a browser fetches most
    quick,     // postings: numbers that the extra effort barely shrinks
};

// The copies to make: the .gz copy whenever the build can; the plain file
// and the .br copy only when asked for (`pubview shard --plain`, `--brotli`),
// as the widget fetches the .gz copies, and only a host that negotiates on a
// file's own name sends the others.
struct CopyKinds {
    bool plain = false;
    bool brotli = false;
};

// Whether this build can make .br copies.
bool can_brotli();
// The same input always gives the same bytes (no time or name in a gzip header).
std::vector<CompressedCopy> precompress(std::string_view bytes, Effort effort, CopyKinds kinds);
// ".gz and .br", ".gz", or "" for what precompress() makes in this build with `kinds`.
const char* precompressed_kinds(CopyKinds kinds);
// Whether this build can read .gz copies back (gunzip).
bool can_gunzip();
// A gzip file's contents; nullopt when the bytes are no whole, intact gzip
// file (or this build cannot read gzip).
std::optional<std::string> gunzip(std::string_view gzipped);

}  // namespace pv::cli
