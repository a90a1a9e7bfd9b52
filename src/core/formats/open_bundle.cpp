#include "core/formats/open_bundle.h"

#include "core/formats/json_reader.h"
#include "core/formats/pack.h"

#include <algorithm>
#include <memory>
#include <string>

namespace pv {

namespace {

// Gives the bytes already taken from `inner` to tell the format, then the rest.
class HeadThenRest final : public ByteSource {
public:
    HeadThenRest(std::string head, ByteSource& inner) : head_(std::move(head)), inner_(inner) {}
    std::string_view next(std::size_t most) override {
        if (given_ < head_.size()) return take_head(most);
        return inner_.next(most);
    }
    std::size_t read_into(char* destination, std::size_t most) override {
        if (given_ < head_.size()) {
            const std::string_view piece = take_head(most);
            std::copy(piece.begin(), piece.end(), destination);
            return piece.size();
        }
        return inner_.read_into(destination, most);
    }

private:
    std::string_view take_head(std::size_t most) {
        const std::string_view piece = std::string_view(head_).substr(given_, most);
        given_ += piece.size();
        return piece;
    }
    std::string head_;
    std::size_t given_ = 0;
    ByteSource& inner_;
};

IndexedBundle indexed(LoadResult result, const OpenOptions& options) {
    if (!options.index) return {std::make_unique<LoadResult>(std::move(result)), nullptr};
    return index_bundle(std::move(result), options.load.progress);
}

}  // namespace

IndexedBundle open_bundle(ByteSource& source, std::uint64_t size, const OpenOptions& options) {
    if (std::optional<std::string_view> all = source.rest_in_memory()) {
        if (is_pack(*all)) return read_pack(source, size, options.load.progress);
        return indexed(read_json_bundle(source, size, options.load), options);
    }
    std::string head;
    while (head.size() < kPackSignatureBytes) {
        const std::string_view piece = source.next(kPackSignatureBytes - head.size());
        if (piece.empty()) break;
        head.append(piece);
    }
    const bool pack = is_pack(head);
    HeadThenRest whole(std::move(head), source);
    if (pack) return read_pack(whole, size, options.load.progress);
    return indexed(read_json_bundle(whole, size, options.load), options);  // parsed as its pieces come
}

IndexedBundle open_bundle(std::string_view bytes, const OpenOptions& options) {
    MemorySource source(bytes);
    return open_bundle(source, bytes.size(), options);
}

}  // namespace pv
