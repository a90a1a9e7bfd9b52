#include "authoring/markup_text.h"

#include "authoring/latex_text.h"
#include "authoring/import_common.h"
#include "core/model/hygiene.h"
#include "core/text/text.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <vector>

namespace pv {

namespace {

// The named references that job boards and bibliographic records use: XML's
// five, HTML's typography and the Latin-1 letters (DBLP's names).
const std::map<std::string_view, char32_t>& entity_names() {
    static const std::map<std::string_view, char32_t> names = {
        {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0},
        {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}, {"lsquo", 0x2018}, {"rsquo", 0x2019},
        {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"sbquo", 0x201A}, {"bdquo", 0x201E}, {"bull", 0x2022},
        {"middot", 0xB7}, {"copy", 0xA9}, {"reg", 0xAE}, {"trade", 0x2122}, {"deg", 0xB0}, {"plusmn", 0xB1},
        {"times", 0xD7}, {"divide", 0xF7}, {"euro", 0x20AC}, {"pound", 0xA3}, {"yen", 0xA5}, {"cent", 0xA2},
        {"sect", 0xA7}, {"para", 0xB6}, {"laquo", 0xAB}, {"raquo", 0xBB}, {"iexcl", 0xA1}, {"iquest", 0xBF},
        {"shy", 0xAD}, {"thinsp", 0x2009}, {"ensp", 0x2002}, {"emsp", 0x2003}, {"zwj", 0x200D}, {"zwnj", 0x200C},
        {"alpha", 0x3B1}, {"beta", 0x3B2}, {"gamma", 0x3B3}, {"delta", 0x3B4}, {"epsilon", 0x3B5}, {"lambda", 0x3BB},
        {"mu", 0x3BC}, {"pi", 0x3C0}, {"sigma", 0x3C3}, {"tau", 0x3C4}, {"phi", 0x3C6}, {"omega", 0x3C9},
        {"le", 0x2264}, {"ge", 0x2265}, {"ne", 0x2260}, {"asymp", 0x2248}, {"infin", 0x221E}, {"rarr", 0x2192},
        {"larr", 0x2190}, {"szlig", 0xDF}, {"Agrave", 0xC0}, {"Aacute", 0xC1}, {"Acirc", 0xC2}, {"Atilde", 0xC3},
        {"Auml", 0xC4}, {"Aring", 0xC5}, {"AElig", 0xC6}, {"Ccedil", 0xC7}, {"Egrave", 0xC8}, {"Eacute", 0xC9},
        {"Ecirc", 0xCA}, {"Euml", 0xCB}, {"Igrave", 0xCC}, {"Iacute", 0xCD}, {"Icirc", 0xCE}, {"Iuml", 0xCF},
        {"ETH", 0xD0}, {"Ntilde", 0xD1}, {"Ograve", 0xD2}, {"Oacute", 0xD3}, {"Ocirc", 0xD4}, {"Otilde", 0xD5},
        {"Ouml", 0xD6}, {"Oslash", 0xD8}, {"Ugrave", 0xD9}, {"Uacute", 0xDA}, {"Ucirc", 0xDB}, {"Uuml", 0xDC},
        {"Yacute", 0xDD}, {"THORN", 0xDE}, {"agrave", 0xE0}, {"aacute", 0xE1}, {"acirc", 0xE2}, {"atilde", 0xE3},
        {"auml", 0xE4}, {"aring", 0xE5}, {"aelig", 0xE6}, {"ccedil", 0xE7}, {"egrave", 0xE8}, {"eacute", 0xE9},
        {"ecirc", 0xEA}, {"euml", 0xEB}, {"igrave", 0xEC}, {"iacute", 0xED}, {"icirc", 0xEE}, {"iuml", 0xEF},
        {"eth", 0xF0}, {"ntilde", 0xF1}, {"ograve", 0xF2}, {"oacute", 0xF3}, {"ocirc", 0xF4}, {"otilde", 0xF5},
        {"ouml", 0xF6}, {"oslash", 0xF8}, {"ugrave", 0xF9}, {"uacute", 0xFA}, {"ucirc", 0xFB}, {"uuml", 0xFC},
        {"yacute", 0xFD}, {"thorn", 0xFE}, {"yuml", 0xFF}};
    return names;
}

// The character a reference between '&' and ';' stands for, or nothing.
std::optional<char32_t> entity_value(std::string_view name) {
    if (name.size() > 1 && name[0] == '#') {
        const bool hex = name[1] == 'x' || name[1] == 'X';
        const std::string_view digits = name.substr(hex ? 2 : 1);
        if (digits.empty() || digits.size() > 8) return std::nullopt;
        char32_t value = 0;
        for (char c : digits) {
            const int digit = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                              : hex && std::isxdigit(static_cast<unsigned char>(c)) ? std::tolower(c) - 'a' + 10
                                                                                      : -1;
            if (digit < 0) return std::nullopt;
            value = value * (hex ? 16 : 10) + static_cast<char32_t>(digit);
        }
        if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0xFFFD;
        return value;
    }
    const auto& names = entity_names();
    if (auto it = names.find(name); it != names.end()) return it->second;
    return std::nullopt;
}

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Runs of white space (and U+00A0) as one space; ends trimmed; ill-formed
// UTF-8 replaced first (so that removing a character cannot join two bytes
// into a new one), then control characters removed (the one rule in
// core/model/hygiene.h).
std::string one_line(std::string_view raw) {
    const std::string text = normalize_text_file(raw);
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < text.size();) {
        const text::Decoded d = text::decode_utf8(text, i);
        const bool blank = is_space_byte(text[i]) || d.code_point == 0xA0;
        if (blank) space = true;
        else {
            if (space && !out.empty()) out += ' ';
            space = false;
            out.append(text.substr(i, d.length));
        }
        i += d.length;
    }
    return single_line(out);
}

// ---- HTML ----------------------------------------------------------------------

struct Tag {
    std::string name;  // lower case, without '/'
    bool closing = false;
};

// At '<': the tag's name and kind; moves past '>'. Comments and declarations
// give an empty name.
Tag read_tag(std::string_view html, std::size_t& at) {
    if (html.substr(at, 4) == "<!--") {
        const std::size_t end = html.find("-->", at + 4);
        at = end == std::string_view::npos ? html.size() : end + 3;
        return {};
    }
    std::size_t i = at + 1;
    Tag tag;
    if (i < html.size() && html[i] == '/') { tag.closing = true; ++i; }
    while (i < html.size() && (std::isalnum(static_cast<unsigned char>(html[i])) || html[i] == ':' || html[i] == '-'))
        tag.name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[i++])));
    char quote = 0;  // '>' inside a quoted attribute does not end the tag
    for (; i < html.size(); ++i) {
        if (quote) { if (html[i] == quote) quote = 0; }
        else if (html[i] == '"' || html[i] == '\'') quote = html[i];
        else if (html[i] == '>') break;
    }
    at = std::min(i + 1, html.size());
    return tag;
}

