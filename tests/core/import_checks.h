// What the importer tests share: their input files and a look-up of the
// problems an import reported.
#pragma once

#include "authoring/import_common.h"
#include "source_files.h"

#include <string>

inline std::string read_import_input(const std::string& name) { return read_source_file("tests/data/import/" + name); }

// True if a problem on `line` (0 for the whole input) says `fragment`.
inline bool has_problem_at_line(const pv::ImportResult& result, int line, const std::string& fragment) {
    for (const pv::Problem& p : result.problems)
        if (p.line == line && p.message.find(fragment) != std::string::npos) return true;
    return false;
}
