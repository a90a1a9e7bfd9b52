// The panel's view model over a bundle searched elsewhere (a sharded bundle in
// a Web Worker): it asks a ResultSource for each search and shows the answer
// to its last ask only.
#include "ui/view_model.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using namespace pv;
using pv::ui::ViewModel;

struct QuietHost : ui::ViewHost {
    int changes = 0;
    void open_url(const std::string&, const std::string&) override {}
    void copy_text(const std::string&) override {}
    void copy_link(const std::string&) override {}
    void view_changed() override { ++changes; }
    void retry() override {}
};

// Records what the model asks, as the page's worker would get it.
struct RecordingSource : ui::ResultSource {
    std::vector<std::pair<std::string, std::uint64_t>> asks;
    std::size_t last_limit = 0;
    std::vector<std::string> last_open;
    void ask(const SearchRequest& request, const std::vector<std::string>& open_ids, std::uint64_t version) override {
        asks.emplace_back(request.query, version);
        last_limit = request.limit;
        last_open = open_ids;
    }
};

// An answer holding `ids` (publications titled by their ids), out of `total`.
ui::SearchAnswer answer(std::uint64_t version, const std::vector<std::string>& ids, std::size_t total) {
    std::string json = R"({"pubview": 1, "title": "t", "publications": [)";
    for (const std::string& id : ids) json += std::string(&id == &ids.front() ? "" : ",") + R"({"id": ")" + id + R"(", "title": "Paper )" + id + R"(", "abstract": "About )" + id + R"("})";
    json += "]}";
    ui::SearchAnswer a;
    a.version = version;
    a.page = index_bundle(load_bundle(json));
    for (const std::string& id : ids) a.hits.emplace_back(id, 1.0f);
    a.total = total;
    a.publications = static_cast<std::uint32_t>(total);
    return a;
}

struct Searched {
    QuietHost host;
    RecordingSource source;
    ViewModel model{host};
    Searched() { model.show_searched(5000, 7, source); }
    std::vector<std::string> ids() {
        std::vector<std::string> out;
        for (const ui::VisibleRow& row : model.visible()) out.push_back(row.entry->id);
        return out;
    }
};

// Ids "r0" to "r{n-1}".
std::vector<std::string> numbered(std::size_t n) {
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < n; ++i) ids.push_back("r" + std::to_string(i));
    return ids;
}

}  // namespace

TEST_SUITE("view model answers") {

TEST_CASE("a bundle searched elsewhere loads until its first answer, asked for at once, and counts the whole bundle") {
    Searched s;
    REQUIRE(s.source.asks.size() == 1);
    CHECK(s.source.asks[0].first.empty());
    CHECK(s.source.last_limit == ViewModel::kAskedRows);
    CHECK(s.model.loading());
    CHECK_FALSE(s.model.showing_list());
    CHECK(s.model.search_hint() == "Search 5,000 publications and 7 jobs");
    CHECK(s.model.show_answer(answer(s.source.asks[0].second, {"b", "a"}, 5007)));
    CHECK(s.model.showing_list());
    CHECK(s.ids() == std::vector<std::string>{"b", "a"});  // in the answer's order, not the page's
    CHECK(s.model.count() == 5007);
    CHECK(s.model.kind_counts().publications == 5007);
    CHECK(s.model.offered_facets() == 0);  // no filter menus over a page of the results
}

TEST_CASE("a superseded search's answer is dropped, and the last one shown") {
    Searched s;
    s.model.show_answer(answer(s.source.asks[0].second, {"a"}, 1));
    s.model.set_query("gr");
    s.model.set_query("graph");
    REQUIRE(s.source.asks.size() == 3);
    CHECK(s.source.asks[2].first == "graph");
    CHECK_FALSE(s.model.show_answer(answer(s.source.asks[1].second, {"stale"}, 99)));
    CHECK(s.ids() == std::vector<std::string>{"a"});  // still the last shown, not the stale one
    CHECK(s.model.show_answer(answer(s.source.asks[2].second, {"g1", "g2"}, 2)));
    CHECK(s.ids() == std::vector<std::string>{"g1", "g2"});
    CHECK(s.model.count() == 2);
}

TEST_CASE("a deep link's open entry opens once an answer holds it, and open rows stay open across answers") {
    Searched s;
    ui::ViewState state;
    state.query = "graph";
    state.open_id = "g2";
    s.model.set_state(state);
    CHECK(s.source.last_open == std::vector<std::string>{"g2"});  // its whole entry, not only its row
    CHECK(s.source.last_limit == ViewModel::kLinkedRows);  // looked for among more rows than a keystroke asks
    CHECK(s.model.show_answer(answer(s.source.asks.back().second, {"g1", "g2"}, 2)));
    CHECK(s.model.state().open_id == "g2");
    CHECK(s.model.take_reveal().has_value());
    s.model.set_query("graph neural");
    CHECK(s.model.show_answer(answer(s.source.asks.back().second, {"g2", "g3"}, 2)));
    const std::vector<ui::VisibleRow> rows = s.model.visible();
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].expanded);
    CHECK_FALSE(rows[1].expanded);
}

