// LaTeX in BibTeX fields and in API titles and abstracts, decoded to UTF-8
// text: accents, escaped specials, symbols, braces and font commands.
#include "authoring/latex_text.h"

#include "core/text/text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <string>

namespace pv {

namespace {

// An accent command and the precomposed letters it makes from the base letters
// listed; other bases get the combining mark after them.
struct Accent {
    std::string_view command;
    std::string_view bases;
    std::u32string_view composed;
    char32_t combining;
};

constexpr std::array<Accent, 13> kAccents = {{
    {"'", "aeiouyAEIOUYcnszCNSZ", U"áéíóúýÁÉÍÓÚÝćńśźĆŃŚŹ", 0x301},
    {"`", "aeiouAEIOU", U"àèìòùÀÈÌÒÙ", 0x300},
    {"^", "aeiouAEIOU", U"âêîôûÂÊÎÔÛ", 0x302},
    {"\"", "aeiouyAEIOUY", U"äëïöüÿÄËÏÖÜŸ", 0x308},
    {"~", "anoANO", U"ãñõÃÑÕ", 0x303},
    {"=", "aeiouAEIOU", U"āēīōūĀĒĪŌŪ", 0x304},
    {".", "zZeEI", U"żŻėĖİ", 0x307},
    {"c", "cCsStT", U"çÇşŞţŢ", 0x327},
    {"v", "cCsSzZrRnNeEdDtT", U"čČšŠžŽřŘňŇěĚďĎťŤ", 0x30C},
    {"u", "aAgG", U"ăĂğĞ", 0x306},
    {"H", "oOuU", U"őŐűŰ", 0x30B},
    {"r", "aAuU", U"åÅůŮ", 0x30A},
    {"k", "aAeE", U"ąĄęĘ", 0x328},
}};

// Commands that stand for a character or a string of their own.
const std::map<std::string_view, std::string_view>& latex_symbols() {
    static const std::map<std::string_view, std::string_view> symbols = {
        {"ss", "ß"}, {"o", "ø"}, {"O", "Ø"}, {"aa", "å"}, {"AA", "Å"}, {"ae", "æ"}, {"AE", "Æ"},
        {"oe", "œ"}, {"OE", "Œ"}, {"l", "ł"}, {"L", "Ł"}, {"i", "ı"}, {"j", "ȷ"},
        {"textbackslash", "\\"}, {"textasciitilde", "~"}, {"textasciicircum", "^"},
        {"textbraceleft", "{"}, {"textbraceright", "}"}, {"textendash", "–"}, {"textemdash", "—"}};
    return symbols;
}

const Accent* find_accent(std::string_view command) {
    for (const Accent& accent : kAccents)
        if (accent.command == command) return &accent;
    return nullptr;
}

class LatexDecoder {
public:
    explicit LatexDecoder(std::string_view text) : text_(text) {}

    std::string decode() {
        while (at_ < text_.size()) {
            const char c = text_[at_];
            if (c == '\\') command();
            else if (c == '{' || c == '}') ++at_;
            else if (c == '~') { out_ += ' '; ++at_; }
            else { out_ += c; ++at_; }
        }
        return out_;
    }

private:
    void command() {
        ++at_;  // the backslash
        if (at_ == text_.size()) return;
        std::string_view name;
        if (std::isalpha(static_cast<unsigned char>(text_[at_]))) {
            const std::size_t start = at_;
            while (at_ < text_.size() && std::isalpha(static_cast<unsigned char>(text_[at_]))) ++at_;
            name = text_.substr(start, at_ - start);
        } else {
            name = text_.substr(at_++, 1);
        }
        if (const Accent* accent = find_accent(name)) return accented(*accent, name.size() > 1 || std::isalpha(static_cast<unsigned char>(name[0])));
        const auto& symbols = latex_symbols();
        if (auto it = symbols.find(name); it != symbols.end()) {
            out_ += it->second;
            skip_empty_group_or_space();
            return;
        }
        if (name.size() == 1 && !std::isalpha(static_cast<unsigned char>(name[0]))) {
            // \& \% \$ \# \_ \{ \} and "\ ": the character itself.
            out_ += name[0] == '\\' ? ' ' : name[0];
            return;
        }
        // A font or other command: its argument's text stays, its name goes.
        // A name with no argument ("\LaTeX") is kept as a word.
        if (at_ < text_.size() && text_[at_] == '{') return;
        out_ += name;
        skip_empty_group_or_space();
    }

    // TeX swallows the space after a control word; "\ss{}" is written too.
    void skip_empty_group_or_space() {
        if (text_.substr(at_, 2) == "{}") at_ += 2;
        else if (at_ < text_.size() && text_[at_] == ' ') ++at_;
    }

    void accented(const Accent& accent, bool letter_command) {
        if (letter_command)
            while (at_ < text_.size() && text_[at_] == ' ') ++at_;
        std::string_view base;
        if (at_ < text_.size() && text_[at_] == '{') {
            const std::size_t close = text_.find('}', at_);
            const std::size_t end = close == std::string_view::npos ? text_.size() : close;
            base = text_.substr(at_ + 1, end - at_ - 1);
            at_ = std::min(end + 1, text_.size());
        } else if (text_.substr(at_, 2) == "\\i" || text_.substr(at_, 2) == "\\j") {
            base = text_.substr(at_ + 1, 1);
            at_ += 2;
        } else if (at_ < text_.size()) {
            base = text_.substr(at_++, 1);
        }
        if (base == "\\i" || base == "\\j") base.remove_prefix(1);
        if (base.size() == 1) {
            const std::size_t index = accent.bases.find(base[0]);
            if (index != std::string_view::npos) return text::append_utf8(out_, accent.composed[index]);
        }
        out_ += LatexDecoder(base).decode();
        text::append_utf8(out_, accent.combining);
    }

    std::string_view text_;
    std::size_t at_ = 0;
    std::string out_;
};

}  // namespace

std::string decode_latex(std::string_view text) { return LatexDecoder(text).decode(); }

}  // namespace pv
