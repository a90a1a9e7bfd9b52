#include "core/formats/json_text_stream.h"

#include <algorithm>
#include <cstring>

namespace pv {

namespace {

// Moves a line and a column (counted in characters, not bytes) over `bytes`.
void advance(std::string_view bytes, int& line, int& column) {
    for (const char c : bytes) {
        if (c == '\n') { ++line; column = 1; }
        else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;
    }
}

}  // namespace

JsonTextStream::JsonTextStream(ByteSource& source) : source_(source) {
    if (const std::optional<std::string_view> all = source.rest_in_memory()) {
        lent_ = true;
        kept_ = next_ = all->data();
        end_ = all->data() + all->size();
        head_size_ = std::min(all->size(), sizeof head_);
        std::memcpy(head_, all->data(), head_size_);
    } else {
        while (head_size_ < sizeof head_ && read_piece()) {}
    }
}

// Forgets the bytes no error can point at any more, moves the others (those
// kept and those not taken yet) to the buffer's start, and reads the next piece after them.
bool JsonTextStream::read_piece() {
    if (lent_ || source_ended_) return false;
    const std::uint64_t keep_from = std::clamp(forget_before_, kept_from_, taken());
    const auto forgotten = static_cast<std::size_t>(keep_from - kept_from_);
    advance({kept_, forgotten}, kept_line_, kept_column_);
    const char* keep = kept_ + forgotten;
    const auto kept = static_cast<std::size_t>(end_ - keep);
    const auto next = static_cast<std::size_t>(next_ - keep);
    if (buffer_.size() < kept + kPieceBytes / 2) {  // the first piece, or a token that leaves too little room
        std::vector<char> larger(std::max(2 * buffer_.size(), kept + kPieceBytes));
        if (kept > 0) std::memcpy(larger.data(), keep, kept);
        buffer_.swap(larger);
    } else if (kept > 0) {
        std::memmove(buffer_.data(), keep, kept);
    }
    kept_from_ = keep_from;
    kept_ = buffer_.data();
    next_ = kept_ + next;
    char* piece = buffer_.data() + kept;
    const std::size_t read = source_.read_into(piece, buffer_.size() - kept);
    end_ = piece + read;
    source_ended_ = read == 0;
    const std::size_t head_bytes = std::min(read, sizeof head_ - head_size_);
    std::memcpy(head_ + head_size_, piece, head_bytes);
    head_size_ += head_bytes;
    return read > 0;
}

void JsonTextStream::locate(std::uint64_t offset, int& line, int& column) const {
    line = kept_line_;
    column = kept_column_;
    offset = std::clamp(offset, kept_from_, taken());
    advance({kept_, static_cast<std::size_t>(offset - kept_from_)}, line, column);
}

nlohmann::json parse_json(std::string_view text) {
    MemorySource source(text);
    JsonTextStream stream(source);
    return nlohmann::json::parse(stream.begin(), stream.end(), nullptr, false);
}

std::optional<std::uint64_t> JsonTextStream::first_nul() const {
    const void* nul = std::memchr(kept_, '\0', static_cast<std::size_t>(next_ - kept_));
    if (!nul) return std::nullopt;
    return kept_from_ + static_cast<std::uint64_t>(static_cast<const char*>(nul) - kept_);
}

}  // namespace pv
