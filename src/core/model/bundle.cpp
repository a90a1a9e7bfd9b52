#include "core/model/bundle.h"

#include <algorithm>

namespace pv {

const char* kind_name(Kind kind) { return kind == Kind::job ? "job" : "publication"; }

std::optional<Kind> kind_from_name(std::string_view name) {
    for (Kind kind : {Kind::publication, Kind::job})
        if (name == kind_name(kind)) return kind;
    return std::nullopt;
}

std::string Location::display() const {
    std::string out;
    for (const std::string* part : {&city, &region, &country}) {
        if (part->empty()) continue;
        if (!out.empty()) out += ", ";
        out += *part;
    }
    return out;
}

namespace {
const JobDetails kNoJobDetails;  // what a publication's job() gives
}  // namespace

const JobDetails& Entry::job() const {
    const JobDetails* details = job_details.get();
    return details ? *details : kNoJobDetails;
}

JobDetails& Entry::edit_job() { return job_details.get_or_make(); }

std::size_t Bundle::count(Kind kind) const {
    return static_cast<std::size_t>(
        std::count_if(entries.begin(), entries.end(), [kind](const Entry& e) { return e.kind == kind; }));
}

std::string format_problem(std::string_view file, const Problem& problem) {
    std::string out(file);
    if (problem.line > 0) {
        out += ':' + std::to_string(problem.line);
        if (problem.column > 0) out += ':' + std::to_string(problem.column);
    } else {
        out += ": ";
        out += problem.pointer.empty() ? "/" : problem.pointer;
    }
    out += ": ";
    out += problem.message;
    return out;
}

bool LoadResult::has_errors() const {
    return std::any_of(problems.begin(), problems.end(), [](const Problem& p) { return p.severity == Severity::error; });
}

const Problem* LoadResult::fatal() const {
    if (usable) return nullptr;
    for (const Problem& p : problems)
        if (p.severity == Severity::error) return &p;
    return nullptr;
}

}  // namespace pv
