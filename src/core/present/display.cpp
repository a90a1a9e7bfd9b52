#include "core/present/display.h"

#include "core/model/dates.h"

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
        add(e.job().location.display());
        add(e.job().team);
    }
    return out;
}

Entry row_fields(const Entry& e) {
    Entry row;
    row.kind = e.kind;
    row.id = e.id;
    row.title = e.title;
    row.year = e.year;
    row.authors = e.authors;
    row.venue = e.venue;
    row.award = e.award;
    row.featured = e.featured;
    if (const JobDetails* job = e.job_details.get()) {
        JobDetails& row_job = row.edit_job();
        row_job.location = job->location;
        row_job.team = job->team;
        row_job.remote = job->remote;
        row_job.date_posted = job->date_posted;
        row_job.valid_through = job->valid_through;
    }
    return row;
}

std::vector<EntryLink> entry_links(const Entry& e, Language language) {
    std::vector<EntryLink> links;
    if (!e.url.empty()) links.push_back({std::string(phrase_text(language, e.kind == Kind::job ? Phrase::view_posting : Phrase::kind_paper)), e.url});
    if (!e.doi.empty()) links.push_back({"DOI", "https://doi.org/" + e.doi});
    if (!e.arxiv.empty()) links.push_back({"arXiv", "https://arxiv.org/abs/" + e.arxiv});
    for (const Link& link : e.links) {
        if (link.url == e.url) continue;
        const auto kind_label = static_cast<Phrase>(static_cast<std::size_t>(Phrase::link_pdf) + static_cast<std::size_t>(link.kind));
        links.push_back({link.label.empty() ? std::string(phrase_text(language, kind_label)) : link.label, link.url});
    }
    return links;
}

std::vector<BodyBlock> body_blocks(const Entry& e) {
    constexpr std::size_t kHeadingMaxBytes = 60;
    const std::string_view text = e.body;
    std::vector<BodyBlock> blocks;
    bool paragraph_start = true;  // a ':' line is a heading only where a paragraph starts
    for (std::size_t offset = 0; offset < text.size();) {
        std::size_t end = text.find('\n', offset);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(offset, end - offset);
        if (line.empty()) blocks.push_back({BlockKind::blank, offset, 0});
        else if (line.size() > 2 && line.starts_with("- ")) blocks.push_back({BlockKind::list_item, offset + 2, line.size() - 2});
        else if (e.kind == Kind::job && paragraph_start && line.back() == ':' && line.size() < kHeadingMaxBytes)
            blocks.push_back({BlockKind::heading, offset, line.size()});
        else blocks.push_back({BlockKind::paragraph, offset, line.size()});
        paragraph_start = line.empty();
        offset = end + 1;
    }
    return blocks;
}

bool posting_closed(const Entry& e, std::int64_t today) {
    if (e.kind != Kind::job) return false;
    const std::optional<std::int64_t> last_day = day_number(e.job().valid_through);
    return last_day && today > *last_day;
}

std::string entry_notes(const Entry& e, Language language, std::int64_t today) {
    std::string out;
    auto add = [&](std::string_view part) {
        if (!out.empty()) out += kSeparator;
        out += part;
    };
    if (e.featured) add(phrase_text(language, Phrase::featured));
    if (e.job().remote) add(phrase_text(language, Phrase::remote));
    if (const std::optional<std::int64_t> posted = day_number(e.job().date_posted); posted && e.kind == Kind::job) {
        const std::int64_t age = today - *posted;
        add(age <= 0 ? std::string(phrase_text(language, Phrase::posted_today))
                     : counted(language, Phrase::posted_days_ago, static_cast<std::size_t>(age)));
    }
    if (posting_closed(e, today)) add(phrase_text(language, Phrase::closed_posting));
    return out;
}

}  // namespace pv
