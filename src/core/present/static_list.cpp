#include "core/present/static_list.h"

#include "core/present/display.h"
#include "core/present/json_ld.h"
#include "core/present/markup_escape.h"

namespace pv {

namespace {

// Inline styles keep the fragment self-contained; colours are inherited from
// the page, and dimmed or ruled with transparency, so light and dark pages
// both look right.
constexpr const char* kBoxStyle = "overflow:auto;box-sizing:border-box;padding:4px 16px;font:15px/1.5 system-ui,sans-serif";
constexpr const char* kListStyle = "list-style:none;margin:0;padding:0";
constexpr const char* kItemStyle = "padding:10px 0;border-bottom:1px solid rgba(128,128,128,.3)";
constexpr const char* kHeadingStyle = "font-size:1.05em;line-height:1.35;margin:0 0 2px";
constexpr const char* kMetaStyle = "margin:0;opacity:.8";
constexpr const char* kBodyStyle = "margin:6px 0";
constexpr const char* kSeparator = " \xC2\xB7 ";  // a middle dot between the parts of a line

void append_meta(std::string& out, const std::string& text) {
    if (text.empty()) return;
    out += "<p style=\"";
    out += kMetaStyle;
    out += "\">";
    append_escaped(out, text);
    out += "</p>\n";
}

// Paragraphs are separated by blank lines; a line break inside one is kept.
void append_paragraphs(std::string& out, std::string_view body) {
    std::size_t at = 0;
    while (at < body.size()) {
        const std::size_t blank = body.find("\n\n", at);
        const std::size_t end = blank == std::string_view::npos ? body.size() : blank;
        std::string_view paragraph = body.substr(at, end - at);
        at = end;
        while (at < body.size() && body[at] == '\n') ++at;
        while (!paragraph.empty() && paragraph.front() == '\n') paragraph.remove_prefix(1);
        while (!paragraph.empty() && paragraph.back() == '\n') paragraph.remove_suffix(1);
        if (paragraph.empty()) continue;
        out += "<p style=\"";
        out += kBodyStyle;
        out += "\">";
        for (std::size_t line = 0; line <= paragraph.size();) {
            std::size_t next = paragraph.find('\n', line);
            if (next == std::string_view::npos) next = paragraph.size();
            if (line) out += "<br>";
            append_escaped(out, paragraph.substr(line, next - line));
            line = next + 1;
        }
        out += "</p>\n";
    }
}

void append_links(std::string& out, const Entry& e, Language language) {
    std::string links;
    for (const EntryLink& link : entry_links(e, language)) {
        if (!is_safe_url(link.url)) continue;
        if (!links.empty()) links += kSeparator;
        links += "<a href=\"";
        append_escaped(links, link.url);
        links += "\">";
        append_escaped(links, link.label);
        links += "</a>";
    }
    if (!links.empty()) out += "<p style=\"" + std::string(kMetaStyle) + "\">" + links + "</p>\n";
}

void append_entry(std::string& out, const Entry& e, int heading_level, Language language) {
    const std::string h = "h" + std::to_string(heading_level);
    out += "<li style=\"";
    out += kItemStyle;
    out += "\">\n<" + h + " style=\"" + kHeadingStyle + "\">";
    append_escaped(out, e.title);
    out += "</" + h + ">\n";
    if (e.kind == Kind::publication) {
        std::string venue = venue_and_year(e);
        if (!e.award.empty()) venue += (venue.empty() ? "" : kSeparator) + e.award;
        append_meta(out, venue);
        std::string authors;
        for (const std::string& a : e.authors) authors += (authors.empty() ? "" : ", ") + a;
        append_meta(out, authors);
    } else {
        append_meta(out, summary_line(e));
    }
    if (!e.body.empty()) {
        out += "<details>\n<summary>";
        append_escaped(out, phrase_text(language, e.kind == Kind::job ? Phrase::description : Phrase::abstract));
        out += "</summary>\n";
        append_paragraphs(out, e.body);
        out += "</details>\n";
    }
    append_links(out, e, language);
    out += "</li>\n";
}

Phrase list_label(std::optional<Kind> kind) {
    if (!kind) return Phrase::publications_and_jobs;
    return *kind == Kind::job ? Phrase::kind_jobs : Phrase::kind_publications;
}

}  // namespace

bool is_css_height(std::string_view height) {
    if (height.empty()) return false;
    for (const char c : height) {
        const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!alnum && std::string_view(" .%()+-*/,").find(c) == std::string_view::npos) return false;
    }
    return true;
}

std::string static_list_html(const Bundle& bundle, const StaticListOptions& options) {
    const StaticListOptions defaults;
    const int level = options.heading_level >= 2 && options.heading_level <= 6 ? options.heading_level : defaults.heading_level;
    const std::string& height = is_css_height(options.height) ? options.height : defaults.height;

    std::string out = "<script type=\"application/ld+json\">" + json_ld(bundle, options.kind) + "</script>\n";
    out += "<section class=\"pubview-static\"";
    if (options.language != Language::en) {
        out += " lang=\"" + std::string(language_tag(options.language)) + "\"";
        if (right_to_left(options.language)) out += " dir=\"rtl\"";
    }
    out += " aria-label=\"";
    append_escaped(out, phrase_text(options.language, list_label(options.kind)));
    out += "\" style=\"height:" + height + ";" + kBoxStyle + "\">\n<ol style=\"";
    out += kListStyle;
    out += "\">\n";
    for (const Entry& e : bundle.entries)
        if (!options.kind || e.kind == *options.kind) append_entry(out, e, level, options.language);
    out += "</ol>\n</section>\n";
    return out;
}

}  // namespace pv
