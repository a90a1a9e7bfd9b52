// The panel's font atlas and every glyph in it: the Latin fonts' own, built
// when the size or the pixel density changes, and the browser's
// (canvas_glyphs.h) for every other character the panel needs, in the weight
// it needs it in (ui::GlyphNeeds: titles bold, the rest regular), added a slice
// at a time into room the atlas reserved, each slice's glyphs written into the
// texture where they go (nothing already there is built or uploaded again).
// A slice stays within about kGlyphSliceMs, so the page keeps answering while
// thousands of ideographs come in; the characters on screen come first.
#pragma once

#include "platform/canvas_glyphs.h"
#include "platform/webgl_renderer.h"
#include "ui/fonts.h"
#include "ui/glyph_needs.h"
#include "ui/missing_glyphs.h"

#include <imgui.h>

#include <span>
#include <string_view>

namespace pv::platform {

constexpr double kGlyphSliceMs = 25;

class FontAtlas {
public:
    FontAtlas(std::span<const unsigned char> regular, std::span<const unsigned char> bold) : regular_(regular), bold_(bold) {}
    // What the panel will draw in `weight`, or in each; true when a glyph for it is missing.
    bool need_text(std::string_view text, ui::Weight weight) { return missing(weight).need_text(text); }
    bool need(const ui::GlyphNeeds& needs);
    // The GPU lost the texture, or the fonts changed: build it all again.
    void rebuild() { built_ = false; }

    // Builds the atlas at `size` CSS pixels times `ratio` if it is not built
    // at those; returns whether it did (the fonts changed).
    bool build_if_needed(ImFontAtlas& atlas, WebGLRenderer& renderer, float size, float ratio);
    // Asks the browser for a slice of the missing glyphs, `urgent` ones first,
    // and adds those that came; returns whether any came.
    bool add_slice(ImFontAtlas& atlas, WebGLRenderer& renderer, const ui::GlyphNeeds& urgent);
    // Glyphs are missing or on their way. Costs nothing: asked every frame.
    bool has_missing() const {
        return built_ && fonts_.regular && (canvas_.waiting() || missing_[0].count() > 0 || (!one_weight_ && missing_[1].count() > 0));
    }
    const ui::FontSet& fonts() const { return fonts_; }

private:
    void place(ImFontAtlas& atlas, std::vector<ui::PlacedGlyph>& placed);
    static void upload_glyphs(WebGLRenderer& renderer, std::span<const ui::PlacedGlyph> placed);
    static void upload_colours(WebGLRenderer& renderer, std::span<const ui::PlacedGlyph> placed);

    // A weight's missing glyphs; without a bold font (titles drawn regular), the bold ones are regular's.
    ui::MissingGlyphs& missing(ui::Weight weight) { return missing_[weight == ui::Weight::bold && !one_weight_ ? 1 : 0]; }
    const ui::MissingGlyphs& missing(ui::Weight weight) const { return missing_[weight == ui::Weight::bold && !one_weight_ ? 1 : 0]; }
    // The weights whose glyphs are asked for: regular, and bold where there is a bold font.
    std::span<const ui::Weight> weights() const;

    std::span<const unsigned char> regular_, bold_;
    // What the bundle, the query and the phrases have beyond the Latin fonts and canvas_, regular and bold.
    ui::MissingGlyphs missing_[2];
    bool one_weight_ = false;       // no bold font: every glyph is regular
    CanvasGlyphs canvas_;           // the rest, drawn by the browser
    std::size_t placed_regular_ = 0, placed_bold_ = 0;  // of canvas_'s glyphs, those placed in the atlas
    bool room_full_ = false;        // a glyph did not fit: the next build makes more room
    bool built_ = false;
    float size_ = 0, ratio_ = 0;
    ui::FontSet fonts_;
    ui::GlyphShelves room_;
    ui::GlyphShelves colour_room_;  // in the renderer's colour texture: emoji
    double ms_per_glyph_ = 0.15;    // what drawing a glyph (one weight) and adding it costs, as measured
};

}  // namespace pv::platform
