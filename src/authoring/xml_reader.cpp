#include "authoring/xml_reader.h"

#include "authoring/markup_text.h"

#include <cctype>

namespace pv {

std::string_view XmlElement::local_name() const {
    const std::string_view n = name;
    const auto colon = n.find(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

std::string XmlElement::attribute(std::string_view key) const {
    for (const auto& [k, v] : attributes)
        if (k == key) return v;
    return {};
}

const XmlElement* XmlElement::child(std::string_view local) const {
    for (const XmlElement& c : children)
        if (c.local_name() == local) return &c;
    return nullptr;
}

std::vector<const XmlElement*> XmlElement::all(std::string_view local) const {
    std::vector<const XmlElement*> found;
    for (const XmlElement& c : children)
        if (c.local_name() == local) found.push_back(&c);
    return found;
}

std::string XmlElement::child_text(std::string_view local) const {
    const XmlElement* c = child(local);
    return c ? c->text : std::string();
}

namespace {

bool is_name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == ':' || c == '_' || c == '-' || c == '.' ||
           static_cast<unsigned char>(c) >= 0x80;
}

class XmlParser {
public:
    XmlParser(std::string_view text, Problem& error, std::size_t max_depth) : text_(text), error_(error), max_depth_(max_depth) {}

    std::optional<XmlElement> parse() {
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") at_ = 3;
        // Open elements, innermost last; a finished one moves into its parent.
        std::vector<XmlElement> open;
        std::optional<XmlElement> root;
        while (at_ < text_.size()) {
            if (text_[at_] != '<') {
                const std::size_t end = std::min(text_.find('<', at_), text_.size());
                const std::string_view chars = text_.substr(at_, end - at_);
                if (!open.empty()) append_text(open, decode_entities(chars));
                else if (chars.find_first_not_of(" \t\r\n") != std::string_view::npos) return fail("text outside the root element");
                at_ = end;
                continue;
            }
            if (starts("<!--")) { if (!skip_past("-->", "comment")) return std::nullopt; continue; }
            if (starts("<?")) { if (!skip_past("?>", "processing instruction")) return std::nullopt; continue; }
            if (starts("<![CDATA[")) {
                const std::size_t begin = at_ + 9;
                if (!skip_past("]]>", "CDATA section")) return std::nullopt;
                if (open.empty()) return fail("CDATA outside the root element");
                append_text(open, std::string(text_.substr(begin, at_ - 3 - begin)));
                continue;
            }
            if (starts("<!")) { if (!skip_doctype()) return std::nullopt; continue; }
            if (starts("</")) {
                at_ += 2;
                const std::string name = read_name();
                skip_space();
                if (at_ >= text_.size() || text_[at_] != '>') return fail("expected '>' to end </" + name + ">");
                ++at_;
                if (open.empty()) return fail("end tag </" + name + "> with no element open");
                if (open.back().name != name) return fail("end tag </" + name + "> where </" + open.back().name + "> was expected (opened at line " + std::to_string(open.back().line) + ")");
                XmlElement done = std::move(open.back());
                open.pop_back();
                if (open.empty()) root = std::move(done);
                else open.back().children.push_back(std::move(done));
                continue;
            }
            if (root) return fail("a second root element");
            std::optional<XmlElement> element = read_start_tag();
            if (!element) return std::nullopt;
            if (self_closing_) {
                if (open.empty()) root = std::move(*element);
                else open.back().children.push_back(std::move(*element));
            } else {
                if (open.size() >= max_depth_) return fail("elements nested deeper than " + std::to_string(max_depth_));
                open.push_back(std::move(*element));
            }
        }
        if (!open.empty()) return fail("the document ends inside <" + open.back().name + "> (opened at line " + std::to_string(open.back().line) + "): it is cut short");
        if (!root) return fail("no root element: this is not XML");
        return root;
    }

private:
    std::optional<XmlElement> fail(std::string message) {
        int line = 1, column = 1;
        for (std::size_t i = 0; i < at_ && i < text_.size(); ++i) {
            if (text_[i] == '\n') { ++line; column = 1; }
            else ++column;
        }
        error_ = {Severity::error, "", std::move(message), line, column};
        return std::nullopt;
    }

    bool starts(std::string_view s) const { return text_.substr(at_, s.size()) == s; }

    bool skip_past(std::string_view end, const char* what) {
        const std::size_t found = text_.find(end, at_);
        if (found == std::string_view::npos) { fail(std::string("unterminated ") + what); return false; }
        at_ = found + end.size();
        return true;
    }

    // <!DOCTYPE name SYSTEM "x" [ internal subset ]>
    bool skip_doctype() {
        int depth = 0;
        for (std::size_t i = at_; i < text_.size(); ++i) {
            if (text_[i] == '[') ++depth;
            else if (text_[i] == ']') --depth;
            else if (text_[i] == '>' && depth <= 0) { at_ = i + 1; return true; }
        }
        fail("unterminated <!DOCTYPE");
        return false;
    }

    void skip_space() { while (at_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[at_]))) ++at_; }

    std::string read_name() {
        const std::size_t start = at_;
        while (at_ < text_.size() && is_name_char(text_[at_])) ++at_;
        return std::string(text_.substr(start, at_ - start));
    }

    // Counts lines from where it last counted, so a document is scanned once.
    int line_here() {
        for (; counted_to_ < at_ && counted_to_ < text_.size(); ++counted_to_) line_ += text_[counted_to_] == '\n';
        return line_;
    }

    std::optional<XmlElement> read_start_tag() {
        XmlElement element;
        element.line = line_here();
        ++at_;
        element.name = read_name();
        if (element.name.empty()) { fail("'<' not followed by a name"); return std::nullopt; }
        self_closing_ = false;
        while (true) {
            skip_space();
            if (at_ >= text_.size()) { fail("the document ends inside the tag <" + element.name + ">"); return std::nullopt; }
            if (text_[at_] == '>') { ++at_; return element; }
            if (starts("/>")) { at_ += 2; self_closing_ = true; return element; }
            std::string key = read_name();
            skip_space();
            if (key.empty() || at_ >= text_.size() || text_[at_] != '=') { fail("malformed attribute in <" + element.name + ">"); return std::nullopt; }
            ++at_;
            skip_space();
            const char quote = at_ < text_.size() ? text_[at_] : 0;
            if (quote != '"' && quote != '\'') { fail("attribute " + key + " of <" + element.name + "> is not quoted"); return std::nullopt; }
            const std::size_t end = text_.find(quote, at_ + 1);
            if (end == std::string_view::npos) { fail("unterminated attribute " + key); return std::nullopt; }
            element.attributes.emplace_back(std::move(key), decode_entities(text_.substr(at_ + 1, end - at_ - 1)));
            at_ = end + 1;
        }
    }

    // Character data belongs to every open element: an element's text is all of its content.
    static void append_text(std::vector<XmlElement>& open, const std::string& chars) {
        for (XmlElement& e : open) e.text += chars;
    }

    std::string_view text_;
    Problem& error_;
    std::size_t max_depth_;
    std::size_t at_ = 0;
    bool self_closing_ = false;
    std::size_t counted_to_ = 0;
    int line_ = 1;
};

}  // namespace

std::optional<XmlElement> parse_xml(std::string_view text, Problem& error, std::size_t max_depth) {
    return XmlParser(text, error, max_depth).parse();
}

}  // namespace pv