TEST_CASE("opening a row asks again for its whole entry, and the answer keeps the list where it was") {
    Searched s;
    s.model.set_query("graph");
    CHECK(s.model.show_answer(answer(s.source.asks.back().second, {"g1", "g2", "g3"}, 3)));
    CHECK(s.source.last_open.empty());
    const std::uint64_t results = s.model.results_version();
    const std::size_t asked = s.source.asks.size();
    s.model.set_open(1, true);  // g2
    REQUIRE(s.source.asks.size() == asked + 1);
    CHECK(s.source.asks.back().first == "graph");
    CHECK(s.source.last_open == std::vector<std::string>{"g2"});
    CHECK(s.model.show_answer(answer(s.source.asks.back().second, {"g1", "g2", "g3"}, 3)));
    CHECK(s.model.results_version() == results);  // the same results: no scrolling to the top
    CHECK(s.model.visible()[1].expanded);
    s.model.set_open(1, false);
    s.model.set_open(1, true);
    CHECK(s.source.asks.size() == asked + 1);  // its entry is here already
    s.model.set_query("graph neural");
    CHECK(s.source.last_open == std::vector<std::string>{"g2"});  // still open: whole if the new answer holds it
    CHECK(s.model.show_answer(answer(s.source.asks.back().second, {"g2"}, 1)));
    CHECK(s.model.results_version() != results);
}

TEST_CASE("the list's last rows ask for more rows while the source has them, and the list keeps its place") {
    Searched s;
    s.model.set_query("graph");
    CHECK(s.source.last_limit == ViewModel::kAskedRows);
    CHECK(s.model.show_answer(answer(s.source.asks.back().second, numbered(ViewModel::kAskedRows), 45)));
    const std::uint64_t results = s.model.results_version();
    std::size_t asked = s.source.asks.size();
    s.model.want_more_rows();
    REQUIRE(s.source.asks.size() == asked + 1);
    CHECK(s.source.asks.back().first == "graph");
    CHECK(s.source.last_limit == 2 * ViewModel::kAskedRows);
    s.model.want_more_rows();  // the answer is on its way: nothing more is asked meanwhile
    CHECK(s.source.asks.size() == asked + 1);
    CHECK(s.model.show_answer(answer(s.source.asks.back().second, numbered(2 * ViewModel::kAskedRows), 45)));
    CHECK(s.model.results_version() == results);  // no scrolling to the top
    CHECK(s.model.visible().size() == 2 * ViewModel::kAskedRows);
    s.model.want_more_rows();
    CHECK(s.source.last_limit == 3 * ViewModel::kAskedRows);
    CHECK(s.model.show_answer(answer(s.source.asks.back().second, numbered(45), 45)));
    asked = s.source.asks.size();
    s.model.want_more_rows();  // all 45 are shown
    CHECK(s.source.asks.size() == asked);
    s.model.set_query("graph neural");  // a new search starts with the first rows again
    CHECK(s.source.last_limit == ViewModel::kAskedRows);
}

TEST_CASE("once the list tells how many rows it shows, a screen and a half of them is asked at a time") {
    Searched s;
    s.model.set_rows_in_view(8);
    s.model.set_query("graph");
    CHECK(s.source.last_limit == 13);  // 8 on screen, 4 below, 1 more
    CHECK(s.model.show_answer(answer(s.source.asks.back().second, numbered(13), 45)));
    s.model.want_more_rows();
    CHECK(s.source.last_limit == 26);
    s.model.set_rows_in_view(20);  // a taller list: the next search asks for more at once
    s.model.set_query("graph neural");
    CHECK(s.source.last_limit == 31);
}

TEST_CASE("a loaded bundle after a searched one asks nothing more") {
    Searched s;
    s.model.show_bundle(index_bundle(load_bundle(R"({"pubview": 1, "title": "t", "publications": [{"id": "x", "title": "X", "abstract": "Y"}]})")));
    s.model.set_query("x");
    CHECK(s.source.asks.size() == 1);
    CHECK(s.model.count() == 1);
}

}  // TEST_SUITE
