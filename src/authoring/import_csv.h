// `pubview import-csv`: a spreadsheet exported as CSV becomes publications or
// jobs, one per row.
#pragma once

#include "authoring/import_common.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace pv {

// One record of a CSV file and the line it starts on.
struct CsvRow {
    int line = 0;
    std::vector<std::string> cells;
};

// RFC 4180: ',' separates cells, '"' quotes a cell that may hold ',', line
// breaks and '""' (one '"'). A UTF-8 BOM and CR LF line ends are accepted.
// A record with an unterminated quote is reported and skipped, and reading
// goes on at the line after the one where that record began.
std::vector<CsvRow> parse_csv(std::string_view text, std::vector<Problem>& problems);

struct CsvImportOptions {
    Kind kind = Kind::publication;
    // Column name (any case) -> field, overriding the match of header names to
    // field names: {"Paper Title", "title"}.
    std::map<std::string, std::string> column_fields;
};

// The first row is the header; a column fills the field it is named after
// (any case) or the one `column_fields` gives it. Publications have id,
// title, abstract, authors, venue, year, tags, url, doi, arxiv, award, rank,
// abstract_truncated; jobs id, title, description, team, url, tags, country,
// region, city. authors and tags hold ';'-separated lists. Other columns are
// reported and left out. A row with the wrong number of cells, or
// without a title (or, for a job, a description and a location), is reported
// with its line and skipped; every other row becomes an entry.
ImportResult import_csv(std::string_view csv_text, const CsvImportOptions& options);

}  // namespace pv
