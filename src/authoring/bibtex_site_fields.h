// The fields that lab-site templates add to BibTeX, and the links people
// wrap in HTML: al-folio (`_bibliography/papers.bib`: arxiv, html, pdf, supp,
// code, slides, poster, video, website, blog, data, abbr, selected) and Hugo Blox
// (url_pdf, url_code, url_slides, url_video, url_poster, url_dataset,
// url_project, url_source, publication_types, featured). import_bibtex uses
// them; docs/authoring.md tells a lab what lands where.
#pragma once

#include "authoring/import_common.h"

#include <map>
#include <string>
#include <string_view>

namespace pv {

// Where relative links of a lab site's BibTeX point. al-folio keeps
// `pdf = {paper.pdf}` (and supp, poster, slides) under the site's
// /assets/pdf/, other relative links (`html = {relativity.html}`, Hugo Blox's
// url_pdf = {/uploads/paper.pdf}) from the site's root. Without a site such
// links are left out with a warning that names the option.
struct BibtexOptions {
    std::string site_url;  // "https://lab.example.org" (http or https)
};

// A URL or DOI field's value as a link: braces and TeX escapes go, and a link
// written inside HTML (`doi:<a href="https://doi.org/10.1/x">10.1/x</a>`)
// gives its href.
std::string bibtex_link(std::string_view raw);
// The DOI a link or "doi:" text names ("https://doi.org/10.1/x", "doi:10.1/x",
// "DOI: 10.1/x" give "10.1/x"), or "".
std::string doi_in(std::string_view link);

// Whether import_bibtex knows `field` (lower case) through these conventions.
bool is_site_field(std::string_view field);

// Sets what the site fields of one entry say: typed links, the page (url) if
// it has none, arxiv, venue_short, featured, type (from publication_types, or
// else from the BibTeX entry type) and date (biblatex's date, or year and
// month). `fields` are the entry's lower-case names and raw values; problems
// name `line`.
void apply_site_fields(const std::map<std::string, std::string>& fields, std::string_view entry_type, int line,
                       const std::string& key, const BibtexOptions& options, Entry& entry, std::vector<Problem>& problems);

}  // namespace pv
