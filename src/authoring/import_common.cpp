#include "authoring/import_common.h"

#include "core/text/text.h"

#include <algorithm>
#include <cctype>
#include <climits>

namespace pv {

bool ImportResult::has_errors() const {
    return !usable || std::any_of(problems.begin(), problems.end(),
                                  [](const Problem& p) { return p.severity == Severity::error; });
}

void ImportResult::sort_problems() {
    std::stable_sort(problems.begin(), problems.end(), [](const Problem& a, const Problem& b) {
        const auto order = [](int line) { return line == 0 ? INT_MAX : line; };
        return order(a.line) < order(b.line);
    });
}

Problem warning_at(int line, std::string message) {
    return {Severity::warning, "", std::move(message), line, 0};
}

Problem error_at(int line, std::string message) {
    return {Severity::error, "", std::move(message), line, 0};
}

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }


std::string_view first_words(std::string_view text, std::size_t max_words) {
    std::size_t i = 0, words = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i])) ++i;
        if (i == text.size() || words == max_words) break;
        while (i < text.size() && !is_space(text[i])) ++i;
        ++words;
    }
    return text.substr(0, i);
}

}  // namespace

std::string slugify(std::string_view text, std::size_t max_words) {
    // Folding spells accented Latin letters in ASCII ("Cédric" -> "cedric");
    // what stays non-ASCII after it cannot go in an id and separates words.
    const std::string folded = text::fold(first_words(text, max_words));
    std::string slug;
    bool pending_dash = false;
    for (char c : folded) {
        if (std::isalnum(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80) {
            if (pending_dash && !slug.empty()) slug += '-';
            pending_dash = false;
            slug += c;
        } else {
            pending_dash = true;
        }
    }
    return slug;
}

std::string publication_id_base(const Entry& publication) {
    const std::string_view title = publication.title;
    std::string base = slugify(title.substr(0, title.find(':')), 4);
    if (publication.year && !base.empty()) base += '-' + std::to_string(*publication.year);
    return base;
}

std::string job_id_base(const Entry& job) {
    std::string base = slugify(job.title);
    const std::string place = slugify(job.job().location.city.empty() ? job.job().location.country : job.job().location.city);
    if (!place.empty()) base += (base.empty() ? "" : "-") + place;
    return base;
}

std::string IdAllocator::claim(const std::string& base, std::string_view fallback) {
    // Compare ids as the loader will store them.
    std::string root = single_line(base);
    if (root.empty()) root = single_line(fallback);
    std::string id = root;
    for (int n = 2; taken_.count(id) != 0; ++n) id = root + '-' + std::to_string(n);
    taken_.insert(id);
    return id;
}

std::string normalize_text_file(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const text::Decoded d = text::decode_utf8(text, i);
        const char32_t c = d.code_point;
        i += d.length;
        if (c == '\r') {
            out += '\n';
            if (i < text.size() && text[i] == '\n') ++i;
        } else if (c == text::kInvalidCodePoint) {
            // Ill-formed UTF-8 becomes U+FFFD now, as it would when the bundle
            // is written: two ids that differ only in bad bytes would clash then.
            text::append_utf8(out, 0xFFFD);
        } else if (c != '\n' && c != '\t' && text::is_hidden_control(c)) {
            // Control characters (C0, DEL, C1) and bidirectional overrides: the
            // loader would remove them too, and an id or title made only of
            // them would make it drop the entry.
        } else {
            out.append(text.substr(i - d.length, d.length));
        }
    }
    return out;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

std::vector<std::string> split_list(std::string_view text, char separator) {
    std::vector<std::string> parts;
    while (true) {
        const auto end = text.find(separator);
        const std::string_view part = trim(text.substr(0, end));
        if (!part.empty()) parts.emplace_back(part);
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return parts;
}

std::string short_title(std::string_view text, std::size_t max_words) {
    text = trim(text);
    // A sentence ends at '.', '?' or '!' followed by a space (so "9.3B" and
    // "Amazon.com" do not end it).
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        // A mark with nothing before it ("? Applied ...") ends no sentence: the title would be empty.
        if ((text[i] == '.' || text[i] == '?' || text[i] == '!') && text[i + 1] == ' ' && !trim(text.substr(0, i)).empty()) {
            text = text.substr(0, i);
            break;
        }
    }
    std::string title;
    std::size_t words = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i])) ++i;
        if (i == text.size()) break;
        if (words == max_words) return title + "…";
        std::size_t end = i;
        while (end < text.size() && !is_space(text[end])) ++end;
        if (!title.empty()) title += ' ';
        title += text.substr(i, end - i);
        ++words;
        i = end;
    }
    if (title.size() > 1 && (title.back() == '.' || title.back() == '?' || title.back() == '!')) title.pop_back();
    return title;
}

}  // namespace pv
