// How an entry is summed up for people: the one-line summary under its title
// and the links it offers. The panel, the page's DOM mirror and print view
// all show these, so they are made in one place.
#pragma once

#include "core/bundle.h"

#include <cstddef>
#include <string>
#include <vector>

namespace pv {

// "KDD 2022 · Yuhang Wu, Zeyu Zheng +3 · Best paper award" for a publication,
// "Seattle, WA, US · Fire TV Channels" for a job.
std::string summary_line(const Entry& entry);

// A publication's venue with its year, the year only when the venue does not
// already name it: "KDD 2022", "arXiv 2021", "2020" (no venue), "" (neither).
std::string venue_and_year(const Entry& entry);

struct EntryLink {
    std::string label;  // "Paper", "DOI", "arXiv", "View the posting"
    std::string url;
};

// The entry's own links, in the order they are shown; empty ones left out.
std::vector<EntryLink> entry_links(const Entry& entry);

// A count with its thousands grouped: "7", "40,000", "1,250,000".
std::string count_text(std::size_t n);

}  // namespace pv
