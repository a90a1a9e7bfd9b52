#include "core/text/bidi.h"

#include "core/model/hygiene.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using pv::text::is_rtl_paragraph;
using pv::text::needs_visual_order;
using pv::text::visual_line;

namespace {

std::string visual(std::string_view line) { return visual_line(line, is_rtl_paragraph(line)).text; }

}  // namespace

TEST_SUITE("bidirectional text") {

TEST_CASE("a paragraph's direction is that of its first letter, digits and punctuation aside") {
    CHECK(is_rtl_paragraph("מודל BERT לעברית"));
    CHECK_FALSE(is_rtl_paragraph("BERT מודל"));
    CHECK(is_rtl_paragraph("2023: مؤتمر"));
    CHECK_FALSE(is_rtl_paragraph("2023 – Conference"));
    CHECK_FALSE(is_rtl_paragraph("中文 עברית"));
    CHECK_FALSE(is_rtl_paragraph(""));
}

TEST_CASE("only lines with right-to-left or Arabic letters need reordering") {
    CHECK_FALSE(needs_visual_order("Attention is all you need"));
    CHECK_FALSE(needs_visual_order("Нейронные сети, μάθηση, 中文, 한국어, Tiếng Việt, β-VAE ∑ ∞ ≤ ≥ →"));
    CHECK(needs_visual_order("A title with שלום inside"));
    CHECK(needs_visual_order("العربية"));
    CHECK(needs_visual_order("\xEF\xBB\xBB"));  // U+FEFB, the lam-alef ligature
}

TEST_CASE("a Hebrew title with an English acronym reads right to left around the acronym") {
    CHECK(visual("מודל BERT לעברית") == "תירבעל BERT לדומ");
}

TEST_CASE("an interface label reads right to left line by line, its count where Arabic puts it, and Latin text stays as it is") {
    const std::string label = pv::text::visual_lines("الكل 20\nנמצאו 3 תוצאות");
    CHECK(label == visual("الكل 20") + "\n" + visual("נמצאו 3 תוצאות"));
    CHECK(label.substr(label.find('\n') + 1) == "תואצות 3 ואצמנ");
    CHECK(label.rfind("20 ", 0) == 0);  // the count at the left of the word it follows
    CHECK(pv::text::visual_lines("Show 3 problems\nTry again") == "Show 3 problems\nTry again");
}

TEST_CASE("a year in a right-to-left line keeps its digits in order") {
    CHECK(visual("כנס 2023") == "2023 סנכ");
    CHECK(visual("כנס 2023-2024") == "2023-2024 סנכ");
}

TEST_CASE("a Hebrew word in an English line is reversed in place") {
    CHECK(visual("The word שלום means peace") == "The word םולש means peace");
}

TEST_CASE("brackets in a right-to-left run are mirrored") {
    CHECK(visual("(שלום)") == "(םולש)");
    CHECK(visual("מודל (BERT)") == "(BERT) לדומ");
}

TEST_CASE("Arabic letters take their joined forms and the line reads right to left") {
    // ب ب: initial then final, drawn final on the left.
    CHECK(visual("\u0628\u0628") == "\uFE90\uFE91");
    // سلام: seen initial, lam-alef final, meem isolated.
    CHECK(visual("سلام") == "\uFEE1\uFEFC\uFEB3");
    // لا alone is the isolated ligature; a hamza never joins.
    CHECK(visual("لا") == "\uFEFB");
    CHECK(visual("ء") == "\uFE80");
}

TEST_CASE("a lam that ends the line is shaped alone or final, with nothing read past the line") {
    // The lam-alef check looked at the letter after a lam even at the end
    // (the sanitizer build reads past the line's end without the fix).
    CHECK(visual("\u0644") == "\uFEDD");
    CHECK(visual("\u0628\u0644") == "\uFEDE\uFE91");
}

TEST_CASE("an Arabic title with a year orders the year as a number inside the right-to-left line") {
    // مؤتمر 2023: meem initial, hamza-on-waw final, teh initial, meem medial, reh final.
    CHECK(visual("مؤتمر 2023") == "2023 \uFEAE\uFEE4\uFE97\uFE86\uFEE3");
}

TEST_CASE("marks that set direction act and are not drawn") {
    CHECK(visual("\u200FABC") == "ABC");
    CHECK(visual_line("A\u200FB", false).text == "AB");
}

TEST_CASE("loading keeps the direction marks and strips the controls that can disguise text") {
    std::string text = "\u202Eabc\u202C \u2067x\u2069 \u200Fשלום\u200E 2023";
    CHECK(pv::sanitize_text(text, false));
    CHECK(text == "abc x \u200Fשלום\u200E 2023");
    CHECK(visual(text) == "abc x םולש 2023");
}

TEST_CASE("each visual character points back at its bytes in the logical line") {
    const auto line = visual_line("אב C", true);
    CHECK(line.text == "C בא");
    CHECK(line.source == std::vector<std::uint32_t>{5, 4, 2, 0});
}

}

TEST_SUITE("Indic vowel signs") {

TEST_CASE("a vowel sign drawn before its consonant moves before the consonant cluster") {
    // हि: ha, i-sign -> i-sign, ha.
    CHECK(visual("\u0939\u093F") == "\u093F\u0939");
    // न्दि (hindi's ndi): na virama da i-sign -> i-sign na virama da.
    CHECK(visual("\u0928\u094D\u0926\u093F") == "\u093F\u0928\u094D\u0926");
    // Bengali কি: ka, i-sign.
    CHECK(visual("\u0995\u09BF") == "\u09BF\u0995");
}

TEST_CASE("other vowel signs and a sign without a consonant stay where they are") {
    CHECK(visual("\u0915\u0940") == "\u0915\u0940");  // की: the ii sign follows
    CHECK(visual("\u093F") == "\u093F");
    CHECK(needs_visual_order("हिन्दी"));
    const auto line = visual_line("\u0939\u093F", false);
    CHECK(line.source == std::vector<std::uint32_t>{3, 0});
}

}
