// A byte source that gives a string's bytes at most `piece` at a time and
// never lends them in memory, as the page's download does: for the tests of
// reading a bundle in pieces.
#pragma once

#include "core/formats/byte_source.h"

#include <algorithm>
#include <cstddef>
#include <string_view>

struct Pieces final : pv::ByteSource {
    Pieces(std::string_view bytes, std::size_t piece) : left(bytes), piece(piece) {}
    std::string_view next(std::size_t most) override {
        const std::string_view given = left.substr(0, std::min(most, piece));
        left.remove_prefix(given.size());
        return given;
    }
    std::string_view left;
    std::size_t piece;
};