bool is_heading_tag(std::string_view name) {
    return name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6';
}

bool is_block_tag(std::string_view name) {
    static constexpr std::string_view blocks[] = {"p", "div", "section", "article", "header", "footer", "blockquote",
                                                  "table", "tr", "pre", "ul", "ol", "dl", "dt", "dd", "hr", "main", "aside"};
    return std::find(std::begin(blocks), std::end(blocks), name) != std::end(blocks) || is_heading_tag(name);
}

enum class BlockType { paragraph, heading, item };

struct Block {
    BlockType type = BlockType::paragraph;
    std::string text;        // raw, spaces not yet collapsed
    std::size_t bold = 0;    // bytes of non-space text inside <b>/<strong>
    std::size_t all = 0;     // bytes of non-space text
};

class HtmlText {
public:
    std::string convert(std::string_view html) {
        for (std::size_t at = 0; at < html.size();) {
            if (html[at] != '<' || at + 1 == html.size() ||
                !(std::isalpha(static_cast<unsigned char>(html[at + 1])) || html[at + 1] == '/' || html[at + 1] == '!')) {
                const std::size_t end = std::min(html.find('<', at + 1), html.size());
                if (skip_depth_ == 0) text(decode_entities(html.substr(at, end - at)));
                at = end;
                continue;
            }
            tag(read_tag(html, at));
        }
        flush();
        return join();
    }

private:
    void text(const std::string& piece) {
        const auto visible = static_cast<std::size_t>(std::count_if(piece.begin(), piece.end(), [](char c) { return !is_space_byte(c); }));
        current_.all += visible;
        if (bold_depth_ > 0) current_.bold += visible;
        current_.text += piece;
    }

    void tag(const Tag& tag) {
        const std::string& name = tag.name;
        if (name == "script" || name == "style") { skip_depth_ = std::max(0, skip_depth_ + (tag.closing ? -1 : 1)); return; }
        if (name == "b" || name == "strong") { bold_depth_ = std::max(0, bold_depth_ + (tag.closing ? -1 : 1)); return; }
        if (name == "li") {
            flush();
            if (!tag.closing) current_.type = BlockType::item;
            item_depth_ = std::max(0, item_depth_ + (tag.closing ? -1 : 1));
            return;
        }
        if (name == "br") {
            if (item_depth_ > 0) current_.text += ' ';
            else flush();
            return;
        }
        if (name == "td" || name == "th") { current_.text += ' '; return; }
        if (!is_block_tag(name)) return;
        if (item_depth_ > 0 && !is_heading_tag(name) && name != "ul" && name != "ol") { current_.text += ' '; return; }
        flush();
        if (is_heading_tag(name) && !tag.closing) current_.type = BlockType::heading;
    }

