// The hygiene rules, each defined once, that every reader and writer of a
// bundle's text applies: which links are kept, which characters go, how a
// one-line field is made.
#pragma once

#include <string>
#include <string_view>

namespace pv {

// The link rule: a link is kept only if its scheme is one of an explicit set
// (any case) and it has no space, control character, quote or angle bracket in
// it. The loader keeps web and mail links (http:, https:, mailto:) and drops
// every other; the importers take only web links for a paper's or posting's
// page; whatever writes links for a page checks them with this too.
enum class LinkSchemes { web, web_and_mail };
bool is_safe_url(std::string_view url, LinkSchemes allowed = LinkSchemes::web_and_mail);

// Removes control characters and text-direction overrides (text::is_hidden_control),
// which could hide or reorder text on screen. `keep_newlines` keeps '\n'
// (paragraphs of a body); elsewhere line breaks and tabs become spaces.
// Returns true if the text changed in a way worth a warning.
bool sanitize_text(std::string& text, bool keep_newlines);

// Removes `chars` from both ends of `text`.
void trim_ends(std::string& text, const char* chars);

// A one-line field (an id, a title) as the loader keeps it: tabs and line
// breaks become spaces, control and text-direction characters go, the ends
// are trimmed. Importers make ids with it, so that ids they keep apart stay
// apart once the bundle is loaded.
std::string single_line(std::string_view text);

}  // namespace pv
