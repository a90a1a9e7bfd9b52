#include "authoring/import_page.h"
#include "authoring/job_text.h"
#include "source_files.h"

#include <doctest/doctest.h>

#include <map>
#include <sstream>
#include <string>

using pv::Kind;

namespace {

const std::string& seed_page() {
    static const std::string text = read_source_file("data/source/most-viewed-2022.txt");
    return text;
}

const pv::PageFacts& seed_facts() {
    static const pv::PageFacts facts = [] {
        std::vector<pv::Problem> problems;
        auto parsed = pv::parse_page_facts(read_source_file("data/source/publications-2022.json"), problems);
        REQUIRE(parsed);
        return *parsed;
    }();
    return facts;
}

pv::ImportResult import_seed_with_facts() {
    pv::PageImportOptions options;
    options.facts = &seed_facts();
    return pv::import_page(seed_page(), options);
}

// Words: runs of ASCII letters and digits or of non-ASCII bytes, so
// punctuation and the JSON-free joins ("\n\n", ':') do not matter.
std::map<std::string, int> count_words(std::string_view text) {
    std::map<std::string, int> counts;
    std::string word;
    for (char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
            word += c;
        } else if (!word.empty()) {
            ++counts[word];
            word.clear();
        }
    }
    if (!word.empty()) ++counts[word];
    return counts;
}

std::string all_text_of(const pv::Bundle& bundle) {
    std::string text = bundle.title + '\n' + bundle.description + '\n';
    for (const pv::Entry& e : bundle.entries) {
        if (e.rank) text += std::to_string(*e.rank) + '\n';
        text += e.body + '\n' + e.job().location.country + ' ' + e.job().location.region + ' ' + e.job().location.city + '\n';
        for (const pv::Related& r : e.related) text += r.summary + '\n';
    }
    return text;
}

std::string without_marker_lines(const std::string& page) {
    std::istringstream in(page);
    std::string line, kept;
    while (std::getline(in, line)) {
        const std::string_view t = pv::trim(line);
        if (t == "Related content" || (t.starts_with("Read ") && t.ends_with(" paper"))) continue;
        kept += line + '\n';
    }
    return kept;
}

const pv::Entry& entry_with_id(const pv::Bundle& bundle, const std::string& id) {
    for (const pv::Entry& e : bundle.entries)
        if (e.id == id) return e;
    FAIL("no entry with id " << id);
    return bundle.entries.front();
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

}  // namespace

TEST_CASE("importing the seed page gives ten ranked publications and ten jobs without problems") {
    const pv::ImportResult result = import_seed_with_facts();
    CHECK(result.usable);
    CHECK(result.problems.empty());
    CHECK(result.bundle.count(Kind::publication) == 10);
    CHECK(result.bundle.count(Kind::job) == 10);
    CHECK(result.bundle.title == "The 10 most viewed publications of 2022");
    CHECK(result.bundle.description.starts_with("From a look back at Amazon Redshift"));
    CHECK(result.bundle.source.name == "Amazon Science");
    CHECK(result.bundle.source.url == "https://www.amazon.science/latest-news/the-most-viewed-amazon-science-publications-of-2022");
    for (int rank = 1; rank <= 10; ++rank) CHECK(result.bundle.entries[rank - 1].rank == rank);
}

TEST_CASE("every word of the seed page except the markers appears in the imported bundle") {
    const pv::ImportResult result = import_seed_with_facts();
    const auto page_words = count_words(without_marker_lines(seed_page()));
    const auto bundle_words = count_words(all_text_of(result.bundle));
    for (const auto& entry : page_words) {  // no structured binding: INFO captures it, which clang 14 refuses
        const std::string& word = entry.first;
        const auto count = entry.second;
        const auto found = bundle_words.find(word);
        INFO("word: " << word);
        CHECK(found != bundle_words.end());
        if (found != bundle_words.end()) CHECK(found->second >= count);
    }
}

TEST_CASE("an abstract interrupted by a related-content blurb is rejoined and the blurb kept apart") {
    const pv::ImportResult result = import_seed_with_facts();
    const pv::Entry& redshift = entry_with_id(result.bundle, "amazon-redshift-re-invented-2022");
    CHECK(redshift.body.find("business intelligence tools.\n\nThis cloud service was") != std::string::npos);
    CHECK(redshift.body.find("Two authors") == std::string::npos);
    REQUIRE(redshift.related.size() == 1);
    CHECK(redshift.related[0].title.empty());
    CHECK(redshift.related[0].summary.starts_with("Two authors of Amazon Redshift research paper"));
    CHECK(redshift.abstract_truncated);
    CHECK_FALSE(entry_with_id(result.bundle, "amazon-dynamodb-2022").abstract_truncated);
}

