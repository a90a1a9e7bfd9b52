#include "core/search/search_index.h"
#include "core/search/scoring.h"

#include "core/formats/pack.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using pv::Bundle;
using pv::Entry;
using pv::FacetField;
using pv::Kind;
using pv::SearchIndex;
using pv::SearchRequest;
using pv::SearchResult;

namespace {

using Titles = std::vector<std::string>;

Entry publication(std::string title, std::string body = {}, std::vector<std::string> authors = {},
                  std::string venue = {}, int year = 2022) {
    Entry e;
    e.kind = Kind::publication;
    e.id = title;
    e.title = std::move(title);
    e.body = std::move(body);
    e.authors = std::move(authors);
    e.venue = std::move(venue);
    e.year = year;
    return e;
}

Entry job(std::string title, std::string city, std::string region, std::string country, std::string body = {}) {
    Entry e;
    e.kind = Kind::job;
    e.id = title + "-" + city;
    e.title = std::move(title);
    e.body = std::move(body);
    e.edit_job().location = {std::move(country), std::move(region), std::move(city)};
    return e;
}

Bundle bundle_of(std::vector<Entry> entries) {
    Bundle b;
    b.title = "test";
    b.entries = std::move(entries);
    return b;
}

SearchResult run(const SearchIndex& index, std::string query, std::optional<Kind> kind = std::nullopt) {
    SearchRequest request;
    request.query = std::move(query);
    request.kind = kind;
    return index.search(request);
}

Titles titles(const SearchIndex& index, const SearchResult& result) {
    Titles out;
    for (const pv::Hit& hit : result.hits) out.push_back(index.bundle().entries[hit.entry].title);
    return out;
}

Titles titles_for(const SearchIndex& index, std::string query) { return titles(index, run(index, std::move(query))); }

std::string first_title(const SearchIndex& index, std::string query) {
    Titles found = titles_for(index, std::move(query));
    return found.empty() ? std::string() : found.front();
}

std::uint32_t facet_count(const SearchResult& result, FacetField field, std::string_view value) {
    for (const pv::Facet& facet : result.facets)
        if (facet.field == field)
            for (const pv::FacetValue& v : facet.values)
                if (v.value == value) return v.count;
    return 0;
}

std::vector<std::string> marked(std::string_view text, const std::vector<pv::Highlight>& ranges) {
    std::vector<std::string> out;
    for (const pv::Highlight& h : ranges) out.emplace_back(text.substr(h.begin, h.end - h.begin));
    return out;
}

}  // namespace

TEST_CASE("a word in the title ranks above the same word in a body") {
    Bundle b = bundle_of({publication("Graph networks", "We study a database of graphs."),
                          publication("Database systems", "Storage engines.")});
    SearchIndex index(b);
    CHECK(titles_for(index, "database") == Titles{"Database systems", "Graph networks"});
}

TEST_CASE("a typo of one letter still finds the paper") {
    Bundle b = bundle_of({publication("Amazon Redshift Re-invented"), publication("Something else")});
    SearchIndex index(b);
    CHECK(titles_for(index, "redshfit") == Titles{"Amazon Redshift Re-invented"});
    CHECK(titles_for(index, "amazom redshift") == Titles{"Amazon Redshift Re-invented"});
}

TEST_CASE("words shorter than four letters get no typo matches") {
    Bundle b = bundle_of({publication("Cat behaviour")});
    SearchIndex index(b);
    CHECK(run(index, "cst ").total == 0);
    CHECK(run(index, "cat ").total == 1);
}

TEST_CASE("words of four to seven letters tolerate one edit, longer words two") {
    Bundle b = bundle_of({publication("Bayesian optimization of a model")});
    SearchIndex index(b);
    CHECK(run(index, "modal ").total == 1);
    CHECK(run(index, "mdal ").total == 0);           // two edits from "model"
    CHECK(run(index, "optimisaton ").total == 1);    // two edits from "optimization"
    CHECK(run(index, "optimistaon ").total == 0);    // three
}

TEST_CASE("numbers never match by typo") {
    Bundle b = bundle_of({publication("Results of 2021")});
    SearchIndex index(b);
    CHECK(run(index, "2022 ").total == 0);
}

