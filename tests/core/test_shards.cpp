#include "core/formats/open_bundle.h"
#include "core/present/display.h"
#include "core/shards/shard_layout.h"
#include "core/shards/shard_reader.h"
#include "core/shards/shard_writer.h"
#include "search_checks.h"
#include "source_files.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

using pv::SearchRequest;
using pv::SearchResult;
using pv::shards::ShardedBundle;

namespace {

// A sharded bundle's folder in memory, which counts what is fetched from it.
struct MemoryFolder final : pv::shards::ShardSource {
    std::map<std::string, std::string> files;
    std::vector<std::string> fetched;
    std::optional<std::string> fetch(const std::string& name, std::string& why) override {
        fetched.push_back(name);
        auto it = files.find(name);
        if (it == files.end()) {
            why = "there is no such file";
            return std::nullopt;
        }
        return it->second;
    }
    // How many fetches were of files whose names start with `prefix`.
    long fetched_starting(std::string_view prefix) const {
        return std::count_if(fetched.begin(), fetched.end(), [&](const std::string& name) { return name.starts_with(prefix); });
    }
    std::string name_starting(const std::string& prefix) const {
        for (const auto& [name, bytes] : files)
            if (name.starts_with(prefix)) return name;
        return {};
    }
    // The listing of the postings, rows and entries files, edited by `edit`:
    // renamed for its new bytes, and the manifest with it.
    template <typename Edit>
    void edit_listing(Edit edit) {
        const std::string old_name = name_starting("files-");
        std::string bytes = files.at(old_name);
        edit(bytes);
        const std::string new_name = pv::shards::content_name("files", bytes, "json");
        files.erase(old_name);
        files[new_name] = std::move(bytes);
        std::string& manifest = files.at(std::string(pv::shards::kManifestName));
        manifest.replace(manifest.find(old_name), old_name.size(), new_name);
    }
};

pv::IndexedBundle seed_bundle() {
    pv::IndexedBundle opened = pv::open_bundle(read_source_file("data/most-viewed-2022.json"));
    REQUIRE(opened.index);
    return opened;
}

// 6,000 papers whose titles share "paper" and a few rarer words (w0 to w699).
pv::IndexedBundle many_papers() {
    std::string many = R"({"pubview": 1, "title": "Many words", "publications": [)";
    for (int i = 0; i < 6000; ++i)
        many += (i ? "," : "") + std::string(R"({"id": "p)") + std::to_string(i) + R"(", "title": "Paper w)" + std::to_string(i % 700) +
                " w" + std::to_string(i % 300) + " w" + std::to_string(i % 97) + R"(", "abstract": "Words.", "authors": ["A. Author"], "venue": "KDD", "year": 2020})";
    many += "]}";
    pv::IndexedBundle opened = pv::open_bundle(many);
    REQUIRE(opened.index);
    return opened;
}

// Small files, so that even the seed bundle has several of each kind.
MemoryFolder shard(const pv::IndexedBundle& opened, pv::shards::ShardSummary* summary = nullptr) {
    MemoryFolder folder;
    pv::shards::ShardOptions small;
    small.posting_block_bytes = 256;
    small.entries_per_detail = 3;
    small.entries_per_row_file = 4;
    pv::shards::ShardSummary counted;
    REQUIRE(pv::shards::write_shards(opened.loaded->bundle, *opened.index,
                                     [&](const std::string& name, std::string_view bytes) {
                                         folder.files[name] = std::string(bytes);
                                         return true;
                                     },
                                     counted, small));
    if (summary) *summary = counted;
    return folder;
}

// A row read back as the page reads it: an entry with a collapsed row's fields.
pv::Entry read_row(const ShardedBundle& sharded, std::uint32_t id) {
    const ShardedBundle::Row row = sharded.row(id);
    if (row.json.empty()) return {};
    pv::LoadOptions rows_only;
    rows_only.rows_only = true;
    pv::LoadResult read = pv::load_bundle(pv::to_json(sharded.header(), {{row.kind, row.json}}), rows_only);
    REQUIRE(read.bundle.entries.size() == 1);
    CHECK(read.bundle.entries[0].id == row.id);
    return read.bundle.entries[0];
}

