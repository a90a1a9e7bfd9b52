#include "authoring/merge.h"

#include <doctest/doctest.h>

#include <string>

namespace {

pv::Entry entry(pv::Kind kind, std::string id) {
    pv::Entry e;
    e.kind = kind;
    e.title = "Title of " + id;
    e.id = std::move(id);
    return e;
}

}  // namespace

TEST_CASE("merging bundles keeps publications of all bundles before their jobs") {
    pv::NamedBundle first{"a.json", {}};
    first.bundle.title = "Lab A";
    first.bundle.entries = {entry(pv::Kind::publication, "p1"), entry(pv::Kind::job, "j1")};
    pv::NamedBundle second{"b.json", {}};
    second.bundle.title = "Lab B";
    second.bundle.description = "From B.";
    second.bundle.entries = {entry(pv::Kind::publication, "p2"), entry(pv::Kind::job, "j2")};
    const pv::ImportResult result = pv::merge_bundles({first, second});
    CHECK(result.problems.empty());
    CHECK(result.bundle.title == "Lab A");
    CHECK(result.bundle.description == "From B.");
    REQUIRE(result.bundle.entries.size() == 4);
    CHECK(result.bundle.entries[0].id == "p1");
    CHECK(result.bundle.entries[1].id == "p2");
    CHECK(result.bundle.entries[2].id == "j1");
    CHECK(result.bundle.entries[3].id == "j2");
}

TEST_CASE("an id clash keeps the first bundle's entry and warns with both file names") {
    pv::NamedBundle first{"a.json", {}};
    first.bundle.entries = {entry(pv::Kind::publication, "same")};
    pv::NamedBundle second{"b.json", {}};
    second.bundle.entries = {entry(pv::Kind::publication, "other"), entry(pv::Kind::job, "same")};
    second.bundle.entries[1].title = "Second";
    const pv::ImportResult result = pv::merge_bundles({first, second});
    REQUIRE(result.bundle.entries.size() == 2);
    CHECK(result.bundle.entries[0].title == "Title of same");
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].pointer == "/jobs/0");
    CHECK(result.problems[0].message == "b.json: id \"same\" is already used in a.json; this job is left out");
    CHECK_FALSE(result.has_errors());
}