TEST_CASE("the last word matches as a prefix while typing, earlier words must be whole") {
    Bundle b = bundle_of({publication("Amazon DynamoDB at scale")});
    SearchIndex index(b);
    CHECK(run(index, "dyna").total == 1);
    CHECK(run(index, "dyna ").total == 0);
    SearchResult earlier = run(index, "dyna scale");
    CHECK(earlier.fallback);  // "dyna" is not a word of the entry
}

TEST_CASE("a rare completion of the typed prefix is found when earlier words leave few candidates") {
    // 7,000 entries with "zoo" cost more postings than reading the three entries
    // with "rare" (EntrySource::kTextCost each), so "z" is checked in their text.
    std::vector<Entry> entries(7000, publication("Zoo keeper", "zoo"));
    entries.push_back(publication("Rare zebra"));
    entries.push_back(publication("Rare bird"));
    entries.push_back(publication("Rare zoo"));
    Bundle b = bundle_of(std::move(entries));
    SearchIndex index(b);
    SearchResult r = run(index, "rare z");
    CHECK(titles(index, r) == Titles{"Rare zebra", "Rare zoo"});
    CHECK(r.hits.at(0).score > r.hits.at(1).score);  // "zebra" is rarer than "zoo"
    // Checked in the text, a word scores what its postings would give: "z" alone reads postings.
    // BM25F scores add up over words; the title fit (which multiplies them) is off here.
    const pv::detail::RankingWeights defaults = pv::detail::ranking_weights();
    pv::detail::ranking_weights().title_coverage = pv::detail::ranking_weights().whole_title = 0;
    auto score_of = [&](const SearchResult& result, const std::string& title) {
        for (const pv::Hit& hit : result.hits)
            if (b.entries[hit.entry].title == title) return hit.score;
        return 0.0f;
    };
    const float from_postings = score_of(run(index, "rare "), "Rare zebra") + score_of(run(index, "z"), "Rare zebra");
    CHECK(score_of(run(index, "rare z"), "Rare zebra") == doctest::Approx(from_postings));
    pv::detail::ranking_weights() = defaults;
}

TEST_CASE("a short prefix with more completions than are read says its postings are cut; a longer word does not") {
    // 300 words "zqaa" to "zqln": more completions of "zq" than the 256 a prefix reads.
    std::vector<Entry> entries;
    for (int n = 0; n < 300; ++n) entries.push_back(publication(std::string("Word zq") + char('a' + n / 26) + char('a' + n % 26)));
    const Bundle b = bundle_of(std::move(entries));
    const pv::detail::TermIndex terms(b, {});
    CHECK(pv::detail::WordMatcher(terms, "zq", true, false).capped());
    CHECK_FALSE(pv::detail::WordMatcher(terms, "zqa", true, false).capped());  // 26 completions, all read
    CHECK_FALSE(pv::detail::WordMatcher(terms, "zqab", true, false).capped());
    CHECK_FALSE(pv::detail::WordMatcher(terms, "zq", false, false).capped());  // a whole word has no completions
}

TEST_CASE("an exact match outranks a prefix match, which outranks a typo") {
    Bundle b = bundle_of({publication("Modle zoo", "x"), publication("Modelling zoo", "x"), publication("Model zoo", "x")});
    SearchIndex index(b);
    CHECK(titles_for(index, "model") == Titles{"Model zoo", "Modelling zoo", "Modle zoo"});
}

TEST_CASE("an entry whose title the query covers outranks one that mentions the words more often") {
    Bundle b = bundle_of({publication("Signal thread pools and queues in a runtime", "signal thread signal thread"),
                          publication("Signal thread", "x")});
    SearchIndex index(b);
    CHECK(first_title(index, "thread signal ") == "Signal thread");
    // BM25F alone prefers the longer one, whose body has the words too.
    const pv::detail::RankingWeights defaults = pv::detail::ranking_weights();
    pv::detail::ranking_weights().title_coverage = pv::detail::ranking_weights().whole_title = 0;
    CHECK(first_title(index, "thread signal ") == "Signal thread pools and queues in a runtime");
    pv::detail::ranking_weights() = defaults;
}

TEST_CASE("a word typed in full outranks a rarer word it is the beginning of") {
    std::vector<Entry> entries(10, publication("Filler", "lomi"));
    entries.push_back(publication("Lomistra method"));
    entries.push_back(publication("Lomi method"));
    Bundle b = bundle_of(std::move(entries));
    SearchIndex index(b);
    CHECK(first_title(index, "lomi") == "Lomi method");
}

