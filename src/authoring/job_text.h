// The role and team a job description names, and its inline sections and list
// items on lines of their own: what the page importer makes of a posting's
// text (job_text.cpp).
#pragma once

#include <string>
#include <string_view>

namespace pv {

// Puts a job description's inline section headings ("Basic Qualifications:",
// "About the team", ...) on their own lines after a blank line, ending in ':',
// and its inline " - " list items on their own "- " lines. Words are kept.
std::string format_job_description(std::string_view description);

// The role ("Senior Applied Scientist") and team ("Fire TV Channels") a job
// description names, empty when it names none.
struct JobHeadline {
    std::string role;
    std::string team;
};
JobHeadline find_job_headline(std::string_view description);

}  // namespace pv
