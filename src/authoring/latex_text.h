// LaTeX to plain UTF-8 text, for BibTeX fields (import_bibtex.h) and for the
// titles and abstracts of web APIs (markup_text.h).
#pragma once

#include <string>
#include <string_view>

namespace pv {

// Decodes the LaTeX of a BibTeX field value to plain UTF-8: accents ({\'e},
// \"o, \c{c}, \~n) become letters, escaped specials (\&) their characters,
// braces and font commands (\emph) go, '~' becomes a space.
std::string decode_latex(std::string_view text);

}  // namespace pv
