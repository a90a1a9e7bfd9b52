#include "core/text/text.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace pv::text {
namespace {

// Folds U+00C0..U+00FF to an ASCII letter; '*' marks letters spelled with two
// (handled in append_folded) and ' ' the two symbols in the block (× ÷).
constexpr std::string_view kLatin1Folds =
    "AAAAAA*CEEEEIIIIDNOOOOO OUUUUY**"
    "aaaaaa*ceeeeiiiidnooooo ouuuuy*y";
static_assert(kLatin1Folds.size() == 0x40);

// Folds U+0100..U+017F (Latin Extended-A); '*' marks Ĳ ĳ Œ œ.
constexpr std::string_view kLatinExtendedAFolds =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi**JjKkk"
    "LlLlLlLlLlNnNnNnnNnOoOoOo**RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
static_assert(kLatinExtendedAFolds.size() == 0x80);

// Latin Extended-B letters with a plain Latin base (pinyin and Romanian ones);
// other letters of the block fold case by their upper/lower pairing only.
constexpr std::string_view kPinyinFolds = "AaIiOoUuUuUuUuUu";  // U+01CD..U+01DC
static_assert(kPinyinFolds.size() == 0x10);

bool in(char32_t c, char32_t first, char32_t last) { return c >= first && c <= last; }

bool is_combining_mark(char32_t c) {
    return in(c, 0x0300, 0x036F) || in(c, 0x0483, 0x0489) || in(c, 0x0591, 0x05BD) ||
           in(c, 0x0610, 0x061A) || in(c, 0x064B, 0x065F) || in(c, 0x1AB0, 0x1AFF) ||
           in(c, 0x1DC0, 0x1DFF) || in(c, 0x20D0, 0x20FF) || in(c, 0xFE00, 0xFE0F) ||
           in(c, 0xFE20, 0xFE2F);
}

// Ideographs and kana: each one is a token of its own.
bool is_ideograph(char32_t c) {
    return in(c, 0x3040, 0x30FA) || in(c, 0x30FC, 0x30FF) || in(c, 0x3400, 0x4DBF) ||
           in(c, 0x4E00, 0x9FFF) || in(c, 0xF900, 0xFAFF) || in(c, 0x20000, 0x2FFFF);
}

// Letters and digits. Full Unicode tables would dwarf the widget, so outside
// ASCII and Latin-1 the rule is inverted: everything is a letter except the
// blocks of punctuation, symbols, spaces and emoji listed here.
bool is_word_char(char32_t c) {
    if (c < 0x80) return in(c, '0', '9') || in(c, 'a', 'z') || in(c, 'A', 'Z');
    if (c == kInvalidCodePoint) return false;
    if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;
    if (c == 0xD7 || c == 0xF7) return false;
    if (in(c, 0x02B0, 0x02FF)) return false;
    if (c == 0x037E || c == 0x0387 || in(c, 0x0374, 0x0375) || in(c, 0x0384, 0x0385)) return false;
    if (in(c, 0x055A, 0x055F) || c == 0x0589 || c == 0x05BE || c == 0x05C0 || c == 0x05C3 ||
        c == 0x05C6 || in(c, 0x05F3, 0x05F4) || c == 0x060C || c == 0x061B || c == 0x061F ||
        in(c, 0x066A, 0x066D) || c == 0x06D4 || in(c, 0x0964, 0x0965))
        return false;
    if (c == 0x1680 || in(c, 0x2000, 0x2BFF) || in(c, 0x2E00, 0x2E7F) || in(c, 0x3000, 0x303F) ||
        c == 0x30FB)
        return false;
    if (in(c, 0xD800, 0xDFFF) || in(c, 0xE000, 0xF8FF) || in(c, 0xFE10, 0xFE1F) ||
        in(c, 0xFE30, 0xFE6F))
        return false;
    if (in(c, 0xFF00, 0xFF0F) || in(c, 0xFF1A, 0xFF20) || in(c, 0xFF3B, 0xFF40) ||
        in(c, 0xFF5B, 0xFF65) || in(c, 0xFFE0, 0xFFFF))
        return false;
    if (in(c, 0x1F000, 0x1FAFF) || in(c, 0xE0000, 0xE007F) || c >= 0xF0000) return false;
    return !is_combining_mark(c);
}

bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0xFF07; }
bool is_joiner(char32_t c) { return c == '-' || c == '/' || c == 0x2010 || c == 0x2011; }

// Lower case of the Greek capitals, with the tonos and dialytika dropped.
char32_t fold_greek(char32_t c) {
    switch (c) {
        case 0x0386: case 0x03AC: return 0x03B1;  // ά
        case 0x0388: case 0x03AD: return 0x03B5;  // έ
        case 0x0389: case 0x03AE: return 0x03B7;  // ή
        case 0x038A: case 0x03AF: case 0x0390: case 0x03AA: case 0x03CA: return 0x03B9;  // ί ϊ ΐ
        case 0x038C: case 0x03CC: return 0x03BF;  // ό
        case 0x038E: case 0x03CD: case 0x03B0: case 0x03AB: case 0x03CB: return 0x03C5;  // ύ ϋ ΰ
        case 0x038F: case 0x03CE: return 0x03C9;  // ώ
        case 0x03C2: return 0x03C3;               // final sigma
        default: break;
    }
    if (in(c, 0x0391, 0x03A9)) return c + 0x20;
    return c;
}

