// A bundle as schema.org structured data (JSON-LD), for search engines that
// read a page's HTML: publications as ScholarlyArticle, jobs as JobPosting.
#pragma once

#include "core/model/bundle.h"

#include <optional>
#include <string>

namespace pv {

// An ItemList of the bundle's entries (only those of `kind` when it is set),
// in bundle order. Each item carries only the properties its entry has:
//   ScholarlyArticle: name, author (Person list), datePublished (the year),
//     isPartOf (the venue, as a CreativeWork), award, keywords (the tags),
//     abstract, url, sameAs (DOI and arXiv as links);
//   JobPosting: title, description, url, jobLocation (a Place with a
//     PostalAddress), hiringOrganization (the bundle's source name).
// Every '<' is written as \u003c, so the text can stand inside a <script>
// element without ending it ("</script>") or changing how it is parsed ("<!--").
std::string json_ld(const Bundle& bundle, std::optional<Kind> kind = std::nullopt);

}  // namespace pv
