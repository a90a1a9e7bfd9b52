// One formatter for citing publications: the reference line and the BibTeX
// that the widget's "copy citation" / "copy BibTeX" buttons and
// `pubview export-bibtex` all produce.
#pragma once

#include "core/model/bundle.h"

#include <string>

namespace pv {

// "Ann Lee, Bo Chen, and Cy Diaz. Title. Venue, 2022. https://doi.org/10.1/x"
// Only the fields the entry has are written; the year is left out when the
// venue already names it ("KDD 2022"). The link is the DOI, else the arXiv
// id, else the url.
std::string citation(const Entry& entry);

// A BibTeX record keyed by the entry's id. The type follows the venue:
// @misc with howpublished for no venue or "arXiv", @article with journal for
// a venue that names a journal, transactions or letters, @inproceedings with
// booktitle otherwise. Fields the bundle has beyond standard BibTeX (award)
// are written as fields of their own, which BibTeX styles ignore and
// `import-bibtex` reads back.
std::string bibtex(const Entry& entry);

// The records of all publications in the bundle, in bundle order, separated
// by a blank line.
std::string bibtex(const Bundle& bundle);

}  // namespace pv
