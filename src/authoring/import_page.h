// `pubview import-page`: turns the text of a "most viewed publications" page
// (a heading, an intro paragraph, a numbered list of abstracts, then job
// postings) into a bundle, optionally completed with bibliographic facts.
#pragma once

#include "authoring/import_common.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pv {

// Bibliographic facts about the page's publications, keyed by their rank on
// the page (the shape of shared/facts/publications-2022.json). A field the
// facts file leaves out stays empty: it is never guessed.
struct PublicationFacts {
    int rank = 0;
    std::string title;
    std::vector<std::string> authors;
    std::string venue;
    std::optional<int> year;
    std::string doi;
    std::string arxiv;
    std::string url;
    std::string award;
};

struct PageFacts {
    std::string article_url;  // the page's own address, the bundle's source url
    std::vector<PublicationFacts> publications;
};

// Reads a facts file; nullopt (with a problem) if it is not JSON of that shape.
std::optional<PageFacts> parse_page_facts(std::string_view json_text, std::vector<Problem>& problems);

struct PageImportOptions {
    std::string source_name = "Amazon Science";
    const PageFacts* facts = nullptr;
};

ImportResult import_page(std::string_view page_text, const PageImportOptions& options = {});

}  // namespace pv