TEST_CASE("a paper with many authors matches an author's name as well as a paper with one") {
    Bundle b = bundle_of({publication("Many", "", {"Ann Lee", "Bo Chen", "Cy Diaz", "Doug Terry", "Ed Fox", "Flo Gray"}),
                          publication("One", "", {"Doug Terry"})});
    SearchIndex index(b);
    SearchResult r = run(index, "doug terry");
    REQUIRE(r.hits.size() == 2);
    CHECK(r.hits[0].score == doctest::Approx(r.hits[1].score));
}

TEST_CASE("a name listed twice counts its entry once in the author facet, and a pack of it reads back") {
    Bundle b = bundle_of({publication("Listed twice", "", {"Dániel Yılmaz", "Dániel Yılmaz"})});
    SearchIndex index(b);
    SearchRequest request;
    const SearchResult r = index.search(request);
    const auto author = std::find_if(r.facets.begin(), r.facets.end(), [](const pv::Facet& f) { return f.field == pv::FacetField::author; });
    REQUIRE(author != r.facets.end());
    REQUIRE(author->values.size() == 1);
    CHECK(author->values[0].count == 1);
    const pv::IndexedBundle read = pv::read_pack(pv::write_pack(b, index));
    CHECK(read.loaded->usable);
}

TEST_CASE("two words of one author's name rank that author above two people who share the words") {
    Bundle b = bundle_of({publication("Doug and Terry", "", {"Doug Smith", "Ann Terry"}),
                          publication("Doug Terry alone", "", {"Doug Terry"})});
    SearchIndex index(b);
    CHECK(titles_for(index, "doug terry") == Titles{"Doug Terry alone", "Doug and Terry"});
}

TEST_CASE("a name listed twice, or shared by two authors, counts once") {
    Bundle b = bundle_of({publication("Listed twice", "", {"Dániel Yılmaz", "Dániel Kim", "Dániel Yılmaz"}),
                          publication("Listed once", "", {"Dániel Yılmaz"})});
    SearchIndex index(b);
    SearchResult r = run(index, "daniel yilmaz");
    REQUIRE(r.hits.size() == 2);
    CHECK(r.hits[0].score == doctest::Approx(r.hits[1].score));
}

TEST_CASE("a mistyped word counts its closest spelling as the word, with that spelling's idf") {
    std::vector<Entry> entries(30, publication("Filler", "phitoserdex"));
    entries.push_back(publication("Phitodex method"));
    entries.push_back(publication("Phitoserdex method"));
    Bundle b = bundle_of(std::move(entries));
    SearchIndex index(b);
    // One edit from the common word, two from the rare one: the rare one's idf must not win.
    CHECK(first_title(index, "phitosedex method") == "Phitoserdex method");
    SearchResult typed = run(index, "phitosedex method"), right = run(index, "phitoserdex method");
    CHECK(typed.hits[0].score == doctest::Approx(right.hits[0].score));
    const pv::detail::RankingWeights defaults = pv::detail::ranking_weights();
    pv::detail::ranking_weights().blend_typo_idf = false;
    CHECK(first_title(index, "phitosedex method") == "Phitodex method");
    pv::detail::ranking_weights() = defaults;
}

TEST_CASE("every word must match, and when nothing does, close matches come with a hint") {
    Bundle b = bundle_of({publication("Causal inference methods"), publication("Causal discovery"),
                          publication("Graph inference")});
    SearchIndex index(b);
    SearchResult both = run(index, "causal inference");
    CHECK(titles(index, both) == Titles{"Causal inference methods"});
    CHECK_FALSE(both.fallback);
    SearchResult none = run(index, "causal zebra");
    CHECK(none.fallback);
    CHECK(none.total == 2);
    CHECK(std::find(none.hints.begin(), none.hints.end(), "no exact match, showing close ones") != none.hints.end());
}

TEST_CASE("an excluded word removes the entries containing it") {
    Bundle b = bundle_of({publication("Alexa teacher model"), publication("Alexa skills")});
    SearchIndex index(b);
    CHECK(titles_for(index, "alexa -teacher") == Titles{"Alexa skills"});
    CHECK(titles_for(index, "-skills") == Titles{"Alexa teacher model"});
}

TEST_CASE("a quoted phrase needs its words next to each other in one field") {
    Bundle b = bundle_of({publication("Causal inference"), publication("Inference of causal graphs"),
                          publication("Causal", "inference")});
    SearchIndex index(b);
    CHECK(titles_for(index, "\"causal inference\"") == Titles{"Causal inference"});
    CHECK(titles_for(index, "-\"causal inference\" causal") == Titles{"Causal", "Inference of causal graphs"});
}