std::unique_ptr<ShardedBundle> open(MemoryFolder& folder) {
    std::string error;
    std::unique_ptr<ShardedBundle> sharded = ShardedBundle::open(folder, error);
    INFO(error);
    REQUIRE(sharded);
    return sharded;
}

// What the page's worker does: a search notes the files it asks for, they
// are fetched all at once, and the search runs again until it asks for
// nothing new.
struct ArrivingFolder final : pv::shards::ShardSource {
    MemoryFolder* folder = nullptr;
    std::map<std::string, std::string> here;
    std::vector<std::string> asked;
    std::optional<std::string> fetch(const std::string& name, std::string& why) override {
        auto it = here.find(name);
        if (it != here.end()) return it->second;
        asked.push_back(name);
        why = "not here yet";
        return std::nullopt;
    }
    bool arriving(const std::string& name) const override { return folder->files.count(name) > 0; }
    void bring_asked() {
        for (const std::string& name : asked) here[name] = folder->files.at(name);
        asked.clear();
    }
};

}  // namespace

TEST_SUITE("sharded bundles") {

TEST_CASE("a sharded bundle answers every kind of query as the bundle in one file does") {
    const pv::IndexedBundle opened = seed_bundle();
    pv::shards::ShardSummary summary;
    MemoryFolder folder = shard(opened, &summary);
    CHECK(summary.posting_files > 2);
    CHECK(summary.detail_files == 7);
    CHECK(summary.row_files == 5);
    const std::unique_ptr<ShardedBundle> sharded = open(folder);
    CHECK(sharded->entry_count() == opened.loaded->bundle.entries.size());
    CHECK(sharded->header().title == opened.loaded->bundle.title);

    const char* queries[] = {"", "learning", "lear", "l", "recomendation", "\"large language\"", "author:jeunen",
                             "year:2021..2022 model", "kind:job scientist", "-data learning", "venue:kdd",
                             "zzzz nothing", "applied scien", "\"reinforcement learning\" -bandit", "seattle"};
    for (const char* query : queries) {
        for (pv::SortOrder sort : {pv::SortOrder::relevance, pv::SortOrder::year, pv::SortOrder::title}) {
            SearchRequest request;
            request.query = query;
            request.sort = sort;
            request.limit = 10;
            INFO("query: " << query);
            check_same_result(opened.index->search(request), sharded->search(request));
            request.kind = pv::Kind::publication;
            request.filters[pv::FacetField::year] = {"2022"};
            check_same_result(opened.index->search(request), sharded->search(request));
        }
    }
    for (std::uint32_t id = 0; id < sharded->entry_count(); ++id) CHECK(sharded->entry(id).id == opened.loaded->bundle.entries[id].id);
    CHECK(sharded->failure().empty());
}

TEST_CASE("a typo in a word's first letter finds its spellings in postings files far from where the typed word sorts") {
    const pv::IndexedBundle opened = seed_bundle();
    MemoryFolder folder = shard(opened);
    const std::unique_ptr<ShardedBundle> sharded = open(folder);
    SearchRequest request;
    request.query = "gearning";  // "learning", one edit away, sorts after every term starting with g
    request.limit = 10;
    request.facet_fields = pv::facet_bit(pv::FacetField::kind);
    const SearchResult whole = opened.index->search(request);
    CHECK(whole.total > 0);
    check_same_result(whole, sharded->search(request));
    const auto postings = folder.fetched_starting("postings-");
    CHECK(postings >= 2);  // the spellings' files (the typed word is no term)
}

TEST_CASE("a query fetches only the postings and entries it reads") {
    const pv::IndexedBundle opened = seed_bundle();
    MemoryFolder folder = shard(opened);
    const std::unique_ptr<ShardedBundle> sharded = open(folder);
    CHECK(folder.fetched.size() == 3);  // the manifest, the listing of files and the tables
    SearchRequest request;
    request.query = "\"large language\"";
    request.limit = 1;
    request.facets = false;
    const SearchResult result = sharded->search(request);
    REQUIRE(result.total > 0);
    std::size_t postings = 0, entries = 0;
    for (const std::string& name : folder.fetched) {
        postings += name.starts_with("postings-");
        entries += name.starts_with("entries-");
    }
    CHECK(postings >= 1);
    CHECK(postings <= 2);  // the phrase's two words
    CHECK(entries < 7);
    const std::size_t before = folder.fetched.size();
    sharded->search(request);
    CHECK(folder.fetched.size() == before);  // kept, not fetched again
}

TEST_CASE("postings past the budget are let go after a search and fetched again, with the same answers, when a query reads them") {
    const pv::IndexedBundle opened = seed_bundle();
    MemoryFolder folder = shard(opened);
    const std::unique_ptr<ShardedBundle> sharded = open(folder);
    auto postings_fetched = [&] { return folder.fetched_starting("postings-"); };
    auto request = [](const char* query) {
        SearchRequest r;
        r.query = query;
        r.limit = 5;
        return r;
    };
    REQUIRE(sharded->search(request("languag")).total > 0);
    const auto after_first = postings_fetched();
    REQUIRE(after_first >= 1);
    sharded->search(request("language"));  // another word (not a prefix), in the same file
    CHECK(postings_fetched() == after_first);  // within the budget: kept
    sharded->keep_postings_within(1);
    sharded->search(request("\"large language\""));
    const auto after_phrase = postings_fetched();
    sharded->search(request("\"large language\""));
    CHECK(postings_fetched() == after_phrase);  // a query's own files stay, past the budget too
    sharded->search(request("robot"));  // another file: its search lets go of the phrase's
    const auto after_other = postings_fetched();
    CHECK(after_other > after_phrase);
    const SearchResult again = sharded->search(request("\"large language\""));
    CHECK(postings_fetched() > after_other);  // fetched again
    const SearchResult whole = opened.index->search(request("\"large language\""));
    REQUIRE(whole.total > 0);
    CHECK(again.total == whole.total);
    REQUIRE(again.hits.size() == whole.hits.size());
    for (std::size_t i = 0; i < whole.hits.size(); ++i) {
        CHECK(again.hits[i].entry == whole.hits[i].entry);
        CHECK(again.hits[i].score == whole.hits[i].score);
    }
    CHECK(sharded->failure().empty());
}

TEST_CASE("rows past their budgets are read again from the kept text, or fetched again, and stay the same rows") {
    const pv::IndexedBundle opened = seed_bundle();
    MemoryFolder folder = shard(opened);
    const std::unique_ptr<ShardedBundle> sharded = open(folder);
    auto rows_fetched = [&] { return folder.fetched_starting("rows-"); };
    const std::vector<pv::Entry>& entries = opened.loaded->bundle.entries;
    auto rows_read_right = [&] {
        for (std::uint32_t id = 0; id < entries.size(); ++id)
            if (sharded->row(id).id != entries[id].id || read_row(*sharded, id).title != entries[id].title) return false;
        return true;
    };
    SearchRequest everything;
    everything.query = "learning";
    REQUIRE(sharded->search(everything).total > 0);
    CHECK(rows_read_right());
    const auto fetched = rows_fetched();
    CHECK(fetched == static_cast<long>((entries.size() + 3) / 4));  // 4 a file
    sharded->keep_entries_within(1, ShardedBundle::kEntryTexts);
    sharded->search(everything);  // the rows the last search read stay
    sharded->search(everything);  // now let go of, their texts kept
    CHECK(rows_read_right());
    CHECK(rows_fetched() == fetched);  // read again, not fetched
    sharded->keep_entries_within(1, 1);
    sharded->search(everything);
    sharded->search(everything);  // texts let go of too
    CHECK(rows_read_right());
    CHECK(rows_fetched() == 2 * fetched);  // fetched again
    CHECK(sharded->failure().empty());
}

TEST_CASE("terms whose postings are alike share one postings file, which a query fetches once") {
    // "alpha" and "omega" are always in the same titles, so their postings are alike.
    std::string json = R"({"pubview": 1, "title": "Alike", "publications": [)";
    for (int i = 0; i < 40; ++i)
        json += (i ? "," : "") + std::string(R"({"id": "p)") + std::to_string(i) + R"(", "title": ")" +
                (i % 2 ? "Paper beta" : "Paper alpha omega") + R"(", "abstract": "Words.", "authors": ["A. Author"], "venue": "KDD", "year": 2020})";
    json += "]}";
    const pv::IndexedBundle opened = pv::open_bundle(json);
    REQUIRE(opened.index);
    MemoryFolder folder;
    pv::shards::ShardOptions each_term_alone;
    each_term_alone.posting_block_bytes = 1;
    pv::shards::ShardSummary summary;
    std::size_t writes = 0;
    REQUIRE(pv::shards::write_shards(opened.loaded->bundle, *opened.index,
                                     [&](const std::string& name, std::string_view bytes) {
                                         folder.files[name] = std::string(bytes);
                                         ++writes;
                                         return true;
                                     },
                                     summary, each_term_alone));
    CHECK(writes == folder.files.size());  // each file written once
    const auto postings_files = std::count_if(folder.files.begin(), folder.files.end(),
                                              [](const auto& file) { return file.first.starts_with("postings-"); });
    CHECK(static_cast<std::size_t>(postings_files) == summary.posting_files);
    const std::string& listing = folder.files[folder.name_starting("files-")];
    std::size_t named = 0;
    for (std::size_t at = listing.find("\"postings-"); at != std::string::npos; at = listing.find("\"postings-", at + 1)) ++named;
    CHECK(named > summary.posting_files);  // the one file of "alpha" and "omega" (and of the author's words), named for each

    const std::unique_ptr<ShardedBundle> sharded = open(folder);
    SearchRequest request;
    request.query = "alpha omega";
    const SearchResult result = sharded->search(request);
    CHECK(result.total == 20);
    CHECK(sharded->failure().empty());
    std::map<std::string, int> times;
    for (const std::string& name : folder.fetched) ++times[name];
    for (const auto& fetches : times) {  // no structured binding: clang 14 cannot capture one for INFO
        INFO(fetches.first);
        CHECK(fetches.second == 1);
    }
}

