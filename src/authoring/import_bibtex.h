// `pubview import-bibtex`: BibTeX entries become publications.
#pragma once

#include "authoring/bibtex_site_fields.h"
#include "authoring/import_common.h"

#include <string>
#include <string_view>
#include <vector>

namespace pv {

// Reads every entry it can: title, authors (in "First Last" order), year,
// booktitle/journal/howpublished as venue, doi, url, eprint (arXiv), abstract,
// keywords as tags, award. @string macros and '#' concatenation are expanded;
// @comment and @preamble are ignored. A malformed entry or one of an unknown
// type is reported with its line and skipped; the entries after it are kept.
// Ids are the citation keys, made unique. The fields lab sites add (al-folio,
// Hugo Blox: bibtex_site_fields.h) become typed links, a short venue, a
// featured flag, a type and a date; a DOI or link wrapped in HTML or written
// "doi:10.1/x" in url is recovered.
ImportResult import_bibtex(std::string_view bib_text, const BibtexOptions& options = {});

// Splits an author field on " and " outside braces and turns "Last, First"
// and "Last, Jr, First" into "First Last" and "First Last Jr".
std::vector<std::string> parse_bibtex_names(std::string_view field);

}  // namespace pv
