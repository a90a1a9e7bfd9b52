#include "core/model/bundle.h"
#include "authoring/import_csv.h"

#include <doctest/doctest.h>

// Found by fuzz_import: ids that differed only in a line break or tab inside a
// quoted CSV cell were distinct to the importer and equal once loaded, so the
// written bundle lost an item when read back.
TEST_CASE("imported ids that the loader would make equal are kept apart") {
    const char* csv =
        "id,title,city,description\n"
        "\"a b\",First,Seattle,one\n"
        "\"a\nb\",Second,Seattle,two\n"
        "\"a\tb\",Third,Seattle,three\n"
        "\"a b \",Fourth,Seattle,four\n";
    pv::CsvImportOptions options;
    options.kind = pv::Kind::job;
    const pv::ImportResult imported = pv::import_csv(csv, options);
    REQUIRE(imported.bundle.entries.size() == 4);
    const pv::LoadResult loaded = pv::load_bundle(pv::to_json(imported.bundle));
    CHECK(loaded.skipped == 0);
    REQUIRE(loaded.bundle.entries.size() == 4);
    CHECK(loaded.bundle.entries[0].id == "a b");
    CHECK(loaded.bundle.entries[1].id == "a b-2");
}

TEST_CASE("single_line turns breaks and tabs into spaces and trims, as the loader does") {
    CHECK(pv::single_line("  a\tb\nc\r\n ") == "a b c");
    CHECK(pv::single_line("x\u202Ey") == "xy");
}
