// `pubview sync CONFIG -o BUNDLE.json`: rebuilds a bundle from a hand-written
// base and the sources a config names (cli/sync_sources.h), merged by
// authoring/sync_merge.h, and says what was added, updated and removed since
// the bundle it replaces. Exit codes as `validate`: 0 clean, 1 with problems
// (printed; the bundle is written), 2 nothing written (a bad config, an
// unreadable base, or a source that could not be read or fetched at all).
#include "authoring/sync_merge.h"
#include "cli/bundle_file.h"
#include "cli/commands.h"
#include "cli/sync_sources.h"

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace pv::cli {

namespace {

constexpr const char* kUsage =
    "sync CONFIG.json -o BUNDLE.json [--api-base URL] [--mailto ADDRESS] [--retries N] [--timeout SECONDS]";

struct SyncOptions {
    std::string config;
    std::string output;
    std::string api_base;
    std::string mailto;
    int retries = 4;
    int timeout = 60;
};

std::optional<SyncOptions> parse_sync_options(const Args& args) {
    SyncOptions o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.size() > 1 && arg[0] == '-') {
            if (i + 1 == args.size()) return std::nullopt;
            const std::string& value = args[++i];
            if (arg == "-o") o.output = value;
            else if (arg == "--api-base") o.api_base = value;
            else if (arg == "--mailto") o.mailto = value;
            else if (arg == "--retries" && value.find_first_not_of("0123456789") == std::string::npos && value.size() < 3) o.retries = std::stoi(value);
            else if (arg == "--timeout" && value.find_first_not_of("0123456789") == std::string::npos && value.size() < 5) o.timeout = std::stoi(value);
            else return std::nullopt;
        } else if (o.config.empty()) {
            o.config = arg;
        } else {
            return std::nullopt;
        }
    }
    if (o.config.empty() || o.output.empty() || o.output == "-" || o.retries < 1 || o.timeout < 1) return std::nullopt;
    return o;
}

// The bundle the last sync wrote, read quietly: only to say what changed.
Bundle previous_bundle(const std::string& path) {
    std::error_code error;
    if (!std::filesystem::exists(path, error)) return {};
    std::optional<std::string> bytes = read_file(path);
    return bytes ? load_bundle(*bytes).bundle : Bundle{};
}

// Writes next to the target and renames, so a reader never sees half a bundle.
bool write_atomically(const std::string& path, const std::string& text) {
    const std::string temporary = path + ".partial";
    if (!write_file(temporary, text)) return false;
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error) {
        std::cerr << "pubview: cannot write " << path << ": " << error.message() << '\n';
        std::filesystem::remove(temporary, error);
        return false;
    }
    return true;
}

void print_changes(const Bundle& before, const Bundle& after) {
    const SyncChanges changes = compare_bundles(before, after);
    std::cout << "pubview sync: " << after.count(Kind::publication) << " publications, " << after.count(Kind::job) << " jobs; "
              << changes.added.size() << " added, " << changes.updated.size() << " updated, " << changes.removed.size() << " removed\n";
    for (const std::string& id : changes.added) std::cout << "  added   " << id << '\n';
    for (const std::string& id : changes.updated) std::cout << "  updated " << id << '\n';
    for (const std::string& id : changes.removed) std::cout << "  removed " << id << '\n';
}

}  // namespace

int sync(const Args& args) {
    const std::optional<SyncOptions> options = parse_sync_options(args);
    if (!options) {
        std::cerr << "usage: pubview " << kUsage << '\n';
        return 2;
    }
    const std::optional<std::string> config_text = read_file(options->config);
    if (!config_text) return 2;
    const nlohmann::json config = nlohmann::json::parse(*config_text, nullptr, false);
    if (config.is_discarded() || !config.is_object()) {
        std::cerr << options->config << ": not a JSON object; a sync config is {\"title\": ..., \"base\": ..., \"sources\": [...]}\n";
        return 2;
    }
    const std::string config_dir = std::filesystem::path(options->config).parent_path().string();
    std::vector<std::string> errors;
    for (const char* key : {"title", "base", "mailto"})
        if (config.contains(key) && !config[key].is_string()) errors.push_back(std::string("/") + key + ": expected a string");
    const std::vector<SourceSpec> sources = read_sources(config, config_dir, errors);
    for (const std::string& e : errors) std::cerr << options->config << ": " << e << '\n';
    if (!errors.empty()) return 2;

    Bundle base;
    if (const auto base_path = config.find("base"); base_path != config.end() && base_path->is_string()) {
        const std::string path = base_path->get<std::string>();
        std::optional<LoadResult> loaded = load_bundle_file(path.starts_with("/") || config_dir.empty() ? path : config_dir + "/" + path);
        if (!loaded) return 2;
        base = std::move(loaded->bundle);
    }
    if (const auto title = config.find("title"); title != config.end() && title->is_string()) base.title = title->get<std::string>();
    if (base.title.empty()) {
        std::cerr << options->config << ": /title: a bundle needs a title; give one here or in the base bundle\n";
        return 2;
    }

    std::string contact = options->mailto;
    if (contact.empty() && config.contains("mailto") && config["mailto"].is_string()) contact = config["mailto"].get<std::string>();
    const bool fetches = std::any_of(sources.begin(), sources.end(), [](const SourceSpec& s) { return s.files.empty(); });
    if (fetches && contact.empty() && options->api_base.empty())
        std::cerr << "pubview sync: note: no contact address (--mailto or \"mailto\" in the config); Crossref and OpenAlex ask for one\n";
    HttpOptions http;
    http.user_agent = "pubview/" PUBVIEW_VERSION + (contact.empty() ? std::string() : " (mailto:" + contact + ")");
    http.timeout = std::chrono::seconds(options->timeout);
    http.stall = std::chrono::seconds(std::min(options->timeout, 20));
    const std::unique_ptr<HttpClient> client = make_http_client(http);
    FetchSettings settings{client.get(), RetryPolicy{}, options->api_base, contact};
    settings.retry.attempts = options->retries;

    std::vector<NamedBundle> imported;
    std::size_t failed = 0, problems = 0;
    for (const SourceSpec& source : sources) {
        SourceResult result = run_source(source, settings);
        failed += result.failed;
        problems += result.problem_count;
        imported.push_back({source.label, std::move(result.bundle)});
    }
    if (failed > 0) {
        std::cerr << "pubview sync: " << failed << " of " << sources.size() << " sources could not be read; " << options->output
                  << " is left as it was\n";
        return 2;
    }
    const ImportResult merged = sync_merge(base, imported);
    print_changes(previous_bundle(options->output), merged.bundle);
    if (!write_atomically(options->output, to_json(merged.bundle))) return 2;
    return problems > 0 ? 1 : 0;
}

}  // namespace pv::cli
