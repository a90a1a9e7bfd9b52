// ISO 8601 dates as the bundle holds them ("2024", "2024-05", "2024-05-17",
// "2024-05-17T09:30:00Z"), checked once here for the loader, and turned into
// day numbers for a job's age, an expired posting and a feed's timestamps.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pv {

struct IsoDate {
    int year = 0;
    int month = 0;  // 1..12, 0 when the date names only a year
    int day = 0;    // 1..31, 0 when it names no day
};

// The date `text` names, or nothing if it is not an ISO 8601 calendar date
// (a year, a month, a day, or a day with a time of day and an optional zone).
std::optional<IsoDate> parse_iso_date(std::string_view text);

// The date as the bundle writes it: "2024", "2024-05" or "2024-05-17".
std::string iso_date_text(const IsoDate& date);

// Days since 1970-01-01 of a date's first day (a year's 1 January, a month's 1st).
std::int64_t day_number(const IsoDate& date);
// The same for text that parse_iso_date() takes; nothing otherwise.
std::optional<std::int64_t> day_number(std::string_view text);
// The day a day number names.
IsoDate date_of_day(std::int64_t day_number);
// Today in UTC, as a day number.
std::int64_t today_day_number();

// The date's first moment in UTC as RFC 3339 ("2024-05-01T00:00:00Z") and RFC 822
// ("01 May 2024 00:00:00 GMT"), as feeds write them.
std::string rfc3339(const IsoDate& date);
std::string rfc822(const IsoDate& date);

}  // namespace pv
