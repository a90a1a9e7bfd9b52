// The bundle-authoring subcommands. Exit codes: 0 when the input was read
// without errors (warnings are printed), 1 when some items had to be skipped
// (the rest is written), 2 when nothing could be written (usage, unreadable
// or structureless input).
#include "cli/bundle_file.h"
#include "cli/cmd_import.h"
#include "core/present/citation.h"
#include "authoring/import_bibtex.h"
#include "authoring/import_csv.h"
#include "authoring/import_page.h"
#include "authoring/merge.h"

#include <iostream>
#include <optional>
#include <set>

namespace pv::cli {

namespace {

struct Options {
    std::vector<std::string> inputs;
    std::string output = "-";
    std::string facts;
    std::string kind;
    std::vector<std::string> maps;
    std::string title;  // the bundle's title, which CSV and BibTeX files do not have
    std::string site;   // the lab site that a BibTeX file's relative links point into
};

// Reads the arguments; options not in `allowed` (e.g. {"-o", "--facts"}) are
// usage errors. Prints `usage` and returns nullopt when they do not fit.
std::optional<Options> parse_options(const Args& args, const std::set<std::string>& allowed, std::size_t min_inputs,
                                     std::size_t max_inputs, const char* usage) {
    Options options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.size() > 1 && arg[0] == '-') {
            if (!allowed.count(arg) || i + 1 == args.size()) {
                std::cerr << "usage: pubview " << usage << '\n';
                return std::nullopt;
            }
            const std::string& value = args[++i];
            if (arg == "-o") options.output = value;
            else if (arg == "--facts") options.facts = value;
            else if (arg == "--kind") options.kind = value;
            else if (arg == "--map") options.maps.push_back(value);
            else if (arg == "--title") options.title = value;
            else if (arg == "--site") options.site = value;
        } else {
            options.inputs.push_back(arg);
        }
    }
    if (options.inputs.size() < min_inputs || options.inputs.size() > max_inputs) {
        std::cerr << "usage: pubview " << usage << '\n';
        return std::nullopt;
    }
    return options;
}

// Prints the problems, writes the bundle (with the --title given, if any) if
// there is one and gives the exit code.
int finish(const std::string& input, ImportResult result, const Options& options) {
    for (const Problem& p : result.problems) std::cerr << format_problem(input, p) << '\n';
    if (!result.usable) return 2;
    if (!options.title.empty()) result.bundle.title = options.title;
    if (!write_file(options.output, to_json(result.bundle))) return 2;
    return result.has_errors() ? 1 : 0;
}

}  // namespace

int import_page(const Args& args) {
    const auto options = parse_options(args, {"-o", "--facts"}, 1, 1, "import-page PAGE.txt [--facts FACTS.json] -o OUT.json");
    if (!options) return 2;
    const std::optional<std::string> page = read_file(options->inputs[0]);
    if (!page) return 2;
    std::optional<PageFacts> facts;
    if (!options->facts.empty()) {
        const std::optional<std::string> facts_text = read_file(options->facts);
        if (!facts_text) return 2;
        std::vector<Problem> problems;
        facts = parse_page_facts(*facts_text, problems);
        for (const Problem& p : problems) std::cerr << format_problem(options->facts, p) << '\n';
        if (!facts) return 2;
    }
    PageImportOptions page_options;
    page_options.facts = facts ? &*facts : nullptr;
    return finish(options->inputs[0], pv::import_page(*page, page_options), *options);
}

int import_csv(const Args& args) {
    const char* usage = "import-csv FILE.csv --kind job|publication [--map column=field ...] [--title TITLE] -o OUT.json";
    const auto options = parse_options(args, {"-o", "--kind", "--map", "--title"}, 1, 1, usage);
    if (!options) return 2;
    if (options->kind != "job" && options->kind != "publication") {
        std::cerr << "pubview import-csv: --kind must be job or publication\nusage: pubview " << usage << '\n';
        return 2;
    }
    CsvImportOptions csv_options;
    csv_options.kind = options->kind == "job" ? Kind::job : Kind::publication;
    for (const std::string& map : options->maps) {
        const auto equals = map.rfind('=');
        if (equals == std::string::npos || equals == 0) {
            std::cerr << "pubview import-csv: --map wants column=field, got \"" << map << "\"\n";
            return 2;
        }
        csv_options.column_fields[map.substr(0, equals)] = map.substr(equals + 1);
    }
    const std::optional<std::string> text = read_file(options->inputs[0]);
    if (!text) return 2;
    return finish(options->inputs[0], pv::import_csv(*text, csv_options), *options);
}

int import_bibtex(const Args& args) {
    const char* usage = "import-bibtex FILE.bib [--site URL] [--title TITLE] -o OUT.json";
    const auto options = parse_options(args, {"-o", "--title", "--site"}, 1, 1, usage);
    if (!options) return 2;
    const std::optional<std::string> text = read_file(options->inputs[0]);
    if (!text) return 2;
    if (!options->site.empty() && !pv::is_safe_url(options->site, pv::LinkSchemes::web)) {
        std::cerr << "pubview import-bibtex: --site wants the site's http(s) address, got \"" << options->site << "\"\nusage: pubview " << usage << '\n';
        return 2;
    }
    return finish(options->inputs[0], pv::import_bibtex(*text, {options->site}), *options);
}

int merge(const Args& args) {
    const auto options = parse_options(args, {"-o", "--title"}, 2, SIZE_MAX, "merge A.json B.json ... [--title TITLE] -o OUT.json");
    if (!options) return 2;
    std::vector<NamedBundle> inputs;
    for (const std::string& path : options->inputs) {
        std::optional<LoadResult> loaded = load_bundle_file(path);
        if (!loaded) return 2;
        inputs.push_back({path, std::move(loaded->bundle)});
    }
    ImportResult merged = merge_bundles(inputs);
    for (const Problem& p : merged.problems) std::cerr << "pubview merge: " << p.message << " (" << p.pointer << ")\n";
    if (!options->title.empty()) merged.bundle.title = options->title;
    return write_file(options->output, to_json(merged.bundle)) ? 0 : 2;
}

int export_bibtex(const Args& args) {
    const auto options = parse_options(args, {"-o"}, 1, 1, "export-bibtex FILE.json [-o OUT.bib]");
    if (!options) return 2;
    const std::optional<LoadResult> loaded = load_bundle_file(options->inputs[0]);
    if (!loaded) return 2;
    return write_file(options->output, bibtex(loaded->bundle)) ? 0 : 2;
}

}  // namespace pv::cli