char32_t fold_cyrillic(char32_t c) {
    // Russian writers often leave ё unmarked; searching е must find both.
    if (c == 0x0401 || c == 0x0451) return 0x0435;
    if (in(c, 0x0400, 0x040F)) return c + 0x50;
    if (in(c, 0x0410, 0x042F)) return c + 0x20;
    if (c == 0x04C0) return 0x04CF;
    bool even_is_upper = in(c, 0x0460, 0x0481) || in(c, 0x048A, 0x04BF) || in(c, 0x04D0, 0x052F);
    if (even_is_upper && c % 2 == 0) return c + 1;
    if (in(c, 0x04C1, 0x04CE) && c % 2 == 1) return c + 1;
    return c;
}

char32_t fold_latin_extended_b(char32_t c) {
    if (in(c, 0x01CD, 0x01DC)) return static_cast<char32_t>(kPinyinFolds[c - 0x01CD] | 0x20);
    if (in(c, 0x0218, 0x0219)) return 's';
    if (in(c, 0x021A, 0x021B)) return 't';
    bool even_is_upper = in(c, 0x01DE, 0x01EF) || in(c, 0x01F8, 0x021F) || in(c, 0x0222, 0x0233) ||
                         in(c, 0x0246, 0x024F);
    if (even_is_upper && c % 2 == 0) return c + 1;
    return c;
}

void append_ascii_lower(std::string& out, char letter) {
    out += static_cast<char>(in(static_cast<unsigned char>(letter), 'A', 'Z') ? letter + 0x20 : letter);
}

}  // namespace

