// The query language: what a visitor types, parsed into clauses the index can
// evaluate. Parsing never fails; anything it cannot use becomes a hint.
//
//   words          every word must match; the last one may still be typed (prefix)
//   "a phrase"     consecutive words in one field
//   -word -"a b"   entries containing it are left out
//   kind:job kind:pub year:2022 year:2020..2022
//   venue:kdd author:"doug terry" location:seattle team:alexa tag:nlp
#pragma once

#include "core/model/bundle.h"
#include "core/search/text_field.h"

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace pv {

// A word (one term) or a phrase (several, consecutive), folded.
struct QueryClause {
    std::vector<std::string> terms;
    bool prefix = false;     // the last word of a query still being typed
    bool exact = false;      // quoted: no prefix or typo matching
    bool negated = false;    // entries matching it are excluded
    bool in_field = false;   // a field filter: match only in `field`
    TextField field = TextField::title;
    bool phrase() const { return terms.size() > 1; }
};

struct ParsedQuery {
    static constexpr std::uint8_t kAllKinds = 0b11;
    static constexpr std::size_t kMaxClauses = 32;

    std::vector<QueryClause> clauses;
    std::uint8_t kinds = kAllKinds;  // bit (1 << Kind) for each kind the query allows
    int first_year = std::numeric_limits<int>::min();
    int last_year = std::numeric_limits<int>::max();
    bool year_filtered = false;
    std::vector<std::string> hints;

    bool allows(Kind kind) const { return (kinds >> static_cast<int>(kind)) & 1; }
};

ParsedQuery parse_query(std::string_view query);

}  // namespace pv
