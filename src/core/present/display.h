// How an entry is summed up for people: the one-line summary under its title
// and the links it offers. The panel, the page's DOM mirror and print view
// all show these, so they are made in one place.
#pragma once

#include "core/model/bundle.h"
#include "core/present/ui_text.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace pv {

// "KDD 2022 · Yuhang Wu, Zeyu Zheng +3 · Best paper award" for a publication,
// "Seattle, WA, US · Fire TV Channels" for a job.
std::string summary_line(const Entry& entry);

// What a collapsed row shows of an entry (its title, summary_line and
// entry_notes) and what finds it again (id, kind): the entry without its
// body, links and the other fields only an open row shows. A sharded bundle
// sends these for a result's rows (core/shards/).
Entry row_fields(const Entry& entry);

// A publication's venue with its year, the year only when the venue does not
// already name it: "KDD 2022", "arXiv 2021", "2020" (no venue), "" (neither).
std::string venue_and_year(const Entry& entry);

struct EntryLink {
    std::string label;  // "Paper", "DOI", "arXiv", "View the posting"
    std::string url;
};

// The entry's own links, in the order they are shown, labelled in `language`;
// empty ones left out. A typed link (Entry::links) shows its own label, or its
// kind's name ("PDF", "Code") when it has none.
std::vector<EntryLink> entry_links(const Entry& entry, Language language);

// Whether a posting is past its valid_through on the day `today` (a day
// number, core/model/dates.h): the panel hides it unless asked.
bool posting_closed(const Entry& entry, std::int64_t today);

// What changes with the day an entry is seen, and its marks, in `language`:
// "Selected" for a featured publication; "Remote · Posted 3 days ago · Closed" for a posting.
std::string entry_notes(const Entry& entry, Language language, std::int64_t today);

// The body of an entry as the blocks it is drawn in. Bodies are plain text:
// paragraphs are lines separated by blank lines, a line starting "- " is a
// list item, and in a job description a short line ending in ':' that starts
// a paragraph is a heading ("Key job responsibilities:").
enum class BlockKind { paragraph, list_item, heading, blank };
struct BodyBlock {
    BlockKind kind = BlockKind::paragraph;
    std::size_t offset = 0;  // of the block's text in the body (after "- " for a list item)
    std::size_t length = 0;
};
std::vector<BodyBlock> body_blocks(const Entry& entry);

}  // namespace pv
