#include "core/text/bidi.h"

#include "core/text/arabic_shaping.h"
#include "core/text/prebase_vowels.h"
#include "core/text/text.h"

#include <algorithm>

namespace pv::text {

namespace {

// Bidirectional character types (UAX #9, table 4) that matter without explicit embeddings.
enum class Bidi : std::uint8_t { L, R, AL, EN, ES, ET, AN, CS, NSM, WS, ON };

bool in(char32_t c, char32_t first, char32_t last) { return c >= first && c <= last; }

// The bidirectional type of a code point, by the ranges of UnicodeData.txt
// that publication text meets; unlisted letters of every script are L.
Bidi bidi_type(char32_t c) {
    if (c < 0x80) {
        if (in(c, '0', '9')) return Bidi::EN;
        if (c == '+' || c == '-') return Bidi::ES;
        if (in(c, '#', '%')) return Bidi::ET;
        if (c == ',' || c == '.' || c == '/' || c == ':') return Bidi::CS;
        if (c == ' ' || c == '\f') return Bidi::WS;
        if (in(c, 'A', 'Z') || in(c, 'a', 'z')) return Bidi::L;
        return Bidi::ON;
    }
    if (in(c, 0x0300, 0x036F) || in(c, 0x0483, 0x0489) || in(c, 0x1AB0, 0x1AFF) || in(c, 0x1DC0, 0x1DFF) ||
        in(c, 0x20D0, 0x20FF) || in(c, 0xFE00, 0xFE0F) || in(c, 0xFE20, 0xFE2F))
        return Bidi::NSM;
    if (in(c, 0x0590, 0x05FF)) {  // Hebrew: points and marks, then letters
        if (in(c, 0x0591, 0x05BD) || c == 0x05BF || c == 0x05C1 || c == 0x05C2 || c == 0x05C4 || c == 0x05C5 || c == 0x05C7)
            return Bidi::NSM;
        return Bidi::R;
    }
    if (in(c, 0x0600, 0x06FF)) {  // Arabic
        if (in(c, 0x0600, 0x0605) || in(c, 0x0660, 0x0669) || c == 0x066B || c == 0x066C || c == 0x06DD) return Bidi::AN;
        if (in(c, 0x06F0, 0x06F9)) return Bidi::EN;
        if (c == 0x0609 || c == 0x060A || c == 0x066A) return Bidi::ET;
        if (c == 0x060C) return Bidi::CS;
        if (in(c, 0x0610, 0x061A) || in(c, 0x064B, 0x065F) || c == 0x0670 || in(c, 0x06D6, 0x06DC) || in(c, 0x06DF, 0x06E4) ||
            c == 0x06E7 || c == 0x06E8 || in(c, 0x06EA, 0x06ED))
            return Bidi::NSM;
        return Bidi::AL;
    }
    if (in(c, 0x0700, 0x08FF)) return in(c, 0x07C0, 0x085F) ? Bidi::R : Bidi::AL;  // NKo, Samaritan, Mandaic; Syriac, Thaana, Arabic
    if (in(c, 0xFB1D, 0xFB4F)) return c == 0xFB1E ? Bidi::NSM : c == 0xFB29 ? Bidi::ES : Bidi::R;
    if (in(c, 0xFB50, 0xFDFF) || in(c, 0xFE70, 0xFEFE)) return Bidi::AL;
    if (in(c, 0x10800, 0x10FFF) || in(c, 0x1E800, 0x1EFFF)) return Bidi::R;
    if (c == 0x200F) return Bidi::R;   // right-to-left mark
    if (c == 0x061C) return Bidi::AL;  // Arabic letter mark
    if (c == 0x200E) return Bidi::L;   // left-to-right mark
    if (c == 0x00B2 || c == 0x00B3 || c == 0x00B9 || c == 0x2070 || in(c, 0x2074, 0x2079) || in(c, 0x2080, 0x2089) ||
        in(c, 0xFF10, 0xFF19))
        return Bidi::EN;
    if (c == 0x207A || c == 0x207B || c == 0x208A || c == 0x208B || c == 0x2212 || c == 0xFF0B || c == 0xFF0D) return Bidi::ES;
    if (in(c, 0x00A2, 0x00A5) || c == 0x00B0 || c == 0x00B1 || in(c, 0x2030, 0x2034) || in(c, 0x20A0, 0x20CF) || c == 0x2213)
        return Bidi::ET;
    if (c == 0x00A0 || c == 0x202F || c == 0x2044 || c == 0xFF0C || c == 0xFF0E || c == 0xFF0F || c == 0xFF1A) return Bidi::CS;
    if (in(c, 0x2000, 0x200A) || c == 0x2028 || c == 0x205F || c == 0x3000 || c == 0x1680) return Bidi::WS;
    if (in(c, 0x200B, 0x200D) || in(c, 0x2060, 0x2064) || c == 0xFEFF || c == 0x00AD) return Bidi::ON;  // boundary neutrals
    if (in(c, 0x00A1, 0x00BF) || c == 0x00D7 || c == 0x00F7 || in(c, 0x2010, 0x2027) || in(c, 0x2035, 0x205E) ||
        in(c, 0x2100, 0x2101) || in(c, 0x2190, 0x2BFF) || in(c, 0x3001, 0x3004) || in(c, 0x3008, 0x3020) ||
        in(c, 0xFE50, 0xFE6F) || in(c, 0xFF01, 0xFF07) || in(c, 0xFF08, 0xFF0A) || in(c, 0xFF1B, 0xFF20))
        return Bidi::ON;
    return Bidi::L;
}

bool is_strong_rtl(Bidi t) { return t == Bidi::R || t == Bidi::AL; }

// The character drawn in a right-to-left run for a mirrored one (rule L4).
char32_t mirrored(char32_t c) {
    constexpr std::pair<char32_t, char32_t> kPairs[] = {
        {'(', ')'}, {'[', ']'}, {'{', '}'}, {'<', '>'}, {0x00AB, 0x00BB}, {0x2039, 0x203A}, {0x2264, 0x2265},
        {0x2208, 0x220B}, {0x2282, 0x2283}, {0x2286, 0x2287}, {0x3008, 0x3009}, {0x300A, 0x300B}, {0x300C, 0x300D},
        {0x3010, 0x3011}, {0xFF08, 0xFF09},
    };
    for (auto [a, b] : kPairs) {
        if (c == a) return b;
        if (c == b) return a;
    }
    return c;
}

CodePoints decode(std::string_view text) {
    CodePoints out;
    for (std::size_t i = 0; i < text.size();) {
        const Decoded d = decode_utf8(text, i);
        out.text.push_back(d.code_point == kInvalidCodePoint ? 0xFFFD : d.code_point);
        out.source.push_back(static_cast<std::uint32_t>(i));
        i += d.length;
    }
    return out;
}

// Rules W1-W7 and N1-N2 over the types of one line (sos and eos: `base`).
void resolve_types(std::vector<Bidi>& t, Bidi base) {
    const std::size_t n = t.size();
    Bidi previous = base;  // W1: marks take the type before them
    for (Bidi& x : t) x = x == Bidi::NSM ? previous : (previous = x);
    Bidi strong = base;  // W2: European digits after Arabic letters are Arabic numbers; W3
    for (Bidi& x : t) {
        if (x == Bidi::L || x == Bidi::R || x == Bidi::AL) strong = x;
        if (x == Bidi::EN && strong == Bidi::AL) x = Bidi::AN;
        if (x == Bidi::AL) x = Bidi::R;
    }
    for (std::size_t i = 1; i + 1 < n; ++i) {  // W4: one separator between two numbers
        if (t[i] == Bidi::ES && t[i - 1] == Bidi::EN && t[i + 1] == Bidi::EN) t[i] = Bidi::EN;
        if (t[i] == Bidi::CS && t[i - 1] == t[i + 1] && (t[i - 1] == Bidi::EN || t[i - 1] == Bidi::AN)) t[i] = t[i - 1];
    }
    for (std::size_t i = 0; i < n;) {  // W5: terminators next to European numbers
        if (t[i] != Bidi::ET) { ++i; continue; }
        std::size_t end = i;
        while (end < n && t[end] == Bidi::ET) ++end;
        if ((i > 0 && t[i - 1] == Bidi::EN) || (end < n && t[end] == Bidi::EN)) std::fill(t.begin() + i, t.begin() + end, Bidi::EN);
        i = end;
    }
    for (Bidi& x : t)  // W6
        if (x == Bidi::ES || x == Bidi::ET || x == Bidi::CS) x = Bidi::ON;
    strong = base;  // W7: European numbers after left-to-right text are left to right
    for (Bidi& x : t) {
        if (x == Bidi::L || x == Bidi::R) strong = x;
        if (x == Bidi::EN && strong == Bidi::L) x = Bidi::L;
    }
    // N1-N2: neutrals between two of the same direction take it; others the paragraph's.
    auto direction = [](Bidi x) { return x == Bidi::L ? Bidi::L : Bidi::R; };  // numbers count as R
    for (std::size_t i = 0; i < n;) {
        if (t[i] != Bidi::ON && t[i] != Bidi::WS) { ++i; continue; }
        std::size_t end = i;
        while (end < n && (t[end] == Bidi::ON || t[end] == Bidi::WS)) ++end;
        const Bidi before = i > 0 ? direction(t[i - 1]) : base;
        const Bidi after = end < n ? direction(t[end]) : base;
        std::fill(t.begin() + i, t.begin() + end, before == after ? before : base);
        i = end;
    }
}

}  // namespace

bool needs_visual_order(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        // Lead bytes of U+0590..U+08FF, and of U+FB00..U+FFFF or beyond (then checked exactly).
        if (byte >= 0xD6 && byte <= 0xE0) {
            if (byte <= 0xDF) return true;
            // U+0800..U+08FF, and the Indic blocks U+0900..U+0D7F (their pre-base vowel signs).
            if (i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0xB5) return true;
        }
        if (byte == 0xEF || byte >= 0xF0 || byte == 0xE2) {
            const Decoded d = decode_utf8(text, i);
            const Bidi type = bidi_type(d.code_point);
            if (is_strong_rtl(type) || type == Bidi::AN) return true;
        }
    }
    return false;
}

