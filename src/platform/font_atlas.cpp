#include "platform/font_atlas.h"

#include "platform/js_bridge.h"
#include "ui/font_coverage.h"

#include <emscripten.h>

#include <algorithm>
#include <cstring>

namespace pv::platform {

// Gives the fonts the glyphs drawn since the last call; those that do not fit
// wait for the next build, which makes room for them.
void FontAtlas::place(ImFontAtlas& atlas, std::vector<ui::PlacedGlyph>& placed) {
    const auto regular = canvas_.regular().subspan(placed_regular_);
    if (ui::add_drawn_glyphs(atlas, fonts_.regular, regular, room_, colour_room_, placed) < regular.size())
        room_full_ = true;
    placed_regular_ = canvas_.regular().size();
    if (fonts_.bold == fonts_.regular) return;  // no bold font: titles are drawn regular
    const auto bold = canvas_.bold().subspan(placed_bold_);
    if (ui::add_drawn_glyphs(atlas, fonts_.bold, bold, room_, colour_room_, placed) < bold.size()) room_full_ = true;
    placed_bold_ = canvas_.bold().size();
}

// A rectangle for each run of glyphs placed one after the other on the same
// shelf: their spots are side by side, past every spot filled before, so
// what lies between and below the glyphs is their own empty border. (One
// texSubImage2D per glyph was thousands of calls for a bundle of CJK titles.)
void FontAtlas::upload_glyphs(WebGLRenderer& renderer, std::span<const ui::PlacedGlyph> placed) {
    std::vector<unsigned char> pixels;
    for (std::size_t first = 0, end = 0; first < placed.size(); first = end) {
        const ui::PlacedGlyph& start = placed[first];
        int right = start.x, height = 0;
        for (end = first; end < placed.size() && placed[end].y == start.y && !placed[end].glyph->colour; ++end) {
            right = std::max(right, placed[end].x + placed[end].glyph->width);
            height = std::max(height, placed[end].glyph->height);
        }
        if (end == first) {  // in colour: upload_colours' part
            ++end;
            continue;
        }
        const int width = right - start.x;
        pixels.assign(static_cast<std::size_t>(width) * static_cast<std::size_t>(height), 0);
        for (std::size_t i = first; i < end; ++i) {
            const ui::DrawnGlyph& g = *placed[i].glyph;
            for (int row = 0; row < g.height; ++row)
                std::memcpy(pixels.data() + row * width + (placed[i].x - start.x), g.pixels + row * g.width, static_cast<std::size_t>(g.width));
        }
        renderer.upload_atlas_part(start.x, start.y, width, height, pixels.data());
    }
}

void FontAtlas::upload_colours(WebGLRenderer& renderer, std::span<const ui::PlacedGlyph> placed) {
    for (const ui::PlacedGlyph& p : placed)
        if (p.glyph->colour) renderer.upload_colour_part(p.x, p.y, p.glyph->width, p.glyph->height, p.glyph->pixels);
}

std::span<const ui::Weight> FontAtlas::weights() const {
    static constexpr ui::Weight kBoth[] = {ui::Weight::regular, ui::Weight::bold};
    return std::span(kBoth).first(one_weight_ ? 1 : 2);
}

bool FontAtlas::need(const ui::GlyphNeeds& needs) {
    const bool regular = missing(ui::Weight::regular).need(needs.regular);
    return missing(ui::Weight::bold).need(needs.bold) || regular;
}

bool FontAtlas::build_if_needed(ImFontAtlas& atlas, WebGLRenderer& renderer, float size, float ratio) {
    if (built_ && !room_full_ && size == size_ && ratio == ratio_) return false;
    // What the Latin fonts have, read from their character map: the one
    // build below already has room for every other character wanted.
    if (!missing_[0].coverage_known()) {
        const std::vector<char32_t> covered = ui::font_code_points(regular_, ui::latin_font_ranges());
        for (ui::MissingGlyphs& m : missing_) m.set_font_coverage(covered);
    }
    if (canvas_.set_em(ui::font_em_pixels(size, ratio)))
        for (ui::MissingGlyphs& m : missing_) m.forget_drawn();
    // Room for the glyphs drawn, on their way and still missing, in each
    // weight, and as many again to spare: for typing, and for characters
    // later needed in the other weight. (As when every character was drawn
    // in both weights: the seed page's atlas is packed as it was.)
    std::size_t wanted = 0;
    for (ui::Weight w : weights()) wanted += missing(w).beyond_fonts();
    const int room = wanted > 0 ? static_cast<int>(2 * (wanted + wanted / 8 + 32)) : 0;
    ui::BuiltFonts built = ui::build_fonts(atlas, regular_, bold_, size, ratio, room);
    fonts_ = built.fonts;
    if (fonts_.regular && fonts_.bold == fonts_.regular && !one_weight_) {  // titles are drawn regular: so are their glyphs
        one_weight_ = true;
        missing_[0].need(missing_[1].needed());
    }
    room_ = built.room;
    colour_room_ = ui::GlyphShelves(0, 0, ui::kColourSide, ui::kColourSide);
    renderer.clear_colours();
    placed_regular_ = placed_bold_ = 0;
    room_full_ = false;
    if (fonts_.regular) {
        std::vector<ui::PlacedGlyph> placed;
        place(atlas, placed);
        room_full_ = false;  // what did not fit in all the room the atlas has stays missing
        ui::copy_into_atlas(atlas, placed);
        upload_colours(renderer, placed);
    }
    renderer.upload_font_atlas(atlas);
    built_ = true;
    size_ = size;
    ratio_ = ratio;
    return true;
}

bool FontAtlas::add_slice(ImFontAtlas& atlas, WebGLRenderer& renderer, const ui::GlyphNeeds& urgent) {
    if (!built_ || !fonts_.regular) return false;
    const double start = emscripten_get_now();
    // While a worker draws (glyph-queue.js), the rest goes to it at once, so
    // that it never waits for a frame; on the main thread, a slice's worth,
    // regular first.
    auto budget = canvas_.waiting() ? SIZE_MAX : static_cast<std::size_t>(std::max(16.0, kGlyphSliceMs / ms_per_glyph_));
    bool asked = false;
    for (ui::Weight w : weights()) {
        ui::MissingGlyphs& missing = missing_[static_cast<std::size_t>(w)];
        std::vector<char32_t> codes;  // the urgent ones first
        // Listing them walks the sets: not while all are asked for and on their way.
        if (missing.count()) {
            const std::vector<char32_t> all = missing.list();
            for (char32_t c : all)
                if (urgent[w].contains(c)) codes.push_back(c);
            for (char32_t c : all)
                if (!urgent[w].contains(c)) codes.push_back(c);
        }
        if (codes.size() > budget) codes.resize(budget);
        budget -= codes.size();
        canvas_.ask(codes, w);
        missing.drawn(codes);
        asked = asked || !codes.empty();
    }
    const std::size_t before = canvas_.regular().size() + canvas_.bold().size();
    const bool came = canvas_.receive();
    const std::size_t received = canvas_.regular().size() + canvas_.bold().size() - before;
    if (!asked && !came) return false;
    std::vector<ui::PlacedGlyph> placed;
    place(atlas, placed);
    upload_glyphs(renderer, placed);
    upload_colours(renderer, placed);
    const double ms = emscripten_get_now() - start;
    // The next slice's size follows what this one cost a glyph.
    if (received > 0) ms_per_glyph_ = std::clamp(0.5 * ms_per_glyph_ + 0.5 * ms / static_cast<double>(received), 0.0025, 2.5);
    // Characters whose glyphs have not come in a weight (and, until every
    // batch asked came, as each comes on its own, one more).
    int left = canvas_.waiting(), urgent_left = 0;
    for (ui::Weight w : weights())
        for (char32_t c : missing(w).list_beyond_fonts()) {
            if (canvas_.received()[w].contains(c)) continue;
            ++left;
            if (urgent[w].contains(c)) ++urgent_left;
        }
    js_glyphs_added(static_cast<int>(canvas_.regular().size()), static_cast<int>(canvas_.bold().size()), left, urgent_left, ms,
                    atlas.TexWidth, atlas.TexHeight);
    return came;
}

}  // namespace pv::platform
