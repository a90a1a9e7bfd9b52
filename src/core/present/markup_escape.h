// The one escaping rule for text written into HTML or XML: in element content
// and in quoted attribute values alike. `pubview html` (static_list.h) and
// the RSS and Atom feeds (feed.h) write all their text through it.
#pragma once

#include <string>
#include <string_view>

namespace pv {

// Appends `text` with & < > " ' written as &amp; &lt; &gt; &quot; &#39;, each
// of which means the same character in HTML and in XML 1.0.
void append_escaped(std::string& out, std::string_view text);

}  // namespace pv
