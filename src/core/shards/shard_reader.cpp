#include "core/shards/shard_reader.h"

#include "core/formats/pack.h"
#include "core/formats/pack_io.h"
#include "core/shards/shard_layout.h"

#include <algorithm>
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

}  // namespace

ShardedBundle::~ShardedBundle() = default;

std::unique_ptr<ShardedBundle> ShardedBundle::open(ShardSource& source, std::string& error) {
    std::unique_ptr<ShardedBundle> bundle(new ShardedBundle(source));
    const std::string manifest_name(kManifestName);
    std::string why;
    std::optional<std::string> manifest = source.fetch(manifest_name, why);
    if (!manifest) { error = manifest_name + ": " + why; return nullptr; }
    if (!bundle->read_manifest(*manifest, error)) { error = manifest_name + ": " + error; return nullptr; }

    std::optional<std::string> tables = source.fetch(bundle->tables_name_, why);
    if (!tables) { error = bundle->tables_name_ + ": " + why; return nullptr; }
    if (!matches_content_name(bundle->tables_name_, *tables)) { error = bundle->tables_name_ + ": its bytes are not the ones it is named for"; return nullptr; }
    MemorySource bytes(*tables);
    detail::PackReader in(bytes, tables->size());
    bundle->index_ = SearchIndex::read_tables(bundle->entry_count_, *bundle, *bundle, in);
    if (!bundle->index_) { error = bundle->tables_name_ + ": " + in.failure(); return nullptr; }
    if (in.remaining() != 0) { error = bundle->tables_name_ + ": it has bytes after its tables"; return nullptr; }
    // Each postings file must cover whole terms, in order, up to the last.
    for (std::size_t i = 0; i < bundle->postings_.size(); ++i) {
        const std::uint32_t first = bundle->postings_[i].first_term;
        const std::uint32_t next = i + 1 < bundle->postings_.size() ? bundle->postings_[i + 1].first_term
                                                                   : static_cast<std::uint32_t>(bundle->index_->term_count());
        if (first >= next || (i == 0 && first != 0) || next > bundle->index_->term_count())
            { error = manifest_name + ": its postings files do not cover the terms in order"; return nullptr; }
    }
    if (bundle->postings_.empty() && bundle->index_->term_count() > 0)
        { error = manifest_name + ": it names no postings files"; return nullptr; }
    bundle->files_fetched_ = 2;
    return bundle;
}

bool ShardedBundle::read_manifest(const std::string& bytes, std::string& error) {
    const Json manifest = Json::parse(bytes, nullptr, false);
    if (manifest.is_discarded()) { error = "it is not JSON"; return false; }
    const Json* version = member(manifest, "pubview_shards", Json::value_t::number_unsigned);
    if (!version) { error = "it is not a sharded bundle's manifest (no \"pubview_shards\")"; return false; }
    if (*version != kShardFormatVersion) {
        error = "it is format " + version->dump() + "; this build reads format " + std::to_string(kShardFormatVersion);
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
    const Json* postings = member(manifest, "postings", Json::value_t::array);
    const Json* details = member(manifest, "details", Json::value_t::object);
    const Json* per_file = details ? member(*details, "entries_per_file", Json::value_t::number_unsigned) : nullptr;
    const Json* files = details ? member(*details, "files", Json::value_t::array) : nullptr;
    if (!entries || !header || !tables || !postings || !per_file || !files || *per_file == 0) {
        error = "it lacks \"entries\", \"bundle\", \"tables\", \"postings\" or \"details\"";
        return false;
    }
    entry_count_ = entries->get<std::size_t>();
    entries_per_detail_ = per_file->get<std::size_t>();
    if (entry_count_ > UINT32_MAX || files->size() != (entry_count_ + entries_per_detail_ - 1) / entries_per_detail_) {
        error = "its details files do not match its " + std::to_string(entry_count_) + " entries";
        return false;
    }
    LoadResult loaded = load_bundle(header->dump());
    if (!loaded.usable) { error = "its \"bundle\" is not a bundle's fields: " + loaded.problems.front().message; return false; }
    header_ = std::move(loaded.bundle);
    tables_name_ = tables->get<std::string>();
    for (const Json& file : *postings) {
        const Json* name = member(file, "file", Json::value_t::string);
        const Json* first = member(file, "first_term", Json::value_t::number_unsigned);
        if (!name || !first || !plain_name(name->get<std::string>()) || *first > UINT32_MAX)
            { error = "a postings file needs a plain \"file\" name and a \"first_term\""; return false; }
        postings_.push_back({name->get<std::string>(), first->get<std::uint32_t>(), std::nullopt});
    }
    for (const Json& file : *files) {
        if (!file.is_string() || !plain_name(file.get<std::string>())) { error = "a details file needs a plain name"; return false; }
        details_.push_back({file.get<std::string>(), {}, false});
    }
    if (!plain_name(tables_name_)) { error = "its \"tables\" needs a plain name"; return false; }
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
    const std::uint32_t first = file.first_term;
    const std::uint32_t next = after == postings_.end() ? static_cast<std::uint32_t>(index_->term_count()) : after->first_term;
    if (!file.bytes) {
        bool arriving = false;
        file.bytes = fetch(file.name, arriving);
        if (arriving) return {};  // asked for again once it is here
        if (!file.bytes) file.bytes = std::string();  // asked once: a query does not wait on it again
        else if (const char* problem = index_->postings_problem(first, next, *file.bytes)) {
            note_failure(file.name + ": " + problem);
            file.bytes = std::string();
        }
    }
    if (file.bytes->size() != index_->posting_offset(next) - index_->posting_offset(first)) return {};
    return {reinterpret_cast<const std::uint8_t*>(file.bytes->data()), index_->posting_offset(first)};
}

const Entry& ShardedBundle::entry(std::uint32_t id) const {
    DetailFile& file = details_[id / entries_per_detail_];
    const std::size_t first = id / entries_per_detail_ * entries_per_detail_;
    if (!file.fetched) {
        bool arriving = false;
        std::optional<std::string> json = fetch(file.name, arriving);
        file.fetched = !arriving;
        if (json) {
            LoadResult loaded = load_bundle(*json);
            const std::size_t expected = std::min(entries_per_detail_, entry_count_ - first);
            if (!loaded.usable || loaded.bundle.entries.size() != expected)
                note_failure(file.name + ": it does not hold entries " + std::to_string(first) + " to " +
                             std::to_string(first + expected - 1));
            else
                file.entries = std::move(loaded.bundle.entries);
        }
    }
    const std::size_t at = id - first;
    return at < file.entries.size() ? file.entries[at] : missing_;
}

SearchResult ShardedBundle::search(const SearchRequest& request) const {
    SearchResult result = index_->search(request);
    if (!failure_.empty()) result.hints.push_back("some results may be missing: " + failure_);
    return result;
}

}  // namespace pv::shards
