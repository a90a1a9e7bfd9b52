// The bundle model: what a pubview bundle holds once loaded and validated.
//
// A bundle is one JSON document (format v1, see data/bundle.schema.json; the
// fields added since are optional, so a reader of the first v1 still reads it) with
// publications and job postings. Both kinds become one `Entry` type so that the
// index, the query engine and the panel handle a single list; fields that only
// one kind has stay empty for the other.
#pragma once

#include "core/model/hygiene.h"
#include "core/model/progress.h"
#include "core/model/vocabulary.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pv {

enum class Kind : std::uint8_t { publication, job };

const char* kind_name(Kind kind);  // "publication" or "job"
// The kind kind_name() names; none for any other text.
std::optional<Kind> kind_from_name(std::string_view name);

struct Location {
    std::string country;  // "US", "IN"
    std::string region;   // "WA", "KA"
    std::string city;     // "Seattle"
    bool empty() const { return country.empty() && region.empty() && city.empty(); }
    std::string display() const;  // "Seattle, WA, US": most specific part first
    bool operator==(const Location&) const = default;
};

// A "Related content" blurb that the source page showed next to a publication.
struct Related {
    std::string title;
    std::string summary;
    std::string url;
};

// A typed link of a publication: its PDF, code, slides, ... `label` is the
// bundle's own words for it ("Supplement"), empty for the kind's name.
struct Link {
    std::string label;
    std::string url;  // passes is_safe_url (core/model/hygiene.h)
    LinkKind kind = LinkKind::html;
};

// A posting's pay: a range (either end may be missing) in an ISO 4217
// currency ("USD") per unit of time (kSalaryUnits).
struct Salary {
    std::optional<double> min, max;
    std::string currency;
    std::string unit;
    bool empty() const { return !min && !max; }
    bool operator==(const Salary&) const = default;
};

// What only a job posting has. An entry holds it apart (HeldApart), so that
// a publication, most entries of most bundles, does not carry its ~200 bytes
// (bench/RESULTS.md, "Load CPU time and heap natively; job fields held apart").
struct JobDetails {
    Location location;
    std::string team;
    std::string date_posted;      // ISO 8601
    std::string valid_through;    // ISO 8601: the posting closes after this day
    std::string employment_type;  // one of kEmploymentTypes, or empty
    Salary salary;
    bool remote = false;
    bool operator==(const JobDetails&) const = default;
};

// A value allocated only when it is set, copied with its owner.
template <typename T>
class HeldApart {
public:
    HeldApart() = default;
    HeldApart(const HeldApart& other) : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
    HeldApart& operator=(const HeldApart& other) {
        if (this != &other) value_ = other.value_ ? std::make_unique<T>(*other.value_) : nullptr;
        return *this;
    }
    HeldApart(HeldApart&&) noexcept = default;
    HeldApart& operator=(HeldApart&&) noexcept = default;

    const T* get() const { return value_.get(); }
    T& get_or_make() {
        if (!value_) value_ = std::make_unique<T>();
        return *value_;
    }

private:
    std::unique_ptr<T> value_;
};

struct Entry {
    Kind kind = Kind::publication;
    std::string id;     // unique within the bundle
    std::string title;  // never empty
    // The abstract of a publication or the description of a job. Paragraphs are
    // separated by "\n\n"; in job descriptions a line ending in ':' that stands
    // alone is a section heading ("Basic Qualifications:") and lines starting
    // with "- " are list items.
    std::string body;
    std::string url;  // http(s) only; empty when absent or dropped
    std::vector<std::string> tags;

    // Publications only.
    bool abstract_truncated = false;  // the source showed only part of the abstract
    std::optional<int> rank;
    std::optional<int> year;
    std::vector<std::string> authors;
    std::string venue;
    std::string doi;
    std::string arxiv;
    std::string award;
    std::vector<Related> related;
    std::string type;         // one of kPublicationTypes, or empty
    std::string date;         // ISO 8601 (core/model/dates.h), finer than `year`; `year` agrees with it
    std::string venue_short;  // the venue's short name ("NeurIPS")
    bool featured = false;    // the lab picked it to show first
    std::vector<Link> links;

    // Jobs only: read with job(), written through edit_job().
    const JobDetails& job() const;
    JobDetails& edit_job();  // made on first use
    HeldApart<JobDetails> job_details;
};

struct Source {
    std::string name;
    std::string url;
};

struct Bundle {
    std::string title;
    std::string description;
    Source source;
    // Publications in bundle order, then jobs in bundle order.
    std::vector<Entry> entries;

    std::size_t count(Kind kind) const;
};

enum class Severity : std::uint8_t { warning, error };

// One thing wrong with a bundle. `pointer` is a JSON Pointer ("/jobs/3/title",
// "" for the whole document); `line`/`column` are 1-based and set for parse
// errors (0 otherwise).
struct Problem {
    Severity severity = Severity::warning;
    std::string pointer;
    std::string message;
    int line = 0;
    int column = 0;
};

// "FILE:LINE:COL: message" for parse errors ("FILE:LINE: message" when the
// column is unknown), "FILE: /pointer: message" otherwise.
std::string format_problem(std::string_view file, const Problem& problem);

struct LoadOptions {
    std::size_t max_string_bytes = 1u << 20;   // longer strings are truncated, with a warning
    std::size_t max_nesting = 64;              // deeper documents are refused
    std::size_t max_document_bytes = 256u << 20;
    // Entries may come without their text: a sharded bundle's rows (row_fields
    // in core/present/display.h), whose jobs' descriptions are left empty.
    bool rows_only = false;
    ProgressHook progress;  // called after each item read
};

struct LoadResult {
    Bundle bundle;
    std::vector<Problem> problems;  // in document order
    bool usable = false;            // false: an error made the whole bundle unusable
    std::size_t skipped = 0;        // items left out because of a problem

    bool clean() const { return usable && problems.empty(); }
    // An error that did not stop loading: a syntax error after the top-level
    // fields (the items before it are kept) is one.
    bool has_errors() const;
    const Problem* fatal() const;  // the error that made it unusable, or null
};

// Parses and validates a bundle. Never throws; everything that went wrong is in
// `problems`, and every valid item is kept.
LoadResult load_bundle(std::string_view json_text, const LoadOptions& options = {});

// How to_json lays out its text: indented for people (a file they may read
// or diff), compact for files only programs read (a sharded bundle's files,
// the shards worker's answers), a fifth smaller and quicker to write and parse.
enum class JsonLayout { indented, compact };

// Writes a bundle as canonical format-v1 JSON (2-space indent or none, fields
// in schema order, absent fields left out, trailing newline).
// load_bundle(to_json(b)) gives back b.
std::string to_json(const Bundle& bundle, JsonLayout layout = JsonLayout::indented);

// One entry's object as a compact to_json writes it in its list.
std::string entry_json(const Entry& entry);
// An entry's object (entry_json) and its kind.
struct EntryJson {
    Kind kind = Kind::publication;
    std::string_view json;
};
// A compact to_json of `header` (its title, description and source) with
// these entries, from their objects: the same text as of the entries read.
std::string to_json(const Bundle& header, const std::vector<EntryJson>& entries);

}  // namespace pv
