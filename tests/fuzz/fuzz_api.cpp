// Fuzzes the importers of saved web-API answers and the markup they share:
// the first byte picks Crossref, OpenAlex, arXiv, DBLP, ORCID (the input as
// the summary, then as a work's details), Greenhouse, Lever or Ashby; the
// rest is the response. Nothing may crash or hang, HTML/JATS/LaTeX to text
// must hold no control character, and every entry an importer reports is kept
// when its bundle is written and loaded again, as `pubview sync` does.
#include "authoring/api_importers.h"
#include "authoring/markup_text.h"
#include "core/model/bundle.h"
#include "core/text/text.h"
#include "fuzz_check.h"

#include <cstdint>
#include <cstdio>

namespace {

bool has_hidden_control(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const pv::text::Decoded d = pv::text::decode_utf8(text, i);
        if (d.code_point != '\n' && d.code_point != pv::text::kInvalidCodePoint && pv::text::is_hidden_control(d.code_point)) return true;
        i += d.length;
    }
    return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    pv::IdAllocator ids;
    pv::ApiPage page;
    switch (data[0] % 10) {
        case 0: page = pv::import_crossref(text, ids); break;
        case 1: page = pv::import_openalex(text, ids); break;
        case 2: page = pv::import_arxiv(text, ids); break;
        case 3: page = pv::import_dblp(text, ids); break;
        case 4: page = pv::import_orcid(text, {}, ids); (void)pv::orcid_put_codes(text); break;
        case 5: page = pv::import_orcid(R"({"group":[{"work-summary":[{"put-code":1,"title":{"title":{"value":"T"}}}]}]})", {std::string(text)}, ids); break;
        case 6: page = pv::import_greenhouse(text, ids); break;
        case 7: page = pv::import_lever(text, ids); break;
        case 8: page = pv::import_ashby(text, ids); break;
        default:
            FUZZ_CHECK(!has_hidden_control(pv::html_to_text(text)), "html_to_text leaves no control character");
            FUZZ_CHECK(!has_hidden_control(pv::markup_to_text(text, true)), "markup_to_text leaves no control character");
            FUZZ_CHECK(!has_hidden_control(pv::latex_to_text(text, false)), "latex_to_text leaves no control character");
            return 0;
    }
    if (!page.result.usable || page.result.bundle.entries.empty()) return 0;
    page.result.bundle.title = "fuzz";
    const pv::LoadResult loaded = pv::load_bundle(pv::to_json(page.result.bundle));
    if (!loaded.usable || loaded.bundle.entries.size() != page.result.bundle.entries.size()) {
        for (const pv::Problem& p : loaded.problems) std::fprintf(stderr, "%s\n", pv::format_problem("imported", p).c_str());
        FUZZ_CHECK(false, "an imported bundle loads with every entry");
    }
    return 0;
}
