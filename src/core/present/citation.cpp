#include "core/present/citation.h"

#include <algorithm>
#include <string_view>
#include <utility>
#include <cctype>

namespace pv {

namespace {

// LaTeX-escapes text for a BibTeX field: & % $ # _ { } \ ~ ^ become commands;
// braces in the output stay balanced.
std::string escape_bibtex(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': case '%': case '$': case '#': case '_':
                out += '\\';
                out += c;
                break;
            // BibTeX counts braces even after a backslash, so "\{" would unbalance the field.
            case '{': out += "\\textbraceleft{}"; break;
            case '}': out += "\\textbraceright{}"; break;
            case '\\': out += "\\textbackslash{}"; break;
            case '~': out += "\\textasciitilde{}"; break;
            case '^': out += "\\textasciicircum{}"; break;
            default: out += c;
        }
    }
    return out;
}

bool ends_sentence(std::string_view text) {
    return !text.empty() && (text.back() == '.' || text.back() == '?' || text.back() == '!');
}

void add_sentence(std::string& out, std::string_view sentence) {
    if (sentence.empty()) return;
    if (!out.empty()) out += ' ';
    out += sentence;
    if (!ends_sentence(sentence)) out += '.';
}

// "A", "A and B", "A, B, and C".
std::string author_list(const std::vector<std::string>& authors) {
    std::string out;
    for (std::size_t i = 0; i < authors.size(); ++i) {
        if (i > 0) out += authors.size() == 2 ? " and " : (i + 1 == authors.size() ? ", and " : ", ");
        out += authors[i];
    }
    return out;
}

bool contains_ignoring_case(std::string_view text, std::string_view word) {
    auto it = std::search(text.begin(), text.end(), word.begin(), word.end(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
    return it != text.end();
}

bool is_journal(std::string_view venue) {
    return contains_ignoring_case(venue, "journal") || contains_ignoring_case(venue, "transactions") ||
           contains_ignoring_case(venue, "letters");
}

bool is_preprint_server(std::string_view venue) { return venue.empty() || contains_ignoring_case(venue, "arxiv"); }

void add_field(std::string& out, std::string_view name, std::string_view value) {
    if (value.empty()) return;
    out += "  ";
    out += name;
    out += " = {";
    out += value;
    out += "},\n";
}

// An author name goes in braces when BibTeX would otherwise read it as more
// than one name (" and ") or as "Last, First" (a comma).
std::string bibtex_name(const std::string& name) {
    const std::string escaped = escape_bibtex(name);
    const bool ambiguous = name.find(',') != std::string::npos || contains_ignoring_case(name, " and ");
    return ambiguous ? '{' + escaped + '}' : escaped;
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const std::string& part : parts) {
        if (!out.empty()) out += separator;
        out += part;
    }
    return out;
}

}  // namespace

std::string citation(const Entry& entry) {
    std::string out;
    add_sentence(out, author_list(entry.authors));
    add_sentence(out, entry.title);
    std::string venue = entry.venue;
    if (entry.year) {
        const std::string year = std::to_string(*entry.year);
        if (venue.find(year) == std::string::npos) venue += venue.empty() ? year : ", " + year;
    }
    add_sentence(out, venue);
    // The link ends the line with no '.', which would otherwise become part of it.
    const std::string link = !entry.doi.empty()     ? "https://doi.org/" + entry.doi
                             : !entry.arxiv.empty() ? "arXiv:" + entry.arxiv
                                                    : entry.url;
    if (!link.empty()) out += (out.empty() ? "" : " ") + link;
    return out;
}

namespace {

// The entry type for the publication's type (Entry::type), else one guessed from its venue.
const char* bibtex_type(const Entry& entry) {
    static constexpr std::pair<std::string_view, const char*> kTypes[] = {
        {"article", "article"}, {"conference paper", "inproceedings"}, {"preprint", "unpublished"}, {"thesis", "phdthesis"},
        {"book", "book"}, {"chapter", "incollection"}, {"dataset", "dataset"}, {"software", "software"}};
    for (const auto& [type, entry_type] : kTypes)
        if (entry.type == type) return entry_type;
    return is_preprint_server(entry.venue) ? "misc" : is_journal(entry.venue) ? "article" : "inproceedings";
}

}  // namespace

std::string bibtex(const Entry& entry) {
    const char* type = bibtex_type(entry);
    const char* venue_field = is_preprint_server(entry.venue) ? "howpublished" : is_journal(entry.venue) ? "journal" : "booktitle";
    std::string out = std::string("@") + type + '{' + entry.id + ",\n";
    // Double braces keep the title's capitals ("AlexaTM") in styles that lower-case titles.
    add_field(out, "title", '{' + escape_bibtex(entry.title) + '}');
    std::vector<std::string> names;
    for (const std::string& author : entry.authors) names.push_back(bibtex_name(author));
    add_field(out, "author", joined(names, " and "));
    add_field(out, venue_field, escape_bibtex(entry.venue));
    if (entry.year) add_field(out, "year", std::to_string(*entry.year));
    add_field(out, "date", entry.date);  // biblatex's; BibTeX styles keep to year
    add_field(out, "doi", entry.doi);
    if (!entry.arxiv.empty()) {
        add_field(out, "eprint", entry.arxiv);
        add_field(out, "archiveprefix", "arXiv");
    }
    add_field(out, "url", entry.url);
    add_field(out, "abstract", escape_bibtex(entry.body));
    add_field(out, "keywords", escape_bibtex(joined(entry.tags, ", ")));
    add_field(out, "award", escape_bibtex(entry.award));
    out.erase(out.size() - 2, 1);  // the last field's ','
    out += "}\n";
    return out;
}

std::string bibtex(const Bundle& bundle) {
    std::string out;
    for (const Entry& entry : bundle.entries) {
        if (entry.kind != Kind::publication) continue;
        if (!out.empty()) out += '\n';
        out += bibtex(entry);
    }
    return out;
}

}  // namespace pv