TEST_CASE("an empty query lists every entry in bundle order") {
    Bundle b = bundle_of({publication("B"), publication("A"), job("C", "Seattle", "WA", "US")});
    SearchIndex index(b);
    SearchResult all = run(index, "");
    CHECK(all.total == 3);
    CHECK(titles(index, all) == Titles{"B", "A", "C"});
    CHECK(run(index, "   ").total == 3);
}

TEST_CASE("accent-less words find accented ones") {
    Bundle b = bundle_of({publication("Termination", "", {"Cédric Archambeau"}),
                          job("Scientist", "São Paulo", "SP", "BR")});
    SearchIndex index(b);
    CHECK(titles_for(index, "cedric archambeau") == Titles{"Termination"});
    CHECK(titles_for(index, "CÉDRIC") == Titles{"Termination"});
    CHECK(titles_for(index, "sao paulo") == Titles{"Scientist"});
}

TEST_CASE("hyphens, slashes and apostrophes match joined and split spellings") {
    Bundle b = bundle_of({publication("Non-stationary A/B tests"), publication("Redshift Re-invented"),
                          publication("Maps", "an overhead map or bird’s-eye-view (BEV)"),
                          publication("Reinvented wheels"), publication("Re invented again")});
    SearchIndex index(b);
    CHECK(first_title(index, "a/b tests") == "Non-stationary A/B tests");
    CHECK(first_title(index, "ab tests") == "Non-stationary A/B tests");
    CHECK(first_title(index, "nonstationary") == "Non-stationary A/B tests");
    CHECK(titles_for(index, "birds eye view") == Titles{"Maps"});
    CHECK(titles_for(index, "bird's-eye view") == Titles{"Maps"});
    Titles reinvented = titles_for(index, "re-invented ");
    std::sort(reinvented.begin(), reinvented.end());
    CHECK(reinvented == Titles{"Re invented again", "Redshift Re-invented", "Reinvented wheels"});
    Titles split = titles_for(index, "re invented");
    std::sort(split.begin(), split.end());
    CHECK(split == Titles{"Re invented again", "Redshift Re-invented"});
}

TEST_CASE("field filters match only their field") {
    Bundle b = bundle_of({publication("KDD tutorial", "", {"Ann Lee"}, "WWW 2021", 2021),
                          publication("Ranking", "", {"Bob Kdd"}, "KDD 2022", 2022),
                          publication("Bidding", "", {"Ann Lee"}, "AdKDD 2022", 2022),
                          job("Scientist", "Seattle", "WA", "US")});
    SearchIndex index(b);
    CHECK(titles_for(index, "venue:kdd") == Titles{"Ranking"});
    CHECK(titles_for(index, "author:\"ann lee\" year:2022") == Titles{"Bidding"});
    CHECK(titles_for(index, "year:2020..2021") == Titles{"KDD tutorial"});
    CHECK(titles_for(index, "kind:job") == Titles{"Scientist"});
    CHECK(titles_for(index, "location:seattle") == Titles{"Scientist"});
    CHECK(titles_for(index, "location:wa") == Titles{"Scientist"});
    CHECK(titles_for(index, "location:us") == Titles{"Scientist"});
    CHECK(run(index, "location:boston").total == 0);
}

TEST_CASE("a phrase in an author filter does not span two authors") {
    Bundle b = bundle_of({publication("One", "", {"Ann Doug", "Terry Smith"}), publication("Two", "", {"Doug Terry"})});
    SearchIndex index(b);
    CHECK(titles_for(index, "author:\"doug terry\"") == Titles{"Two"});
}

namespace {

// Jobs in two cities of two countries, papers at two venues of two years.
Bundle three_jobs_two_papers() {
    return bundle_of({job("A", "Seattle", "WA", "US"), job("B", "Seattle", "WA", "US"), job("C", "Bengaluru", "KA", "IN"),
                      publication("D", "", {}, "KDD 2022"), publication("E", "", {}, "ICML 2021", 2021)});
}

}  // namespace

