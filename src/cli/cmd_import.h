// The bundle-authoring subcommands: import-page, import-csv, import-bibtex,
// merge and export-bibtex. Same calling convention as cli/commands.h.
#pragma once

#include "cli/commands.h"

namespace pv::cli {

int import_page(const Args& args);    // import-page PAGE.txt [--facts FACTS.json] -o OUT.json
int import_csv(const Args& args);     // import-csv FILE.csv --kind job|publication [--map column=field ...] [--title TITLE] -o OUT.json
int import_bibtex(const Args& args);  // import-bibtex FILE.bib [--title TITLE] -o OUT.json
int merge(const Args& args);          // merge A.json B.json ... [--title TITLE] -o OUT.json
int export_bibtex(const Args& args);  // export-bibtex FILE.json [-o OUT.bib]

}  // namespace pv::cli