TEST_CASE("facts fill the bibliographic fields by rank and absent facts stay absent") {
    const pv::ImportResult result = import_seed_with_facts();
    const pv::Entry& alexatm = entry_with_id(result.bundle, "alexatm-20b-2022");
    CHECK(alexatm.title == "AlexaTM 20B: Few-Shot Learning Using a Large-Scale Multilingual Seq2seq Model");
    CHECK(alexatm.arxiv == "2208.01448");
    CHECK(alexatm.doi.empty());
    CHECK(alexatm.authors.size() == 16);
    const pv::Entry& maps = entry_with_id(result.bundle, "translating-images-into-maps-2022");
    CHECK(maps.url.empty());
    CHECK(maps.venue == "ICRA 2022");
    CHECK(entry_with_id(result.bundle, "learning-to-bid-with-2022").award == "Best paper award");
}

TEST_CASE("job titles and teams come from the role and team the posting names") {
    const pv::ImportResult result = import_seed_with_facts();
    const pv::Entry& fire_tv = entry_with_id(result.bundle, "applied-scientist-fire-tv-channels-seattle");
    CHECK(fire_tv.title == "Applied Scientist, Fire TV Channels");
    CHECK(fire_tv.job().team == "Fire TV Channels");
    CHECK(fire_tv.job().location.country == "US");
    CHECK(fire_tv.job().location.region == "WA");
    CHECK(fire_tv.job().location.city == "Seattle");
    CHECK(entry_with_id(result.bundle, "applied-scientist-artificial-general-intelligence-agi-boston").job().team ==
          "Artificial General Intelligence (AGI)");
    CHECK(entry_with_id(result.bundle, "senior-applied-scientist-artificial-general-intelligence-agi-boston").title ==
          "Senior Applied Scientist, Artificial General Intelligence (AGI)");
    CHECK(entry_with_id(result.bundle, "applied-scientist-amazon-shipping-gurugram").job().team == "Amazon Shipping");
    CHECK(entry_with_id(result.bundle, "senior-applied-scientist-gurugram").job().team.empty());
}

TEST_CASE("identical postings stay separate items with numbered ids") {
    const pv::ImportResult result = import_seed_with_facts();
    const pv::Entry& first = entry_with_id(result.bundle, "applied-scientist-amazon-alexa-ai-bengaluru");
    const pv::Entry& second = entry_with_id(result.bundle, "applied-scientist-amazon-alexa-ai-bengaluru-2");
    CHECK(first.title == second.title);
    CHECK(first.body != second.body);  // "nearly" the same: the qualifications differ
    CHECK(entry_with_id(result.bundle, "amazon-is-investing-heavily-in-building-bengaluru").body ==
          entry_with_id(result.bundle, "amazon-is-investing-heavily-in-building-bengaluru-2").body);
}

TEST_CASE("a posting with no role phrase is titled by the first words of its first sentence") {
    const pv::ImportResult result = import_seed_with_facts();
    const pv::Entry& ads = entry_with_id(result.bundle, "amazon-is-investing-heavily-in-building-bengaluru");
    CHECK(ads.title == "Amazon is investing heavily in building…");
    CHECK(ads.job().team == "ATT");
}

TEST_CASE("inline job sections become heading lines and inline dashes become list items") {
    const std::string formatted = pv::format_job_description(
        "We build things. Key job responsibilities As a scientist you will: - Design models - Ship them "
        "Basic Qualifications: - PhD About the team We are small - and proud.");
    CHECK(formatted ==
          "We build things.\n\nKey job responsibilities:\nAs a scientist you will:\n- Design models\n- Ship them\n\n"
          "Basic Qualifications:\n- PhD\n\nAbout the team:\nWe are small - and proud.");
}

TEST_CASE("without facts publications are titled and identified from their abstracts") {
    const pv::ImportResult result = pv::import_page(seed_page());
    REQUIRE(result.usable);
    const pv::Entry& first = result.bundle.entries[0];
    CHECK(first.id == "in-2013-amazon-web");
    CHECK(first.title == "In 2013, Amazon Web Services revolutionized the data…");
    CHECK(first.authors.empty());
    CHECK_FALSE(first.year);
    CHECK(result.bundle.source.url.empty());
}

TEST_CASE("Windows line endings and extra blank lines import the same as the original page") {
    std::string crlf = replace_all(seed_page(), "\n", "\r\n");
    crlf = replace_all(crlf, "\r\n\r\n", "\r\n\r\n\r\n\r\n");
    pv::PageImportOptions options;
    options.facts = &seed_facts();
    const pv::ImportResult result = pv::import_page(crlf, options);
    CHECK(result.problems.empty());
    CHECK(pv::to_json(result.bundle) == pv::to_json(import_seed_with_facts().bundle));
}