TEST_CASE("facet counts OR within a facet and AND across facets") {
    Bundle b = three_jobs_two_papers();
    SearchIndex index(b);
    SearchRequest request;
    request.filters[FacetField::city] = {"Seattle"};
    SearchResult r = index.search(request);
    CHECK(r.total == 2);
    // The city facet ignores its own filter: picking Bengaluru too would add one.
    CHECK(facet_count(r, FacetField::city, "Seattle") == 2);
    CHECK(facet_count(r, FacetField::city, "Bengaluru") == 1);
    // Other facets count within the city filter.
    CHECK(facet_count(r, FacetField::kind, "job") == 2);
    CHECK(facet_count(r, FacetField::kind, "publication") == 0);
    CHECK(facet_count(r, FacetField::country, "US") == 2);
    CHECK(facet_count(r, FacetField::country, "IN") == 0);

    request.filters[FacetField::city].push_back("Bengaluru");
    CHECK(index.search(request).total == 3);
    request.filters[FacetField::country] = {"IN"};
    SearchResult both = index.search(request);
    CHECK(titles(index, both) == Titles{"C"});
    CHECK(facet_count(both, FacetField::city, "Seattle") == 0);
    CHECK(facet_count(both, FacetField::country, "US") == 2);
}

TEST_CASE("facets left out of facet_fields are not counted, and the counted ones do not change") {
    Bundle b = three_jobs_two_papers();
    SearchIndex index(b);
    SearchRequest request;
    request.filters[FacetField::city] = {"Seattle"};
    const SearchResult all = index.search(request);
    request.facet_fields = pv::facet_bit(FacetField::kind) | pv::facet_bit(FacetField::city);
    const SearchResult some = index.search(request);
    CHECK(some.total == all.total);
    REQUIRE(some.facets.size() == pv::kFacetFieldCount);
    for (const pv::Facet& facet : some.facets) {
        CAPTURE(pv::facet_field_name(facet.field));
        if (facet.field == FacetField::kind || facet.field == FacetField::city) {
            REQUIRE(facet.values.size() == all.facets[static_cast<std::size_t>(facet.field)].values.size());
            for (std::size_t v = 0; v < facet.values.size(); ++v)
                CHECK(facet.values[v].count == all.facets[static_cast<std::size_t>(facet.field)].values[v].count);
        } else {
            CHECK(facet.values.empty());
        }
    }
    CHECK(facet_count(some, FacetField::city, "Bengaluru") == 1);
    CHECK(facet_count(some, FacetField::country, "US") == 0);  // not counted
}

TEST_CASE("the facets offered are those some entry of the chosen kind has a value for") {
    Bundle b = bundle_of({job("A", "Seattle", "WA", "US"), publication("D", "", {"Ann Lee"}, "KDD 2022")});
    b.entries[0].edit_job().team = "AWS";
    SearchIndex index(b);
    using pv::facet_bit;
    const std::uint32_t publications = index.facet_fields_with_values(Kind::publication);
    const std::uint32_t jobs = index.facet_fields_with_values(Kind::job);
    CHECK(publications == (facet_bit(FacetField::kind) | facet_bit(FacetField::year) | facet_bit(FacetField::venue) |
                           facet_bit(FacetField::author)));
    CHECK(jobs == (facet_bit(FacetField::kind) | facet_bit(FacetField::country) | facet_bit(FacetField::city) |
                   facet_bit(FacetField::team)));
    CHECK(index.facet_fields_with_values(std::nullopt) == (publications | jobs));
}

TEST_CASE("facet values report whether they are picked and list by count then value") {
    Bundle b = bundle_of({publication("A", "", {}, "KDD 2022"), publication("B", "", {}, "ICML 2022"),
                          publication("C", "", {}, "ICML 2022"), publication("D", "", {}, "AdKDD 2022")});
    SearchIndex index(b);
    SearchRequest request;
    request.filters[FacetField::venue] = {"KDD 2022"};
    SearchResult r = index.search(request);
    const pv::Facet& venue = r.facets[static_cast<std::size_t>(FacetField::venue)];
    REQUIRE(venue.field == FacetField::venue);
    REQUIRE(venue.values.size() == 3);
    CHECK(venue.values[0].value == "ICML 2022");
    CHECK(venue.values[1].value == "AdKDD 2022");
    CHECK(venue.values[2].value == "KDD 2022");
    CHECK(venue.values[2].selected);
    CHECK_FALSE(venue.values[0].selected);
    CHECK(r.facets.size() == pv::kFacetFieldCount);
}

