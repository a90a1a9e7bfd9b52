// Fuzzes the importers: the first byte picks page text (with or without the
// default facts), CSV of publications or jobs, or BibTeX; the rest is the
// file. Nothing may crash, and every entry an importer reports is kept when
// its bundle is written and loaded again, as `pubview import-*` does.
#include "core/model/bundle.h"
#include "authoring/import_bibtex.h"
#include "authoring/import_common.h"
#include "authoring/import_csv.h"
#include "authoring/import_page.h"
#include "fuzz_check.h"

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>

namespace {

const pv::PageFacts* g_facts = nullptr;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    std::ifstream in(PUBVIEW_SOURCE_DIR "/data/source/publications-2022.json", std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    std::vector<pv::Problem> problems;
    static std::optional<pv::PageFacts> facts = pv::parse_page_facts(text.str(), problems);
    FUZZ_CHECK(facts.has_value(), "the default facts load");
    g_facts = &*facts;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    pv::ImportResult result;
    switch (data[0] % 5) {
        case 0: result = pv::import_page(text); break;
        case 1: { pv::PageImportOptions o; o.facts = g_facts; result = pv::import_page(text, o); break; }
        case 2: result = pv::import_csv(text, {pv::Kind::publication, {}}); break;
        case 3: result = pv::import_csv(text, {pv::Kind::job, {}}); break;
        default: result = pv::import_bibtex(text); break;
    }
    if (data[0] % 5 == 0) {  // the facts parser too
        std::vector<pv::Problem> problems;
        (void)pv::parse_page_facts(text, problems);
    }
    result.sort_problems();
    if (!result.usable) return 0;
    const pv::LoadResult loaded = pv::load_bundle(pv::to_json(result.bundle));
    if (!loaded.usable || loaded.bundle.entries.size() != result.bundle.entries.size()) {
        for (const pv::Problem& p : loaded.problems) std::fprintf(stderr, "%s\n", pv::format_problem("imported", p).c_str());
        FUZZ_CHECK(false, "an imported bundle loads with every entry");
    }
    return 0;
}
