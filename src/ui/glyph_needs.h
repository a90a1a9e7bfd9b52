// Which characters the panel will draw: every code point of a loaded bundle's
// text (and of the query, the messages) in the forms the panel draws them,
// so that the atlas can carry a glyph for each before it is needed.
#pragma once

#include "core/model/bundle.h"
#include "core/model/progress.h"

#include <bitset>
#include <string_view>
#include <vector>

namespace pv::ui {

// Code points: the Basic Multilingual Plane as bits, the few beyond it
// (emoji, mathematical letters such as 𝔼) one by one. Every set holds the
// printable ASCII characters (U+0020..U+007E) from the start: every font the
// panel draws with carries them, so only what lies beyond them is ever
// missing, and a bundle's Latin text is passed over a word at a time.
class CodePointSet {
public:
    CodePointSet();
    // Adds the code points of `text` and, where it has Arabic letters, their
    // joined forms (core/text/arabic_shaping.h). Returns how many were new.
    std::size_t add_text(std::string_view text);
    // Adds every text field of the entry, or of the bundle and the problems found in it.
    std::size_t add_entry(const Entry& e);
    // Reports to `progress` as it goes (a bundle of 100,000 entries takes
    // seconds to read through), as the indexing's last step.
    std::size_t add_bundle(const LoadResult& loaded, const ProgressHook& progress = {});
    bool contains(char32_t c) const;
    // Those of `wanted` not in this set, in code point order.
    std::vector<char32_t> missing_from(const CodePointSet& wanted) const;
    void add(char32_t c) { add_one(c); }

private:
    static constexpr std::size_t kSize = 0x10000;
    std::size_t add_one(char32_t c);
    std::bitset<kSize> bits_;
    std::vector<char32_t> beyond_;  // in order
};

}  // namespace pv::ui