    // Ends the current block: kept if it has text.
    void flush() {
        std::string line = one_line(current_.text);
        if (!line.empty()) {
            BlockType type = current_.type;
            // A short paragraph that is all bold stands for a heading, unless it is a sentence.
            const bool sentence = line.back() == '.' || line.back() == '!' || line.back() == '?';
            if (type == BlockType::paragraph && current_.all > 0 && current_.bold == current_.all && !sentence) type = BlockType::heading;
            if (type == BlockType::heading) {
                while (!line.empty() && (line.back() == ':' || line.back() == '.')) line.pop_back();
                line += ':';
                if (line.size() >= 60) type = BlockType::paragraph;
            }
            blocks_.push_back({type, std::move(line), 0, 0});
        }
        current_ = {};
    }

    std::string join() const {
        std::string out;
        for (std::size_t i = 0; i < blocks_.size(); ++i) {
            if (i > 0) {
                const BlockType before = blocks_[i - 1].type, now = blocks_[i].type;
                out += (before == BlockType::heading && now != BlockType::heading) ||
                               (before == BlockType::item && now == BlockType::item)
                           ? "\n"
                           : "\n\n";
            }
            if (blocks_[i].type == BlockType::item) out += "- ";
            out += blocks_[i].text;
        }
        return out;
    }

    Block current_;
    std::vector<Block> blocks_;
    int skip_depth_ = 0;
    int bold_depth_ = 0;
    int item_depth_ = 0;
};

// ---- JATS, MathML and LaTeX ---------------------------------------------------------

// The text between tags, with a paragraph break where a <p> or <jats:p> (or
// <jats:sec>) starts or ends, and a <jats:title> that only says "Abstract" left out.
std::string strip_tags(std::string_view text) {
    std::string out;
    for (std::size_t at = 0; at < text.size();) {
        if (text[at] != '<' || at + 1 == text.size() ||
            !(std::isalpha(static_cast<unsigned char>(text[at + 1])) || text[at + 1] == '/' || text[at + 1] == '!')) {
            out += text[at++];
            continue;
        }
        const Tag tag = read_tag(text, at);
        std::string_view local = tag.name;
        if (const auto colon = local.find(':'); colon != std::string_view::npos) local.remove_prefix(colon + 1);
        if (local == "p" || local == "sec" || local == "title" || local == "div") out += "\n\n";
        if (local == "title" && !tag.closing) {
            // "<jats:title>Abstract</jats:title>": a heading the bundle does not need.
            const std::size_t close = text.find("</", at);
            const std::string_view heading = trim(text.substr(at, close == std::string_view::npos ? 0 : close - at));
            if (lower_ascii(heading) == "abstract" || lower_ascii(heading) == "summary") at = close;
        }
    }
    return out;
}

bool has_latex(std::string_view text) {
    for (std::size_t i = 0; i + 1 < text.size(); ++i)
        if (text[i] == '\\' && std::isalpha(static_cast<unsigned char>(text[i + 1]))) return true;
    return std::count(text.begin(), text.end(), '$') >= 2;
}

// "$\alpha$-divergence" -> "\alpha-divergence" for decode_latex: the math
// delimiters go ("\$" stays a dollar sign).
std::string without_math_delimiters(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == '$') { out += "\\$"; ++i; continue; }
        if (text[i] != '$') out += text[i];
    }
    return out;
}

}  // namespace

std::string decode_entities(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '&') { out += text[i]; continue; }
        const std::size_t end = text.find(';', i + 1);
        if (end != std::string_view::npos && end - i <= 12) {
            if (const std::optional<char32_t> c = entity_value(text.substr(i + 1, end - i - 1))) {
                text::append_utf8(out, *c);
                i = end;
                continue;
            }
        }
        out += '&';
    }
    return out;
}

std::string html_to_text(std::string_view html) { return HtmlText().convert(html); }

namespace {

// Each paragraph (text between blank lines) on one line; with
// `keep_paragraphs` joined by "\n\n", otherwise by a space.
std::string paragraphs(std::string_view plain, bool keep_paragraphs) {
    std::string out;
    std::size_t at = 0;
    while (at <= plain.size()) {
        std::size_t end = plain.find("\n\n", at);
        if (end == std::string_view::npos) end = plain.size();
        const std::string paragraph = one_line(plain.substr(at, end - at));
        if (!paragraph.empty()) out += (out.empty() ? "" : keep_paragraphs ? "\n\n" : " ") + paragraph;
        at = end + 2;
    }
    return out;
}

}  // namespace

std::string markup_to_text(std::string_view text, bool keep_paragraphs) {
    std::string plain = decode_entities(strip_tags(text));
    if (has_latex(plain)) plain = decode_latex(without_math_delimiters(plain));
    return paragraphs(plain, keep_paragraphs);
}

std::string latex_to_text(std::string_view text, bool keep_paragraphs) {
    return paragraphs(decode_latex(without_math_delimiters(text)), keep_paragraphs);
}

}  // namespace pv
