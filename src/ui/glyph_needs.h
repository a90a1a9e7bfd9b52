// Which characters the panel will draw, in which weight: every code point of
// a loaded bundle's text (and of the query, the messages) in the forms the
// panel draws them, so that the atlas can carry a glyph for each before it is
// needed, in the weight it is drawn in and only that one.
#pragma once

#include "core/model/bundle.h"
#include "core/model/progress.h"

#include <bitset>
#include <cstdint>
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
    // Adds those of `other`; returns how many were new.
    std::size_t add_all(const CodePointSet& other);
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

// The panel draws titles and headings bold, everything else regular.
enum class Weight : std::uint8_t { regular, bold };

// What the panel draws in each weight: an entry's title, the headings of its
// body and its related content's titles bold (ui/entry_view.cpp), the rest
// regular. A character in both is needed in both.
struct GlyphNeeds {
    CodePointSet regular, bold;
    CodePointSet& operator[](Weight w) { return w == Weight::bold ? bold : regular; }
    const CodePointSet& operator[](Weight w) const { return w == Weight::bold ? bold : regular; }
    // Adds every text field of the entry, or of the bundle and the problems
    // found in it, in its weight; returns how many were new (in either).
    std::size_t add_entry(const Entry& e);
    // Reports to `progress` as it goes (a bundle of 100,000 entries takes
    // seconds to read through), as the indexing's last step.
    std::size_t add_bundle(const LoadResult& loaded, const ProgressHook& progress = {});
};

}  // namespace pv::ui
