// The sources of `pubview sync`: what a config names (an ORCID iD, a
// Greenhouse board, saved responses, ...) and how each is read, page by page,
// from saved files or over HTTP (cli/http_client.h).
#pragma once

#include "authoring/import_common.h"
#include "cli/http_client.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace pv::cli {

// Everything fetching needs that is the same for all sources.
struct FetchSettings {
    HttpClient* client = nullptr;  // null: this build cannot fetch
    RetryPolicy retry;
    std::string api_base;          // replaces every API's scheme and host (a test server)
    std::string contact;           // an e-mail address for the APIs' polite pools (Crossref, OpenAlex)
};

// One source of the config: its type ("crossref", "orcid", ...), the
// config's object for it, and, when it has "files", the saved responses
// (paths relative to the config) to read instead of fetching.
struct SourceSpec {
    std::string type;
    nlohmann::json settings;
    std::vector<std::string> files;
    std::string label;  // "sources[2] (greenhouse)", for messages
};

// The config's "sources", each checked; problems name the index and field.
std::vector<SourceSpec> read_sources(const nlohmann::json& config, const std::string& config_dir, std::vector<std::string>& errors);

// What a source gave: its entries, or `failed` with the reason printed. Every
// problem of its responses is printed as "WHERE: /pointer: message" with
// WHERE the file or URL it came from, and counted in `problem_count`.
struct SourceResult {
    Bundle bundle;
    bool failed = false;
    std::size_t problem_count = 0;
};
SourceResult run_source(const SourceSpec& source, const FetchSettings& settings);

// The source types a config may name.
const std::vector<std::string>& source_types();

}  // namespace pv::cli
