#include "core/formats/json_text_stream.h"

#include <algorithm>
#include <cstring>

namespace pv {

namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Moves a line and a column (counted in characters, not bytes) over `bytes`.
void advance(std::string_view bytes, int& line, int& column) {
    const auto newlines = std::count(bytes.begin(), bytes.end(), '\n');
    const std::size_t last_newline = bytes.rfind('\n');
    if (newlines > 0) {
        line += static_cast<int>(newlines);
        column = 1;
        bytes.remove_prefix(last_newline + 1);
    }
    column += static_cast<int>(std::count_if(bytes.begin(), bytes.end(), [](char c) { return !is_continuation(c); }));
}

}  // namespace

JsonTextStream::JsonTextStream(ByteSource& source) : source_(source) {
    if (const std::optional<std::string_view> all = source.rest_in_memory()) {
        lent_ = true;
        kept_ = next_ = all->data();
        end_ = all->data() + all->size();
        head_size_ = std::min(all->size(), sizeof head_);
        std::memcpy(head_, all->data(), head_size_);
        finished_ = all->empty();
    } else {
        take_piece();
    }
}

// Called when every byte read so far is taken: forgets the bytes no error can
// point at any more, keeps the others at the buffer's start, and reads the next piece after them.
void JsonTextStream::take_piece() {
    if (lent_) {
        finished_ = true;
        return;
    }
    const std::uint64_t keep_from = std::clamp(forget_before_, kept_from_, taken());
    const auto forgotten = static_cast<std::size_t>(keep_from - kept_from_);
    advance({kept_, forgotten}, kept_line_, kept_column_);
    const char* keep = kept_ + forgotten;
    const auto kept = static_cast<std::size_t>(end_ - keep);
    if (buffer_.size() < kept + kPieceBytes / 2) {  // the first piece, or a token that leaves too little room
        std::vector<char> larger(std::max(2 * buffer_.size(), kept + kPieceBytes));
        if (kept > 0) std::memcpy(larger.data(), keep, kept);
        buffer_.swap(larger);
    } else if (kept > 0) {
        std::memmove(buffer_.data(), keep, kept);
    }
    kept_from_ = keep_from;
    kept_ = buffer_.data();
    next_ = end_ = kept_ + kept;
    const std::size_t read = source_.read_into(buffer_.data() + kept, buffer_.size() - kept);
    end_ += read;
    finished_ = read == 0;
    const std::size_t head_bytes = std::min(read, sizeof head_ - head_size_);
    std::memcpy(head_ + head_size_, next_, head_bytes);
    head_size_ += head_bytes;
}

void JsonTextStream::locate(std::uint64_t offset, int& line, int& column) const {
    line = kept_line_;
    column = kept_column_;
    offset = std::clamp(offset, kept_from_, taken());
    advance({kept_, static_cast<std::size_t>(offset - kept_from_)}, line, column);
}

std::optional<std::uint64_t> JsonTextStream::first_nul() const {
    const void* nul = std::memchr(kept_, '\0', static_cast<std::size_t>(next_ - kept_));
    if (!nul) return std::nullopt;
    return kept_from_ + static_cast<std::uint64_t>(static_cast<const char*>(nul) - kept_);
}

}  // namespace pv
