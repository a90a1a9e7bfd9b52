#include "ui/glyph_shelves.h"

#include <doctest/doctest.h>

#include <utility>
#include <vector>

using pv::ui::GlyphShelves;

TEST_SUITE("glyph shelves") {

TEST_CASE("glyphs of one height fill a shelf left to right, then the next below") {
    GlyphShelves room(10, 100, 64, 64);
    const auto a = room.place(30, 20), b = room.place(30, 20), c = room.place(30, 20);
    REQUIRE(a);
    REQUIRE(b);
    REQUIRE(c);
    CHECK((a->x == 10 && a->y == 100));
    CHECK((b->x == 40 && b->y == 100));
    CHECK((c->x == 10 && c->y == 120));
}

TEST_CASE("a glyph of another height opens its own shelf, and a later one of the first height goes back to its shelf") {
    GlyphShelves room(0, 0, 100, 100);
    const auto tall = room.place(10, 30);
    const auto short_one = room.place(10, 8);
    const auto tall_again = room.place(10, 29);  // rounded up to the same shelf height
    REQUIRE(tall);
    REQUIRE(short_one);
    REQUIRE(tall_again);
    CHECK(short_one->y == 32);
    CHECK((tall_again->x == 10 && tall_again->y == 0));
}

TEST_CASE("a full room places nothing more, and boxes never overlap or leave it") {
    GlyphShelves room(0, 0, 50, 40);
    int placed = 0;
    std::vector<std::pair<int, int>> spots;
    while (auto spot = room.place(12, 14)) {
        CHECK(spot->x + 12 <= 50);
        CHECK(spot->y + 14 <= 40);
        for (auto [x, y] : spots) CHECK((spot->x >= x + 12 || spot->x + 12 <= x || spot->y >= y + 14 || spot->y + 14 <= y));
        spots.emplace_back(spot->x, spot->y);
        ++placed;
    }
    CHECK(placed == 8);  // 4 a shelf of 16 rows, 2 shelves
    CHECK_FALSE(room.place(60, 1));
    CHECK(GlyphShelves().empty());
    CHECK_FALSE(GlyphShelves().place(1, 1));
}

}  // TEST_SUITE
