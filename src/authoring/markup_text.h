// Markup that web APIs put in text, made into the bundle's plain text: HTML
// job descriptions (Greenhouse, Lever, Ashby), JATS and LaTeX in titles and
// abstracts (Crossref, OpenAlex, arXiv), entities everywhere.
#pragma once

#include <string>
#include <string_view>

namespace pv {

// "&amp;" -> "&", "&eacute;" -> "é", "&#246;" and "&#xF6;" -> "ö", "&nbsp;" ->
// U+00A0. An unknown name or a malformed reference is kept as it is; a number
// that is no character (0, a surrogate, > U+10FFFF) becomes U+FFFD.
std::string decode_entities(std::string_view text);

// An HTML fragment as a job description body (core/model/bundle.h): block
// elements become paragraphs separated by a blank line; <li> items become
// "- " lines; headings (<h1>..<h6>, or a short paragraph that is all bold and
// no sentence) become a line ending in ':'; <br> ends a paragraph; <script>
// and <style> are dropped; white space is collapsed and control characters
// removed.
std::string html_to_text(std::string_view html);

// A title (`keep_paragraphs` false: one line) or an abstract (true: JATS <p>
// and blank lines become paragraph breaks) with JATS/MathML/HTML tags removed,
// entities decoded, a leading "Abstract" heading dropped, and LaTeX as
// latex_to_text does when the text holds a LaTeX command or $...$.
std::string markup_to_text(std::string_view text, bool keep_paragraphs);

// Text written in LaTeX (arXiv's titles and abstracts, already taken out of
// their XML): $...$ delimiters go, \emph{...} keeps its text, accents become
// letters; blank lines are paragraph breaks when `keep_paragraphs`.
std::string latex_to_text(std::string_view text, bool keep_paragraphs);

}  // namespace pv
