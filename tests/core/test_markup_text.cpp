#include "authoring/markup_text.h"
#include "authoring/xml_reader.h"

#include <doctest/doctest.h>

TEST_SUITE("markup text") {

TEST_CASE("entities decode by name and number and unknown ones stay as written") {
    CHECK(pv::decode_entities("A &amp; B &lt;p&gt; caf&eacute; &#246; &#x4E2D; &bogus; & done") == "A & B <p> café ö 中 &bogus; & done");
    CHECK(pv::decode_entities("&#0; &#xD800; &#99999999;") == "\xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD");
}

TEST_CASE("HTML paragraphs, headings, bold paragraphs and list items become the job description format") {
    const std::string text = pv::html_to_text(
        "<p>Intro <em>text</em>&nbsp;here.</p><p><strong>What you'll do</strong></p>"
        "<ul><li>One</li><li><p>Two &amp; more</p></li></ul><h3>Requirements</h3><p>Line one<br>Line two</p>"
        "<script>alert(1)</script><style>p{}</style>");
    CHECK(text == "Intro text here.\n\nWhat you'll do:\n- One\n- Two & more\n\nRequirements:\nLine one\n\nLine two");
}

TEST_CASE("a bold sentence stays a paragraph") {
    CHECK(pv::html_to_text("<p><b>We are an equal opportunity employer.</b></p><p>Next</p>") == "We are an equal opportunity employer.\n\nNext");
}

TEST_CASE("control characters and text-direction overrides in HTML are removed") {
    CHECK(pv::html_to_text("<p>a&#1;b\xE2\x80\xAE" "c</p>") == "abc");
    // Removing U+001F must not join 0xC2 and 0x85 into U+0085, a C1 control.
    CHECK(pv::html_to_text("<p>x\xC2\x1F\x85y</p>") == "x\xEF\xBF\xBD\xEF\xBF\xBDy");
}

TEST_CASE("JATS abstracts keep paragraphs and drop their Abstract heading") {
    CHECK(pv::markup_to_text("<jats:title>Abstract</jats:title><jats:p>First <jats:italic>one</jats:italic>.</jats:p>"
                             "<jats:p>Second &amp; last.</jats:p>", true) == "First one.\n\nSecond & last.");
    CHECK(pv::markup_to_text("<jats:p>First.</jats:p><jats:p>Second.</jats:p>", false) == "First. Second.");
}

TEST_CASE("LaTeX in titles becomes text") {
    CHECK(pv::latex_to_text("Dualities of $\\mathcal{N}=4$ Gauge\n  Theories, \\emph{with} C\\'edric", false) ==
          "Dualities of N=4 Gauge Theories, with Cédric");
    CHECK(pv::markup_to_text("Learning with $\\epsilon$-accuracy", false) == "Learning with epsilon-accuracy");
}

}  // TEST_SUITE

TEST_SUITE("xml reader") {

TEST_CASE("elements, attributes, entities, CDATA and mixed text are read") {
    pv::Problem error;
    const auto root = pv::parse_xml("<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"r.dtd\">\n<!-- c -->"
                                    "<r a=\"1 &amp; 2\"><t>Non-stationary <i>A/B</i> Tests.</t><x:y/><![CDATA[<raw>]]></r>", error);
    REQUIRE(root);
    CHECK(root->attribute("a") == "1 & 2");
    CHECK(root->child_text("t") == "Non-stationary A/B Tests.");
    CHECK(root->child("y") != nullptr);
    CHECK(root->text.find("<raw>") != std::string::npos);
    CHECK(root->line == 3);
}

TEST_CASE("malformed XML is refused with its line and column") {
    pv::Problem error;
    CHECK_FALSE(pv::parse_xml("<a>\n<b></c></a>", error));
    CHECK(error.line == 2);
    CHECK(error.message.find("</c>") != std::string::npos);
    CHECK_FALSE(pv::parse_xml("<a><b>cut", error));
    CHECK(error.message.find("cut short") != std::string::npos);
    CHECK_FALSE(pv::parse_xml("not xml", error));
}

TEST_CASE("nesting deeper than the limit is refused rather than followed") {
    std::string deep;
    for (int i = 0; i < 1000; ++i) deep += "<a>";
    pv::Problem error;
    CHECK_FALSE(pv::parse_xml(deep, error));
    CHECK(error.message.find("deeper") != std::string::npos);
}

}  // TEST_SUITE