TEST_CASE("the facets and sort keys are fetched only by the filters, facet counts and sorts that read them") {
    const pv::IndexedBundle opened = seed_bundle();
    MemoryFolder folder = shard(opened);
    const std::unique_ptr<ShardedBundle> sharded = open(folder);
    auto fetched = [&](const std::string& prefix) { return folder.fetched_starting(prefix); };
    SearchRequest request;  // what the page's worker asks: relevance, the kind switch's counts
    request.query = "learning";
    request.limit = 10;
    request.kind = pv::Kind::publication;
    request.facet_fields = pv::facet_bit(pv::FacetField::kind);
    check_same_result(opened.index->search(request), sharded->search(request));
    CHECK(fetched("facets-") == 0);
    CHECK(fetched("sortkeys-") == 0);

    request.sort = pv::SortOrder::title;
    check_same_result(opened.index->search(request), sharded->search(request));
    CHECK(fetched("sortkeys-") == 1);
    CHECK(fetched("facets-") == 0);
    request.filters[pv::FacetField::year] = {"2022"};
    check_same_result(opened.index->search(request), sharded->search(request));
    CHECK(fetched("facets-") == 1);
    request.filters = {};
    request.facet_fields = pv::kAllFacetFields;
    request.sort = pv::SortOrder::rank;
    check_same_result(opened.index->search(request), sharded->search(request));
    CHECK(fetched("facets-") == 1);  // kept, not fetched again
    CHECK(fetched("sortkeys-") == 1);
    CHECK(sharded->failure().empty());
}