Decoded decode_utf8(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    unsigned char lead = byte(at);
    if (lead < 0x80) return {lead, 1};
    std::uint32_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
    if (length == 0 || lead > 0xF4 || at + length > text.size()) return {kInvalidCodePoint, 1};
    char32_t c = lead & (0x7F >> length);
    for (std::uint32_t i = 1; i < length; ++i) {
        unsigned char next = byte(at + i);
        if ((next & 0xC0) != 0x80) return {kInvalidCodePoint, 1};
        c = (c << 6) | (next & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not text.
    bool overlong = (length == 3 && c < 0x800) || (length == 4 && c < 0x10000);
    if (overlong || in(c, 0xD800, 0xDFFF) || c > 0x10FFFF) return {kInvalidCodePoint, 1};
    return {c, length};
}

std::size_t utf8_prefix_length(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text.size();
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return end;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

void append_folded(std::string& out, char32_t c) {
    if (c < 0x80) return append_ascii_lower(out, static_cast<char>(c));
    if (is_combining_mark(c)) return;
    switch (c) {
        case 0x00C6: case 0x00E6: out += "ae"; return;
        case 0x00DE: case 0x00FE: out += "th"; return;
        case 0x00DF: out += "ss"; return;
        case 0x0132: case 0x0133: out += "ij"; return;
        case 0x0152: case 0x0153: out += "oe"; return;
        default: break;
    }
    if (in(c, 0x00C0, 0x00FF) && kLatin1Folds[c - 0xC0] != ' ')
        return append_ascii_lower(out, kLatin1Folds[c - 0xC0]);
    if (in(c, 0x0100, 0x017F)) return append_ascii_lower(out, kLatinExtendedAFolds[c - 0x100]);
    if (in(c, 0x0180, 0x024F)) return append_utf8(out, fold_latin_extended_b(c));
    if (in(c, 0x0370, 0x03FF)) return append_utf8(out, fold_greek(c));
    if (in(c, 0x0400, 0x052F)) return append_utf8(out, fold_cyrillic(c));
    // Full-width forms of ASCII letters and digits, as typed with CJK input methods.
    if (in(c, 0xFF10, 0xFF19) || in(c, 0xFF21, 0xFF3A) || in(c, 0xFF41, 0xFF5A))
        return append_ascii_lower(out, static_cast<char>(c - 0xFEE0));
    append_utf8(out, c);
}

std::string fold(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        Decoded d = decode_utf8(text, at);
        if (d.code_point == kInvalidCodePoint) out += ' ';
        else append_folded(out, d.code_point);
        at += d.length;
    }
    return out;
}

namespace {

// Builds tokens while scanning: the part being read, and the compound that
// the parts read so far (joined by hyphens or slashes) belong to.
class Tokenizer {
public:
    explicit Tokenizer(std::string_view text) : text_(text) {}

    std::vector<Token> run() {
        for (std::size_t at = 0; at < text_.size();) {
            Decoded d = decode_utf8(text_, at);
            std::uint32_t here = static_cast<std::uint32_t>(at);
            std::uint32_t next = here + d.length;
            char32_t c = d.code_point;
            if (is_ideograph(c)) {
                end_compound();
                start_part(here);
                append_folded(part_.term, c);
                part_.end = next;
                end_compound();
            } else if (is_word_char(c)) {
                if (!in_part_) start_part(here);
                append_folded(part_.term, c);
                part_.end = next;
            } else if (is_combining_mark(c) && in_part_) {
                part_.end = next;
            } else if (in_part_ && is_apostrophe(c) && word_char_at(next)) {
                if (stem_length_ == 0) {
                    stem_length_ = part_.term.size();
                    stem_end_ = here;
                }
            } else if (in_part_ && is_joiner(c) && word_char_at(next)) {
                end_part();
            } else {
                end_compound();
            }
            at = next;
        }
        end_compound();
        return std::move(tokens_);
    }

private:
    // Compounds of more parts are paths or URLs, not words anyone types joined.
    static constexpr std::size_t kMaxCompoundParts = 6;

    bool word_char_at(std::size_t at) const {
        if (at >= text_.size()) return false;
        char32_t c = decode_utf8(text_, at).code_point;
        return is_word_char(c) && !is_ideograph(c);
    }

    void start_part(std::uint32_t begin) {
        in_part_ = true;
        part_ = Token{{}, begin, begin, next_position_++, TokenRole::part};
        stem_length_ = 0;
    }

    void end_part() {
        if (!in_part_) return;
        in_part_ = false;
        tokens_.push_back(part_);
        if (stem_length_ > 0)
            tokens_.push_back(Token{part_.term.substr(0, stem_length_), part_.begin, stem_end_,
                                    part_.position, TokenRole::stem});
        if (compound_parts_ == 0) compound_ = Token{{}, part_.begin, part_.end, part_.position, TokenRole::compound};
        compound_.term += part_.term;
        compound_.end = part_.end;
        ++compound_parts_;
    }

    void end_compound() {
        end_part();
        if (compound_parts_ >= 2 && compound_parts_ <= kMaxCompoundParts) tokens_.push_back(compound_);
        compound_parts_ = 0;
    }

    std::string_view text_;
    std::vector<Token> tokens_;
    Token part_;
    bool in_part_ = false;
    std::size_t stem_length_ = 0;
    std::uint32_t stem_end_ = 0;
    Token compound_;
    std::size_t compound_parts_ = 0;
    std::uint32_t next_position_ = 0;
};

}  // namespace

std::vector<Token> tokenize(std::string_view text) { return Tokenizer(text).run(); }

std::size_t code_point_count(std::string_view term) {
    return static_cast<std::size_t>(
        std::count_if(term.begin(), term.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

namespace {

// Terms longer than this never get typo matches; it bounds the stack buffers.
constexpr std::size_t kMaxEditTermLength = 64;

std::size_t decode_term(std::string_view term, std::array<char32_t, kMaxEditTermLength>& out) {
    std::size_t n = 0;
    for (std::size_t at = 0; at < term.size() && n < out.size();) {
        Decoded d = decode_utf8(term, at);
        out[n++] = d.code_point;
        at += d.length;
    }
    return n;
}

bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Optimal string alignment over three rolling rows, stopping once a whole row exceeds the limit.
template <class Char>
std::size_t osa_distance(const Char* x, std::size_t n, const Char* y, std::size_t m, std::size_t limit) {
    const std::size_t over = limit + 1;
    if ((n > m ? n - m : m - n) > limit) return over;
    std::array<std::size_t, kMaxEditTermLength + 1> rows[3];
    std::size_t* before = rows[0].data();
    std::size_t* previous = rows[1].data();
    std::size_t* current = rows[2].data();
    for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        current[0] = i;
        std::size_t row_min = i;
        for (std::size_t j = 1; j <= m; ++j) {
            std::size_t cost = x[i - 1] == y[j - 1] ? 0 : 1;
            std::size_t best = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) best = std::min(best, before[j - 2] + 1);
            current[j] = best;
            row_min = std::min(row_min, best);
        }
        if (row_min > limit) return over;
        std::swap(before, previous);  // the row before last is no longer needed
        std::swap(previous, current);
    }
    return std::min(previous[m], over);
}

}  // namespace

std::size_t bounded_edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    const std::size_t over = limit + 1;
    if (is_ascii(a) && is_ascii(b)) {
        if (a.size() >= kMaxEditTermLength || b.size() >= kMaxEditTermLength) return over;
        return osa_distance(a.data(), a.size(), b.data(), b.size(), limit);
    }
    std::array<char32_t, kMaxEditTermLength> x{}, y{};
    std::size_t n = decode_term(a, x), m = decode_term(b, y);
    if (n >= kMaxEditTermLength || m >= kMaxEditTermLength) return over;
    return osa_distance(x.data(), n, y.data(), m, limit);
}

}  // namespace pv::text