TEST_CASE("the panel's kind switch filters like a kind facet value") {
    Bundle b = bundle_of({publication("Alexa paper"), job("Alexa job", "Seattle", "WA", "US")});
    SearchIndex index(b);
    SearchResult jobs = run(index, "alexa", Kind::job);
    CHECK(titles(index, jobs) == Titles{"Alexa job"});
    CHECK(facet_count(jobs, FacetField::kind, "publication") == 1);
    CHECK(run(index, "alexa", Kind::publication).total == 1);
}

TEST_CASE("results sort by rank, year or folded title on request") {
    Entry ranked_second = publication("banana", "", {}, "", 2020);
    ranked_second.rank = 2;
    Entry ranked_first = publication("Éclair", "", {}, "", 2022);
    ranked_first.rank = 1;
    Bundle b = bundle_of({publication("Cherry", "", {}, "", 2022), ranked_second, ranked_first, publication("apple", "", {}, "", 2021)});
    SearchIndex index(b);
    SearchRequest request;
    request.sort = pv::SortOrder::rank;
    CHECK(titles(index, index.search(request)) == Titles{"Éclair", "banana", "Cherry", "apple"});
    request.sort = pv::SortOrder::year;
    CHECK(titles(index, index.search(request)) == Titles{"Cherry", "Éclair", "apple", "banana"});
    request.sort = pv::SortOrder::title;
    CHECK(titles(index, index.search(request)) == Titles{"apple", "banana", "Cherry", "Éclair"});
    request.limit = 2;  // only the rows shown are put in order: the same first ones
    for (auto [sort, first_two] : {std::pair{pv::SortOrder::rank, Titles{"Éclair", "banana"}}, std::pair{pv::SortOrder::year, Titles{"Cherry", "Éclair"}},
                                   std::pair{pv::SortOrder::title, Titles{"apple", "banana"}}}) {
        request.sort = sort;
        const SearchResult r = index.search(request);
        CHECK(titles(index, r) == first_two);
        CHECK(r.total == 4);
    }
}

TEST_CASE("the limit cuts the hits but not the total") {
    Bundle b = bundle_of({publication("A"), publication("B"), publication("C")});
    SearchIndex index(b);
    SearchRequest request;
    request.limit = 2;
    SearchResult r = index.search(request);
    CHECK(r.hits.size() == 2);
    CHECK(r.total == 3);
}

TEST_CASE("highlights cover exact, prefix, typo and apostrophe matches, merged and in order") {
    Bundle b = bundle_of({publication("Amazon DynamoDB: a NoSQL database", "Amazon’s DynamoDB serves dynamo-style reads.")});
    SearchIndex index(b);
    pv::Hit hit = run(index, "amazon dynam").hits.at(0);
    const Entry& e = b.entries[0];
    CHECK(marked(e.title, hit.title) == std::vector<std::string>{"Amazon", "DynamoDB"});
    CHECK(marked(e.body, hit.body) == std::vector<std::string>{"Amazon’s", "DynamoDB", "dynamo-style"});
    pv::Hit typo = run(index, "databse ").hits.at(0);
    CHECK(marked(e.title, typo.title) == std::vector<std::string>{"database"});
}

TEST_CASE("queries of any bytes return without error") {
    Bundle b = bundle_of({publication("Alexa")});
    SearchIndex index(b);
    CHECK(run(index, "\xFF\xFE\xC3").total == 1);  // nothing to search: everything
    CHECK(run(index, std::string(10000, 'a')).total == 0);
    std::string words;
    for (int i = 0; i < 5000; ++i) words += "alexa ";
    SearchResult capped = run(index, words);
    CHECK(capped.total == 1);
    CHECK_FALSE(capped.hints.empty());
    SearchResult operators = run(index, "- : -- kind: year:.. \"");
    CHECK(operators.total == 1);
    CHECK(operators.hints.size() >= 4);
}

TEST_CASE("an empty bundle searches to nothing") {
    Bundle b;
    SearchIndex index(b);
    CHECK(run(index, "anything").total == 0);
    CHECK(run(index, "").total == 0);
}

// ---- the default bundle: what issue 3 promises visitors will find ----------------

