// BibTeX as lab sites keep it: real al-folio `_bibliography/papers.bib` files
// and Hugo Blox `cite.bib` files (tests/data/import/lab-sites/README.md says
// where each comes from), and the conventions they add.
#include "authoring/import_bibtex.h"
#include "import_checks.h"

#include <doctest/doctest.h>

#include <cctype>
#include <sstream>
#include <string>

namespace {

const std::string kDir = "lab-sites/";

// The entries a file holds, counted by its lines rather than by the importer:
// a line starting with '@' and a type other than string, comment or preamble,
// outside the braces of an @comment (a lab comments out the template's examples).
std::size_t entries_in(const std::string& text) {
    std::istringstream lines(text);
    std::size_t count = 0;
    int comment_depth = 0;
    for (std::string line; std::getline(lines, line);) {
        const std::size_t at = line.find_first_not_of(" \t");
        std::string type;
        for (std::size_t i = at == std::string::npos ? line.size() : at + 1; i < line.size() && std::isalpha(static_cast<unsigned char>(line[i])); ++i)
            type += static_cast<char>(std::tolower(static_cast<unsigned char>(line[i])));
        const bool starts_entry = at != std::string::npos && line[at] == '@';
        if (comment_depth == 0 && starts_entry && type != "string" && type != "comment" && type != "preamble") ++count;
        if (comment_depth > 0 || (starts_entry && type == "comment"))
            for (char c : line) comment_depth += c == '{' ? 1 : c == '}' ? -1 : 0;
    }
    return count;
}

const pv::Entry& entry(const pv::ImportResult& result, const std::string& id) {
    for (const pv::Entry& e : result.bundle.entries)
        if (e.id == id) return e;
    FAIL("no entry " << id);
    throw 0;
}

const pv::Link* link_of(const pv::Entry& e, pv::LinkKind kind) {
    for (const pv::Link& link : e.links)
        if (link.kind == kind) return &link;
    return nullptr;
}

bool warned(const pv::ImportResult& result, const std::string& fragment) {
    for (const pv::Problem& p : result.problems)
        if (p.message.find(fragment) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_SUITE("lab-site BibTeX") {

TEST_CASE("every entry of every real al-folio and Hugo Blox file imports without an error") {
    for (const char* name : {"al-folio-template.bib", "al-folio-coral-osu.bib", "al-folio-ngram-lab.bib", "al-folio-tonny-liu.bib",
                             "hugo-blox-esd-paper.bib", "hugo-blox-agu2022.bib", "hugo-blox-adgeo-paper.bib"}) {
        const std::string file = name;
        CAPTURE(file);
        const std::string text = read_import_input(kDir + name);
        const pv::ImportResult result = pv::import_bibtex(text);
        CHECK_FALSE(result.has_errors());
        CHECK(result.bundle.entries.size() == entries_in(text));
        CHECK(pv::load_bundle(pv::to_json(result.bundle)).clean());
    }
}

TEST_CASE("al-folio's html, pdf, video, abbr and selected land in the page, typed links, short venue and featured flag") {
    const pv::ImportResult result = pv::import_bibtex(read_import_input(kDir + "al-folio-template.bib"), {"https://lab.example.org/"});
    const pv::Entry& epr = entry(result, "PhysRev.47.777");
    CHECK(epr.url == "https://link.aps.org/doi/10.1103/PhysRev.47.777");  // url kept; html becomes a typed link
    CHECK(epr.doi == "10.1103/PhysRev.47.777");
    CHECK(epr.venue_short == "PhysRev");
    CHECK(epr.featured);
    CHECK(epr.type == "article");
    CHECK(epr.date == "1935-05");
    const pv::Link* pdf = link_of(epr, pv::LinkKind::pdf);
    REQUIRE(pdf);
    CHECK(pdf->url == "https://lab.example.org/assets/pdf/example_pdf.pdf");  // al-folio keeps PDFs there
    const pv::Link* video = link_of(epr, pv::LinkKind::video);
    REQUIRE(video);
    CHECK(video->url == "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ");
    const pv::Link* page = link_of(epr, pv::LinkKind::html);
    REQUIRE(page);
    CHECK(page->url == "https://journals.aps.org/pr/abstract/10.1103/PhysRev.47.777");
    // A book's relative html page is its page on the site.
    const pv::Entry& relativity = entry(result, "einstein1920relativity");
    CHECK(relativity.url == "https://lab.example.org/relativity.html");
    CHECK(relativity.type == "book");
    CHECK_FALSE(relativity.featured);
    // The fields the format now has a place for are no longer reported as left out.
    for (const pv::Problem& p : result.problems)
        if (p.message.find("no place for") != std::string::npos) {
            for (const char* kept : {" html ", " pdf ", " video ", " abbr ", " selected ", " month "})
                CHECK_MESSAGE(p.message.find(kept) == std::string::npos, kept);
        }
}

TEST_CASE("relative links without the site's address are left out with a warning that names the option") {
    const pv::ImportResult result = pv::import_bibtex(read_import_input(kDir + "al-folio-coral-osu.bib"));
    const pv::Entry& iros = entry(result, "hossain2023IROS");
    CHECK(iros.links.empty());
    CHECK(iros.featured);
    CHECK(iros.type == "conference paper");
    CHECK(warned(result, "entry hossain2023IROS: pdf \"IROS2023_Supplementary_Materials.pdf\" is relative to the lab's site"));
    CHECK(warned(result, "--site URL"));
}

TEST_CASE("code, video and data links of a lab's al-folio file become typed links") {
    const pv::ImportResult result = pv::import_bibtex(read_import_input(kDir + "al-folio-ngram-lab.bib"));
    std::size_t code = 0, video = 0, data = 0, short_venues = 0;
    for (const pv::Entry& e : result.bundle.entries) {
        code += link_of(e, pv::LinkKind::code) != nullptr;
        video += link_of(e, pv::LinkKind::video) != nullptr;
        data += link_of(e, pv::LinkKind::data) != nullptr;
        short_venues += !e.venue_short.empty();
    }
    CHECK(code >= 25);
    CHECK(video >= 3);
    CHECK(data >= 1);
    CHECK(short_venues >= 190);
}

TEST_CASE("a Hugo Blox cite.bib keeps its page, DOI and type") {
    const pv::ImportResult result = pv::import_bibtex(read_import_input(kDir + "hugo-blox-esd-paper.bib"));
    const pv::Entry& esd = entry(result, "esd-14-915-2023");
    CHECK(esd.url == "https://esd.copernicus.org/articles/14/915/2023/");
    CHECK(esd.doi == "10.5194/esd-14-915-2023");
    CHECK(esd.type == "article");
    const pv::ImportResult agu = pv::import_bibtex(read_import_input(kDir + "hugo-blox-agu2022.bib"));
    CHECK(agu.bundle.entries.at(0).date == "2022-12");
}

TEST_CASE("Hugo Blox's url_ fields and publication_types become typed links and a type") {
    const pv::ImportResult result = pv::import_bibtex(R"(@misc{chimle,
  title = {CHIMLE},
  url_pdf = {https://arxiv.org/abs/2211.14286},
  url_code = {https://github.com/niopeng/CHIMLE/tree/main/code},
  url_dataset = {},
  url_project = {https://niopeng.github.io/CHIMLE/},
  url_slides = {/uploads/chimle.pdf},
  publication_types = {['1']},
  featured = {true}
})", {"https://lab.example.org"});
    const pv::Entry& e = result.bundle.entries.at(0);
    CHECK(e.type == "conference paper");
    CHECK(e.featured);
    REQUIRE(e.links.size() == 4);
    CHECK(e.links[0].kind == pv::LinkKind::pdf);
    CHECK(e.links[1].kind == pv::LinkKind::code);
    CHECK(e.links[2].url == "https://lab.example.org/uploads/chimle.pdf");
    CHECK(e.links[2].kind == pv::LinkKind::slides);
    CHECK(e.links[3].label == "Project");
}

TEST_CASE("a DOI or link wrapped in HTML or written doi: in url is recovered") {
    const pv::ImportResult result = pv::import_bibtex(R"(@article{a, title = {A}, url = {doi:<a href="https://doi.org/10.1016/j.x.2020.1">10.1016/j.x.2020.1</a>}}
@article{b, title = {B}, url = {doi:10.5281/zenodo.15398577}}
@article{c, title = {C}, url = {<a href='https://example.org/c'>the paper</a>}}
@article{d, title = {D}, arxiv = {arXiv:2106.01234}, html = {https://doi.org/10.1/d}, doi = {10.1/d}})");
    CHECK_FALSE(warned(result, "not an http(s) link"));
    CHECK(entry(result, "a").doi == "10.1016/j.x.2020.1");
    CHECK(entry(result, "a").url.empty());
    CHECK(entry(result, "b").doi == "10.5281/zenodo.15398577");
    CHECK(entry(result, "c").url == "https://example.org/c");
    CHECK(entry(result, "d").arxiv == "2106.01234");
    CHECK(entry(result, "d").url.empty());  // the DOI's own page is shown as the DOI link
    CHECK(entry(result, "d").links.empty());
}

}  // TEST_SUITE
