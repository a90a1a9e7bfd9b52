#include "ui/rich_text.h"

#include "core/text/bidi.h"
#include "core/text/text.h"

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

// Draws one already-measured line in display order: mark backgrounds first,
// then the glyphs. A line of a right-to-left paragraph, or any line of a
// right-aligned style (the mirrored interface of a right-to-left language),
// ends at the right of `width`.
void draw_line_at(ImDrawList* dl, ImVec2 pos, float width, const MarkedText& t, const char* line_begin,
                  const char* line_end, const TextStyle& s, bool rtl) {
    const char* field_begin = t.text.data() - t.base;
    if (!rtl && !text::needs_visual_order(std::string_view(line_begin, static_cast<std::size_t>(line_end - line_begin)))) {
        if (s.align_right) pos.x += std::max(0.0f, width - text_width(s, line_begin, line_end));
        for (const Highlight& m : t.marks) {
            const char* mb = std::max(field_begin + m.begin, line_begin);
            const char* me = std::min(field_begin + m.end, line_end);
            if (mb >= me) continue;
            const float x0 = pos.x + text_width(s, line_begin, mb);
            const float x1 = pos.x + text_width(s, line_begin, me);
            dl->AddRectFilled(ImVec2(x0 - 1, pos.y), ImVec2(x1 + 1, pos.y + s.size), s.mark, 2.0f);
        }
        dl->AddText(s.font, s.size, pos, s.color, line_begin, line_end);
        return;
    }
    const text::VisualLine visual =
        text::visual_line(std::string_view(line_begin, static_cast<std::size_t>(line_end - line_begin)), rtl);
    const char* vb = visual.text.data();
    const char* ve = vb + visual.text.size();
    if (rtl || s.align_right) pos.x += std::max(0.0f, width - text_width(s, vb, ve));
    // Marks: each code point whose logical byte is marked gets its own span of background.
    const auto line_offset = static_cast<std::size_t>(line_begin - field_begin);
    const float scale = s.size / s.font->FontSize;
    float x = pos.x;
    std::size_t index = 0;
    for (std::size_t at = 0; at < visual.text.size(); ++index) {
        const text::Decoded d = text::decode_utf8(visual.text, at);
        at += d.length;
        const float advance = s.font->GetCharAdvance(static_cast<ImWchar>(d.code_point)) * scale;
        const std::size_t logical = line_offset + visual.source[index];
        for (const Highlight& m : t.marks) {
            if (logical < m.begin || logical >= m.end) continue;
            dl->AddRectFilled(ImVec2(x - 0.5f, pos.y), ImVec2(x + advance + 0.5f, pos.y + s.size), s.mark);
            break;
        }
        x += advance;
    }
    dl->AddText(s.font, s.size, pos, s.color, vb, ve);
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

std::string shown(std::string_view label) {
    const std::size_t id = label.find("##");
    std::string out = text::visual_lines(label.substr(0, id));
    if (id != std::string_view::npos) out += label.substr(id);
    return out;
}

float draw_wrapped(const MarkedText& t, float width, const TextStyle& s) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float clip_top = dl->GetClipRectMin().y, clip_bottom = dl->GetClipRectMax().y;
    const bool rtl = text::is_rtl_paragraph(t.text);
    const float height = for_each_wrapped_line(t.text, width, s, [&](const char* b, const char* e, float y) {
        const float top = origin.y + y;
        if (top > clip_bottom || top + s.size * kLineHeight < clip_top) return;  // outside the visible part
        draw_line_at(dl, ImVec2(origin.x, top), width, t, b, e, s, rtl);
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
    const bool rtl = text::is_rtl_paragraph(t.text);
    if (text_width(s, begin, end) <= width) {
        draw_line_at(dl, pos, width, t, begin, end, s, rtl);
    } else {
        const float ellipsis = text_width(s, kEllipsis, kEllipsis + 3);
        const char* cut = begin;
        s.font->CalcTextSizeA(s.size, std::max(width - ellipsis, 0.0f), 0.0f, begin, end, &cut);
        while (cut > begin && is_space(cut[-1])) --cut;
        // The ellipsis goes where the line is cut: at its left in a right-to-left paragraph.
        draw_line_at(dl, ImVec2(rtl ? pos.x + ellipsis : pos.x, pos.y), width - ellipsis, t, begin, cut, s, rtl);
        const float shown = text_width(s, begin, cut);
        const float ellipsis_x = rtl ? pos.x + std::max(0.0f, width - ellipsis - shown) : pos.x + shown;
        dl->AddText(s.font, s.size, ImVec2(ellipsis_x, pos.y), s.color, kEllipsis, kEllipsis + 3);
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
    const bool rtl = text::is_rtl_paragraph(t.text);
    // Every line but the last breaks where wrapping would; the last takes the rest.
    for (int line = 1; line < lines; ++line) {
        const char* line_end = s.font->CalcWordWrapPositionA(scale, p, end, std::max(width, s.size));
        if (line_end >= end || *line_end == '\n') break;  // the rest fits: it is the last line
        if (line_end == p) line_end = p + 1;  // never stall on a glyph wider than the line
        const char* visible_end = line_end;
        while (visible_end > p && is_space(visible_end[-1])) --visible_end;
        draw_line_at(dl, ImVec2(origin.x, y), width, t, p, visible_end, s, rtl);
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
