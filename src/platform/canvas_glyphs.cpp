#include "platform/canvas_glyphs.h"

#include "platform/js_bridge.h"

#include <cstring>

namespace pv::platform {

void CanvasGlyphs::set_em(float em_pixels) {
    if (em_pixels == em_) return;
    em_ = em_pixels;
    drawn_ = {};
    regular_.clear();
    bold_.clear();
    batches_.clear();
}

// A batch, as glyphs.js writes it: the glyph count, then for each glyph its
// code, advance (float), x, y, width, height and whether it is in colour
// (32-bit each), then every glyph's pixels in turn: coverage bytes, or RGBA
// premultiplied by alpha for a glyph in colour.
void CanvasGlyphs::take(const unsigned char* batch, std::vector<ui::DrawnGlyph>& into) {
    constexpr std::size_t kWords = 7;  // a glyph's header
    auto word = [&](std::size_t index, auto& value) { std::memcpy(&value, batch + 4 * index, 4); };
    std::int32_t count = 0;
    word(0, count);
    const unsigned char* pixels = batch + 4 + 4 * kWords * static_cast<std::size_t>(count);
    for (std::int32_t i = 0; i < count; ++i) {
        const std::size_t at = 1 + kWords * static_cast<std::size_t>(i);
        std::int32_t code = 0, colour = 0;
        ui::DrawnGlyph g;
        word(at, code);
        word(at + 1, g.advance);
        word(at + 2, g.x);
        word(at + 3, g.y);
        word(at + 4, g.width);
        word(at + 5, g.height);
        word(at + 6, colour);
        g.code = static_cast<ImWchar>(code);
        g.colour = colour != 0;
        g.pixels = pixels;
        pixels += static_cast<std::size_t>(g.width) * static_cast<std::size_t>(g.height) * (g.colour ? 4 : 1);
        into.push_back(g);
    }
}

void CanvasGlyphs::draw(const std::vector<char32_t>& codes) {
    if (codes.empty()) return;
    for (char32_t c : codes) drawn_.add(c);
    const int count = static_cast<int>(codes.size());
    for (const bool bold : {false, true}) {
        unsigned char* batch = js_draw_glyphs(reinterpret_cast<const std::uint32_t*>(codes.data()), count, em_, bold ? 1 : 0);
        if (!batch) return;  // no canvas: the characters stay missing
        batches_.emplace_back(batch);
        take(batch, bold ? bold_ : regular_);
    }
}

}  // namespace pv::platform
