// A JSON bundle read piece by piece (core/formats/json_text_stream.h): the
// same entries and the same problems at the same lines and columns as from one
// block, while only the bytes since the last value are kept.
#include "core/formats/json_reader.h"
#include "core/formats/json_text_stream.h"
#include "byte_pieces.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using namespace std::string_literals;

std::string described(const pv::LoadResult& result) {
    std::string out = result.usable ? "usable" : "unusable";
    for (const pv::Problem& p : result.problems)
        out += "\n" + p.pointer + " " + std::to_string(p.line) + ":" + std::to_string(p.column) + " " + p.message;
    for (const pv::Entry& e : result.bundle.entries) out += "\n" + e.id + " " + e.title;
    return out;
}

const std::string kHead = "{\"pubview\": 1, \"title\": \"Ünïcode t\\u00eftle\",\n \"publications\": [\n";

// A publication's fields but its title's closing: `item("a") + "Alpha\"}"`.
std::string item(const std::string& id) { return "{\"id\": \"" + id + "\", \"abstract\": \"About.\", \"title\": \""; }

// Documents that go wrong in every way the reader reports, each at a line and
// column that a piece's edge must not move.
const std::vector<std::string> kDocuments = {
    kHead + "  " + item("a") + "Alpha\"},\n  " + item("b") + "Beta\"}]}\n",
    kHead + "  " + item("a") + "Alpha\"},\n  " + item("b") + "Βήτα\" \"year\": 2020}]}",
    kHead + "  " + item("a") + "Alpha\"},\n  {\"id\": \"b\", \"title\": tru}]}",
    kHead + "  " + item("a") + "A\", \"year\": 20x1}]}",
    kHead + "  " + item("a") + std::string(5000, 'x') + "\n\"}]}",  // a control character ends a long string
    kHead + "  " + item("a") + std::string(3000, 'y') + "é" + std::string(3000, 'z') + "\\q\"}]}",
    kHead + "  " + item("a") + "Alpha\"}\n]}   \0\0 trailing"s,
    kHead + "  " + item("a") + "Al\0pha\"}]}"s,
    kHead + "  " + item("a") + "Alpha\"}, " + item("b").substr(0, 12),
    kHead + "  " + item("a") + "Alpha\"}]}  {",
    kHead + "  " + item("a") + "A\", \"year\": 1e400}]}",
    "   \n\t  ",
    "",
    "  \0"s,
    "\xFF\xFE{\0\"\0"s,
    "[1, 2]",
    "{\"pubview\": 1, \"title\": \"t\", \"publications\": " + std::string(2000, ' ') + "[" + item("a") + "A\"}] " + std::string(3000, '\n') + "x",
};

}  // namespace

TEST_SUITE("json text stream") {

TEST_CASE("a bundle read in pieces of any size gives the entries and problems, at their lines and columns, of one block") {
    for (const std::string& document : kDocuments) {
        CAPTURE(document.substr(0, 120));
        const std::string whole = described(pv::load_bundle(document));
        for (std::size_t piece : {1u, 2u, 3u, 7u, 64u, 1000u, 4096u}) {
            CAPTURE(piece);
            Pieces source(document, piece);
            CHECK(described(pv::read_json_bundle(source, document.size())) == whole);
        }
    }
}

TEST_CASE("a syntax error's line and column count characters, not bytes, however far the document has gone") {
    const std::string padding(3u << 20, ' ');  // more than a piece of white space between two values
    const std::string document = kHead + "  " + item("a") + "Ωmega\"}," + padding + "\n  " + item("b") + "Ψ\" :}]}";
    Pieces source(document, 4096);
    const pv::LoadResult result = pv::read_json_bundle(source, document.size());
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].line == 4);
    CHECK(result.problems[0].column == 50);  // the ':' after "Ψ", which is two bytes and one character
    REQUIRE(result.bundle.entries.size() == 1);
    CHECK(result.bundle.entries[0].title == "Ωmega");
}

TEST_CASE("a syntax error points at the start of the token that stopped the parser") {
    const std::vector<std::pair<std::string, int>> documents = {
        {R"({"pubview": 1, "title": tru})", 25},       // an invalid literal
        {R"({"pubview": 1 "title": "t"})", 15},        // a string where a comma belongs
        {R"({"pubview": 1, "title": "t" :)", 29},      // a structural character
        {R"({"pubview": 1, "title": "a\qb"})", 25},    // an invalid escape: the string
        {R"({"pubview": 1, "title": "t",)", 29},       // the end of the input, just past the last byte
        {"{\"pubview\": 1, \"title\": \"t\"\t\tx", 30},    // an invalid literal after tabs
    };
    for (const auto& [text, column] : documents) {
        const std::string& document = text;  // (a structured binding cannot be captured in C++20)
        CAPTURE(document);
        const pv::LoadResult result = pv::load_bundle(document);
        const auto syntax = std::find_if(result.problems.begin(), result.problems.end(), [](const pv::Problem& p) { return p.line > 0; });
        REQUIRE(syntax != result.problems.end());
        CHECK(syntax->line == 1);
        CHECK(syntax->column == column);
    }
}

TEST_CASE("the stream keeps only the bytes since the value last taken, and locates the kept ones") {
    std::string document;
    for (int i = 0; i < 400000; ++i) document += "[" + std::to_string(i) + "],\n";  // 5 MB
    Pieces source(document, 4096);
    pv::JsonTextStream text(source);
    std::size_t most_held = 0, read = 0;
    for (auto it = text.begin(); it != text.end(); ++it, ++read) {
        if (*it == '\n') text.forget_before(text.taken());
        most_held = std::max(most_held, text.bytes_held());
    }
    CHECK(read == document.size());
    CHECK(most_held < document.size() / 2);
    int line = 0, column = 0;
    text.locate(document.size() - 1, line, column);
    CHECK(line == 400000);
    CHECK(column == 10);  // the newline after "[399999],"
}

}  // TEST_SUITE
