#include "cli/precompress.h"

#ifdef PUBVIEW_WITH_LIBDEFLATE
#include <libdeflate.h>
#endif
#ifdef PUBVIEW_WITH_BROTLI
#include <brotli/encode.h>
#endif

namespace pv::cli {
namespace {

#ifdef PUBVIEW_WITH_LIBDEFLATE
// libdeflate's gzip header has no name and time 0.
std::string gzip(std::string_view bytes, int level) {
    libdeflate_compressor* compressor = libdeflate_alloc_compressor(level);
    if (!compressor) return {};
    std::string out(libdeflate_gzip_compress_bound(compressor, bytes.size()), '\0');
    const std::size_t size = libdeflate_gzip_compress(compressor, bytes.data(), bytes.size(), out.data(), out.size());
    libdeflate_free_compressor(compressor);
    out.resize(size);  // 0: it did not fit, which the bound rules out
    return out;
}
#endif

#ifdef PUBVIEW_WITH_BROTLI
std::string brotli(std::string_view bytes, int quality) {
    std::size_t size = BrotliEncoderMaxCompressedSize(bytes.size());
    if (size == 0) return {};
    std::string out(size, '\0');
    if (!BrotliEncoderCompress(quality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_GENERIC, bytes.size(),
                               reinterpret_cast<const std::uint8_t*>(bytes.data()), &size,
                               reinterpret_cast<std::uint8_t*>(out.data())))
        return {};
    out.resize(size);
    return out;
}
#endif

}  // namespace

bool can_brotli() {
#ifdef PUBVIEW_WITH_BROTLI
    return true;
#else
    return false;
#endif
}

std::vector<CompressedCopy> precompress([[maybe_unused]] std::string_view bytes, [[maybe_unused]] Effort effort,
                                        [[maybe_unused]] CopyKinds kinds) {
    // Measured on the generator's 100k entries (bench/RESULTS.md, "pubview
    // shard with libdeflate"), as a fraction of the plain size and CPU time.
    // Thorough, for the JSON files and the tables: libdeflate's gzip 6 makes
    // entries files 0.316 in 5.0 s, against 0.322 in 2.5 s at 4 and zlib's
    // 0.318 at level 6 in three times the time; the .gz copies are what the
    // page's worker fetches. Brotli 5 makes them 0.309 in 5.9 s (4: 0.325, no
    // smaller than the gzip), the facets 0.175 against 0.209. Quick, for the
    // postings: gzip 4 and brotli 4 are within 1% of 6 and 5 at half the time.
    const bool thorough = effort == Effort::thorough;
    std::vector<CompressedCopy> copies;
#ifdef PUBVIEW_WITH_LIBDEFLATE
    copies.push_back({".gz", gzip(bytes, thorough ? 6 : 4)});
#endif
#ifdef PUBVIEW_WITH_BROTLI
    if (kinds.brotli) copies.push_back({".br", brotli(bytes, thorough ? 5 : 4)});
#endif
    return copies;
}

const char* precompressed_kinds([[maybe_unused]] CopyKinds kinds) {
#if defined(PUBVIEW_WITH_LIBDEFLATE) && defined(PUBVIEW_WITH_BROTLI)
    if (kinds.brotli) return ".gz and .br";
#endif
#if defined(PUBVIEW_WITH_LIBDEFLATE)
    return ".gz";
#else
    return "";
#endif
}

bool can_gunzip() {
#ifdef PUBVIEW_WITH_LIBDEFLATE
    return true;
#else
    return false;
#endif
}

std::optional<std::string> gunzip([[maybe_unused]] std::string_view gzipped) {
#ifdef PUBVIEW_WITH_LIBDEFLATE
    // The trailer's last four bytes are the size, modulo 2^32 (RFC 1952):
    // right for every file pubview writes, checked by the decompressor.
    if (gzipped.size() < 18) return std::nullopt;
    const auto* end = reinterpret_cast<const unsigned char*>(gzipped.data() + gzipped.size());
    const std::size_t size = end[-4] | end[-3] << 8 | end[-2] << 16 | static_cast<std::size_t>(end[-1]) << 24;
    if (size / 1032 > gzipped.size()) return std::nullopt;  // more than deflate can expand to
    std::string out(size, '\0');
    libdeflate_decompressor* decompressor = libdeflate_alloc_decompressor();
    if (!decompressor) return std::nullopt;
    const libdeflate_result result = libdeflate_gzip_decompress(decompressor, gzipped.data(), gzipped.size(), out.data(), out.size(), nullptr);
    libdeflate_free_decompressor(decompressor);
    if (result != LIBDEFLATE_SUCCESS) return std::nullopt;
    return out;
#else
    return std::nullopt;
#endif
}

}  // namespace pv::cli