TEST_CASE("a page with fewer items, no related content and no jobs still imports its publications") {
    const std::string page =
        "Top papers\n\nIntro.\n\n  1. First abstract.\n\n    Read and download the paper\n\n"
        "  2. Second abstract, part one.\n\n    Second abstract, part two.\n";
    const pv::ImportResult result = pv::import_page(page);
    REQUIRE(result.usable);
    CHECK(result.problems.empty());
    REQUIRE(result.bundle.entries.size() == 2);
    CHECK(result.bundle.count(Kind::job) == 0);
    CHECK(result.bundle.entries[1].body == "Second abstract, part one.\n\nSecond abstract, part two.");
}

TEST_CASE("jobs without a related-content heading are still found by their location lines") {
    const std::string page = "Jobs\n\nDE, Berlin\nWe hire a Data Scientist for the Maps team.\nGB\nAn Economist role.\n";
    const pv::ImportResult result = pv::import_page(page);
    REQUIRE(result.bundle.entries.size() == 2);
    CHECK(result.bundle.entries[0].job().location.city == "Berlin");
    CHECK(result.bundle.entries[0].title == "Data Scientist, Maps");
    CHECK(result.bundle.entries[0].id == "data-scientist-maps-berlin");
    CHECK(result.bundle.entries[1].id == "economist-gb");
}

TEST_CASE("text that belongs to no item is reported with its line number") {
    const std::string page = "Papers\n\n  1. An abstract.\n\n    Read and download the paper\n\nStray remark.\n";
    const pv::ImportResult result = pv::import_page(page);
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].line == 7);
    CHECK(result.problems[0].message.find("Stray remark.") != std::string::npos);
    CHECK_FALSE(result.has_errors());
}

TEST_CASE("page text with no recognisable structure is an error") {
    const pv::ImportResult result = pv::import_page("Just a note.\nNothing numbered here.\n");
    CHECK_FALSE(result.usable);
    CHECK(result.has_errors());
    CHECK(result.bundle.entries.empty());
    CHECK(pv::import_page("").has_errors());
}

TEST_CASE("the committed default bundle is exactly what import-page makes from data/source") {
    const std::string committed = read_source_file("data/most-viewed-2022.json");
    CHECK(pv::to_json(import_seed_with_facts().bundle) == committed);
    const pv::LoadResult loaded = pv::load_bundle(committed);
    CHECK(loaded.clean());
    CHECK(loaded.bundle.count(Kind::publication) == 10);
    CHECK(loaded.bundle.count(Kind::job) == 10);
}

TEST_CASE("team names are found after 'called', before 'team' with a determiner, and before 'is hiring'") {
    CHECK(pv::find_job_headline("Join a team called Search Relevance, in Berlin.").team == "Search Relevance");
    CHECK(pv::find_job_headline("Our Maps Quality team hires an Economist.").team == "Maps Quality");
    CHECK(pv::find_job_headline("Our Maps Quality team hires an Economist.").role == "Economist");
    CHECK(pv::find_job_headline("Amazon Robotics is hiring a Principal Applied Scientist.").team == "Amazon Robotics");
    CHECK(pv::find_job_headline("Amazon Robotics is hiring a Principal Applied Scientist.").role == "Principal Applied Scientist");
    CHECK(pv::find_job_headline("You join a diverse science team of applied scientists.").team.empty());
    CHECK(pv::find_job_headline("You join a diverse science team of applied scientists.").role.empty());
}

TEST_CASE("facts that match no publication and publications without facts are reported") {
    pv::PageFacts facts;
    facts.publications.push_back({1, "First Paper", {}, "", 2021, "", "", "", ""});
    facts.publications.push_back({7, "Missing Paper", {}, "", 2021, "", "", "", ""});
    pv::PageImportOptions options;
    options.facts = &facts;
    const std::string page = "Papers\n\n  1. One.\n\n  2. Two.\n";
    const pv::ImportResult result = pv::import_page(page, options);
    REQUIRE(result.bundle.entries.size() == 2);
    CHECK(result.bundle.entries[0].id == "first-paper-2021");
    CHECK(result.bundle.entries[1].title == "Two");
    bool reported_missing_facts = false, reported_unused_facts = false;
    for (const pv::Problem& p : result.problems) {
        reported_missing_facts |= p.line == 5 && p.message == "no facts for rank 2";
        reported_unused_facts |= p.message.find("rank 7 (\"Missing Paper\") match no publication") != std::string::npos;
    }
    CHECK(reported_missing_facts);
    CHECK(reported_unused_facts);
}

TEST_CASE("a related-content line with no blurb after it is reported") {
    const pv::ImportResult result = pv::import_page("Papers\n\n  1. One.\n\n    Related content\n\n  2. Two.\n");
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].line == 5);
    CHECK(result.bundle.entries.size() == 2);
}

TEST_CASE("a facts file that is not JSON of the expected shape is refused") {
    std::vector<pv::Problem> problems;
    CHECK_FALSE(pv::parse_page_facts("{not json", problems));
    CHECK_FALSE(pv::parse_page_facts(R"({"article": {}})", problems));
    CHECK(problems.size() == 2);
}
