// The closed sets of words the bundle format uses (data/bundle.schema.json):
// a publication's type, a link's kind, a job's employment type and a salary's
// unit. Each is defined here once, with the forgiving reading that the loader
// and the importers share ("Conference Paper", "full-time" and "FullTime" are
// read as the format's "conference paper" and "full_time").
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pv {

// article, conference paper, preprint, thesis, book, chapter, patent, dataset, software
extern const std::array<std::string_view, 9> kPublicationTypes;
// full_time, part_time, contractor, temporary, intern, volunteer, per_diem, other (schema.org's, in lower case)
extern const std::array<std::string_view, 8> kEmploymentTypes;
// hour, day, week, month, year
extern const std::array<std::string_view, 5> kSalaryUnits;

enum class LinkKind : std::uint8_t { pdf, code, slides, video, poster, data, html };
constexpr std::size_t kLinkKindCount = 7;
const char* link_kind_name(LinkKind kind);  // "pdf", "code", ...

// The format's word for `text`, or "" if it is none of the set. Case, spaces,
// '-' and '_' do not matter.
std::string_view publication_type(std::string_view text);
std::string_view employment_type(std::string_view text);
std::string_view salary_unit(std::string_view text);
std::optional<LinkKind> link_kind(std::string_view text);

// "article, conference paper, ..." for messages.
template <std::size_t N>
std::string word_list(const std::array<std::string_view, N>& words) {
    std::string out;
    for (std::string_view word : words) (out += out.empty() ? "" : ", ") += word;
    return out;
}

}  // namespace pv
