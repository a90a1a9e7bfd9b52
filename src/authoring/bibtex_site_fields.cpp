#include "authoring/bibtex_site_fields.h"

#include "authoring/latex_text.h"

#include "core/model/dates.h"

#include <array>
#include <cstdio>

namespace pv {

namespace {

struct LinkField {
    std::string_view name;
    LinkKind kind;
    std::string_view label;  // empty: the kind's name
    bool al_folio_asset;     // a relative value lives under the site's /assets/pdf/
};

constexpr std::array<LinkField, 17> kLinkFields = {{
    {"pdf", LinkKind::pdf, "", true},
    {"supp", LinkKind::pdf, "Supplement", true},
    {"poster", LinkKind::poster, "", true},
    {"slides", LinkKind::slides, "", true},
    {"code", LinkKind::code, "", false},
    {"video", LinkKind::video, "", false},
    {"website", LinkKind::html, "Website", false},
    {"blog", LinkKind::html, "Blog", false},
    {"data", LinkKind::data, "", false},
    {"url_pdf", LinkKind::pdf, "", false},
    {"url_code", LinkKind::code, "", false},
    {"url_slides", LinkKind::slides, "", false},
    {"url_video", LinkKind::video, "", false},
    {"url_poster", LinkKind::poster, "", false},
    {"url_dataset", LinkKind::data, "", false},
    {"url_project", LinkKind::html, "Project", false},
    {"url_source", LinkKind::code, "Source", false},
}};

constexpr std::array<std::string_view, 6> kOtherFields = {"arxiv", "html", "abbr", "selected", "featured", "publication_types"};

std::string field(const std::map<std::string, std::string>& fields, std::string_view name) {
    const auto it = fields.find(std::string(name));
    return it == fields.end() ? std::string() : it->second;
}

std::string plain_text(std::string_view raw) { return single_line(decode_latex(raw)); }

bool is_true(std::string_view raw) {
    const std::string value = lower_ascii(trim(plain_text(raw)));
    return value == "true" || value == "yes" || value == "1";
}

// Hugo Blox's publication_types: the old numbers ("2", ['2']) or CSL's names.
std::string type_from_hugo_blox(std::string_view raw) {
    std::string value;
    for (char c : lower_ascii(raw))
        if (c != '[' && c != ']' && c != '\'' && c != '"' && c != ' ') value += c;
    value = value.substr(0, value.find(','));
    if (value == "1" || value == "paper-conference") return "conference paper";
    if (value == "2" || value == "article-journal" || value == "article") return "article";
    if (value == "3" || value == "preprint" || value == "manuscript") return "preprint";
    if (value == "5" || value == "book") return "book";
    if (value == "6" || value == "chapter") return "chapter";
    if (value == "7" || value == "thesis") return "thesis";
    if (value == "8" || value == "patent") return "patent";
    if (value == "dataset") return "dataset";
    if (value == "software") return "software";
    return {};
}

std::string type_from_entry_type(std::string_view type, const Entry& e) {
    if (type == "article") return "article";
    if (type == "inproceedings" || type == "conference") return "conference paper";
    if (type == "phdthesis" || type == "mastersthesis" || type == "thesis") return "thesis";
    if (type == "book") return "book";
    if (type == "inbook" || type == "incollection") return "chapter";
    if (type == "software") return "software";
    if (type == "dataset") return "dataset";
    if (type == "unpublished" || (type == "misc" && !e.arxiv.empty())) return "preprint";
    return {};
}

// "May", "may", "Sep.", "09", "9" -> 5, 9; 0 if not a month.
int month_number(std::string_view raw) {
    const std::string value = lower_ascii(trim(plain_text(raw)));
    if (!value.empty() && value.size() <= 2 && value.find_first_not_of("0123456789") == std::string::npos) {
        const int n = std::stoi(value);
        return n >= 1 && n <= 12 ? n : 0;
    }
    static constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
    for (std::size_t m = 0; m < kMonths.size(); ++m)
        if (value.starts_with(kMonths[m])) return static_cast<int>(m) + 1;
    return 0;
}

// The arXiv id in "2106.01234", "arXiv:2106.01234v2" or "https://arxiv.org/abs/2106.01234".
std::string arxiv_id(std::string link) {
    for (std::string_view prefix : {"https://arxiv.org/abs/", "http://arxiv.org/abs/", "https://arxiv.org/pdf/", "arxiv:"})
        if (lower_ascii(link).starts_with(prefix)) link = link.substr(prefix.size());
    return link;
}

// A relative link resolved against the site, or "" when there is none.
std::string resolve(const std::string& link, bool al_folio_asset, const BibtexOptions& options) {
    if (options.site_url.empty()) return {};
    std::string site = options.site_url;
    while (!site.empty() && site.back() == '/') site.pop_back();
    if (link.starts_with('/')) return site + link;
    return site + (al_folio_asset ? "/assets/pdf/" : "/") + link;
}

}  // namespace

std::string bibtex_link(std::string_view raw) {
    std::string out;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '{' || raw[i] == '}') continue;
        if (raw[i] == '\\' && i + 1 < raw.size() && std::string_view("_%#&~").find(raw[i + 1]) != std::string_view::npos) continue;
        out += raw[i];
    }
    // <a href="https://doi.org/10.1/x">10.1/x</a>, with or without a "doi:" before it.
    const std::string lower = lower_ascii(out);
    if (const std::size_t href = lower.find("href="); href != std::string::npos && href + 5 < out.size()) {
        const char quote = out[href + 5];
        const std::size_t start = href + (quote == '"' || quote == '\'' ? 6 : 5);
        const std::size_t end = out.find_first_of(quote == '"' || quote == '\'' ? std::string(1, quote) : std::string(" >"), start);
        out = out.substr(start, end == std::string::npos ? std::string::npos : end - start);
    }
    return std::string(trim(out));
}

