// pubview: validate, search and author pubview bundles from the command line.
#include "cli/cmd_import.h"
#include "cli/commands.h"

#include <cstring>
#include <iostream>

namespace {

struct Command {
    const char* name;
    const char* usage;
    int (*run)(const pv::cli::Args&);
};

constexpr Command kCommands[] = {
    {"validate", "validate FILE                 check a bundle; exit 0 clean, 1 warnings, 2 unusable", pv::cli::validate},
    {"search", "search FILE|DIR QUERY [--kind publication|job] [--filter FACET=VALUE ...] [--sort relevance|rank|year|title] [--limit N] [--json [--facets]]", pv::cli::search},
    {"stats", "stats FILE                    counts of entries, years, venues and locations", pv::cli::stats},
    {"pack", "pack FILE.json [-o OUT.pvpack]     the bundle with its search index built, for large lists", pv::cli::pack},
    {"shard", "shard FILE --out DIR [--posting-bytes N] [--rows-per-file N] [--entries-per-file N] [--threads N]   a folder of files, fetched as searches need them, for very large lists", pv::cli::shard},
    {"html", "html FILE [--kind publication|job] [--heading 2..6] [--height CSS] [--lang TAG] [-o OUT]   a static HTML list with JSON-LD, for pages without JavaScript", pv::cli::html},
    {"feed", "feed FILE --kind job|publication --format rss|atom|json -o OUT [--base-url URL] [--updated TIME]   RSS 2.0, Atom or JSON Feed 1.1 of one kind, newest first", pv::cli::feed},
    {"ui-text", "ui-text LANG [-o OUT.json]    the interface's phrases in a language, as the widget fetches them", pv::cli::ui_text},
    {"import-page", "import-page PAGE.txt [--facts FACTS.json] -o OUT.json", pv::cli::import_page},
    {"import-csv", "import-csv FILE.csv --kind job|publication [--map column=field ...] [--title TITLE] -o OUT.json", pv::cli::import_csv},
    {"import-bibtex", "import-bibtex FILE.bib [--site URL] [--title TITLE] -o OUT.json", pv::cli::import_bibtex},
    {"merge", "merge A.json B.json ... [--title TITLE] -o OUT.json", pv::cli::merge},
    {"export-bibtex", "export-bibtex FILE.json [-o OUT.bib]", pv::cli::export_bibtex},
    {"sync", "sync CONFIG.json -o BUNDLE.json [--api-base URL] [--mailto ADDRESS] [--retries N] [--timeout SECONDS]   rebuild a bundle from a base and ORCID, Crossref, DBLP, arXiv, OpenAlex, Greenhouse, Lever, Ashby", pv::cli::sync},
};

int usage(std::ostream& out, int code) {
    out << "usage: pubview COMMAND ...\n";
    for (const Command& c : kCommands) out << "  pubview " << c.usage << '\n';
    out << "  pubview --version\n";
    return code;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage(std::cerr, 2);
    if (!std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) return usage(std::cout, 0);
    if (!std::strcmp(argv[1], "--version")) {
        std::cout << "pubview " << PUBVIEW_VERSION << '\n';
        return 0;
    }
    for (const Command& c : kCommands)
        if (!std::strcmp(argv[1], c.name)) return c.run(pv::cli::Args(argv + 2, argv + argc));
    std::cerr << "pubview: unknown command '" << argv[1] << "'\n";
    return usage(std::cerr, 2);
}
