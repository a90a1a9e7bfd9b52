// Compressed copies of a file for a static host to send as they are
// (FILE.gz, FILE.br): gzip with libdeflate and brotli with libbrotlienc, when the
// build has them (the native CLI; the WebAssembly CLI has neither).
#pragma once

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

// The same input always gives the same bytes (no time or name in a gzip header).
std::vector<CompressedCopy> precompress(std::string_view bytes, Effort effort = Effort::thorough);
// ".gz and .br", ".gz", or "" for what precompress() makes in this build.
const char* precompressed_kinds();

}  // namespace pv::cli
