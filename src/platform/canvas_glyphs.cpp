#include "platform/canvas_glyphs.h"

#include "platform/js_bridge.h"

#include <cstring>

namespace pv::platform {

bool CanvasGlyphs::set_em(float em_pixels) {
    if (em_pixels == em_) return false;
    em_ = em_pixels;
    received_ = {};
    waiting_ = 0;  // batches of the other em are dropped (glyph-queue.js)
    regular_.clear();
    bold_.clear();
    batches_.clear();
    return true;
}

// A batch, as glyphs.js writes it: the glyph count, whether bold and the em
// (float), then for each glyph its code, advance (float), x, y, width, height
// and whether it is in colour (32-bit each), then every glyph's pixels in
// turn: coverage bytes, or RGBA premultiplied by alpha for a glyph in colour.
void CanvasGlyphs::take(const unsigned char* batch) {
    constexpr std::size_t kHead = 3, kWords = 7;  // the batch's header, a glyph's
    auto word = [&](std::size_t index, auto& value) { std::memcpy(&value, batch + 4 * index, 4); };
    std::int32_t count = 0, bold = 0;
    float em = 0;
    word(0, count);
    word(1, bold);
    word(2, em);
    if (em != em_) return;  // asked for before the em changed: not counted in waiting_
    --waiting_;
    std::vector<ui::DrawnGlyph>& into = bold ? bold_ : regular_;
    const unsigned char* pixels = batch + 4 * (kHead + kWords * static_cast<std::size_t>(count));
    for (std::int32_t i = 0; i < count; ++i) {
        const std::size_t at = kHead + kWords * static_cast<std::size_t>(i);
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
        received_[bold ? ui::Weight::bold : ui::Weight::regular].add(static_cast<char32_t>(code));
    }
}

void CanvasGlyphs::ask(const std::vector<char32_t>& codes, ui::Weight weight) {
    if (codes.empty()) return;
    // No canvas: no batch comes, and the characters stay missing.
    waiting_ += js_ask_glyphs(reinterpret_cast<const std::uint32_t*>(codes.data()), static_cast<int>(codes.size()), em_,
                              weight == ui::Weight::bold);
}

bool CanvasGlyphs::receive() {
    bool any = false;
    while (waiting_ > 0) {
        unsigned char* batch = js_take_glyphs();
        if (!batch) break;
        batches_.emplace_back(batch);
        take(batch);
        any = true;
    }
    return any;
}

}  // namespace pv::platform
