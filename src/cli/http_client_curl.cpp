// The libcurl transport of cli/http_client.h (PUBVIEW_WITH_CURL, the default
// for the native CLI); without it, make_http_client gives no transport.
#include "cli/http_client.h"

#ifdef PUBVIEW_WITH_CURL
#include <curl/curl.h>

#include <cctype>
#include <string_view>
#endif

namespace pv::cli {

#ifdef PUBVIEW_WITH_CURL

namespace {

// The body is kept up to a bound: an answer larger than any bundle is refused.
constexpr std::size_t kMaxBody = 256u << 20;

struct Transfer {
    std::string body;
    std::string retry_after;
    bool too_large = false;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    if (t->body.size() + size * count > kMaxBody) { t->too_large = true; return 0; }
    t->body.append(data, size * count);
    return size * count;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    const std::string line(data, size * count);
    constexpr std::string_view name = "retry-after:";
    if (line.size() > name.size()) {
        std::string lower = line.substr(0, name.size());
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (lower == name) {
            std::string value = line.substr(name.size());
            while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) value.pop_back();
            while (!value.empty() && value.front() == ' ') value.erase(0, 1);
            static_cast<Transfer*>(user)->retry_after = value;
        }
    }
    return size * count;
}

class CurlClient final : public HttpClient {
public:
    explicit CurlClient(const HttpOptions& options) : options_(options) { curl_global_init(CURL_GLOBAL_DEFAULT); }
    ~CurlClient() override { curl_global_cleanup(); }

    HttpResponse get(const std::string& url, const std::vector<std::string>& headers) override {
        HttpResponse response;
        CURL* curl = curl_easy_init();
        if (!curl) { response.error = "libcurl could not start a transfer"; return response; }
        Transfer transfer;
        curl_slist* header_list = nullptr;
        for (const std::string& h : headers) header_list = curl_slist_append(header_list, h.c_str());
        curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
        curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
        curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
        curl_easy_setopt(curl, CURLOPT_USERAGENT, options_.user_agent.c_str());
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, header_list);
        curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // gzip, as the APIs prefer
        curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(options_.timeout.count()));
        curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 20L);
        curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
        curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, static_cast<long>(options_.stall.count()));
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
        curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
        curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
        curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
        const CURLcode code = curl_easy_perform(curl);
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
        curl_slist_free_all(header_list);
        curl_easy_cleanup(curl);
        response.retry_after = std::move(transfer.retry_after);
        if (code == CURLE_OK) {
            response.body = std::move(transfer.body);
        } else if (transfer.too_large) {
            response.error = "the response is larger than " + std::to_string(kMaxBody >> 20) + " MiB";
            response.status = 0;
        } else {
            response.status = 0;
            response.error = code == CURLE_PARTIAL_FILE          ? "the response was cut short"
                             : code == CURLE_OPERATION_TIMEDOUT ? "no answer in time (the transfer stalled or took too long)"
                                                                : std::string(curl_easy_strerror(code));
        }
        return response;
    }

private:
    HttpOptions options_;
};

}  // namespace

std::unique_ptr<HttpClient> make_http_client(const HttpOptions& options) { return std::make_unique<CurlClient>(options); }

#else

std::unique_ptr<HttpClient> make_http_client(const HttpOptions&) { return nullptr; }

#endif

}  // namespace pv::cli
