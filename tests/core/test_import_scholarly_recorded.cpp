// The ORCID and OpenAlex importers on answers those APIs really gave
// (tests/data/api/recorded/, README there says where each was recorded).
// Expected titles, DOIs and names are read from the recorded answer itself
// where the importer passes them through, so the check is against the data.
#include "authoring/api_importers.h"
#include "import_checks.h"

#include <nlohmann/json.hpp>

#include <doctest/doctest.h>

namespace {

using nlohmann::json;

// The DOI an ORCID work summary lists as its own ("self"), or empty.
std::string orcid_self_doi(const json& summary) {
    const json& ids = summary["external-ids"]["external-id"];
    if (!ids.is_array()) return {};
    for (const json& id : ids)
        if (id["external-id-type"] == "doi" && id["external-id-relationship"] == "self") return id["external-id-value"].get<std::string>();
    return {};
}

// "https://doi.org/10.1101/097196" -> "10.1101/097196", as OpenAlex spells a DOI.
std::string openalex_doi(const json& work) {
    const std::string doi = work["doi"].is_string() ? work["doi"].get<std::string>() : "";
    return doi.empty() ? doi : doi.substr(std::string("https://doi.org/").size());
}

std::vector<std::string> openalex_authors(const json& work) {
    std::vector<std::string> names;
    for (const json& a : work["authorships"]) names.push_back(a["author"]["display_name"].get<std::string>());
    return names;
}

}  // namespace

TEST_SUITE("import orcid and openalex, recorded answers") {

TEST_CASE("every work of a recorded ORCID works summary is imported with its title, year and own DOI, in the summary's order") {
    const std::string text = read_api_response("recorded/orcid-works-0000-0002-9341-7985.json");
    const json groups = json::parse(text)["group"];
    pv::IdAllocator ids;
    const pv::ApiPage page = pv::import_orcid(text, {}, ids);
    CHECK(page.result.problems.empty());
    CHECK(page.items == groups.size());
    REQUIRE(page.result.bundle.entries.size() == groups.size());
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const json& summary = groups[g]["work-summary"][0];
        const pv::Entry& e = page.result.bundle.entries[g];
        CAPTURE(g);
        CHECK(e.title == summary["title"]["title"]["value"].get<std::string>());
        CHECK(e.year == std::stoi(summary["publication-date"]["year"]["value"].get<std::string>()));
        CHECK(e.doi == orcid_self_doi(summary));
        CHECK(e.venue.empty());  // "journal-title": null in every one of them
    }
    // A work's Scopus link is kept; a work with "url": null has none.
    CHECK(page.result.bundle.entries[2].url == groups[2]["work-summary"][0]["url"]["value"].get<std::string>());
    CHECK(page.result.bundle.entries[1].url.empty());  // "url": null
}

TEST_CASE("a recorded ORCID record without works gives an empty, usable page and no put-codes to fetch") {
    const std::string text = read_api_response("recorded/orcid-works-empty-0000-0003-1620-1408.json");
    pv::IdAllocator ids;
    const pv::ApiPage page = pv::import_orcid(text, {}, ids);
    CHECK(page.result.usable);
    CHECK(page.result.problems.empty());
    CHECK(page.result.bundle.entries.empty());
    CHECK(pv::orcid_put_codes(text).empty());
}

TEST_CASE("recorded ORCID work details saved on their own are imported: contributors, the abstract without its <sub> tags, the journal") {
    const std::string text = read_api_response("recorded/orcid-work-77226586.json");
    const json work = json::parse(text);
    pv::IdAllocator ids;
    const pv::ApiPage page = pv::import_orcid(read_api_response("recorded/orcid-works-empty-0000-0003-1620-1408.json"), {text}, ids);
    CHECK(page.result.problems.empty());
    REQUIRE(page.result.bundle.entries.size() == 1);
    const pv::Entry& e = page.result.bundle.entries[0];
    CHECK(e.title == work["title"]["title"]["value"].get<std::string>());
    CHECK(e.title == "Dose-Rate Estimation using α-Al2O3:C Chips: Aftermath");
    std::vector<std::string> contributors;
    for (const json& c : work["contributors"]["contributor"]) contributors.push_back(c["credit-name"]["value"].get<std::string>());
    CHECK(e.authors == contributors);
    CHECK(e.authors[2] == "Loïc Martin");
    CHECK(e.venue == "Ancient TL");
    CHECK(e.year == 2020);
    CHECK(e.url == work["url"]["value"].get<std::string>());
    CHECK(e.body.starts_with("We present additional experiments for α-Al2O3:C chips"));
    CHECK(e.body.find("<sub>") == std::string::npos);
}

