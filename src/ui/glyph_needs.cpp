#include "ui/glyph_needs.h"

#include "core/present/display.h"
#include "core/text/bidi.h"
#include "core/text/text.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace pv::ui {

bool CodePointSet::contains(char32_t c) const {
    return c < kSize ? bits_[c] : std::binary_search(beyond_.begin(), beyond_.end(), c);
}

namespace {

// The first byte at or after `i` that is not ASCII (text.size() if none),
// eight bytes at a time.
std::size_t skip_ascii(std::string_view text, std::size_t i) {
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, text.data() + i, sizeof word);
        if (word & 0x8080808080808080ULL) break;
    }
    while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80) ++i;
    return i;
}

}  // namespace

CodePointSet::CodePointSet() {
    for (char32_t c = 0x20; c < 0x7F; ++c) bits_[c] = true;
}

std::size_t CodePointSet::add_one(char32_t c) {
    // Controls are never drawn (the loader strips them; '\n' breaks lines).
    if (c < 0x20 || c == 0x7F || c > 0x10FFFF) return 0;
    if (c >= kSize) {
        const auto at = std::lower_bound(beyond_.begin(), beyond_.end(), c);
        if (at != beyond_.end() && *at == c) return 0;
        beyond_.insert(at, c);
        return 1;
    }
    if (bits_[c]) return 0;
    bits_[c] = true;
    return 1;
}

std::size_t CodePointSet::add_text(std::string_view text) {
    std::size_t added = 0;
    bool beyond_ascii = false;
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {
            // Printable ASCII is in already, and controls are never drawn: a
            // bundle's mostly Latin text (100,000 entries: 137 MB) is passed over.
            i = skip_ascii(text, i);
            continue;
        }
        beyond_ascii = true;
        const text::Decoded d = text::decode_utf8(text, i);
        added += add_one(d.code_point == text::kInvalidCodePoint ? 0xFFFD : d.code_point);
        i += d.length;
    }
    // Right-to-left text is drawn in display order, Arabic with its joined forms and mirrored brackets.
    if (beyond_ascii && text::needs_visual_order(text)) {
        for (const bool rtl : {false, true}) {
            const std::string visual = text::visual_line(text, rtl).text;
            for (std::size_t i = 0; i < visual.size();) {
                const text::Decoded d = text::decode_utf8(visual, i);
                added += add_one(d.code_point);
                i += d.length;
            }
        }
    }
    return added;
}

std::size_t CodePointSet::add_all(const CodePointSet& other) {
    const std::vector<char32_t> added = missing_from(other);
    for (char32_t c : added) add_one(c);
    return added.size();
}

std::size_t GlyphNeeds::add_entry(const Entry& e) {
    std::size_t added = bold.add_text(e.title);
    for (const std::string* field : {&e.venue, &e.award, &e.job().team, &e.job().location.country, &e.job().location.region,
                                     &e.job().location.city, &e.id, &e.doi, &e.arxiv, &e.url, &e.type})
        added += regular.add_text(*field);
    // A body all ASCII has nothing to add; else its headings are drawn bold.
    if (skip_ascii(e.body, 0) < e.body.size())
        for (const BodyBlock& block : body_blocks(e))
            added += (block.kind == BlockKind::heading ? bold : regular).add_text({e.body.data() + block.offset, block.length});
    for (const std::string& tag : e.tags) added += regular.add_text(tag);
    for (const std::string& author : e.authors) added += regular.add_text(author);
    for (const Related& r : e.related) added += bold.add_text(r.title) + regular.add_text(r.summary);
    for (const Link& link : e.links) added += regular.add_text(link.label);
    return added;
}

std::size_t GlyphNeeds::add_bundle(const LoadResult& loaded, const ProgressHook& progress) {
    const Bundle& b = loaded.bundle;
    std::size_t added = regular.add_text(b.title) + regular.add_text(b.description) + regular.add_text(b.source.name);
    const std::size_t count = b.entries.size();
    for (std::size_t i = 0; i < count; ++i) {
        added += add_entry(b.entries[i]);
        if (i % 64 == 63) report(progress, WorkStage::indexing, count, count);
    }
    for (const Problem& p : loaded.problems) added += regular.add_text(p.message) + regular.add_text(p.pointer);
    return added;
}

std::vector<char32_t> CodePointSet::missing_from(const CodePointSet& wanted) const {
    std::vector<char32_t> out;
    for (char32_t c = 0; c < kSize; ++c)
        if (wanted.bits_[c] && !bits_[c]) out.push_back(c);
    for (char32_t c : wanted.beyond_)
        if (!contains(c)) out.push_back(c);
    return out;
}

}  // namespace pv::ui
