// The arXiv API's Atom feed: <feed><opensearch:totalResults/><entry>... with
// <id>http://arxiv.org/abs/ID vN</id>, <title>, <summary>, <author><name>,
// <published>, <arxiv:doi>, <arxiv:journal_ref>, <arxiv:comment>, <category term>.
#include "authoring/api_importers.h"
#include "authoring/latex_text.h"
#include "authoring/markup_text.h"
#include "authoring/xml_reader.h"

#include "core/model/dates.h"

namespace pv {

namespace {

std::optional<Entry> read_entry(const XmlElement& entry, std::vector<Problem>& problems) {
    Entry e;
    e.kind = Kind::publication;
    e.arxiv = arxiv_id(entry.child_text("id"));
    e.title = latex_to_text(entry.child_text("title"), false);
    const std::string name = e.arxiv.empty() ? "the entry" : "arXiv " + e.arxiv;
    if (e.title.empty()) {
        problems.push_back(error_at(entry.line, name + " has no title; skipped"));
        return std::nullopt;
    }
    const std::string comment = single_line(entry.child_text("comment"));
    if (lower_ascii(comment).find("withdrawn") != std::string::npos) {
        problems.push_back(warning_at(entry.line, name + " (\"" + e.title + "\") has been withdrawn by its authors; left out"));
        return std::nullopt;
    }
    e.body = latex_to_text(entry.child_text("summary"), true);
    for (const XmlElement* author : entry.all("author"))
        if (std::string n = single_line(decode_latex(author->child_text("name"))); !n.empty()) e.authors.push_back(std::move(n));
    e.year = year_of(entry.child_text("published"));
    if (const std::optional<IsoDate> published = parse_iso_date(api_date(entry.child_text("published")))) e.date = iso_date_text(*published);
    e.type = "preprint";
    e.doi = bare_doi(entry.child_text("doi"));
    e.venue = latex_to_text(entry.child_text("journal_ref"), false);
    if (e.venue.empty()) e.venue = "arXiv";
    for (const XmlElement* link : entry.all("link")) {
        if (link->attribute("rel") == "alternate") e.url = link->attribute("href");
        else if (link->attribute("title") == "pdf" && is_safe_url(link->attribute("href"), LinkSchemes::web))
            e.links.push_back({"", link->attribute("href"), LinkKind::pdf});
    }
    for (const XmlElement* category : entry.all("category"))
        if (std::string term = single_line(category->attribute("term")); !term.empty()) e.tags.push_back(std::move(term));
    return e;
}

}  // namespace

ApiPage import_arxiv(std::string_view atom_text, IdAllocator& ids) {
    ApiPage page;
    const std::optional<XmlElement> feed = parse_api_xml(atom_text, "feed", "an arXiv Atom feed", page);
    if (!feed) return page;
    const std::vector<const XmlElement*> entries = feed->all("entry");
    // A bad query is answered with one entry whose id is .../api/errors#...
    if (entries.size() == 1 && entries[0]->child_text("id").find("/api/errors") != std::string::npos)
        return unusable_page({error_at(entries[0]->line, "arXiv answered with an error: " + single_line(entries[0]->child_text("summary")))}, "");
    page.items = entries.size();
    for (const XmlElement* entry : entries) add_entry(page, read_entry(*entry, page.result.problems), ids, "");
    const std::string total_text = feed->child_text("totalResults");
    const std::string_view total = trim(total_text);
    if (!total.empty() && total.size() < 10 && total.find_first_not_of("0123456789") == std::string_view::npos)
        page.total = std::stoul(std::string(total));
    return page;
}

}  // namespace pv
