// Room in the font atlas for glyphs added after it was built: a rectangle the
// atlas reserved (ui/fonts.h), filled shelf by shelf. Glyphs of about the same
// height share a shelf (heights are rounded up to a few pixels), so
// ideographs, letters and marks all waste little of it.
#pragma once

#include <optional>
#include <vector>

namespace pv::ui {

struct AtlasSpot {
    int x = 0, y = 0;  // the box's top left corner in the atlas
};

class GlyphShelves {
public:
    GlyphShelves() = default;
    GlyphShelves(int x, int y, int width, int height) : x_(x), y_(y), width_(width), height_(height) {}
    // Where a box of `width` x `height` pixels goes; nothing once the room is full.
    std::optional<AtlasSpot> place(int width, int height);
    bool empty() const { return width_ <= 0 || height_ <= 0; }

private:
    static constexpr int kHeightStep = 4;
    struct Shelf {
        int y = 0, height = 0, used = 0;
    };
    int x_ = 0, y_ = 0, width_ = 0, height_ = 0;
    int bottom_ = 0;  // below every shelf, from the room's top
    std::vector<Shelf> shelves_;
};

}  // namespace pv::ui
