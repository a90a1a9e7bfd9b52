// Lines that mix directions, put in the order they are read on screen: the
// Unicode Bidirectional Algorithm (UAX #9) for one line whose paragraph
// direction is known, with Arabic letters joined (arabic_shaping.h) and Indic
// pre-base vowel signs put before their consonants (prebase_vowels.h) first.
// Text drawn glyph by glyph from left to right (Dear ImGui) then reads as a
// browser shows it: Hebrew and Arabic right to left, the Latin words and the
// numbers inside them left to right.
//
// There are no explicit embeddings here: the loader strips the embedding,
// override and isolate controls (text::is_hidden_control), which can disguise
// text. The marks that remain (LRM, RLM, ALM) act as the strong characters
// they are and are drawn as nothing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pv::text {

// Whether `text` has a character that needs visual_line: a right-to-left
// letter, an Arabic letter or an Indic one (a line draws as it is otherwise).
bool needs_visual_order(std::string_view text);

// The paragraph's direction from its first strong letter (rules P2-P3, as
// the browser's dir="auto"): true when that is right to left.
bool is_rtl_paragraph(std::string_view text);

// One line in display order, left to right: UTF-8 text, and for each of its
// code points the byte offset in the logical line it came from.
struct VisualLine {
    std::string text;
    std::vector<std::uint32_t> source;
};
VisualLine visual_line(std::string_view line, bool rtl_paragraph);

// Text of one or more lines ('\n' apart), each in display order with the
// direction of its own first letter: a label drawn left to right as it reads
// (ImGui's buttons and menus, ui/rich_text.h). Text that needs no reordering
// comes back as it is.
std::string visual_lines(std::string_view text);

}  // namespace pv::text
