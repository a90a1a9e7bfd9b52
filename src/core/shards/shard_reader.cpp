#include "core/shards/shard_reader.h"

#include "core/formats/pack.h"
#include "core/formats/pack_io.h"
#include "core/shards/shard_layout.h"

#include <algorithm>
#include <map>
#include <set>
#include <nlohmann/json.hpp>

namespace pv::shards {
namespace {

using Json = nlohmann::json;

const Json* member(const Json& object, const char* key, Json::value_t type) {
    if (!object.is_object()) return nullptr;
    auto it = object.find(key);
    if (it == object.end()) return nullptr;
    const bool number = type == Json::value_t::number_unsigned;
    if (number ? !it->is_number_unsigned() : it->type() != type) return nullptr;
    return &*it;
}

// A file name from a manifest: plain, so that it cannot point outside the folder.
bool plain_name(const std::string& name) {
    return !name.empty() && name.size() < 200 && name.find_first_of("/\\") == std::string::npos && name[0] != '.';
}

// The files of entries the folder's listing names under `key` ("rows",
// "details"): {"entries_per_file": N, "files": [names]}, as many as `entries` need.
bool entry_file_names(const Json& listing, const char* key, std::size_t entries, std::size_t& per_file,
                      std::vector<std::string>& names, std::string& error) {
    const Json* list = member(listing, key, Json::value_t::object);
    const Json* per = list ? member(*list, "entries_per_file", Json::value_t::number_unsigned) : nullptr;
    const Json* files = list ? member(*list, "files", Json::value_t::array) : nullptr;
    if (!per || !files || *per == 0) {
        error = std::string("it lacks \"") + key + "\" with \"entries_per_file\" and \"files\"";
        return false;
    }
    per_file = per->get<std::size_t>();
    if (files->size() != (entries + per_file - 1) / per_file) {
        error = std::string("its ") + key + " files do not match its " + std::to_string(entries) + " entries";
        return false;
    }
    for (const Json& file : *files) {
        if (!file.is_string() || !plain_name(file.get<std::string>())) { error = std::string("a ") + key + " file needs a plain name"; return false; }
        names.push_back(file.get<std::string>());
    }
    return true;
}

// What is wrong with the tables file `name` once a reader went through `in`
// (`read`: whether it took the tables), "" if nothing.
std::string tables_problem(const detail::PackReader& in, bool read, const std::string& name) {
    if (!read) return name + ": " + in.failure();
    if (in.remaining() != 0) return name + ": it has bytes after its tables";
    return {};
}

}  // namespace

ShardedBundle::~ShardedBundle() = default;

std::unique_ptr<ShardedBundle> ShardedBundle::open(ShardSource& source, std::string& error) {
    std::unique_ptr<ShardedBundle> bundle(new ShardedBundle(source));
    const std::string manifest_name(kManifestName);
    std::string why;
    std::optional<std::string> manifest = source.fetch(manifest_name, why);
    if (!manifest) { error = manifest_name + ": " + why; return nullptr; }
    if (!bundle->read_manifest(*manifest, error)) { error = manifest_name + ": " + error; return nullptr; }

    bundle->files_fetched_ = 1;
    if (!bundle->have_tables() && bundle->tables_failed_) { error = bundle->failure_; return nullptr; }
    return bundle;
}

bool ShardedBundle::have_tables() const {
    if (index_) return true;
    if (tables_failed_) return false;
    if (!have_listing()) {  // the tables' postings are the listing's files
        tables_failed_ = listing_failed_;
        return false;
    }
    bool arriving = false;
    const std::optional<std::string> tables = fetch(tables_name_, arriving);
    if (arriving) return false;
    std::string error;
    if (tables) index_ = read_index(*tables, error);
    if (!index_) {
        if (!error.empty()) note_failure(error);
        tables_failed_ = true;  // fetch() noted why when it had nothing
    }
    return index_ != nullptr;
}

bool ShardedBundle::have_part(TablesPart& part) const {
    if ((*index_.*part.here)()) return true;
    if (part.failed) return false;
    bool arriving = false;
    const std::optional<std::string> bytes = fetch(part.name, arriving);
    if (arriving) return false;
    if (bytes) {
        MemorySource source(*bytes);
        detail::PackReader in(source, bytes->size());
        const bool read = (*index_.*part.read)(in);
        const std::string problem = tables_problem(in, read, part.name);
        if (problem.empty()) return true;
        note_failure(problem);
    }
    part.failed = true;  // fetch() noted why when it had nothing
    return false;
}

std::unique_ptr<SearchIndex> ShardedBundle::read_index(const std::string& tables, std::string& error) const {
    MemorySource bytes(tables);
    detail::PackReader in(bytes, tables.size());
    std::unique_ptr<SearchIndex> index = SearchIndex::read_tables(entry_count_, *this, *this, in);
    error = tables_problem(in, index != nullptr, tables_name_);
    if (!error.empty()) return nullptr;
    // Each postings file must cover whole terms, in order, up to the last.
    for (std::size_t i = 0; i < postings_.size(); ++i) {
        const std::uint32_t first = postings_[i].first_term;
        const std::uint32_t next = i + 1 < postings_.size() ? postings_[i + 1].first_term : static_cast<std::uint32_t>(index->term_count());
        if (first >= next || (i == 0 && first != 0) || next > index->term_count())
            { error = listing_name_ + ": its postings files do not cover the terms in order"; return nullptr; }
    }
    if (postings_.empty() && index->term_count() > 0) { error = listing_name_ + ": it names no postings files"; return nullptr; }
    return index;
}

bool ShardedBundle::read_manifest(const std::string& bytes, std::string& error) {
    const Json manifest = Json::parse(bytes, nullptr, false);
    if (manifest.is_discarded()) { error = "it is not JSON"; return false; }
    const Json* version = member(manifest, "pubview_shards", Json::value_t::number_unsigned);
    if (!version) { error = "it is not a sharded bundle's manifest (no \"pubview_shards\")"; return false; }
    if (*version != kShardFormatVersion) {
        error = "it is format " + version->dump() + "; this build reads format " + std::to_string(kShardFormatVersion) +
                ": shard the bundle again with this build (pubview shard FILE --out DIR)";
        return false;
    }
    const Json* analysis = member(manifest, "analysis", Json::value_t::string);
    if (!analysis) { error = "it lacks \"analysis\", the fingerprint of the text analysis its index was made with"; return false; }
    if (*analysis != hex64(text_analysis_fingerprint())) {
        error = "its index was made by a build that analyses text differently: shard the bundle again with this one";
        return false;
    }
    const Json* entries = member(manifest, "entries", Json::value_t::number_unsigned);
    const Json* header = member(manifest, "bundle", Json::value_t::object);
    const Json* tables = member(manifest, "tables", Json::value_t::string);
    const Json* facets = member(manifest, "facets", Json::value_t::string);
    const Json* sort_keys = member(manifest, "sort_keys", Json::value_t::string);
    const Json* listing = member(manifest, "files", Json::value_t::string);
    const Json* publications = member(manifest, "publications", Json::value_t::number_unsigned);
    const Json* jobs = member(manifest, "jobs", Json::value_t::number_unsigned);
    const Json* first_rows = member(manifest, "first_rows", Json::value_t::object);
    const Json* rows_per_file = first_rows ? member(*first_rows, "entries_per_file", Json::value_t::number_unsigned) : nullptr;
    const Json* first_rows_file = first_rows ? member(*first_rows, "file", Json::value_t::string) : nullptr;
    if (!entries || !header || !tables || !facets || !sort_keys || !listing || !publications || !jobs || !rows_per_file ||
        !first_rows_file) {
        error = "it lacks \"entries\", \"publications\", \"jobs\", \"bundle\", \"tables\", \"facets\", \"sort_keys\", "
                "\"files\" or \"first_rows\" with \"entries_per_file\" and \"file\"";
        return false;
    }
    if (publications->get<std::size_t>() + jobs->get<std::size_t>() != entries->get<std::size_t>()) {
        error = "its publications and jobs do not add up to its entries";
        return false;
    }
    kind_counts_[0] = publications->get<std::size_t>();
    kind_counts_[1] = jobs->get<std::size_t>();
    if (*entries > UINT32_MAX) { error = "it has more entries than a bundle can"; return false; }
    entry_count_ = entries->get<std::size_t>();
    LoadResult loaded = load_bundle(header->dump());
    if (!loaded.usable) { error = "its \"bundle\" is not a bundle's fields: " + loaded.problems.front().message; return false; }
    header_ = std::move(loaded.bundle);
    tables_name_ = tables->get<std::string>();
    listing_name_ = listing->get<std::string>();
    facets_.name = facets->get<std::string>();
    sort_keys_.name = sort_keys->get<std::string>();
    for (const std::string* name : {&tables_name_, &listing_name_, &facets_.name, &sort_keys_.name})
        if (!plain_name(*name)) { error = "its \"tables\", \"files\", \"facets\" and \"sort_keys\" need plain names"; return false; }
    // The first rows file; the others are named in the listing.
    rows_.per_file = rows_per_file->get<std::size_t>();
    if (rows_.per_file == 0) { error = "its first rows file holds no entries"; return false; }
    rows_.files.resize((entry_count_ + rows_.per_file - 1) / rows_.per_file);
    if (!rows_.files.empty()) {
        rows_.files.front().name = first_rows_file->get<std::string>();
        if (!plain_name(rows_.files.front().name)) { error = "its first rows file needs a plain name"; return false; }
    }
    return true;
}

bool ShardedBundle::have_listing() const {
    if (listing_read_) return true;
    if (listing_failed_) return false;
    bool arriving = false;
    const std::optional<std::string> listing = fetch(listing_name_, arriving);
    if (arriving) return false;
    std::string error;
    listing_read_ = listing && read_listing(*listing, error);
    if (!error.empty()) note_failure(listing_name_ + ": " + error);
    listing_failed_ = !listing_read_;  // fetch() noted why when it had nothing
    return listing_read_;
}

bool ShardedBundle::read_listing(const std::string& bytes, std::string& error) const {
    const Json listing = Json::parse(bytes, nullptr, false);
    if (listing.is_discarded()) { error = "it is not JSON"; return false; }
    const Json* postings = member(listing, "postings", Json::value_t::array);
    if (!postings) { error = "it is not a sharded bundle's listing of files (no \"postings\")"; return false; }
    std::vector<PostingFile> posting_files;
    for (const Json& file : *postings) {
        const Json* name = member(file, "file", Json::value_t::string);
        const Json* first = member(file, "first_term", Json::value_t::number_unsigned);
        if (!name || !first || !plain_name(name->get<std::string>()) || *first > UINT32_MAX)
            { error = "a postings file needs a plain \"file\" name and a \"first_term\""; return false; }
        posting_files.push_back({name->get<std::string>(), first->get<std::uint32_t>(), nullptr});
    }
    std::vector<std::string> rows, details;
    std::size_t rows_per_file = 0, details_per_file = 0;
    if (!entry_file_names(listing, "rows", entry_count_, rows_per_file, rows, error) ||
        !entry_file_names(listing, "details", entry_count_, details_per_file, details, error))
        return false;
    if (rows_per_file != rows_.per_file || (!rows.empty() && rows.front() != rows_.files.front().name)) {
        error = "its rows files are not the ones the manifest begins with";
        return false;
    }
    postings_ = std::move(posting_files);
    for (std::size_t file = 1; file < rows.size(); ++file) rows_.files[file].name = std::move(rows[file]);
    details_.per_file = details_per_file;
    for (std::string& name : details) details_.files.push_back({.name = std::move(name)});
    return true;
}

std::optional<std::string> ShardedBundle::fetch(const std::string& name, bool& arriving) const {
    std::string why;
    std::optional<std::string> bytes = source_.fetch(name, why);
    arriving = !bytes && source_.arriving(name);
    if (arriving) return bytes;
    ++files_fetched_;
    if (!bytes) note_failure(name + ": " + why);
    else if (!matches_content_name(name, *bytes)) { note_failure(name + ": its bytes are not the ones it is named for"); bytes.reset(); }
    return bytes;
}

void ShardedBundle::note_failure(const std::string& problem) const {
    if (failure_.empty()) failure_ = problem;
}

detail::PostingBlocks::Block ShardedBundle::block_of(std::uint32_t term) const {
    auto after = std::upper_bound(postings_.begin(), postings_.end(), term,
                                  [](std::uint32_t t, const PostingFile& file) { return t < file.first_term; });
    PostingFile& file = *(after - 1);  // open() made sure the first file starts at term 0
    file.read_by = searches_;
    const std::uint32_t first = file.first_term;
    const std::uint32_t next = after == postings_.end() ? static_cast<std::uint32_t>(index_->term_count()) : after->first_term;
    if (!file.bytes) {
        bool arriving = false;
        const std::optional<std::string> fetched = fetch(file.name, arriving);
        if (arriving) return {};  // asked for again once it is here
        std::optional<std::string> postings = fetched ? postings_from_columns(*fetched, posting_sizes(*index_, first, next)) : std::nullopt;
        if (fetched && !postings) note_failure(file.name + ": its postings are damaged");
        // Asked once, had or not: a query does not wait on it again. What was
        // not had is not checked (fetch() or the line above noted why).
        const bool had = postings.has_value();
        const auto bytes = std::make_shared<const std::string>(had ? std::move(*postings) : std::string());
        postings_kept_ += bytes->size();
        for (PostingFile& alike : postings_)
            if (alike.name == file.name) {
                alike.bytes = bytes;
                alike.checked = !had;
            }
    }
    if (!file.checked) {
        file.checked = true;
        if (const char* problem = index_->postings_problem(first, next, *file.bytes)) {
            note_failure(file.name + ": " + problem);
            file.bytes = std::make_shared<const std::string>();
        }
    }
    if (file.bytes->size() != index_->posting_offset(next) - index_->posting_offset(first)) return {};
    return {reinterpret_cast<const std::uint8_t*>(file.bytes->data()), index_->posting_offset(first)};
}

const Entry& ShardedBundle::entry(std::uint32_t id) const { return have_listing() ? entry_in(details_, id) : missing_; }

bool ShardedBundle::text_cheaper(const std::vector<std::uint32_t>& ids, std::size_t postings) const {
    std::vector<bool> priced(details_.files.size());
    std::size_t cost = 0;
    for (std::uint32_t id : ids) {
        const std::size_t file = id / details_.per_file;
        if (details_.files[file].fetched) {
            cost += kTextCost;
        } else if (!priced[file]) {
            cost += kTextCost * details_.per_file;  // fetched and read whole, once for all its candidates
            priced[file] = true;
        }
        if (cost >= postings) return false;
    }
    return true;
}

ShardedBundle::Row ShardedBundle::row(std::uint32_t id) const {
    // The first rows file is the manifest's; the others are the listing's.
    if (id >= rows_.per_file && !have_listing()) return {};
    EntryFile& file = rows_.files[id / rows_.per_file];
    file.read_by = searches_;
    if (!file.fetched) {
        for (const Entry& entry : read_entries(rows_, file, true)) {
            file.rows.push_back({entry.kind, entry.id, entry_json(entry)});
            file.bytes += file.rows.back().json.size();
        }
        rows_.bytes += file.bytes;
    }
    const std::size_t at = id % rows_.per_file;
    if (at >= file.rows.size()) return {};
    return {file.rows[at].kind, file.rows[at].id, file.rows[at].json};
}

std::vector<Entry> ShardedBundle::read_entries(EntryFiles& files, EntryFile& file, bool rows_only) const {
    const std::size_t first = (&file - files.files.data()) * files.per_file;
    if (file.fetched && file.text.empty()) return {};
    if (!file.fetched) {
        bool arriving = false;
        std::optional<std::string> json = fetch(file.name, arriving);
        file.fetched = !arriving;
        if (!json) return {};
        files.kept.push_back(&file - files.files.data());
        file.text = std::move(*json);
    }
    LoadOptions options;
    options.rows_only = rows_only;
    LoadResult loaded = load_bundle(file.text, options);
    if (rows_only) std::string().swap(file.text);  // the rows are kept instead
    const std::size_t expected = std::min(files.per_file, entry_count_ - first);
    if (loaded.usable && loaded.bundle.entries.size() == expected) return std::move(loaded.bundle.entries);
    note_failure(file.name + ": it does not hold entries " + std::to_string(first) + " to " + std::to_string(first + expected - 1));
    std::string().swap(file.text);  // not read again
    return {};
}

const Entry& ShardedBundle::entry_in(EntryFiles& files, std::uint32_t id) const {
    EntryFile& file = files.files[id / files.per_file];
    file.read_by = searches_;
    if (file.entries.empty()) {
        const bool fetched = file.fetched;
        file.entries = read_entries(files, file, false);
        if (!fetched && !file.text.empty()) {
            file.bytes = file.text.size();
            files.bytes += file.bytes;
        }
        if (!file.entries.empty()) files.read_bytes += file.bytes;
    }
    const std::size_t at = id % files.per_file;
    return at < file.entries.size() ? file.entries[at] : missing_;
}

void ShardedBundle::let_go_of_entries(EntryFiles& files) const {
    if (files.read_bytes <= entries_read_budget_ && files.bytes <= entry_texts_budget_) return;  // most searches
    std::sort(files.kept.begin(), files.kept.end(),
              [&](std::size_t a, std::size_t b) { return files.files[a].read_by < files.files[b].read_by; });
    for (std::size_t index : files.kept) {
        EntryFile& file = files.files[index];
        if (file.read_by >= searches_ || (files.read_bytes <= entries_read_budget_ && files.bytes <= entry_texts_budget_)) break;
        if (!file.entries.empty() && files.read_bytes > entries_read_budget_) {
            std::vector<Entry>().swap(file.entries);
            files.read_bytes -= file.bytes;
        }
        if (files.bytes > entry_texts_budget_ && file.entries.empty()) {
            files.bytes -= file.bytes;
            file.bytes = 0;
            std::string().swap(file.text);
            std::vector<RowText>().swap(file.rows);
            file.fetched = false;
        }
    }
    std::erase_if(files.kept, [&](std::size_t index) { return files.files[index].bytes == 0; });
}

SearchResult ShardedBundle::search(const SearchRequest& request) const {
    const bool in_bundle_order = request.query.empty() && !request.kind && request.filters.empty() && request.hidden.empty() &&
                                 request.sort == SortOrder::relevance &&
                                 (!request.facets || (request.facet_fields & ~facet_bit(FacetField::kind)) == 0);
    if (!index_ && in_bundle_order) return first_rows(request);  // the tables may still be arriving
    bool filtered = false;
    for (std::size_t f = 0; f < kFacetFieldCount; ++f)
        filtered |= f != static_cast<std::size_t>(FacetField::kind) && !request.filters.values[f].empty();
    const bool needs_facets = filtered || (request.facets && (request.facet_fields & ~facet_bit(FacetField::kind)) != 0);
    const bool needs_sort_keys = request.sort != SortOrder::relevance;
    // The facets and sort keys are read into the index, so they are asked for
    // once the tables are here (a page fetches the tables from the start).
    const bool tables = have_tables();
    const bool facets = !needs_facets || (tables && have_part(facets_));
    const bool sort_keys = !needs_sort_keys || (tables && have_part(sort_keys_));
    if (!tables || !facets || !sort_keys) {
        SearchResult nothing;
        if (!failure_.empty()) nothing.hints.push_back("some results may be missing: " + failure_);
        return nothing;
    }
    let_go_of_entries(rows_);
    let_go_of_entries(details_);
    ++searches_;
    SearchResult result = index_->search(request);
    if (!failure_.empty()) result.hints.push_back("some results may be missing: " + failure_);
    let_go_of_postings();
    return result;
}

void ShardedBundle::let_go_of_postings() const {
    if (postings_kept_ <= postings_budget_) return;  // most searches: no files to look through
    // Each file once (alike entries share its bytes), with the last search
    // that read any of its entries; one that failed its check holds nothing.
    std::map<const std::string*, std::uint64_t> read_by;
    for (const PostingFile& file : postings_)
        if (file.bytes && !file.bytes->empty()) read_by[file.bytes.get()] = std::max(read_by[file.bytes.get()], file.read_by);
    std::size_t kept = 0;
    for (const auto& [bytes, search] : read_by) kept += bytes->size();
    std::vector<std::pair<std::uint64_t, const std::string*>> oldest_first;
    for (const auto& [bytes, search] : read_by)
        if (search < searches_) oldest_first.emplace_back(search, bytes);
    std::sort(oldest_first.begin(), oldest_first.end());
    std::set<const std::string*> let_go;
    for (const auto& [search, bytes] : oldest_first) {
        if (kept <= postings_budget_) break;
        kept -= bytes->size();
        let_go.insert(bytes);
    }
    for (PostingFile& file : postings_)
        if (let_go.count(file.bytes.get())) {
            file.bytes = nullptr;
            file.checked = false;
        }
    postings_kept_ = kept;
}

// What SearchIndex::search answers for the empty query with no filters: every
// entry, in bundle order, scored 0, counted by kind.
SearchResult ShardedBundle::first_rows(const SearchRequest& request) const {
    SearchResult result;
    result.total = entry_count_;
    for (std::uint32_t entry = 0; entry < std::min(request.limit, entry_count_); ++entry) result.hits.push_back(Hit{entry, 0, {}, {}});
    if (request.facets && request.facet_fields != 0) {  // only the kind's: search() made sure
        for (std::size_t f = 0; f < kFacetFieldCount; ++f) result.facets.push_back({static_cast<FacetField>(f), {}});
        std::vector<FacetValue>& kinds = result.facets.front().values;
        for (Kind kind : {Kind::job, Kind::publication})  // by count, then value
            if (const auto count = static_cast<std::uint32_t>(kind_counts_[kind == Kind::publication ? 0 : 1]))
                kinds.push_back({kind_name(kind), count, false});
        std::stable_sort(kinds.begin(), kinds.end(), [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
        if (kinds.size() > request.facet_values) kinds.resize(request.facet_values);
    }
    if (!failure_.empty()) result.hints.push_back("some results may be missing: " + failure_);
    return result;
}

}  // namespace pv::shards
