#include "ui/entry_view.h"

#include "core/present/display.h"
#include "ui/rich_text.h"

#include <algorithm>
#include <string>
#include <string_view>

namespace pv::ui {

namespace {

using namespace row_metrics;

constexpr std::size_t kSnippetChars = 110;
constexpr std::size_t kSnippetMaxBytes = 400;

// A folded row's third line: the body around its first match.
void draw_snippet(const Entry& e, const EntryHighlights& marks, float width, const TextStyle& style) {
    bool ellipsis = false;
    const std::size_t around = marks.body.empty() ? 0 : marks.body.front().begin;
    const std::size_t start = snippet_start(e.body, around, kSnippetChars, ellipsis);
    const std::string_view rest = std::string_view(e.body).substr(start);
    if (ellipsis) {
        const std::string shown = "\xE2\x80\xA6" + std::string(rest.substr(0, kSnippetMaxBytes));
        // The marks are offsets into the body; the snippet moved them by `start` minus the 3-byte ellipsis.
        draw_line({shown, marks.body, start - 3}, width, style);
    } else {
        draw_line({rest.substr(0, kSnippetMaxBytes), marks.body, start}, width, style);
    }
}

// The actions flow like words (from the right in a right-to-left interface),
// wrapping at the row's width. They look like links; the keyboard-focused one gets a ring.
void draw_actions(ViewModel& model, const Entry& e, bool row_selected, bool activate, const Theme& theme, float width) {
    const std::vector<RowAction> actions = model.row_actions(e);
    const bool rtl = right_to_left(model.language());
    const float left = ImGui::GetCursorScreenPos().x;
    const float right = left + width;
    const float gap = ImGui::GetFontSize() * 0.9f;
    const float line = ImGui::GetTextLineHeight();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float used = 0;  // of the current line
    for (std::size_t i = 0; i < actions.size(); ++i) {
        const RowAction& action = actions[i];
        const std::string label = shown(action.label);
        const ImVec2 size = ImGui::CalcTextSize(label.c_str());
        if (used > 0 && used + size.x > width) {
            pos.y += line * 1.4f;
            used = 0;
        }
        pos.x = rtl ? right - used - size.x : left + used;
        ImGui::SetCursorScreenPos(pos);
        ImGui::PushID(static_cast<int>(i));
        const bool clicked = ImGui::InvisibleButton("action", size);
        const bool hovered = ImGui::IsItemHovered();
        ImGui::PopID();
        const bool focused = row_selected && model.focused_action() == static_cast<int>(i);
        dl->AddText(pos, theme.accent, label.c_str());
        if (hovered || focused)
            dl->AddLine(ImVec2(pos.x, pos.y + size.y), ImVec2(pos.x + size.x, pos.y + size.y), theme.accent);
        if (focused)
            dl->AddRect(ImVec2(pos.x - 4, pos.y - 2), ImVec2(pos.x + size.x + 4, pos.y + size.y + 2), theme.accent, 4.0f, 0, 2.0f);
        if (hovered) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            if (!action.url.empty()) ImGui::SetTooltip("%s", action.url.c_str());
        }
        if (clicked || (focused && activate)) model.run_action(action, e);
        used += size.x + gap;
    }
    ImGui::SetCursorScreenPos(ImVec2(left, pos.y));
    ImGui::Dummy(ImVec2(0, line));
    ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y));
}

// An open row below its header: authors, body, related content, actions.
void draw_details(ViewModel& model, const Entry& e, const EntryHighlights& marks, float width, bool selected, bool activate,
                  const EntryRowStyle& style) {
    const Theme& theme = style.theme;
    const float fs = ImGui::GetFontSize();
    const float left = ImGui::GetCursorScreenPos().x;
    const bool rtl = right_to_left(model.language());
    const TextStyle body{style.fonts.regular, fs, theme.text, theme.mark, rtl};
    const TextStyle dim{style.fonts.regular, fs * kSmallScale, theme.text_dim, theme.mark, rtl};
    const TextStyle heading{style.fonts.bold, fs, theme.text, theme.mark, rtl};
    auto gap = [&](float lines) { ImGui::Dummy(ImVec2(0, fs * lines)); ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y)); };
    auto at_left = [&] { ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y)); };

    if (e.kind == Kind::publication && !e.authors.empty()) {
        std::string authors;
        for (const std::string& a : e.authors) authors += (authors.empty() ? "" : ", ") + a;
        draw_wrapped({authors, {}, 0}, width, dim);
        gap(0.2f);
    }

    const std::string_view text = e.body;
    for (const BodyBlock& block : body_blocks(e)) {
        const MarkedText marked{text.substr(block.offset, block.length), marks.body, block.offset};
        switch (block.kind) {
            case BlockKind::blank: gap(0.4f); break;
            case BlockKind::list_item: {
                const float bullet_indent = fs * 1.1f;
                const float bullet_x = rtl ? left + width - fs * 0.5f : left;
                ImGui::GetWindowDrawList()->AddText(style.fonts.regular, fs, ImVec2(bullet_x, ImGui::GetCursorScreenPos().y),
                                                    theme.text_dim, "\xE2\x80\xA2");
                ImGui::SetCursorScreenPos(ImVec2(rtl ? left : left + bullet_indent, ImGui::GetCursorScreenPos().y));
                draw_wrapped(marked, width - bullet_indent, body);
                at_left();
                break;
            }
            case BlockKind::heading: draw_wrapped(marked, width, heading); break;
            case BlockKind::paragraph: draw_wrapped(marked, width, body); break;
        }
    }
    if (e.abstract_truncated) {
        gap(0.2f);
        draw_wrapped({model.text(Phrase::abstract_truncated), {}, 0}, width, dim);
    }

    for (const Related& r : e.related) {
        gap(0.4f);
        // An accent bar down the left side sets the blurb apart as an aside.
        const float indent = fs * 0.8f;
        const ImVec2 bar_top(rtl ? left + width - 3 : left, ImGui::GetCursorScreenPos().y);
        ImGui::SetCursorScreenPos(ImVec2(rtl ? left : left + indent, bar_top.y));
        draw_wrapped({model.text(Phrase::related_content), {}, 0}, width - indent,
                     {style.fonts.bold, fs * kSmallScale, theme.text_dim, theme.mark, rtl});
        if (!r.title.empty()) draw_wrapped({r.title, {}, 0}, width - indent, heading);
        if (!r.summary.empty()) draw_wrapped({r.summary, {}, 0}, width - indent, dim);
        if (!r.url.empty()) {
            ImGui::PushID(&r);
            const std::string read_more(model.text(Phrase::read_more));
            if (ImGui::SmallButton(shown(read_more).c_str())) model.run_action({read_more, RowActionKind::open_link, r.url}, e);
            ImGui::PopID();
        }
        ImGui::GetWindowDrawList()->AddRectFilled(bar_top, ImVec2(bar_top.x + 3, ImGui::GetCursorScreenPos().y), theme.accent, 1.5f);
        at_left();
    }

    gap(0.4f);
    draw_actions(model, e, selected, activate, theme, width);
}

}  // namespace

