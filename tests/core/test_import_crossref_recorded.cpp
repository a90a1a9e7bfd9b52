// The Crossref importer on answers Crossref really gave (tests/data/api/recorded/,
// README there says where each was recorded).
#include "authoring/api_importers.h"
#include "import_checks.h"

#include <set>

#include <doctest/doctest.h>

namespace {

// The one work of a recorded /works/{doi} answer.
pv::Entry recorded_work(const std::string& name) {
    pv::IdAllocator ids;
    const pv::ApiPage page = pv::import_crossref(read_api_response("recorded/" + name), ids);
    CHECK_FALSE(page.result.has_errors());
    CHECK(page.items == 1);
    REQUIRE(page.result.bundle.entries.size() == 1);
    return page.result.bundle.entries[0];
}

}  // namespace

TEST_SUITE("import crossref, recorded answers") {

TEST_CASE("a recorded Crossref journal article gives its title, authors, journal, year, DOI and subjects, and no doi.org link") {
    const pv::Entry e = recorded_work("crossref-work-orglett.json");
    CHECK(e.title == "A General Copper-Catalyzed Synthesis of Ynamides from 1,2-Dichloroenamides");
    CHECK(e.authors == std::vector<std::string>{"Steven J. Mansfield", "Russell C. Smith", "Jonathan R. J. Yong", "Olivia L. Garry", "Edward A. Anderson"});
    CHECK(e.venue == "Organic Letters");
    CHECK(e.year == 2019);
    CHECK(e.doi == "10.1021/acs.orglett.9b00971");
    CHECK(e.url.empty());  // "URL": "http://dx.doi.org/..." is the DOI's own link
    CHECK(e.tags == std::vector<std::string>{"Physical and Theoretical Chemistry", "Organic Chemistry", "Biochemistry"});
    CHECK(e.body.empty());
}

TEST_CASE("a recorded Crossref work keeps a Latvian name with its diacritics") {
    const pv::Entry e = recorded_work("crossref-work-nrmp.json");
    CHECK(e.title == "Parallel nuclear magnetic resonance spectroscopy");
    CHECK(e.authors == std::vector<std::string>{"Ēriks Kupče", "Lucio Frydman", "Andrew G. Webb", "Jonathan R. J. Yong", "Tim D. W. Claridge"});
    CHECK(e.venue == "Nature Reviews Methods Primers");
    CHECK(e.year == 2021);
    CHECK(e.doi == "10.1038/s43586-021-00024-3");
}

TEST_CASE("recorded Crossref authors with only a family name, and one with a suffix, keep their whole names") {
    const pv::Entry mononyms = recorded_work("crossref-work-single-names.json");
    CHECK(mononyms.title == "Attention science: some people have only one name");
    CHECK(mononyms.authors == std::vector<std::string>{"Sheherazade", "Ardiantiono"});
    CHECK(mononyms.venue == "Nature");
    CHECK(mononyms.year == 2020);
    const pv::Entry suffix = recorded_work("crossref-work-name-suffix.json");
    CHECK(suffix.title == "Twenty Years of Organic Letters, A Look Back...and Forward");
    CHECK(suffix.authors == std::vector<std::string>{"Amos B. Smith III"});
}

TEST_CASE("a recorded Crossref book with editors and no authors lists its editor, and its subtitle joins the title") {
    const pv::Entry e = recorded_work("crossref-work-book-no-authors.json");
    CHECK(e.title == "Long-lived Nuclear Spin Order: Theory and Applications");
    CHECK(e.authors == std::vector<std::string>{"Giuseppe Pileio"});
    CHECK(e.venue == "New Developments in NMR");
    CHECK(e.year == 2020);
    CHECK(e.doi == "10.1039/9781788019972");
}

TEST_CASE("a recorded Crossref JATS abstract becomes plain text") {
    const pv::Entry e = recorded_work("crossref-work-elife.json");
    CHECK(e.title == "Automated quantitative histology reveals vascular morphodynamics during Arabidopsis hypocotyl secondary growth");
    CHECK(e.authors == std::vector<std::string>{"Martial Sankar", "Kaisa Nieminen", "Laura Ragni", "Ioannis Xenarios", "Christian S Hardtke"});
    CHECK(e.venue == "eLife");
    CHECK(e.year == 2014);
    CHECK(e.doi == "10.7554/elife.01567");
    CHECK(e.body.starts_with("Among various advantages, their small size makes model organisms preferred subjects of investigation."));
    CHECK(e.body.ends_with("for example equidistant phloem pole formation."));
    CHECK(e.body.find('<') == std::string::npos);
}

TEST_CASE("a recorded bioRxiv preprint drops the Abstract heading, keeps italic names as text and takes its server as venue") {
    const pv::Entry e = recorded_work("crossref-work-posted-content.json");
    CHECK(e.title == "Identification of a novel cationic glycolipid in Streptococcus agalactiae that contributes to brain entry and meningitis");
    REQUIRE(e.authors.size() == 8);
    CHECK(e.authors[2] == "Jéssica da C. Mendonça");
    CHECK(e.venue == "bioRxiv");
    CHECK(e.year == 2020);
    CHECK(e.body.starts_with("Bacterial membrane lipids are critical for membrane bilayer formation"));
    CHECK(e.body.find("synthesized in high abundance by the bacterium Streptococcus agalactiae (Group B Streptococcus, GBS).") != std::string::npos);
    CHECK(e.body.find("challenged with a GBSΔmprF mutant") != std::string::npos);
}

TEST_CASE("a recorded page of a Crossref cursor query gives its cursor, total and twenty works, and no year for an unknown date") {
    const pv::ApiPage page = import_saved(pv::import_crossref, "recorded/crossref-works-cursor-widget.json");
    CHECK_FALSE(page.result.has_errors());
    CHECK(page.total == 454);
    CHECK(page.items == 20);
    CHECK(page.next_cursor.starts_with("DnF1ZXJ5VGhlbkZldGNoJAAAAAFNehByFlV1U25DZFJ2U2JLRVVuNjdsaVhxWkEAAAABTXoQcxZV"));
    REQUIRE(page.result.bundle.entries.size() == 20);
    // "issued": {"date-parts": [[null]]}: the year is unknown, not the DOI's registration (2007).
    const pv::Entry& mania = page.result.bundle.entries[0];
    CHECK(mania.title == "Widget Mania: Using a GUI Widget Framework");
    CHECK(mania.authors.empty());
    CHECK_FALSE(mania.year.has_value());
    CHECK(mania.venue == "Practical JavaScript™, DOM Scripting, and Ajax Projects");
    CHECK(mania.doi == "10.1007/978-1-4302-0197-7_9");
    const pv::Entry* sunburst = entry_titled(page.result.bundle, "sunburstShinyWidget: Sunburst 'HTML' Widget Based on 'd3.js'");
    REQUIRE(sunburst != nullptr);
    CHECK(sunburst->authors == std::vector<std::string>{"Kamil Foltyński"});
    CHECK(sunburst->year == 2026);
    CHECK(sunburst->venue == "CRAN: Contributed Packages");
    const pv::Entry* diff = entry_titled(page.result.bundle, "diffviewer: HTML Widget to Show File Differences");
    REQUIRE(diff != nullptr);
    CHECK(diff->authors == std::vector<std::string>{"Hadley Wickham", "Joshua Kunst", "Winston Chang"});
    const pv::Entry& blog = page.result.bundle.entries[19];
    CHECK(blog.title == "The SWT JChemPaint (viewing) widget");
    CHECK(blog.venue == "Front Matter");
    CHECK(blog.year == 2008);
    CHECK(blog.body.starts_with("In addition to this Swing-based screenshot of JChemPaint"));
    std::set<std::string> seen;
    for (const pv::Entry& e : page.result.bundle.entries) seen.insert(e.id);
    CHECK(seen.size() == 20);
}

}  // TEST_SUITE
