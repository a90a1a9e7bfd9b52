#include "authoring/sync_merge.h"

#include <doctest/doctest.h>

namespace {

pv::Entry publication(std::string id, std::string title, std::optional<int> year, std::string doi = "", std::string arxiv = "") {
    pv::Entry e;
    e.id = std::move(id);
    e.title = std::move(title);
    e.year = year;
    e.doi = std::move(doi);
    e.arxiv = std::move(arxiv);
    return e;
}

pv::Entry job(std::string id, std::string url) {
    pv::Entry e;
    e.kind = pv::Kind::job;
    e.id = std::move(id);
    e.title = "Job " + e.id;
    e.body = "Imported.";
    e.edit_job().location.city = "Remote";
    e.url = std::move(url);
    return e;
}

}  // namespace

TEST_SUITE("sync merge") {

TEST_CASE("a hand-written field wins and an imported one fills only what the base left empty") {
    pv::Bundle base;
    base.title = "Lab";
    pv::Entry mine = publication("mine", "Non-stationary A/B tests", 2022);
    mine.venue = "KDD 2022";
    base.entries.push_back(mine);
    pv::Bundle imported;
    pv::Entry theirs = publication("non-stationary-a-b-tests-2022", "Non-Stationary A/B Tests.", 2022, "10.1145/3534678.3539325");
    theirs.venue = "Proceedings of KDD";
    theirs.authors = {"Yuhang Wu"};
    imported.entries.push_back(theirs);
    const pv::ImportResult merged = pv::sync_merge(base, {{"crossref", imported}});
    REQUIRE(merged.bundle.entries.size() == 1);
    const pv::Entry& e = merged.bundle.entries[0];
    CHECK(e.id == "mine");
    CHECK(e.title == "Non-stationary A/B tests");
    CHECK(e.venue == "KDD 2022");
    CHECK(e.doi == "10.1145/3534678.3539325");
    CHECK(e.authors == std::vector<std::string>{"Yuhang Wu"});
    CHECK(merged.bundle.title == "Lab");
}

TEST_CASE("duplicates are found by DOI, then arXiv id, then title and year, and only then") {
    pv::Bundle first, second;
    first.entries = {publication("a", "One title", 2020, "10.1/ABC"), publication("b", "Another", 2021, "", "2104.08166"),
                     publication("c", "Same words", 2019)};
    second.entries = {publication("x", "Renamed in print", 2020, "10.1/abc"), publication("y", "Preprint title", 2021, "", "2104.08166"),
                      publication("z", "Same  Words!", 2019), publication("w", "Same words", 2023), publication("a", "New", 2024)};
    const pv::ImportResult merged = pv::sync_merge({}, {{"one", first}, {"two", second}});
    std::vector<std::string> ids;
    for (const pv::Entry& e : merged.bundle.entries) ids.push_back(e.id);
    CHECK(ids == std::vector<std::string>{"a", "b", "c", "w", "a-2"});
}

TEST_CASE("imported jobs are matched by their posting link and the base's jobs stay") {
    pv::Bundle base;
    base.entries = {job("postdoc", "https://boards.example/1")};
    base.entries[0].body = "Hand-written.";
    pv::Bundle board;
    board.entries = {job("imported", "https://boards.example/1"), job("new", "https://boards.example/2")};
    const pv::ImportResult merged = pv::sync_merge(base, {{"greenhouse", board}});
    REQUIRE(merged.bundle.entries.size() == 2);
    CHECK(merged.bundle.entries[0].body == "Hand-written.");
    CHECK(merged.bundle.entries[1].id == "new");
}

TEST_CASE("the changes since the last bundle are listed by id") {
    pv::Bundle before, after;
    before.entries = {publication("kept", "K", 2020), publication("changed", "C", 2020), job("gone", "https://x/1")};
    after.entries = {publication("kept", "K", 2020), publication("changed", "C", 2021), publication("new", "N", 2022)};
    const pv::SyncChanges changes = pv::compare_bundles(before, after);
    CHECK(changes.added == std::vector<std::string>{"new"});
    CHECK(changes.updated == std::vector<std::string>{"changed"});
    CHECK(changes.removed == std::vector<std::string>{"gone"});
}

}  // TEST_SUITE
