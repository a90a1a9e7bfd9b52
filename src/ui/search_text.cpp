#include "ui/search_text.h"

#include "core/text/bidi.h"
#include "core/text/text.h"

#include <algorithm>
#include <string>
#include <vector>

namespace pv::ui {

namespace {

bool is_rtl_letter(char32_t c) {
    return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}

// One code point of the line in display order: its left edge and width, the
// logical bytes it stands for and its direction.
struct Placed {
    float x = 0, width = 0;
    std::uint32_t source = 0, length = 0;
    bool rtl = false;
};

struct Laid {
    std::vector<Placed> glyphs;
    std::string text;
    float origin = 0;  // where a line with no letters puts the caret
};

Laid lay_out(std::string_view logical, ImVec2 box_min, ImVec2 box_max) {
    Laid l;
    const bool rtl_paragraph = text::is_rtl_paragraph(logical);
    text::VisualLine line = text::visual_line(logical, rtl_paragraph);
    ImFont* font = ImGui::GetFont();
    const float scale = ImGui::GetFontSize() / font->FontSize;
    float width = 0;
    std::vector<char32_t> codes;
    for (std::size_t at = 0, i = 0; at < line.text.size(); ++i) {
        const text::Decoded d = text::decode_utf8(line.text, at);
        Placed p;
        p.source = i < line.source.size() ? line.source[i] : static_cast<std::uint32_t>(logical.size());
        p.width = font->GetCharAdvance(static_cast<ImWchar>(d.code_point)) * scale;
        width += p.width;
        l.glyphs.push_back(p);
        codes.push_back(d.code_point);
        at += d.length;
    }
    const float pad = ImGui::GetStyle().FramePadding.x;
    const float left = box_min.x + pad, right = box_max.x - pad;
    l.origin = rtl_paragraph ? std::max(left, right - width) : left;
    float x = l.origin;
    std::vector<Placed>& g = l.glyphs;
    const std::size_t n = g.size();
    for (std::size_t i = 0; i < n; ++i) {
        g[i].x = x;
        x += g[i].width;
        // A joined pair (lam-alef) is one glyph for two letters: it covers up to the next letter drawn.
        auto next = static_cast<std::uint32_t>(logical.size());
        for (const Placed& other : g)
            if (other.source > g[i].source) next = std::min(next, other.source);
        g[i].length = next - g[i].source;
        // Inside a right-to-left run, logical offsets fall from left to right.
        const bool falls = (i + 1 < n && g[i + 1].source < g[i].source) || (i > 0 && g[i - 1].source > g[i].source);
        const bool rises = (i + 1 < n && g[i + 1].source > g[i].source) || (i > 0 && g[i - 1].source < g[i].source);
        g[i].rtl = falls || (!rises && is_rtl_letter(codes[i]));
    }
    l.text = std::move(line.text);
    return l;
}

// Where the caret goes for the logical offset `offset`: before the letter that starts there, else after the one before it.
float caret_x(const Laid& l, std::uint32_t offset) {
    const Placed* before = nullptr;
    for (const Placed& g : l.glyphs) {
        if (g.source == offset) return g.rtl ? g.x + g.width : g.x;
        if (g.source < offset && (!before || g.source > before->source)) before = &g;
    }
    if (!before) return l.origin;
    return before->rtl ? before->x : before->x + before->width;
}

}  // namespace

bool query_needs_display_order(std::string_view query, std::string_view preedit) {
    return text::needs_visual_order(query) || text::needs_visual_order(preedit);
}

void draw_query_in_display_order(ImVec2 box_min, ImVec2 box_max, std::string_view query, std::string_view preedit,
                                 const QueryEdit& edit) {
    const auto cursor = static_cast<std::size_t>(std::clamp(edit.cursor, 0, static_cast<int>(query.size())));
    std::string logical(query.substr(0, cursor));
    logical += preedit;
    logical += query.substr(cursor);
    const Laid l = lay_out(logical, box_min, box_max);
    const float top = box_min.y + ImGui::GetStyle().FramePadding.y, height = ImGui::GetFontSize();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(box_min, box_max, true);
    const auto selection_min = static_cast<std::uint32_t>(std::min(edit.selection_start, edit.selection_end));
    const auto selection_max = static_cast<std::uint32_t>(std::max(edit.selection_start, edit.selection_end));
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    for (const Placed& g : l.glyphs) {
        const ImVec2 a(g.x, top), b(g.x + g.width, top + height);
        if (edit.active && preedit.empty() && g.source >= selection_min && g.source < selection_max)
            dl->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_TextSelectedBg));
        if (g.source >= cursor && g.source < cursor + preedit.size()) dl->AddLine(ImVec2(a.x, b.y), b, text);
    }
    dl->AddText(ImVec2(l.origin, top), text, l.text.c_str());
    if (edit.active) {
        const float x = caret_x(l, static_cast<std::uint32_t>(cursor + preedit.size()));
        dl->AddLine(ImVec2(x, top), ImVec2(x, top + height - 1), text);
    }
    dl->PopClipRect();
}

int query_offset_at(float x, ImVec2 box_min, ImVec2 box_max, std::string_view query) {
    const Laid l = lay_out(query, box_min, box_max);
    if (l.glyphs.empty()) return 0;
    std::size_t i = 0;
    while (i + 1 < l.glyphs.size() && x >= l.glyphs[i].x + l.glyphs[i].width) ++i;
    // The half of the letter clicked says which side of it the caret goes.
    const Placed& g = l.glyphs[i];
    const bool left_half = x < g.x + g.width / 2;
    const bool after = g.rtl ? left_half : !left_half;
    return static_cast<int>(g.source + (after ? g.length : 0));
}

}  // namespace pv::ui
