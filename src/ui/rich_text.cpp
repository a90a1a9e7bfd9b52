#include "ui/rich_text.h"

#include <algorithm>

namespace pv::ui {

namespace {

constexpr const char* kEllipsis = "\xE2\x80\xA6";  // …
// Line height over font size. ImGui's font size is already ascent + descent
// (about 1.36 em for Noto Sans), so this gives about 1.5 em, as CSS would.
constexpr float kLineHeight = 1.12f;

float text_width(const TextStyle& s, const char* begin, const char* end) {
    return s.font->CalcTextSizeA(s.size, FLT_MAX, 0.0f, begin, end).x;
}

// Where a line of `line_width` starts in a box of `width` from `left`.
float line_start(const TextStyle& s, float left, float width, float line_width) {
    return s.align_right ? left + std::max(width - line_width, 0.0f) : left;
}

// Draws one already-measured line: mark backgrounds first, then the glyphs.
void draw_line_at(ImDrawList* dl, ImVec2 pos, const MarkedText& t, const char* line_begin, const char* line_end,
                  const TextStyle& s) {
    const char* field_begin = t.text.data() - t.base;
    for (const Highlight& m : t.marks) {
        const char* mb = std::max(field_begin + m.begin, line_begin);
        const char* me = std::min(field_begin + m.end, line_end);
        if (mb >= me) continue;
        const float x0 = pos.x + text_width(s, line_begin, mb);
        const float x1 = pos.x + text_width(s, line_begin, me);
        dl->AddRectFilled(ImVec2(x0 - 1, pos.y), ImVec2(x1 + 1, pos.y + s.size), s.mark, 2.0f);
    }
    dl->AddText(s.font, s.size, pos, s.color, line_begin, line_end);
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

template <typename LineFn>
float for_each_wrapped_line(std::string_view text, float width, const TextStyle& s, LineFn&& on_line) {
    const float scale = s.size / s.font->FontSize;
    const float line_height = s.size * kLineHeight;
    const char* p = text.data();
    const char* end = p + text.size();
    float y = 0;
    if (p == end) return line_height;
    while (p < end) {
        const char* line_end = s.font->CalcWordWrapPositionA(scale, p, end, std::max(width, s.size));
        if (line_end == p) line_end = p + 1;  // never stall on a glyph wider than the line
        const char* visible_end = line_end;
        while (visible_end > p && is_space(visible_end[-1])) --visible_end;
        on_line(p, visible_end, y);
        y += line_height;
        p = line_end;
        if (p < end && *p == '\n') { ++p; continue; }
        while (p < end && (*p == ' ' || *p == '\t')) ++p;
    }
    return y;
}

}  // namespace

float draw_wrapped(const MarkedText& t, float width, const TextStyle& s) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float clip_top = dl->GetClipRectMin().y, clip_bottom = dl->GetClipRectMax().y;
    const float height = for_each_wrapped_line(t.text, width, s, [&](const char* b, const char* e, float y) {
        const float top = origin.y + y;
        if (top > clip_bottom || top + s.size * kLineHeight < clip_top) return;  // outside the visible part
        draw_line_at(dl, ImVec2(line_start(s, origin.x, width, text_width(s, b, e)), top), t, b, e, s);
    });
    ImGui::Dummy(ImVec2(width, height));
    ImGui::SetCursorScreenPos(ImVec2(origin.x, ImGui::GetCursorScreenPos().y));  // the next line starts where this began
    return height;
}

float line_height(const TextStyle& s) { return s.size * kLineHeight; }

float wrapped_height(std::string_view text, float width, const TextStyle& s) {
    return for_each_wrapped_line(text, width, s, [](const char*, const char*, float) {});
}

void draw_line(const MarkedText& t, float width, const TextStyle& s) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const char* begin = t.text.data();
    const char* end = begin + t.text.size();
    if (const char* newline = static_cast<const char*>(memchr(begin, '\n', t.text.size()))) end = newline;
    if (const float full = text_width(s, begin, end); full <= width) {
        draw_line_at(dl, ImVec2(line_start(s, pos.x, width, full), pos.y), t, begin, end, s);
    } else {
        const float ellipsis = text_width(s, kEllipsis, kEllipsis + 3);
        const char* cut = begin;
        s.font->CalcTextSizeA(s.size, std::max(width - ellipsis, 0.0f), 0.0f, begin, end, &cut);
        while (cut > begin && is_space(cut[-1])) --cut;
        const float shown = text_width(s, begin, cut);
        const float x = line_start(s, pos.x, width, shown + ellipsis);
        draw_line_at(dl, ImVec2(x, pos.y), t, begin, cut, s);
        dl->AddText(s.font, s.size, ImVec2(x + shown, pos.y), s.color, kEllipsis, kEllipsis + 3);
    }
    ImGui::Dummy(ImVec2(width, s.size * kLineHeight));
    ImGui::SetCursorScreenPos(ImVec2(pos.x, ImGui::GetCursorScreenPos().y));
}

void draw_lines(const MarkedText& t, float width, const TextStyle& s, int lines) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float scale = s.size / s.font->FontSize;
    const char* p = t.text.data();
    const char* end = p + t.text.size();
    float y = origin.y;
    // Every line but the last breaks where wrapping would; the last takes the rest.
    for (int line = 1; line < lines; ++line) {
        const char* line_end = s.font->CalcWordWrapPositionA(scale, p, end, std::max(width, s.size));
        if (line_end >= end || *line_end == '\n') break;  // the rest fits: it is the last line
        if (line_end == p) line_end = p + 1;  // never stall on a glyph wider than the line
        const char* visible_end = line_end;
        while (visible_end > p && is_space(visible_end[-1])) --visible_end;
        draw_line_at(dl, ImVec2(line_start(s, origin.x, width, text_width(s, p, visible_end)), y), t, p, visible_end, s);
        y += s.size * kLineHeight;
        p = line_end;
        while (p < end && is_space(*p)) ++p;
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
    const auto offset = static_cast<std::size_t>(p - t.text.data());
    draw_line({t.text.substr(offset), t.marks, t.base + offset}, width, s);
}

std::size_t snippet_start(std::string_view text, std::size_t around, std::size_t chars, bool& prefix_ellipsis) {
    prefix_ellipsis = false;
    const std::size_t lead = chars / 3;
    if (around <= lead) return 0;
    std::size_t start = around - lead;
    // Move forward to the start of a word (this also lands on a UTF-8 boundary).
    while (start < around && !is_space(text[start])) ++start;
    while (start < around && is_space(text[start])) ++start;
    prefix_ellipsis = start > 0;
    return start;
}

}  // namespace pv::ui
