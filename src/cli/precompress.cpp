#include "cli/precompress.h"

#ifdef PUBVIEW_WITH_ZLIB
#include <zlib.h>
#endif
#ifdef PUBVIEW_WITH_BROTLI
#include <brotli/encode.h>
#endif

namespace pv::cli {
namespace {

#ifdef PUBVIEW_WITH_ZLIB
std::string gzip(std::string_view bytes, int level) {
    z_stream stream{};
    // 15 + 16: a gzip wrapper, whose header zlib writes with no name and time 0.
    if (deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
    std::string out(deflateBound(&stream, static_cast<uLong>(bytes.size())), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream.avail_in = static_cast<uInt>(bytes.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int status = deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return status == Z_STREAM_END ? out : std::string();
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

std::vector<CompressedCopy> precompress([[maybe_unused]] std::string_view bytes, [[maybe_unused]] Effort effort) {
    // Measured on the generator's 100k entries (bench/RESULTS.md, "pubview
    // shard at 100k and 1M"). Thorough: gzip level 6 is 4% smaller than 5 on
    // entries files at twice its time, and the .gz copies are what the page's
    // worker fetches; brotli quality 5 is as fast and a little smaller (9 saves
    // another 8% at a fifth of the speed); quality 4 makes the tables 10%
    // larger. Quick: on postings, gzip 4 and brotli 4 are within 1.2% of 6 and
    // 5 at a third of the time.
    const bool thorough = effort == Effort::thorough;
    std::vector<CompressedCopy> copies;
#ifdef PUBVIEW_WITH_ZLIB
    copies.push_back({".gz", gzip(bytes, thorough ? 6 : 4)});
#endif
#ifdef PUBVIEW_WITH_BROTLI
    copies.push_back({".br", brotli(bytes, thorough ? 5 : 4)});
#endif
    return copies;
}

const char* precompressed_kinds() {
#if defined(PUBVIEW_WITH_ZLIB) && defined(PUBVIEW_WITH_BROTLI)
    return ".gz and .br";
#elif defined(PUBVIEW_WITH_ZLIB)
    return ".gz";
#else
    return "";
#endif
}

}  // namespace pv::cli
