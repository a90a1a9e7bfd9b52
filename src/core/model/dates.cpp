#include "core/model/dates.h"

#include <chrono>
#include <cstdio>

namespace pv {
namespace {

bool digits(std::string_view text, std::size_t at, std::size_t count, int& value) {
    if (at + count > text.size()) return false;
    value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        value = value * 10 + (text[i] - '0');
    }
    return true;
}

int days_in_month(int year, int month) {
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

// "T09:30", "T09:30:00", "T09:30:00.123", each with "Z", "+02:00" or no zone.
bool time_of_day(std::string_view rest) {
    int hour = 0, minute = 0, second = 0;
    if (rest.size() < 6 || (rest[0] != 'T' && rest[0] != ' ')) return false;
    if (!digits(rest, 1, 2, hour) || rest[3] != ':' || !digits(rest, 4, 2, minute) || hour > 23 || minute > 59) return false;
    rest.remove_prefix(6);
    if (!rest.empty() && rest[0] == ':') {
        if (!digits(rest, 1, 2, second) || second > 60) return false;
        rest.remove_prefix(3);
        if (!rest.empty() && rest[0] == '.') {
            std::size_t fraction = 1;
            while (fraction < rest.size() && rest[fraction] >= '0' && rest[fraction] <= '9') ++fraction;
            if (fraction == 1) return false;
            rest.remove_prefix(fraction);
        }
    }
    if (rest.empty() || rest == "Z") return true;
    int zone_hour = 0, zone_minute = 0;
    return rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && digits(rest, 1, 2, zone_hour) && rest[3] == ':' &&
           digits(rest, 4, 2, zone_minute) && zone_hour <= 23 && zone_minute <= 59;
}

const char* const kMonthNames[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace

std::optional<IsoDate> parse_iso_date(std::string_view text) {
    IsoDate date;
    if (!digits(text, 0, 4, date.year) || date.year < 1) return std::nullopt;
    if (text.size() == 4) return date;
    if (text[4] != '-' || !digits(text, 5, 2, date.month) || date.month < 1 || date.month > 12) return std::nullopt;
    if (text.size() == 7) return date;
    if (text[7] != '-' || !digits(text, 8, 2, date.day) || date.day < 1 || date.day > days_in_month(date.year, date.month))
        return std::nullopt;
    if (text.size() == 10 || time_of_day(text.substr(10))) return date;
    return std::nullopt;
}

std::string iso_date_text(const IsoDate& date) {
    char text[16];
    if (date.month == 0) std::snprintf(text, sizeof text, "%04d", date.year);
    else if (date.day == 0) std::snprintf(text, sizeof text, "%04d-%02d", date.year, date.month);
    else std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
    return text;
}

std::int64_t day_number(const IsoDate& date) {
    // Howard Hinnant's days_from_civil.
    const std::int64_t month = date.month == 0 ? 1 : date.month, day = date.day == 0 ? 1 : date.day;
    const std::int64_t year = date.year - (month <= 2 ? 1 : 0);
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const std::int64_t year_of_era = year - era * 400;
    const std::int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

std::optional<std::int64_t> day_number(std::string_view text) {
    const std::optional<IsoDate> date = parse_iso_date(text);
    if (!date) return std::nullopt;
    return day_number(*date);
}

IsoDate date_of_day(std::int64_t day_number) {
    // Howard Hinnant's civil_from_days.
    const std::int64_t z = day_number + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t day_of_era = z - era * 146097;
    const std::int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const std::int64_t mp = (5 * day_of_year + 2) / 153;
    const int day = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return {static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0)), month, day};
}

std::int64_t today_day_number() {
    using namespace std::chrono;
    const std::int64_t seconds_since_epoch = duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
    return seconds_since_epoch >= 0 ? seconds_since_epoch / 86400 : (seconds_since_epoch - 86399) / 86400;
}

std::string rfc3339(const IsoDate& date) {
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT00:00:00Z", date.year, date.month == 0 ? 1 : date.month,
                  date.day == 0 ? 1 : date.day);
    return text;
}

std::string rfc822(const IsoDate& date) {
    char text[40];
    std::snprintf(text, sizeof text, "%02d %s %04d 00:00:00 GMT", date.day == 0 ? 1 : date.day,
                  kMonthNames[date.month == 0 ? 0 : date.month - 1], date.year);
    return text;
}

}  // namespace pv
