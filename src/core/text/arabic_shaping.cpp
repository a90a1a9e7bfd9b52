#include "core/text/arabic_shaping.h"

namespace pv::text {

namespace {

// How a letter joins (Unicode ArabicShaping.txt): to both sides (dual), only
// to the letter before it (right), or not at all.
enum class Joining : std::uint8_t { none, right, dual, causing, transparent };

struct Forms {
    char32_t isolated;  // then final, and for dual-joining letters initial and medial
    Joining joining;
};

// U+0621..U+064A: the presentation forms of the basic Arabic letters are laid
// out in this order from U+FE80 on; 0 marks the letters without forms there.
constexpr Forms kBasic[] = {
    {0xFE80, Joining::none},  {0xFE81, Joining::right}, {0xFE83, Joining::right}, {0xFE85, Joining::right},
    {0xFE87, Joining::right}, {0xFE89, Joining::dual},  {0xFE8D, Joining::right}, {0xFE8F, Joining::dual},
    {0xFE93, Joining::right}, {0xFE95, Joining::dual},  {0xFE99, Joining::dual},  {0xFE9D, Joining::dual},
    {0xFEA1, Joining::dual},  {0xFEA5, Joining::dual},  {0xFEA9, Joining::right}, {0xFEAB, Joining::right},
    {0xFEAD, Joining::right}, {0xFEAF, Joining::right}, {0xFEB1, Joining::dual},  {0xFEB5, Joining::dual},
    {0xFEB9, Joining::dual},  {0xFEBD, Joining::dual},  {0xFEC1, Joining::dual},  {0xFEC5, Joining::dual},
    {0xFEC9, Joining::dual},  {0xFECD, Joining::dual},  {0, Joining::dual},       {0, Joining::dual},
    {0, Joining::dual},       {0, Joining::dual},       {0, Joining::dual},       {0, Joining::causing},
    {0xFED1, Joining::dual},  {0xFED5, Joining::dual},  {0xFED9, Joining::dual},  {0xFEDD, Joining::dual},
    {0xFEE1, Joining::dual},  {0xFEE5, Joining::dual},  {0xFEE9, Joining::dual},  {0xFEED, Joining::right},
    {0xFEEF, Joining::right}, {0xFEF1, Joining::dual},
};

// The Persian and Urdu letters most often met, whose forms are in U+FB50..FBFF.
struct Extra {
    char32_t letter;
    Forms forms;
};
constexpr Extra kExtended[] = {
    {0x067E, {0xFB56, Joining::dual}}, {0x0686, {0xFB7A, Joining::dual}}, {0x0698, {0xFB8A, Joining::right}},
    {0x06A9, {0xFB8E, Joining::dual}}, {0x06AF, {0xFB92, Joining::dual}}, {0x06CC, {0xFBFC, Joining::dual}},
};

bool is_transparent(char32_t c) {
    return (c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06DC) ||
           (c >= 0x06DF && c <= 0x06E4) || c == 0x06E7 || c == 0x06E8 || (c >= 0x06EA && c <= 0x06ED);
}

Forms forms_of(char32_t c) {
    if (c >= 0x0621 && c <= 0x064A) return kBasic[c - 0x0621];
    for (const Extra& e : kExtended)
        if (e.letter == c) return e.forms;
    if (c == 0x200D) return {0, Joining::causing};  // zero width joiner
    if (is_transparent(c)) return {0, Joining::transparent};
    // Other Arabic letters join but have no presentation forms: they stay as they are.
    if ((c >= 0x0671 && c <= 0x06D3) || (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08C9)) return {0, Joining::dual};
    return {0, Joining::none};
}

bool joins_forward(Joining j) { return j == Joining::dual || j == Joining::causing; }
bool joins_backward(Joining j) { return j == Joining::dual || j == Joining::right || j == Joining::causing; }

// The lam-alef ligature (isolated form; the final form follows it) for `alef`, or 0.
char32_t lam_alef(char32_t alef) {
    switch (alef) {
        case 0x0622: return 0xFEF5;
        case 0x0623: return 0xFEF7;
        case 0x0625: return 0xFEF9;
        case 0x0627: return 0xFEFB;
        default: return 0;
    }
}

}  // namespace

void shape_arabic(CodePoints& text) {
    const std::vector<char32_t>& in = text.text;
    const std::size_t n = in.size();
    // The joining of the nearest letter before and after each one, skipping marks.
    auto neighbour = [&](std::size_t i, int step) {
        for (auto j = static_cast<std::ptrdiff_t>(i) + step; j >= 0 && j < static_cast<std::ptrdiff_t>(n); j += step) {
            const Joining k = forms_of(in[static_cast<std::size_t>(j)]).joining;
            if (k != Joining::transparent) return std::pair{k, static_cast<std::size_t>(j)};
        }
        return std::pair{Joining::none, n};
    };
    CodePoints out;
    out.text.reserve(n);
    out.source.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const char32_t c = in[i];
        const Forms f = forms_of(c);
        char32_t shaped = c;
        if (f.isolated != 0) {
            const bool after_joiner = joins_forward(neighbour(i, -1).first) && joins_backward(f.joining);
            const auto [next, next_at] = neighbour(i, +1);
            const char32_t ligature = c == 0x0644 && next_at == i + 1 && next_at < n ? lam_alef(in[next_at]) : 0;
            if (ligature != 0) {
                out.text.push_back(ligature + (after_joiner ? 1 : 0));
                out.source.push_back(text.source[i]);
                ++i;  // the alef is part of the ligature
                continue;
            }
            const bool before_joiner = f.joining == Joining::dual && joins_backward(next);
            // Offsets from the isolated form: 1 final, 2 initial, 3 medial.
            shaped = f.isolated + (after_joiner ? 1 : 0) + (before_joiner ? 2 : 0);
        }
        out.text.push_back(shaped);
        out.source.push_back(text.source[i]);
    }
    text = std::move(out);
}

}  // namespace pv::text
