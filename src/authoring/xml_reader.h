// A small XML reader for the two XML answers pubview imports (DBLP person
// records, arXiv's Atom feed): elements, attributes, text, CDATA, comments,
// processing instructions and a DOCTYPE (skipped, its entities not read).
// Written here rather than taken from libxml2 or expat because the importers
// are also compiled to WebAssembly, where Debian's C libraries are not.
#pragma once

#include "core/model/bundle.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pv {

struct XmlElement {
    std::string name;  // as written, with its prefix ("arxiv:doi")
    std::vector<std::pair<std::string, std::string>> attributes;
    // Element children in order; `text` is every character of the content
    // (children's included), entities decoded.
    std::vector<XmlElement> children;
    std::string text;
    int line = 0;  // where the start tag is

    // The name without its namespace prefix ("doi" for "arxiv:doi").
    std::string_view local_name() const;
    // The attribute's value, empty when absent.
    std::string attribute(std::string_view name) const;
    // The first child with this local name, or null.
    const XmlElement* child(std::string_view local) const;
    // Every child with this local name.
    std::vector<const XmlElement*> all(std::string_view local) const;
    // The text of the first child with this local name, empty when none.
    std::string child_text(std::string_view local) const;
};

// The document's root element, or nullopt with an error naming the line and
// column ("mismatched end tag </title>, expected </entry>"). Nesting deeper
// than `max_depth` is refused, not followed.
std::optional<XmlElement> parse_xml(std::string_view text, Problem& error, std::size_t max_depth = 64);

}  // namespace pv