TEST_CASE("a row holds what a collapsed row shows, read from a rows file without any entries file") {
    const pv::IndexedBundle opened = seed_bundle();
    MemoryFolder folder = shard(opened);
    const std::unique_ptr<ShardedBundle> sharded = open(folder);
    const std::vector<pv::Entry>& entries = opened.loaded->bundle.entries;
    bool some_body = false;
    for (std::uint32_t id = 0; id < sharded->entry_count(); ++id) {
        const pv::Entry row = read_row(*sharded, id);
        INFO("entry " << entries[id].id);
        CHECK(row.id == entries[id].id);
        CHECK(row.kind == entries[id].kind);
        CHECK(row.title == entries[id].title);
        CHECK(pv::summary_line(row) == pv::summary_line(entries[id]));
        CHECK(pv::entry_notes(row, pv::Language::en, 20000) == pv::entry_notes(entries[id], pv::Language::en, 20000));
        CHECK(row.body.empty());
        some_body |= !entries[id].body.empty();
    }
    CHECK(some_body);
    std::size_t rows = 0;
    for (const std::string& name : folder.fetched) {
        CHECK_FALSE(name.starts_with("entries-"));
        rows += name.starts_with("rows-");
    }
    CHECK(rows == 5);
    CHECK(sharded->failure().empty());
}

