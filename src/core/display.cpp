#include "core/display.h"

namespace pv {

namespace {

constexpr const char* kSeparator = "  \xC2\xB7  ";  // a middle dot with room around it
constexpr std::size_t kAuthorsShown = 2;

}  // namespace

std::string venue_and_year(const Entry& e) {
    std::string venue = e.venue;
    if (e.year && venue.find(std::to_string(*e.year)) == std::string::npos)
        venue += (venue.empty() ? "" : " ") + std::to_string(*e.year);
    return venue;
}

std::string summary_line(const Entry& e) {
    std::string out;
    auto add = [&](const std::string& part) {
        if (part.empty()) return;
        if (!out.empty()) out += kSeparator;
        out += part;
    };
    if (e.kind == Kind::publication) {
        add(venue_and_year(e));
        std::string authors;
        for (std::size_t i = 0; i < e.authors.size() && i < kAuthorsShown; ++i) authors += (i ? ", " : "") + e.authors[i];
        if (e.authors.size() > kAuthorsShown) authors += " +" + std::to_string(e.authors.size() - kAuthorsShown);
        add(authors);
        add(e.award);
    } else {
        add(e.location.display());
        add(e.team);
    }
    return out;
}

std::vector<EntryLink> entry_links(const Entry& e) {
    std::vector<EntryLink> links;
    if (!e.url.empty()) links.push_back({e.kind == Kind::job ? "View the posting" : "Paper", e.url});
    if (!e.doi.empty()) links.push_back({"DOI", "https://doi.org/" + e.doi});
    if (!e.arxiv.empty()) links.push_back({"arXiv", "https://arxiv.org/abs/" + e.arxiv});
    return links;
}

std::string count_text(std::size_t n) {
    std::string digits = std::to_string(n);
    for (std::size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, 1, ',');
    return digits;
}

}  // namespace pv