EntryRowOutcome draw_entry_row(ViewModel& model, std::uint32_t entry, float width, int title_lines, bool selected,
                               bool activate, const EntryRowStyle& style) {
    const Theme& theme = style.theme;
    const Entry& e = model.entry(entry);
    const EntryHighlights& marks = model.highlights(entry);
    const bool open = model.is_open(entry);
    const float fs = ImGui::GetFontSize();
    const float text_width = width - 2 * kPadX;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 top = ImGui::GetCursorScreenPos();

    ImGui::PushID(static_cast<int>(entry));
    // Rows place their lines themselves: no spacing between items.
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0));
    dl->ChannelsSplit(2);  // text on top, the row's background below it
    dl->ChannelsSetCurrent(1);

    const bool rtl = right_to_left(model.language());
    const TextStyle title_style{style.fonts.bold, fs * kTitleScale, theme.text, theme.mark, rtl};
    const TextStyle meta_style{style.fonts.regular, fs * kSmallScale, theme.text_dim, theme.mark, rtl};
    ImGui::SetCursorScreenPos(ImVec2(top.x + kPadX, top.y + kPadY));
    const MarkedText title{e.title, marks.title, 0};
    if (open) draw_wrapped(title, text_width, title_style);
    else draw_lines(title, text_width, title_style, title_lines);
    ImGui::SetCursorScreenPos(ImVec2(top.x + kPadX, ImGui::GetCursorScreenPos().y));
    const std::string meta = std::string(model.text(e.kind == Kind::job ? Phrase::kind_job : Phrase::kind_paper)) + "  \xC2\xB7  " + model.row_summary(e);
    draw_line({meta, {}, 0}, text_width, meta_style);
    if (!open) {
        ImGui::SetCursorScreenPos(ImVec2(top.x + kPadX, ImGui::GetCursorScreenPos().y));
        draw_snippet(e, marks, text_width, {style.fonts.regular, fs * kSmallScale, theme.text, theme.mark, rtl});
    }
    const float header_bottom = open ? ImGui::GetCursorScreenPos().y : top.y + style.collapsed_height - 1;

    // The whole header is one button: submitted after its text so that the
    // text stays on top, and before the details so their links win the hover.
    ImGui::SetCursorScreenPos(top);
    EntryRowOutcome outcome;
    outcome.header_clicked = ImGui::InvisibleButton("row", ImVec2(width, std::max(header_bottom - top.y, 1.0f)));
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);

    outcome.bottom = header_bottom;
    if (open) {
        ImGui::SetCursorScreenPos(ImVec2(top.x + kPadX, header_bottom));
        draw_details(model, e, marks, text_width, selected, activate, style);
        outcome.bottom = ImGui::GetCursorScreenPos().y + kPadY;
    }

    dl->ChannelsSetCurrent(0);
    const ImVec2 row_max(top.x + width, outcome.bottom);
    if (selected) dl->AddRectFilled(top, row_max, theme.row_selected);
    else if (hovered) dl->AddRectFilled(top, row_max, theme.row_hover);
    if (selected) dl->AddRect(ImVec2(top.x + 1, top.y + 1), ImVec2(row_max.x - 1, row_max.y - 1), theme.accent, 4.0f, 0, 2.0f);
    dl->AddLine(ImVec2(top.x, row_max.y), ImVec2(row_max.x, row_max.y), theme.border);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(top.x, outcome.bottom + 1));
    ImGui::PopStyleVar();
    ImGui::PopID();
    return outcome;
}

}  // namespace pv::ui
