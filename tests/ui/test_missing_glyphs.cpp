#include "ui/missing_glyphs.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

using pv::ui::MissingGlyphs;

namespace {

// What the Latin fonts cover in these tests: Latin-1's letters.
std::vector<char32_t> latin1() {
    std::vector<char32_t> covered;
    for (char32_t c = 0xA0; c <= 0xFF; ++c) covered.push_back(c);
    return covered;
}

// The count kept is the number of characters listed.
void check_count(const MissingGlyphs& missing) { CHECK(missing.count() == missing.list().size()); }

}  // namespace

TEST_SUITE("missing glyphs") {

TEST_CASE("nothing is missing before the fonts' coverage is known, then what they lack is") {
    MissingGlyphs missing;
    CHECK(missing.need_text("Café Привет 中文"));
    CHECK(missing.count() == 0);
    CHECK(missing.list().empty());
    missing.set_font_coverage(latin1());
    // П р и в е т, 中 文: é is the fonts'.
    CHECK(missing.count() == 8);
    CHECK(missing.list() == std::vector<char32_t>{U'П', U'в', U'е', U'и', U'р', U'т', U'中', U'文'});
    check_count(missing);
}

TEST_CASE("a character the fonts have or one needed before adds nothing missing") {
    MissingGlyphs missing;
    missing.set_font_coverage(latin1());
    CHECK(missing.need_text("Ωμέγα"));
    const std::size_t before = missing.count();
    CHECK(before == 5);
    CHECK_FALSE(missing.need_text("ñ é ü plain"));  // all the fonts'
    CHECK_FALSE(missing.need_text("μέγα"));          // all needed before
    CHECK(missing.count() == before);
    CHECK(missing.need_text("😀 Ω"));                 // beyond the BMP
    CHECK(missing.count() == before + 1);
    check_count(missing);
}

TEST_CASE("drawn characters are no longer missing until the glyphs are forgotten") {
    MissingGlyphs missing;
    missing.set_font_coverage(latin1());
    missing.need_text("中文字😀");
    CHECK(missing.count() == 4);
    missing.drawn(std::vector<char32_t>{U'中', U'😀'});
    CHECK(missing.count() == 2);
    CHECK(missing.list() == std::vector<char32_t>{U'字', U'文'});  // in code point order
    // Drawing again, or drawing what the fonts have or nothing needs, changes nothing.
    missing.drawn(std::vector<char32_t>{U'中', U'é', U'Ж', U'a'});
    CHECK(missing.count() == 2);
    check_count(missing);
    CHECK(missing.beyond_fonts() == 4);  // drawn or not
    missing.forget_drawn();
    CHECK(missing.count() == 4);
    check_count(missing);
}

TEST_CASE("the count stays the number listed through any mix of needs, draws and forgetting") {
    std::mt19937 random(12);
    const std::u32string alphabet = U"aéßЖжΩω中文字日本語한국😀𝔼سلام";
    auto utf8 = [](char32_t c) {
        std::string out;
        if (c < 0x80) out += static_cast<char>(c);
        else if (c < 0x800) { out += static_cast<char>(0xC0 | (c >> 6)); out += static_cast<char>(0x80 | (c & 0x3F)); }
        else if (c < 0x10000) {
            out += static_cast<char>(0xE0 | (c >> 12)); out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (c >> 18)); out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F)); out += static_cast<char>(0x80 | (c & 0x3F));
        }
        return out;
    };
    MissingGlyphs missing;
    for (int step = 0; step < 400; ++step) {
        const char32_t c = alphabet[random() % alphabet.size()];
        switch (random() % 8) {
            case 0: missing.forget_drawn(); break;
            case 1: case 2: {
                const std::vector<char32_t> some = missing.list();
                missing.drawn(std::vector<char32_t>(some.begin(), some.begin() + static_cast<std::ptrdiff_t>(some.size() / 2)));
                break;
            }
            case 3: missing.drawn(std::vector<char32_t>{c}); break;
            default: missing.need_text(utf8(c)); break;
        }
        if (step == 50) missing.set_font_coverage(latin1());
        REQUIRE(missing.count() == missing.list().size());
        REQUIRE(missing.beyond_fonts() == missing.list_beyond_fonts().size());
    }
}

}  // TEST_SUITE
