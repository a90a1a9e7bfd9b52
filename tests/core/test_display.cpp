#include "core/present/display.h"

#include <doctest/doctest.h>

TEST_CASE("a publication's summary line names venue and year once, two authors and how many more") {
    pv::Entry e;
    e.venue = "KDD 2022";
    e.year = 2022;
    e.authors = {"Yuhang Wu", "Zeyu Zheng", "Guangyu Zhang", "Zuohua Zhang", "Chu Wang"};
    CHECK(pv::summary_line(e) == "KDD 2022  \xC2\xB7  Yuhang Wu, Zeyu Zheng +3");
    e.venue = "arXiv";
    e.award = "Best paper award";
    CHECK(pv::summary_line(e) == "arXiv 2022  \xC2\xB7  Yuhang Wu, Zeyu Zheng +3  \xC2\xB7  Best paper award");
}

TEST_CASE("a job's summary line is its location, most specific first, and its team") {
    pv::Entry e;
    e.kind = pv::Kind::job;
    e.edit_job().location = {"US", "WA", "Seattle"};
    e.edit_job().team = "Fire TV Channels";
    CHECK(pv::summary_line(e) == "Seattle, WA, US  \xC2\xB7  Fire TV Channels");
}

TEST_CASE("entry links turn DOI and arXiv ids into URLs and leave out what is missing") {
    pv::Entry e;
    e.url = "https://example.org/p";
    e.doi = "10.1145/3514221.3526045";
    auto links = pv::entry_links(e, pv::Language::en);
    REQUIRE(links.size() == 2);
    CHECK(links[0].label == "Paper");
    CHECK(links[1].url == "https://doi.org/10.1145/3514221.3526045");
    e.url.clear();
    e.doi.clear();
    e.arxiv = "2208.01448";
    links = pv::entry_links(e, pv::Language::en);
    REQUIRE(links.size() == 1);
    CHECK(links[0].url == "https://arxiv.org/abs/2208.01448");
}

TEST_CASE("counts are written with their thousands grouped") {
    CHECK(pv::count_text(0) == "0");
    CHECK(pv::count_text(999) == "999");
    CHECK(pv::count_text(1000) == "1,000");
    CHECK(pv::count_text(40000) == "40,000");
    CHECK(pv::count_text(1250000) == "1,250,000");
}

TEST_CASE("a job description's body is read as paragraphs, headings that open a paragraph, and list items") {
    pv::Entry e;
    e.kind = pv::Kind::job;
    e.body = "We build things.\n\nKey job responsibilities:\n- Design systems\n- Ship them\nNot a heading:";
    const auto blocks = pv::body_blocks(e);
    REQUIRE(blocks.size() == 6);
    using pv::BlockKind;
    CHECK(blocks[0].kind == BlockKind::paragraph);
    CHECK(blocks[1].kind == BlockKind::blank);
    CHECK(blocks[2].kind == BlockKind::heading);
    CHECK(e.body.substr(blocks[2].offset, blocks[2].length) == "Key job responsibilities:");
    CHECK(blocks[3].kind == BlockKind::list_item);
    CHECK(e.body.substr(blocks[3].offset, blocks[3].length) == "Design systems");
    CHECK(blocks[4].kind == BlockKind::list_item);
    CHECK(blocks[5].kind == BlockKind::paragraph);  // it does not start a paragraph
}

TEST_CASE("a publication's line ending in a colon stays a paragraph") {
    pv::Entry e;
    e.body = "We ask:\n\nWhy:";
    for (const pv::BodyBlock& b : pv::body_blocks(e)) CHECK(b.kind != pv::BlockKind::heading);
}
