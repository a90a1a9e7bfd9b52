#include "ui/glyph_shelves.h"

namespace pv::ui {

std::optional<AtlasSpot> GlyphShelves::place(int width, int height) {
    if (width <= 0 || height <= 0 || width > width_) return std::nullopt;
    const int shelf_height = (height + kHeightStep - 1) / kHeightStep * kHeightStep;
    Shelf* chosen = nullptr;
    // A shelf of this height with room, else a new one, else any taller shelf with room.
    for (Shelf& s : shelves_)
        if (s.height == shelf_height && s.used + width <= width_) chosen = &s;
    if (!chosen && bottom_ + shelf_height <= height_) {
        shelves_.push_back({bottom_, shelf_height, 0});
        bottom_ += shelf_height;
        chosen = &shelves_.back();
    }
    for (Shelf& s : shelves_)
        if (!chosen && s.height >= shelf_height && s.used + width <= width_) chosen = &s;
    if (!chosen) return std::nullopt;
    const AtlasSpot spot{x_ + chosen->used, y_ + chosen->y};
    chosen->used += width;
    return spot;
}

}  // namespace pv::ui
