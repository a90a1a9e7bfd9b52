// What the importers (page text, CSV, BibTeX) and `merge` share: the result
// type they return, id making, and the small text chores of reading files
// written by hand (BOM, CR LF, list fields).
#pragma once

#include "core/model/bundle.h"

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace pv {

// What an importer made of its input. Every item it could read is in `bundle`;
// everything it could not place or had to skip is in `problems` with the line
// it came from. `usable` is false when the input had no recognisable structure
// at all, so there is nothing worth writing.
struct ImportResult {
    Bundle bundle;
    std::vector<Problem> problems;
    bool usable = false;

    bool has_errors() const;
    // Orders problems by input line, those about the whole input (line 0) last.
    void sort_problems();
};

// Shorthands for problems that point at a line of the input, not at a JSON path.
Problem warning_at(int line, std::string message);
Problem error_at(int line, std::string message);

// "Amazon Redshift Re-invented" -> "amazon-redshift-re-invented": folded to
// lower-case ASCII letters and digits ("Cédric" -> "cedric"), every other run
// of characters one '-'. Only the first `max_words` whitespace-separated words
// are used.
std::string slugify(std::string_view text, std::size_t max_words = SIZE_MAX);

// The id every importer gives an item whose source has none: for a
// publication the slug of its title's part before ':' (at most 4 words) and
// its year ("amazon-dynamodb-2022"), for a job the slug of its title and its
// city, or country when there is no city ("applied-scientist-seattle").
std::string publication_id_base(const Entry& publication);
std::string job_id_base(const Entry& job);

// Hands out ids unique within one bundle: the first request for "x" gets "x",
// the next ones "x-2", "x-3", ... An empty base becomes `fallback`.
class IdAllocator {
public:
    std::string claim(const std::string& base, std::string_view fallback = "item");

private:
    std::set<std::string> taken_;
};

// The text with a leading UTF-8 byte order mark removed, CR LF / lone CR
// line ends turned into LF, ill-formed UTF-8 replaced by U+FFFD, and control
// characters other than LF and tab (C0, DEL, C1) and bidirectional overrides
// removed, as the bundle loader would remove them.
std::string normalize_text_file(std::string_view text);

std::string_view trim(std::string_view text);

// Header names, field names and BibTeX types compare in lower case.
std::string lower_ascii(std::string_view text);
// Whether `a` and `b` are the same but for the case of ASCII letters.
bool equals_ignoring_case(std::string_view a, std::string_view b);

// "a; b ;; c" -> {"a", "b", "c"}: trimmed, empty parts left out.
std::vector<std::string> split_list(std::string_view text, char separator);

// The first sentence of `text` cut to at most `max_words` words, with "…"
// when it was cut: a title for an item whose source gives none.
std::string short_title(std::string_view text, std::size_t max_words = 8);

}  // namespace pv
