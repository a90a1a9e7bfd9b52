// HTTP GET for `pubview sync`, behind one small interface so that the
// importers stay pure functions of bytes and another build (the CLI as
// WebAssembly under Node) can bring its own transport. The native build uses
// Debian's libcurl (http_client_curl.cpp); a build without it
// (PUBVIEW_WITH_CURL=OFF) has no transport and says fetching needs the native CLI.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pv::cli {

struct HttpResponse {
    long status = 0;          // 0 when no response came (see `error`)
    std::string body;
    std::string retry_after;  // the Retry-After header, when sent
    std::string error;        // why the transfer failed: timeout, cut short, refused, ...
};

struct HttpOptions {
    std::string user_agent;                            // names pubview and a contact address
    std::chrono::seconds timeout{60};                  // the whole transfer
    std::chrono::seconds stall{20};                    // no byte for this long ends it
};

class HttpClient {
public:
    virtual ~HttpClient() = default;
    // One GET with extra request headers ("Accept: application/json"). Never throws.
    virtual HttpResponse get(const std::string& url, const std::vector<std::string>& headers) = 0;
};

// The build's transport, or null when it was built without one.
std::unique_ptr<HttpClient> make_http_client(const HttpOptions& options);

// How `fetch` retries: 429 and 5xx answers and failed transfers are tried
// again up to `attempts` times in all, after the Retry-After the server asks
// for (seconds or an HTTP date) or else `backoff` doubled each time, never
// longer than `max_wait`.
struct RetryPolicy {
    int attempts = 4;
    std::chrono::milliseconds backoff{1000};
    std::chrono::milliseconds max_wait{60000};
};

// The body of a 2xx answer, or the reason there is none after the retries
// ("HTTP 404 from URL", "HTTP 503 from URL after 4 attempts", "URL: the
// response was cut short"). `log` hears of each retry and its wait.
struct FetchResult {
    bool ok = false;
    std::string body;
    std::string error;
};
FetchResult fetch(HttpClient& client, const std::string& url, const std::vector<std::string>& headers, const RetryPolicy& policy,
                  const std::function<void(const std::string&)>& log);

// How long a Retry-After value asks to wait: "120" or an HTTP date; nothing when it cannot be read.
std::optional<std::chrono::milliseconds> retry_after_wait(const std::string& value);

}  // namespace pv::cli
