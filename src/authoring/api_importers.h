// The importers of saved web-API answers, one function per source (each in
// its own import_<source>.cpp). Each reads the bytes of one response and
// claims ids from `ids`, which the caller shares across the pages of one
// list so that ids stay unique; see import_api.h for ApiPage.
#pragma once

#include "authoring/import_api.h"

#include <string>
#include <string_view>
#include <vector>

namespace pv {

// Crossref REST API: a work (api.crossref.org/works/{doi}) or a list of
// works (/works?filter=..., with "next-cursor" when asked with cursor=*).
ApiPage import_crossref(std::string_view json_text, IdAllocator& ids);

// OpenAlex works (api.openalex.org/works?filter=author.id:...&cursor=*): the
// abstract is rebuilt from abstract_inverted_index; meta.next_cursor pages.
ApiPage import_openalex(std::string_view json_text, IdAllocator& ids);

// The arXiv API's Atom feed (export.arxiv.org/api/query): opensearch
// totalResults and the entries read give the next start.
ApiPage import_arxiv(std::string_view atom_text, IdAllocator& ids);

// A DBLP person record (dblp.org/pid/{pid}.xml): every <r> record.
ApiPage import_dblp(std::string_view xml_text, IdAllocator& ids);

// ORCID public API v3.0: the works summary (/v3.0/{orcid}/works) and, when
// given, details of those works: one work (/work/{put-code}) or a bulk
// answer (/works/{code,code,...}) per string. A work's details complete its
// summary (authors, abstract); a summary without details is imported as it is.
ApiPage import_orcid(std::string_view works_summary, const std::vector<std::string>& work_details, IdAllocator& ids);
// The put-codes the summary lists (its preferred work of each group), to
// fetch details for.
std::vector<std::string> orcid_put_codes(std::string_view works_summary);

// Greenhouse job board (boards-api.greenhouse.io/v1/boards/{token}/jobs?content=true).
ApiPage import_greenhouse(std::string_view json_text, IdAllocator& ids);
// Lever postings (api.lever.co/v0/postings/{company}?mode=json): `items` is
// the page's length, for skip/limit paging.
ApiPage import_lever(std::string_view json_text, IdAllocator& ids);
// Ashby job board (api.ashbyhq.com/posting-api/job-board/{name}); unlisted jobs are left out.
ApiPage import_ashby(std::string_view json_text, IdAllocator& ids);

}  // namespace pv