TEST_CASE("a source that fetches between searches gets the same answers in a few rounds, and never a missing file") {
    const pv::IndexedBundle opened = seed_bundle();
    MemoryFolder folder = shard(opened);
    ArrivingFolder page;
    page.folder = &folder;
    std::string error;
    CHECK_FALSE(ShardedBundle::open(page, error));  // the manifest is not here yet: open asks for it first
    page.here[std::string(pv::shards::kManifestName)] = folder.files.at(std::string(pv::shards::kManifestName));
    for (const char* prefix : {"files-", "tables-"}) page.here[folder.name_starting(prefix)] = folder.files.at(folder.name_starting(prefix));
    page.asked.clear();
    const std::unique_ptr<ShardedBundle> sharded = ShardedBundle::open(page, error);
    REQUIRE(sharded);
    for (const char* query : {"learning", "\"large language\"", "recomendation", "l", "author:jeunen", "model"}) {
        SearchRequest request;
        request.query = query;
        request.limit = 10;
        if (std::string_view(query) == "model") request.sort = pv::SortOrder::year;  // the sort keys arrive in a round too
        INFO("query: " << query);
        SearchResult result = sharded->search(request);
        int rounds = 1;
        for (; !page.asked.empty() && rounds < 10; ++rounds) {
            page.bring_asked();
            result = sharded->search(request);
        }
        CHECK(page.asked.empty());
        CHECK(rounds <= 4);
        check_same_result(opened.index->search(request), result);
    }
    CHECK(sharded->failure().empty());
}

TEST_CASE("the first rows come before the tables: the empty query from the manifest and the first rows file") {
    const pv::IndexedBundle opened = seed_bundle();
    MemoryFolder folder = shard(opened);
    ArrivingFolder page;
    page.folder = &folder;
    page.here[std::string(pv::shards::kManifestName)] = folder.files.at(std::string(pv::shards::kManifestName));
    std::string error;
    const std::unique_ptr<ShardedBundle> sharded = ShardedBundle::open(page, error);
    REQUIRE(sharded);
    CHECK(page.asked == std::vector<std::string>{folder.name_starting("files-")});  // on its way, the tables after it
    page.asked.clear();
    SearchRequest first;
    first.limit = 3;
    first.facet_fields = pv::facet_bit(pv::FacetField::kind);
    const SearchResult rows = sharded->search(first);
    CHECK(page.asked.empty());
    check_same_result(opened.index->search(first), rows);
    CHECK(sharded->row(rows.hits[2].entry).id.empty());  // the first rows file is on its way
    REQUIRE(page.asked.size() == 1);
    CHECK(page.asked[0].starts_with("rows-"));
    page.bring_asked();
    CHECK(sharded->row(rows.hits[2].entry).id == opened.loaded->bundle.entries[2].id);
    // A row past the first file needs the listing, which names its file.
    CHECK(sharded->row(5).id.empty());
    CHECK(page.asked == std::vector<std::string>{folder.name_starting("files-")});
    page.bring_asked();
    CHECK(sharded->row(5).id.empty());  // now its rows file is on its way
    REQUIRE(page.asked.size() == 1);
    CHECK(page.asked[0].starts_with("rows-"));
    page.bring_asked();
    CHECK(sharded->row(5).id == opened.loaded->bundle.entries[5].id);
    first.limit = 0;
    first.facet_values = 1;
    check_same_result(opened.index->search(first), sharded->search(first));

    SearchRequest word;
    word.query = "learning";
    word.limit = 10;
    CHECK(sharded->search(word).total == 0);
    CHECK(page.asked == std::vector<std::string>{folder.name_starting("tables-")});
    SearchResult result;
    for (int round = 0; round < 4 && !page.asked.empty(); ++round) {
        page.bring_asked();
        result = sharded->search(word);
    }
    CHECK(page.asked.empty());
    check_same_result(opened.index->search(word), result);
    check_same_result(opened.index->search(first), sharded->search(first));
    CHECK(sharded->failure().empty());
}

