// A DBLP person record: <dblpperson name=... pid=...><person>...</person>
// <r><article key=...>|<inproceedings>|...</r>... Each record has <author>s
// (homonyms numbered "Wei Wang 0001"), a <title> ending in '.', <year>,
// <journal> or <booktitle>, and <ee> links (DOI, arXiv, publisher).
#include "authoring/api_importers.h"
#include "authoring/xml_reader.h"

#include <algorithm>
#include <cctype>

namespace pv {

namespace {

// "Wei Wang 0001" -> "Wei Wang": DBLP's number for homonyms is no part of the name.
std::string person_name(std::string_view name) {
    std::string n = single_line(name);
    const auto space = n.rfind(' ');
    if (space != std::string::npos && n.size() - space == 5 &&
        std::all_of(n.begin() + static_cast<std::ptrdiff_t>(space) + 1, n.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        n.erase(space);
    return n;
}

std::optional<Entry> read_record(const XmlElement& record, std::vector<Problem>& problems) {
    Entry e;
    e.kind = Kind::publication;
    const std::string key = record.attribute("key");
    e.title = single_line(record.child_text("title"));
    if (e.title.size() > 1 && e.title.back() == '.') e.title.pop_back();
    if (e.title.empty()) {
        problems.push_back(error_at(record.line, "record " + key + " has no title; skipped"));
        return std::nullopt;
    }
    for (const XmlElement* author : record.all("author"))
        if (std::string name = person_name(author->text); !name.empty()) e.authors.push_back(std::move(name));
    if (e.authors.empty())
        for (const XmlElement* editor : record.all("editor"))
            if (std::string name = person_name(editor->text); !name.empty()) e.authors.push_back(std::move(name));
    e.year = year_of(record.child_text("year"));
    e.venue = single_line(record.child_text("journal"));
    if (e.venue.empty()) e.venue = single_line(record.child_text("booktitle"));
    if (e.venue.empty()) e.venue = single_line(record.child_text("school"));
    if (e.venue == "CoRR") e.arxiv = arxiv_id(record.child_text("volume"));  // volume "abs/2104.08166"
    for (const XmlElement* ee : record.all("ee")) {
        const std::string link = single_line(ee->text);
        if (std::string doi = bare_doi(link); !doi.empty() && e.doi.empty()) e.doi = doi;
        else if (link.find("arxiv.org/") != std::string::npos && e.arxiv.empty()) e.arxiv = arxiv_id(link);
        else if (e.url.empty() && is_safe_url(link, LinkSchemes::web)) e.url = link;
    }
    if (e.url.empty() && e.doi.empty() && e.arxiv.empty() && !key.empty()) e.url = "https://dblp.org/rec/" + key;
    return e;
}

}  // namespace

ApiPage import_dblp(std::string_view xml_text, IdAllocator& ids) {
    ApiPage page;
    const std::optional<XmlElement> person = parse_api_xml(xml_text, "dblpperson", "a DBLP person record", page);
    if (!person) return page;
    for (const XmlElement* r : person->all("r")) {
        ++page.items;
        if (r->children.empty()) {
            page.result.problems.push_back(warning_at(r->line, "an empty <r> record; skipped"));
            continue;
        }
        add_entry(page, read_record(r->children.front(), page.result.problems), ids, "");
    }
    return page;
}

}  // namespace pv
