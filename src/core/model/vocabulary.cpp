#include "core/model/vocabulary.h"

namespace pv {

const std::array<std::string_view, 9> kPublicationTypes = {"article", "conference paper", "preprint", "thesis", "book",
                                                           "chapter", "patent", "dataset", "software"};
const std::array<std::string_view, 8> kEmploymentTypes = {"full_time", "part_time", "contractor", "temporary",
                                                          "intern", "volunteer", "per_diem", "other"};
const std::array<std::string_view, 5> kSalaryUnits = {"hour", "day", "week", "month", "year"};

namespace {

const std::array<std::string_view, kLinkKindCount> kLinkKinds = {"pdf", "code", "slides", "video", "poster", "data", "html"};

// Lower case letters and digits only: "Full-Time" and "full_time" both give "fulltime".
std::string squeeze(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
    }
    return out;
}

template <std::size_t N>
std::string_view find_word(const std::array<std::string_view, N>& words, std::string_view text) {
    const std::string wanted = squeeze(text);
    if (wanted.empty()) return {};
    for (std::string_view word : words)
        if (squeeze(word) == wanted) return word;
    return {};
}

}  // namespace

const char* link_kind_name(LinkKind kind) { return kLinkKinds[static_cast<std::size_t>(kind)].data(); }

std::string_view publication_type(std::string_view text) { return find_word(kPublicationTypes, text); }

std::string_view employment_type(std::string_view text) {
    const std::string_view word = find_word(kEmploymentTypes, text);
    if (!word.empty()) return word;
    // The boards' own words for the same things.
    const std::string squeezed = squeeze(text);
    if (squeezed == "contract") return "contractor";
    if (squeezed == "internship") return "intern";
    if (squeezed == "temp") return "temporary";
    return {};
}

std::string_view salary_unit(std::string_view text) {
    const std::string squeezed = squeeze(text);
    for (std::string_view unit : kSalaryUnits)
        if (squeezed == unit || squeezed == std::string(unit) + "ly" || (unit == "day" && squeezed == "daily") ||
            (unit == "year" && squeezed == "annual"))
            return unit;
    return {};
}

std::optional<LinkKind> link_kind(std::string_view text) {
    const std::string_view word = find_word(kLinkKinds, text);
    if (word.empty()) return std::nullopt;
    for (std::size_t k = 0; k < kLinkKindCount; ++k)
        if (kLinkKinds[k] == word) return static_cast<LinkKind>(k);
    return std::nullopt;
}

}  // namespace pv
