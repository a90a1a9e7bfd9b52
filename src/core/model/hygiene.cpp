#include "core/model/hygiene.h"

#include "core/text/text.h"

#include <algorithm>
#include <cctype>

namespace pv {

namespace {

// Printable ASCII, most of any text: kept as it is, looked at a run at a time.
std::size_t plain_ascii_end(std::string_view text, std::size_t i) {
    while (i < text.size() && static_cast<unsigned char>(text[i]) - 0x20u < 0x5Fu) ++i;
    return i;
}

}  // namespace

bool sanitize_text(std::string& text, bool keep_newlines) {
    std::size_t i = plain_ascii_end(text, 0);
    if (i == text.size()) return false;  // nothing to change, nothing copied
    std::string out;
    out.reserve(text.size());
    out.append(text, 0, i);
    bool removed = false;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const text::Decoded d = byte < 0x80 ? text::Decoded{byte, 1} : text::decode_utf8(text, i);
        const std::size_t at = i;
        i += d.length;
        if (d.code_point == '\r') {
            // CRLF line ends: keep the LF
        } else if (d.code_point == '\n' || d.code_point == '\t') {
            out += (keep_newlines && d.code_point == '\n') ? '\n' : ' ';
        } else if (text::is_hidden_control(d.code_point)) {
            removed = true;
        } else {
            out.append(text, at, d.length);
        }
        const std::size_t run_end = plain_ascii_end(text, i);
        out.append(text, i, run_end - i);
        i = run_end;
    }
    text.swap(out);
    return removed;
}


void trim_ends(std::string& text, const char* chars) {
    const auto first = text.find_first_not_of(chars);
    if (first == std::string::npos) { text.clear(); return; }
    text.erase(text.find_last_not_of(chars) + 1);
    text.erase(0, first);
}

bool is_safe_url(std::string_view url, LinkSchemes allowed) {
    auto starts = [&](std::string_view scheme) {
        if (url.size() < scheme.size()) return false;
        for (std::size_t i = 0; i < scheme.size(); ++i)
            if (std::tolower(static_cast<unsigned char>(url[i])) != scheme[i]) return false;
        return true;
    };
    const bool scheme = starts("https://") || starts("http://") || (allowed == LinkSchemes::web_and_mail && starts("mailto:"));
    const bool clean = std::none_of(url.begin(), url.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte <= 0x20 || byte == 0x7F || c == '<' || c == '>' || c == '"';
    });
    return scheme && clean;
}

std::string single_line(std::string_view text) {
    std::string out(text);
    sanitize_text(out, false);
    trim_ends(out, " ");
    return out;
}


}  // namespace pv
