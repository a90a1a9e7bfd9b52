// What the importer tests share: their input files and a look-up of the
// problems an import reported.
#pragma once

#include "authoring/import_api.h"
#include "authoring/import_common.h"
#include "source_files.h"

#include <string>

inline std::string read_import_input(const std::string& name) { return read_source_file("tests/data/import/" + name); }

// A saved web-API response (tests/data/api/README.md says where each shape comes from).
inline std::string read_api_response(const std::string& name) { return read_source_file("tests/data/api/" + name); }

// What an API importer makes of a saved response, with ids of its own.
inline pv::ApiPage import_saved(pv::ApiPage (*import)(std::string_view, pv::IdAllocator&), const std::string& name) {
    pv::IdAllocator ids;
    return import(read_api_response(name), ids);
}

// The entry with this title, or null.
inline const pv::Entry* entry_titled(const pv::Bundle& bundle, const std::string& title) {
    for (const pv::Entry& e : bundle.entries)
        if (e.title == title) return &e;
    return nullptr;
}

// True if a problem at `pointer` says `fragment`.
inline bool has_problem_at_pointer(const pv::ImportResult& result, const std::string& pointer, const std::string& fragment) {
    for (const pv::Problem& p : result.problems)
        if (p.pointer == pointer && p.message.find(fragment) != std::string::npos) return true;
    return false;
}

// True if a problem on `line` (0 for the whole input) says `fragment`.
inline bool has_problem_at_line(const pv::ImportResult& result, int line, const std::string& fragment) {
    for (const pv::Problem& p : result.problems)
        if (p.line == line && p.message.find(fragment) != std::string::npos) return true;
    return false;
}