namespace {

const Bundle& default_bundle() {
    static const Bundle bundle = [] {
        std::ifstream in(std::string(PUBVIEW_SOURCE_DIR) + "/data/most-viewed-2022.json", std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        return pv::load_bundle(text.str()).bundle;
    }();
    return bundle;
}

const SearchIndex& default_index() {
    static const SearchIndex index(default_bundle());
    return index;
}

}  // namespace

TEST_CASE("the default bundle holds ten publications and ten jobs") {
    CHECK(default_bundle().count(Kind::publication) == 10);
    CHECK(default_bundle().count(Kind::job) == 10);
}

TEST_CASE("seed: dynamodb finds the DynamoDB paper first") {
    CHECK(first_title(default_index(), "dynamodb").starts_with("Amazon DynamoDB"));
}

TEST_CASE("seed: the typo redshfit finds the Redshift paper first") {
    CHECK(first_title(default_index(), "redshfit") == "Amazon Redshift Re-invented");
}

TEST_CASE("seed: birds eye view finds Translating Images into Maps") {
    CHECK(first_title(default_index(), "birds eye view") == "Translating Images into Maps");
}

TEST_CASE("seed: auctiongym finds Learning to Bid with AuctionGym") {
    CHECK(first_title(default_index(), "auctiongym") == "Learning to Bid with AuctionGym");
}

TEST_CASE("seed: causal inference finds Validating Causal Inference Methods first") {
    CHECK(first_title(default_index(), "causal inference") == "Validating Causal Inference Methods");
}

TEST_CASE("seed: cedric archambeau finds the hyperparameter paper") {
    CHECK(first_title(default_index(), "cedric archambeau") == "Automatic Termination for Hyperparameter Optimization");
}

TEST_CASE("seed: author doug terry finds exactly Redshift and DynamoDB") {
    Titles found = titles_for(default_index(), "author:\"doug terry\"");
    std::sort(found.begin(), found.end());
    REQUIRE(found.size() == 2);
    CHECK(found[0].starts_with("Amazon DynamoDB"));
    CHECK(found[1] == "Amazon Redshift Re-invented");
}

TEST_CASE("seed: kind:job bengaluru finds exactly the four Bengaluru jobs") {
    const SearchIndex& index = default_index();
    SearchResult r = run(index, "kind:job bengaluru");
    CHECK(r.total == 4);
    for (const pv::Hit& hit : r.hits) CHECK(index.bundle().entries[hit.entry].job().location.city == "Bengaluru");
}

TEST_CASE("seed: year:2022 venue:kdd finds exactly the two KDD 2022 papers") {
    const SearchIndex& index = default_index();
    SearchResult r = run(index, "year:2022 venue:kdd");
    CHECK(r.total == 2);
    for (const pv::Hit& hit : r.hits) CHECK(index.bundle().entries[hit.entry].venue == "KDD 2022");
}

TEST_CASE("seed: the prefix dyna finds DynamoDB while typing") {
    CHECK(first_title(default_index(), "dyna").starts_with("Amazon DynamoDB"));
}

TEST_CASE("seed: a/b finds the A/B tests paper first") {
    CHECK(first_title(default_index(), "a/b") == "Non-stationary A/B Tests");
}

TEST_CASE("hits come by score, equal scores in bundle order, and a limit keeps the best ones") {
    Bundle b = bundle_of({publication("Graph one"), publication("Graph graph graph"), publication("Graph two"),
                          publication("Streams"), publication("Graph three")});
    SearchIndex index(b);
    CHECK(titles_for(index, "graph") == Titles{"Graph graph graph", "Graph one", "Graph two", "Graph three"});
    SearchRequest request;
    request.query = "graph";
    request.limit = 2;
    const SearchResult top = index.search(request);
    CHECK(top.total == 4);
    CHECK(titles(index, top) == Titles{"Graph graph graph", "Graph one"});
}

TEST_CASE("thousands of hits come in score order with ties in bundle order") {
    std::vector<Entry> entries;
    for (int i = 0; i < 3000; ++i) {
        std::string title = "Graph";
        for (int k = 0; k < i % 7; ++k) title += i % 3 ? " graph" : " stream";
        entries.push_back(publication(title + " " + std::to_string(i), i % 5 ? "graph theory" : "streams"));
    }
    Bundle b = bundle_of(std::move(entries));
    SearchIndex index(b);
    const SearchResult result = run(index, "graph");
    REQUIRE(result.hits.size() == 3000);
    for (std::size_t i = 1; i < result.hits.size(); ++i) {
        const pv::Hit& before = result.hits[i - 1];
        const pv::Hit& after = result.hits[i];
        CAPTURE(i);
        CHECK((before.score > after.score || (before.score == after.score && before.entry < after.entry)));
    }
}
