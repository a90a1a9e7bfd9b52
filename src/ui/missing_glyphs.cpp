#include "ui/missing_glyphs.h"

#include <algorithm>

namespace pv::ui {

bool MissingGlyphs::wanted(std::size_t added) {
    // Once the fonts' coverage is in wanted_, everything new to it is beyond the fonts.
    if (coverage_known_) beyond_fonts_ += added;
    return added > 0;
}

void MissingGlyphs::set_font_coverage(std::span<const char32_t> covered) {
    for (char32_t c : covered) {
        covered_.add(c);
        wanted_.add(c);
    }
    coverage_known_ = true;
    const std::vector<char32_t> beyond = covered_.missing_from(wanted_);
    beyond_fonts_ = beyond.size();
    drawn_count_ = static_cast<std::size_t>(std::count_if(beyond.begin(), beyond.end(), [&](char32_t c) { return drawn_.contains(c); }));
}

bool MissingGlyphs::missing(char32_t c) const {
    return coverage_known_ && wanted_.contains(c) && !covered_.contains(c) && !drawn_.contains(c);
}

void MissingGlyphs::drawn(std::span<const char32_t> codes) {
    for (char32_t c : codes)
        if (missing(c)) {
            drawn_.add(c);
            ++drawn_count_;
        }
}

void MissingGlyphs::forget_drawn() {
    drawn_ = {};
    drawn_count_ = 0;
}

std::vector<char32_t> MissingGlyphs::list() const {
    std::vector<char32_t> out;
    for (char32_t c : list_beyond_fonts())
        if (!drawn_.contains(c)) out.push_back(c);
    return out;
}

std::vector<char32_t> MissingGlyphs::list_beyond_fonts() const {
    return coverage_known_ ? covered_.missing_from(wanted_) : std::vector<char32_t>{};
}

}  // namespace pv::ui
