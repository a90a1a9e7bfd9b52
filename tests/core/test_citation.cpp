#include "core/present/citation.h"
#include "authoring/import_bibtex.h"
#include "source_files.h"

#include <doctest/doctest.h>

#include <string>

namespace {

pv::Entry sample_publication() {
    pv::Entry e;
    e.id = "non-stationary-a-b-tests-2022";
    e.title = "Non-stationary A/B Tests";
    e.authors = {"Yuhang Wu", "Zeyu Zheng", "Chu Wang"};
    e.venue = "KDD 2022";
    e.year = 2022;
    e.doi = "10.1145/3534678.3539325";
    e.url = "https://www.amazon.science/publications/non-stationary-a-b-tests";
    return e;
}

}  // namespace

TEST_CASE("a citation lists authors, title and venue and ends with the DOI link") {
    CHECK(pv::citation(sample_publication()) ==
          "Yuhang Wu, Zeyu Zheng, and Chu Wang. Non-stationary A/B Tests. KDD 2022. https://doi.org/10.1145/3534678.3539325");
}

TEST_CASE("a citation adds the year only when the venue does not name it and falls back to arXiv then url") {
    pv::Entry e = sample_publication();
    e.venue = "ICML";
    e.doi.clear();
    e.arxiv = "2202.04208";
    e.authors = {"Ann Lee", "Bo Chen"};
    CHECK(pv::citation(e) == "Ann Lee and Bo Chen. Non-stationary A/B Tests. ICML, 2022. arXiv:2202.04208");
    e.arxiv.clear();
    e.authors.clear();
    e.venue.clear();
    e.year.reset();
    CHECK(pv::citation(e) == "Non-stationary A/B Tests. https://www.amazon.science/publications/non-stationary-a-b-tests");
}

TEST_CASE("BibTeX for a conference paper is an inproceedings record keyed by the id") {
    CHECK(pv::bibtex(sample_publication()) ==
          "@inproceedings{non-stationary-a-b-tests-2022,\n"
          "  title = {{Non-stationary A/B Tests}},\n"
          "  author = {Yuhang Wu and Zeyu Zheng and Chu Wang},\n"
          "  booktitle = {KDD 2022},\n"
          "  year = {2022},\n"
          "  doi = {10.1145/3534678.3539325},\n"
          "  url = {https://www.amazon.science/publications/non-stationary-a-b-tests}\n"
          "}\n");
}

TEST_CASE("BibTeX picks misc for arXiv and article for journals") {
    pv::Entry e = sample_publication();
    e.venue = "arXiv";
    e.arxiv = "2208.01448";
    const std::string misc = pv::bibtex(e);
    CHECK(misc.starts_with("@misc{"));
    CHECK(misc.find("  howpublished = {arXiv},\n") != std::string::npos);
    CHECK(misc.find("  eprint = {2208.01448},\n  archiveprefix = {arXiv},\n") != std::string::npos);
    e.venue = "IEEE Transactions on Robotics";
    CHECK(pv::bibtex(e).starts_with("@article{"));
}

TEST_CASE("BibTeX escapes LaTeX specials and braces names that contain 'and' or commas") {
    pv::Entry e = sample_publication();
    e.title = "Cost & 100% {fun} of a_b";
    e.authors = {"Barnes and Noble", "Smith, Jr."};
    const std::string record = pv::bibtex(e);
    CHECK(record.find(R"(title = {{Cost \& 100\% \textbraceleft{}fun\textbraceright{} of a\_b}},)") != std::string::npos);
    CHECK(record.find("author = {{Barnes and Noble} and {Smith, Jr.}},") != std::string::npos);
    const pv::ImportResult back = pv::import_bibtex(record);
    REQUIRE(back.bundle.entries.size() == 1);
    CHECK(back.bundle.entries[0].title == e.title);
    CHECK(back.bundle.entries[0].authors == e.authors);
}

TEST_CASE("BibTeX for a bundle holds its publications only, one record each") {
    pv::Bundle bundle;
    bundle.entries.push_back(sample_publication());
    pv::Entry job;
    job.kind = pv::Kind::job;
    job.id = "scientist-seattle";
    job.title = "Scientist";
    bundle.entries.push_back(job);
    pv::Entry second = sample_publication();
    second.id = "second";
    bundle.entries.push_back(second);
    const std::string all = pv::bibtex(bundle);
    CHECK(all == pv::bibtex(bundle.entries[0]) + "\n" + pv::bibtex(second));
}

TEST_CASE("the default bundle's BibTeX imports back to the same bibliographic fields") {
    const pv::LoadResult loaded = pv::load_bundle(read_source_file("data/most-viewed-2022.json"));
    REQUIRE(loaded.clean());
    const pv::ImportResult back = pv::import_bibtex(pv::bibtex(loaded.bundle));
    CHECK(back.problems.empty());
    REQUIRE(back.bundle.entries.size() == 10);
    for (std::size_t i = 0; i < back.bundle.entries.size(); ++i) {
        const pv::Entry& before = loaded.bundle.entries[i];
        const pv::Entry& after = back.bundle.entries[i];
        INFO("entry " << before.id);
        CHECK(after.id == before.id);
        CHECK(after.title == before.title);
        CHECK(after.authors == before.authors);
        CHECK(after.venue == before.venue);
        CHECK(after.year == before.year);
        CHECK(after.doi == before.doi);
        CHECK(after.arxiv == before.arxiv);
        CHECK(after.url == before.url);
        CHECK(after.award == before.award);
        CHECK(after.body == before.body);
    }
}