bool is_rtl_paragraph(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const Decoded d = decode_utf8(text, i);
        i += d.length;
        const Bidi type = bidi_type(d.code_point);
        if (type == Bidi::L) return false;
        if (is_strong_rtl(type)) return true;
    }
    return false;
}

VisualLine visual_line(std::string_view line, bool rtl_paragraph) {
    CodePoints cps = decode(line);
    shape_arabic(cps);
    move_prebase_vowels(cps);
    const std::size_t n = cps.text.size();
    std::vector<Bidi> types(n);
    for (std::size_t i = 0; i < n; ++i) types[i] = bidi_type(cps.text[i]);
    const std::vector<Bidi> original = types;
    const Bidi base = rtl_paragraph ? Bidi::R : Bidi::L;
    resolve_types(types, base);
    // I1-I2: embedding levels; L1: whitespace at the end of the line goes back to the paragraph's.
    const int base_level = rtl_paragraph ? 1 : 0;
    std::vector<int> levels(n);
    for (std::size_t i = 0; i < n; ++i) {
        const Bidi x = types[i];
        if (base_level == 0) levels[i] = x == Bidi::R ? 1 : (x == Bidi::AN || x == Bidi::EN) ? 2 : 0;
        else levels[i] = x == Bidi::L || x == Bidi::EN || x == Bidi::AN ? 2 : 1;
    }
    for (std::size_t i = n; i > 0 && original[i - 1] == Bidi::WS; --i) levels[i - 1] = base_level;
    // L2: from the highest level down to the lowest odd one, reverse every run at that level or higher.
    std::vector<std::uint32_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = static_cast<std::uint32_t>(i);
    const int highest = n ? *std::max_element(levels.begin(), levels.end()) : 0;
    for (int level = highest; level >= 1; --level) {
        for (std::size_t i = 0; i < n;) {
            if (levels[order[i]] < level) { ++i; continue; }
            std::size_t end = i;
            while (end < n && levels[order[end]] >= level) ++end;
            std::reverse(order.begin() + i, order.begin() + end);
            i = end;
        }
    }
    VisualLine out;
    out.text.reserve(line.size());
    out.source.reserve(n);
    for (std::uint32_t i : order) {
        const char32_t c = cps.text[i];
        if (c == 0x200E || c == 0x200F || c == 0x061C) continue;  // the marks have done their work
        append_utf8(out.text, levels[i] % 2 ? mirrored(c) : c);
        out.source.push_back(cps.source[i]);
    }
    return out;
}

std::string visual_lines(std::string_view text) {
    if (!needs_visual_order(text)) return std::string(text);
    std::string out;
    for (std::size_t begin = 0;;) {
        const std::size_t end = std::min(text.find('\n', begin), text.size());
        const std::string_view line = text.substr(begin, end - begin);
        out += visual_line(line, is_rtl_paragraph(line)).text;
        if (end == text.size()) return out;
        out += '\n';
        begin = end + 1;
    }
}

}  // namespace pv::text