TEST_CASE("a recorded ORCID work with no contributors and \"external-id\": null takes its authors from its BibTeX citation") {
    const std::string text = read_api_response("recorded/orcid-work-40038622.json");
    pv::IdAllocator ids;
    const pv::ApiPage page = pv::import_orcid(read_api_response("recorded/orcid-works-empty-0000-0003-1620-1408.json"), {text}, ids);
    REQUIRE(page.result.bundle.entries.size() == 1);
    const pv::Entry& e = page.result.bundle.entries[0];
    CHECK(e.title == "Introducing an R package for luminescence dating analysis");  // the recorded title ends in a space
    CHECK(e.authors == std::vector<std::string>{"Sebastian Kreutzer", "Christoph Schmidt", "Margret C Fuchs", "Michael Dietze",
                                                "Manfred Fischer", "Markus Fuchs"});
    CHECK(e.doi.empty());
    CHECK(e.year == 2012);
    CHECK(e.url == "http://www.ecu.edu/cs-cas/physics/Ancient-Timeline/upload/ATL_30-1-Kreutzer.pdf");
}

TEST_CASE("a recorded OpenAlex work list keeps Cyrillic and Portuguese names, works without a DOI or authors, and its count") {
    const std::string text = read_api_response("recorded/openalex-works-sample5.json");
    const json document = json::parse(text);
    pv::IdAllocator ids;
    const pv::ApiPage page = pv::import_openalex(text, ids);
    CHECK(page.result.problems.empty());
    CHECK(page.total == document["meta"]["count"].get<std::size_t>());
    CHECK(page.next_cursor.empty());  // a sample is one page: no next_cursor in meta
    const json& works = document["results"];
    REQUIRE(page.result.bundle.entries.size() == works.size());
    for (std::size_t i = 0; i < works.size(); ++i) {
        const pv::Entry& e = page.result.bundle.entries[i];
        CAPTURE(i);
        CHECK(e.title == works[i]["display_name"].get<std::string>());
        CHECK(e.doi == openalex_doi(works[i]));
        CHECK(e.authors == openalex_authors(works[i]));
        CHECK(e.year == works[i]["publication_year"].get<int>());
    }
    CHECK(page.result.bundle.entries[0].authors[0] == "Беспалов Дмитрий Николаевич");
    CHECK(page.result.bundle.entries[0].venue == "Бизнес. Общество. Власть");
    CHECK(page.result.bundle.entries[2].authors.empty());
    CHECK(page.result.bundle.entries[2].url.empty());  // its landing page is http://doi.org/<its DOI>
    CHECK(page.result.bundle.entries[3].title == "A função retórica da lei para os limites da tolerância");
}

TEST_CASE("a recorded OpenAlex preprint's abstract is rebuilt from its inverted index without the JATS heading \"Abstract\"") {
    const std::string text = read_api_response("recorded/openalex-work-biorxiv.json");
    const json work = json::parse(text);
    pv::IdAllocator ids;
    const pv::ApiPage page = pv::import_openalex(text, ids);
    REQUIRE(page.result.bundle.entries.size() == 1);
    const pv::Entry& e = page.result.bundle.entries[0];
    CHECK(e.title == "A Data Citation Roadmap for Scholarly Data Repositories");
    CHECK(e.doi == openalex_doi(work));
    CHECK(e.authors == openalex_authors(work));
    CHECK(e.authors[1] == "Mercè Crosas");
    CHECK(e.venue == "bioRxiv (Cold Spring Harbor Laboratory)");
    CHECK(e.body.starts_with("This article presents a practical roadmap for scholarly data repositories"));
}

TEST_CASE("a recorded OpenAlex thesis names its university as the venue") {
    const std::string text = read_api_response("recorded/openalex-work-thesis.json");
    const json work = json::parse(text);
    pv::IdAllocator ids;
    const pv::ApiPage page = pv::import_openalex(text, ids);
    CHECK(page.result.problems.empty());
    REQUIRE(page.result.bundle.entries.size() == 1);
    CHECK(page.result.bundle.entries[0].title == work["display_name"].get<std::string>());
    CHECK(page.result.bundle.entries[0].authors == std::vector<std::string>{"Peter Wilson"});
    CHECK(page.result.bundle.entries[0].venue == "The University of Queensland");
    CHECK(page.result.bundle.entries[0].doi == "10.14264/3e10f66");
}

TEST_CASE("a recorded OpenAlex work whose title is empty is skipped with an error naming the work and where its title should be") {
    const pv::ApiPage page = import_saved(pv::import_openalex, "recorded/openalex-work-jspfsm-no-title.json");
    CHECK(page.result.usable);
    CHECK(page.result.bundle.entries.empty());
    CHECK(page.items == 1);
    CHECK(has_problem_at_pointer(page.result, "/display_name", "work https://openalex.org/W4230972471 has no title; skipped"));
}

}  // TEST_SUITE
