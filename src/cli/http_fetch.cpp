// fetch(): retries and waits over any HttpClient (cli/http_client.h).
#include "cli/http_client.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <thread>

namespace pv::cli {

std::optional<std::chrono::milliseconds> retry_after_wait(const std::string& value) {
    if (value.empty()) return std::nullopt;
    if (std::all_of(value.begin(), value.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
        if (value.size() > 9) return std::chrono::milliseconds::max();
        return std::chrono::seconds(std::stol(value));
    }
    // An HTTP date: "Wed, 21 Oct 2015 07:28:00 GMT".
    std::tm when{};
    char month[4] = {};
    if (std::sscanf(value.c_str(), "%*3s, %d %3s %d %d:%d:%d GMT", &when.tm_mday, month, &when.tm_year, &when.tm_hour, &when.tm_min,
                    &when.tm_sec) != 6)
        return std::nullopt;
    static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const auto found = std::find_if(std::begin(months), std::end(months), [&](const char* m) { return std::string(m) == month; });
    if (found == std::end(months)) return std::nullopt;
    when.tm_mon = static_cast<int>(found - std::begin(months));
    when.tm_year -= 1900;
    const std::time_t at = timegm(&when);
    const std::time_t now = std::time(nullptr);
    return std::chrono::seconds(std::max<std::time_t>(0, at - now));
}

FetchResult fetch(HttpClient& client, const std::string& url, const std::vector<std::string>& headers, const RetryPolicy& policy,
                  const std::function<void(const std::string&)>& log) {
    std::chrono::milliseconds backoff = policy.backoff;
    std::string why;
    for (int attempt = 1; attempt <= policy.attempts; ++attempt) {
        HttpResponse response = client.get(url, headers);
        if (response.status >= 200 && response.status < 300 && response.error.empty()) return {true, std::move(response.body), ""};
        const bool retry = !response.error.empty() || response.status == 429 || response.status >= 500;
        why = !response.error.empty() ? response.error : "HTTP " + std::to_string(response.status);
        if (!retry) return {false, "", why + " from " + url};
        if (attempt == policy.attempts) break;
        std::chrono::milliseconds wait = retry_after_wait(response.retry_after).value_or(backoff);
        wait = std::min(wait, policy.max_wait);
        backoff = std::min(backoff * 2, policy.max_wait);
        if (log) log(why + " from " + url + "; trying again in " + std::to_string(wait.count()) + " ms");
        std::this_thread::sleep_for(wait);
    }
    return {false, "", why + " from " + url + " after " + std::to_string(policy.attempts) + " attempts"};
}

}  // namespace pv::cli