TEST_CASE("the same bundle shards into the same files") {
    const pv::IndexedBundle opened = seed_bundle();
    const MemoryFolder first = shard(opened);
    const MemoryFolder second = shard(opened);
    CHECK(first.files == second.files);
    for (const auto& [name, bytes] : first.files)
        if (name != pv::shards::kManifestName) CHECK(pv::shards::matches_content_name(name, bytes));
}

TEST_CASE("files hold 64 rows, 256 entries and 16 KB of postings unless asked, more once a bundle would need too many files") {
    using pv::shards::entries_per_file;
    using pv::shards::kMaxDetailFiles;
    using pv::shards::kMaxRowFiles;
    using pv::shards::kMinEntriesPerFile;
    using pv::shards::kMinRowsPerFile;
    CHECK(entries_per_file(0, kMinRowsPerFile, 0, kMaxRowFiles) == 64);
    CHECK(entries_per_file(0, kMinRowsPerFile, 100'000, kMaxRowFiles) == 64);
    CHECK(entries_per_file(0, kMinEntriesPerFile, 100'000, kMaxDetailFiles) == 256);
    CHECK(entries_per_file(0, kMinEntriesPerFile, 256 * kMaxDetailFiles, kMaxDetailFiles) == 256);
    CHECK(entries_per_file(0, kMinEntriesPerFile, 256 * kMaxDetailFiles + 1, kMaxDetailFiles) == 257);
    // A million entries: at most 8,192 rows files and 2,048 entries files,
    // and with 8,192 postings files, the tables and the manifest (plain and
    // .gz) within a host's 20,000, each file kept once, as its .gz copy.
    CHECK(entries_per_file(0, kMinRowsPerFile, 1'000'000, kMaxRowFiles) == 123);  // 8,131 files
    CHECK(kMaxRowFiles + kMaxDetailFiles + pv::shards::kMaxPostingFiles + 5 < pv::shards::kHostFileLimit);
    CHECK(entries_per_file(0, kMinEntriesPerFile, 1'000'000, kMaxDetailFiles) == 489);  // 2,045 files
    CHECK(entries_per_file(3, kMinEntriesPerFile, 1'000'000, kMaxDetailFiles) == 3);  // a number given is kept

    // Postings files of whole terms: 16 KB, or the smallest size, to a KB, with which the terms need at most so many files.
    const pv::IndexedBundle opened_many = many_papers();
    const pv::SearchIndex& index = *opened_many.index;
    const std::size_t total = index.posting_offset(static_cast<std::uint32_t>(index.term_count()));
    INFO(opened_many.loaded->bundle.entries.size() << " entries, " << index.term_count() << " terms");
    REQUIRE(total > 4 * (16u << 10));
    CHECK(pv::shards::posting_bytes_per_file(0, index) == 16u << 10);
    const std::size_t one_file = pv::shards::posting_bytes_per_file(0, index, 1);
    CHECK(one_file >= total);
    CHECK(one_file < total + 1024);  // the first size that holds them all
    const std::size_t two_files = pv::shards::posting_bytes_per_file(0, index, 2);
    CHECK(two_files < one_file);
    CHECK(two_files >= total / 2);
    CHECK(pv::shards::posting_bytes_per_file(1000, index, 1) == 1000);  // a number given is kept

    // The manifest says what the files hold.
    const pv::IndexedBundle opened = seed_bundle();
    MemoryFolder folder;
    pv::shards::ShardSummary summary;
    REQUIRE(pv::shards::write_shards(opened.loaded->bundle, *opened.index,
                                     [&](const std::string& name, std::string_view bytes) {
                                         folder.files[name] = std::string(bytes);
                                         return true;
                                     },
                                     summary));
    CHECK(summary.row_files == 1);
    CHECK(summary.detail_files == 1);
    CHECK(folder.files[folder.name_starting("files-")].find("\"entries_per_file\":256") != std::string::npos);
    // The manifest names the first rows file and the listing, not every file.
    const std::string& manifest = folder.files[std::string(pv::shards::kManifestName)];
    CHECK(manifest.find("\"first_rows\":{\"entries_per_file\":64,\"file\":\"" + folder.name_starting("rows-") + "\"}") != std::string::npos);
    CHECK(manifest.find("postings-") == std::string::npos);
    open(folder);
}

TEST_CASE("a damaged or missing file is named in the message, and a search still answers") {
    auto search_learning = [](const ShardedBundle& sharded) {
        SearchRequest request;
        request.query = "learning";
        request.limit = 5;
        return sharded.search(request);
    };
    const pv::IndexedBundle opened = seed_bundle();
    std::string error;
    {
        MemoryFolder folder = shard(opened);
        folder.files.erase(std::string(pv::shards::kManifestName));
        CHECK_FALSE(ShardedBundle::open(folder, error));
        CHECK(error == "manifest.json: there is no such file");
    }
    {
        MemoryFolder folder = shard(opened);
        folder.files["manifest.json"] = "{\"pubview\": 1}";
        CHECK_FALSE(ShardedBundle::open(folder, error));
        CHECK(error.find("not a sharded bundle's manifest") != std::string::npos);
    }
    {
        MemoryFolder folder = shard(opened);
        std::string& manifest = folder.files["manifest.json"];
        const std::size_t at = manifest.find("\"analysis\":\"");
        REQUIRE(at != std::string::npos);
        manifest.replace(at + 12, 16, "0123456789abcdef");
        CHECK_FALSE(ShardedBundle::open(folder, error));
        CHECK(error == "manifest.json: its index was made by a build that analyses text differently: shard the bundle again with this one");
    }
    {
        MemoryFolder folder = shard(opened);
        std::string& manifest = folder.files["manifest.json"];
        const std::size_t at = manifest.find("\"pubview_shards\":6");
        REQUIRE(at != std::string::npos);
        manifest.replace(at, 18, "\"pubview_shards\":5");
        CHECK_FALSE(ShardedBundle::open(folder, error));
        CHECK(error == "manifest.json: it is format 5; this build reads format 6: shard the bundle again with this build "
                       "(pubview shard FILE --out DIR)");
    }
    {
        MemoryFolder folder = shard(opened);
        const std::string listing = folder.name_starting("files-");
        folder.files.erase(listing);
        CHECK_FALSE(ShardedBundle::open(folder, error));
        CHECK(error == listing + ": there is no such file");
    }
    {
        // The manifest's first rows file is not the listing's.
        MemoryFolder folder = shard(opened);
        std::string& manifest = folder.files[std::string(pv::shards::kManifestName)];
        const std::size_t at = manifest.find("\"file\":\"rows-");
        REQUIRE(at != std::string::npos);
        std::string other;
        for (const auto& [name, bytes] : folder.files)
            if (name.starts_with("rows-") && manifest.find(name) == std::string::npos) other = name;
        REQUIRE_FALSE(other.empty());
        manifest.replace(at + 8, other.size(), other);
        CHECK_FALSE(ShardedBundle::open(folder, error));
        CHECK(error == folder.name_starting("files-") + ": its rows files are not the ones the manifest begins with");
    }
    {
        MemoryFolder folder = shard(opened);
        std::string& facets = folder.files[folder.name_starting("facets-")];
        facets[facets.size() / 2] ^= 0x40;
        const std::unique_ptr<ShardedBundle> sharded = open(folder);
        SearchRequest request;
        request.query = "learning";
        request.limit = 5;
        request.facet_fields = pv::facet_bit(pv::FacetField::kind);
        check_same_result(opened.index->search(request), sharded->search(request));  // needs no facets
        request.filters[pv::FacetField::year] = {"2022"};
        const SearchResult filtered = sharded->search(request);
        CHECK(filtered.total == 0);
        REQUIRE(filtered.hints.size() == 1);
        CHECK(filtered.hints[0].starts_with("some results may be missing: " + folder.name_starting("facets-") + ": "));
    }
    {
        MemoryFolder folder = shard(opened);
        std::string& tables = folder.files[folder.name_starting("tables-")];
        tables[tables.size() / 2] ^= 0x40;
        CHECK_FALSE(ShardedBundle::open(folder, error));
        CHECK(error.find("its bytes are not the ones it is named for") != std::string::npos);
    }
    {
        MemoryFolder folder = shard(opened);
        for (auto& [name, bytes] : folder.files)
            if (name.starts_with("postings-") || name.starts_with("entries-") || name.starts_with("rows-")) bytes = "damaged";
        const std::unique_ptr<ShardedBundle> sharded = open(folder);
        const SearchResult result = search_learning(*sharded);
        CHECK(result.total == 0);
        REQUIRE_FALSE(result.hints.empty());
        CHECK(result.hints.back().find("some results may be missing: postings-") == 0);
        CHECK(sharded->entry(0).title.empty());
        CHECK(sharded->row(0).json.empty());
    }
    {
        // Postings files named for their bytes whose columns do not make postings.
        MemoryFolder folder = shard(opened);
        std::vector<std::string> names;
        for (const auto& [name, bytes] : folder.files)
            if (name.starts_with("postings-")) names.push_back(name);
        for (const std::string& old_name : names) {
            std::string bytes = folder.files[old_name] + "\x80";
            const std::string new_name = pv::shards::content_name("postings", bytes, "bin");
            folder.files.erase(old_name);
            folder.files[new_name] = std::move(bytes);
            folder.edit_listing([&](std::string& listing) { listing.replace(listing.find(old_name), old_name.size(), new_name); });
        }
        const std::unique_ptr<ShardedBundle> sharded = open(folder);
        CHECK(search_learning(*sharded).total == 0);
        CHECK(sharded->failure().starts_with("postings-"));
        CHECK(sharded->failure().ends_with(": its postings are damaged"));
    }
}

TEST_CASE("a postings file's columns give back the postings as the index lays them out") {
    const pv::IndexedBundle opened = many_papers();
    const pv::SearchIndex& index = *opened.index;
    const auto terms = static_cast<std::uint32_t>(index.term_count());
    const std::string_view postings = index.postings_of(0, terms);
    REQUIRE(postings.size() > 10000);
    const std::vector<std::uint32_t> sizes = pv::shards::posting_sizes(index, 0, terms);
    const std::string columns = pv::shards::postings_in_columns(postings, sizes);
    CHECK(columns != postings);
    CHECK(pv::shards::postings_from_columns(columns, sizes) == std::string(postings));
    CHECK(pv::shards::postings_from_columns(pv::shards::postings_in_columns("", {}), {}) == std::string());

    // A term in entry 1's title (frequency 2) and entry 5's title and body (1, 3); then one in entry 0's
    // title and body, whose first delta is zero: it is the entry's own, not a further field's.
    const std::string two_terms("\x01\x02\x04\x01\x00\x63" "\x00\x01\x00\x62", 10);
    const std::vector<std::uint32_t> two_sizes{6, 4};
    const std::string laid_out = pv::shards::postings_in_columns(two_terms, two_sizes);
    CHECK(pv::shards::postings_from_columns(laid_out, two_sizes) == two_terms);
    CHECK_FALSE(pv::shards::postings_from_columns(laid_out, {10}));    // terms of other sizes
    CHECK_FALSE(pv::shards::postings_from_columns(laid_out, {6}));     // fewer terms than it holds
    CHECK_FALSE(pv::shards::postings_from_columns(laid_out, {6, 4, 0}));  // more
    CHECK_FALSE(pv::shards::postings_from_columns(laid_out + "\x01", two_sizes));
    for (std::size_t cut = 0; cut < laid_out.size(); ++cut) {
        INFO(cut);
        CHECK_FALSE(pv::shards::postings_from_columns(laid_out.substr(0, cut), two_sizes));
    }
    for (const char* damaged : {"\x80", "\x01", "\x01\x00\x80"}) CHECK_FALSE(pv::shards::postings_from_columns(damaged, {}));
}

}  // TEST_SUITE
