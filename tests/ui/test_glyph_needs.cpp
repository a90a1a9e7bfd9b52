#include "ui/glyph_needs.h"

#include <doctest/doctest.h>

#include <string>

using pv::ui::CodePointSet;
using pv::ui::GlyphNeeds;
using pv::ui::Weight;

TEST_SUITE("glyph needs") {

TEST_CASE("a text's characters are needed once each, controls never") {
    CodePointSet set;
    CHECK(set.add_text("é\nüé") == 2);
    CHECK(set.add_text("中文 中") == 2);
    CHECK(set.contains(U'中'));
    CHECK_FALSE(set.contains(U'\n'));
    CHECK(set.add_text("éüß") == 1);
}

TEST_CASE("every set holds the printable ASCII characters, which every font carries, and no control") {
    CodePointSet set;
    for (char32_t c = 0x20; c < 0x7F; ++c) CHECK(set.contains(c));
    CHECK_FALSE(set.contains(U'\x7F'));
    CHECK_FALSE(set.contains(U'\x1F'));
    CHECK(set.add_text("plain ASCII {~|^`}\x7F") == 0);
    CHECK_FALSE(set.contains(U'\x7F'));
}

TEST_CASE("long Latin text is passed over but its other letters still count") {
    CodePointSet set;
    CHECK(set.add_text(std::string(1000, 'a') + "\xC3\xA9" + std::string(13, 'z') + "\xE4\xB8\xAD") == 2);
    CHECK(set.contains(U'\u00E9'));
    CHECK(set.contains(U'\u4E2D'));
    CHECK(set.add_text(std::string(999, 'q') + "\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85") > 4);  // Arabic after Latin: letters and joined forms
    CHECK(set.contains(U'\uFEB3'));
}

TEST_CASE("Arabic text needs its joined forms as well as its letters") {
    CodePointSet set;
    set.add_text("سلام");
    CHECK(set.contains(U'\u0633'));
    CHECK(set.contains(U'\uFEB3'));  // seen, initial
    CHECK(set.contains(U'\uFEFC'));  // lam-alef, final
    CHECK(set.contains(U'\uFEE1'));  // meem, isolated
}

TEST_CASE("a bundle needs every field the panel draws, in the weight it draws it") {
    pv::LoadResult loaded;
    pv::Entry e;
    e.title = "Нейронные";
    e.authors = {"王小明"};
    e.venue = "한국";
    e.body = "μάθηση";
    e.tags = {"ệ"};
    loaded.bundle.entries.push_back(e);
    loaded.bundle.title = "עברית";
    GlyphNeeds needs;
    needs.add_bundle(loaded);
    for (char32_t c : {U'王', U'한', U'μ', U'ệ', U'ע'}) {
        CHECK(needs.regular.contains(c));
        CHECK_FALSE(needs.bold.contains(c));
    }
    CHECK(needs.bold.contains(U'Н'));  // titles are drawn bold only
    CHECK_FALSE(needs.regular.contains(U'Н'));
}

TEST_CASE("reading a large bundle through reports progress as it goes, so the page gets its turns") {
    pv::LoadResult loaded;
    loaded.bundle.entries.resize(1000);
    loaded.bundle.entries.back().title = "中文";
    std::size_t reports = 0;
    GlyphNeeds needs;
    needs.add_bundle(loaded, [&](const pv::WorkProgress& work) {
        ++reports;
        CHECK(work.stage == pv::WorkStage::indexing);
        return false;
    });
    CHECK(reports >= 10);
    CHECK(needs.bold.contains(U'中'));
}

TEST_CASE("what one set lacks of another comes in code point order") {
    CodePointSet have, want;
    have.add_text("éa");
    want.add_text("中üaé");
    CHECK(have.missing_from(want) == std::vector<char32_t>{U'ü', U'中'});
}

TEST_CASE("characters beyond the Basic Multilingual Plane are needed too, after those within it") {
    CodePointSet have, want;
    CHECK(want.add_text("𝔼[x] 🙂 中 🙂") == 3);  // 𝔼 🙂 中; the ASCII is in every set
    CHECK(want.contains(U'\U0001D53C'));
    CHECK(want.contains(U'\U0001F642'));
    CHECK_FALSE(want.contains(U'\U0001F680'));
    have.add_text("[] x");
    CHECK(have.missing_from(want) == std::vector<char32_t>{U'中', U'\U0001D53C', U'\U0001F642'});
}

TEST_CASE("an entry's fields are needed on their own, as for the rows on screen") {
    pv::Entry e;
    e.title = "Ω";
    e.authors = {"Ł"};
    GlyphNeeds needs;
    CHECK(needs.add_entry(e) == 2);
    CHECK(needs[Weight::bold].contains(U'Ω'));
    CHECK(needs[Weight::regular].contains(U'Ł'));
    CHECK(needs.add_entry(e) == 0);
}

TEST_CASE("a character in a title and in an abstract is needed in both weights") {
    pv::Entry e;
    e.title = "中文标题";
    e.body = "中文摘要";
    GlyphNeeds needs;
    CHECK(needs.add_entry(e) == 8);
    for (char32_t c : {U'中', U'文'}) {
        CHECK(needs.bold.contains(c));
        CHECK(needs.regular.contains(c));
    }
    CHECK(needs.bold.contains(U'标'));
    CHECK_FALSE(needs.regular.contains(U'标'));
    CHECK(needs.regular.contains(U'摘'));
    CHECK_FALSE(needs.bold.contains(U'摘'));
}

TEST_CASE("a job description's headings and related content's titles are needed bold, their text regular") {
    pv::Entry e;
    e.kind = pv::Kind::job;
    e.body = "Überblick:\nÄrger\n\nÖl";
    e.related = {pv::Related{}};
    e.related[0].title = "Ω";
    e.related[0].summary = "Ł";
    GlyphNeeds needs;
    needs.add_entry(e);
    CHECK(needs.bold.contains(U'Ü'));
    CHECK_FALSE(needs.regular.contains(U'Ü'));
    for (char32_t c : {U'Ä', U'Ö', U'Ł'}) {
        CHECK(needs.regular.contains(c));
        CHECK_FALSE(needs.bold.contains(c));
    }
    CHECK(needs.bold.contains(U'Ω'));
}

TEST_CASE("a set takes another's characters and says how many were new") {
    CodePointSet a, b;
    a.add_text("中文🙂");
    b.add_text("文字🙂𝔼");
    CHECK(a.add_all(b) == 2);  // 字 𝔼
    for (char32_t c : {U'中', U'文', U'字', U'\U0001F642', U'\U0001D53C'}) CHECK(a.contains(c));
    CHECK(a.add_all(b) == 0);
}

}