std::string doi_in(std::string_view link) {
    const std::string lower = lower_ascii(link);
    for (std::string_view prefix : {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"}) {
        if (!lower.starts_with(prefix)) continue;
        const std::string doi(trim(link.substr(prefix.size())));
        return doi.starts_with("10.") ? doi : std::string();
    }
    return {};
}

bool is_site_field(std::string_view name) {
    for (const LinkField& link : kLinkFields)
        if (link.name == name) return true;
    for (std::string_view other : kOtherFields)
        if (other == name) return true;
    return false;
}

void apply_site_fields(const std::map<std::string, std::string>& fields, std::string_view entry_type, int line,
                       const std::string& key, const BibtexOptions& options, Entry& e, std::vector<Problem>& problems) {
    auto add_link = [&](std::string_view name, LinkKind kind, std::string_view label, bool al_folio_asset) {
        std::string link = bibtex_link(field(fields, name));
        if (link.empty()) return;
        if (!is_safe_url(link, LinkSchemes::web)) {
            const bool relative = link.find(':') == std::string::npos;
            const std::string resolved = relative ? resolve(link, al_folio_asset, options) : std::string();
            if (resolved.empty() || !is_safe_url(resolved, LinkSchemes::web)) {
                problems.push_back(warning_at(line, "entry " + key + ": " + std::string(name) + " \"" + link +
                                                        (relative ? "\" is relative to the lab's site; left out (give --site URL, the site's address, to keep it)"
                                                                  : "\" is not an http(s) link; left out")));
                return;
            }
            link = resolved;
        }
        if (!e.doi.empty() && doi_in(link) == e.doi) return;  // the DOI's own link is shown already
        if (kind == LinkKind::html && label.empty() && e.url.empty()) {
            e.url = link;  // the paper's page
            return;
        }
        for (const Link& kept : e.links)
            if (kept.url == link) return;
        e.links.push_back({std::string(label), link, kind});
    };
    add_link("html", LinkKind::html, "", false);
    for (const LinkField& f : kLinkFields) add_link(f.name, f.kind, f.label, f.al_folio_asset);

    if (const std::string arxiv = arxiv_id(bibtex_link(field(fields, "arxiv"))); !arxiv.empty() && e.arxiv.empty()) e.arxiv = arxiv;
    e.venue_short = plain_text(field(fields, "abbr"));
    e.featured = is_true(field(fields, "selected")) || is_true(field(fields, "featured"));
    e.type = type_from_hugo_blox(field(fields, "publication_types"));
    if (e.type.empty()) e.type = type_from_entry_type(entry_type, e);

    const std::string date = plain_text(field(fields, "date"));
    if (const std::optional<IsoDate> parsed = parse_iso_date(date); parsed && (!e.year || *e.year == parsed->year)) {
        e.date = date;
        if (!e.year) e.year = parsed->year;
    } else if (const int month = month_number(field(fields, "month")); e.year && month > 0) {
        char text[8];
        std::snprintf(text, sizeof text, "%04d-%02d", *e.year, month);
        e.date = text;
    }
}

}  // namespace pv
