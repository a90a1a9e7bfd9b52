// What the fuzz targets share: a check that aborts with a message (libFuzzer
// then saves the input), the default bundle's text, and field-by-field
// comparison of bundles.
#pragma once

#include "core/model/bundle.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#define FUZZ_CHECK(cond, what)                                                   \
    do {                                                                         \
        if (!(cond)) {                                                           \
            std::fprintf(stderr, "fuzz check failed: %s (%s)\n", what, #cond);   \
            std::abort();                                                        \
        }                                                                        \
    } while (0)

namespace pv::fuzz {

// data/most-viewed-2022.json, which the targets that need a real index build one from.
inline std::string default_bundle_text() {
    std::ifstream in(PUBVIEW_SOURCE_DIR "/data/most-viewed-2022.json", std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

inline bool same_entry(const Entry& a, const Entry& b) {
    if (a.related.size() != b.related.size()) return false;
    for (std::size_t i = 0; i < a.related.size(); ++i)
        if (a.related[i].title != b.related[i].title || a.related[i].summary != b.related[i].summary ||
            a.related[i].url != b.related[i].url)
            return false;
    return a.kind == b.kind && a.id == b.id && a.title == b.title && a.body == b.body && a.url == b.url &&
           a.tags == b.tags && a.abstract_truncated == b.abstract_truncated && a.rank == b.rank && a.year == b.year &&
           a.authors == b.authors && a.venue == b.venue && a.doi == b.doi && a.arxiv == b.arxiv && a.award == b.award &&
           a.job().location.country == b.job().location.country && a.job().location.region == b.job().location.region &&
           a.job().location.city == b.job().location.city && a.job().team == b.job().team;
}

// Index of the first entry that differs, the entry count when only the
// lengths differ, or -1 when the bundles are the same (-2: top-level fields).
inline long first_difference(const Bundle& a, const Bundle& b) {
    if (a.title != b.title || a.description != b.description || a.source.name != b.source.name ||
        a.source.url != b.source.url)
        return -2;
    const std::size_t n = std::min(a.entries.size(), b.entries.size());
    for (std::size_t i = 0; i < n; ++i)
        if (!same_entry(a.entries[i], b.entries[i])) return static_cast<long>(i);
    return a.entries.size() == b.entries.size() ? -1 : static_cast<long>(n);
}

}  // namespace pv::fuzz
