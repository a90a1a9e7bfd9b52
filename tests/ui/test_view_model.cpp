// The panel's view model, without ImGui: what a visitor's clicks and keys and
// the page's JS API change, and what the host hears of it.
#include "ui/view_model.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using namespace pv;
using pv::ui::ViewModel;

// Records what the model asks of the page.
struct RecordingHost : ui::ViewHost {
    int changes = 0;
    std::vector<std::string> opened, copied, links;
    int retries = 0;
    void open_url(const std::string& url, const std::string&) override { opened.push_back(url); }
    void copy_text(const std::string& text) override { copied.push_back(text); }
    void copy_link(const std::string& id) override { links.push_back(id); }
    void view_changed() override { ++changes; }
    void retry() override { ++retries; }
};

constexpr const char* kBundle = R"({"pubview": 1, "title": "t", "source": {"name": "Lab"},
  "publications": [
    {"id": "dynamo", "title": "Amazon DynamoDB", "abstract": "A database service.", "authors": ["Ann Lee"],
     "venue": "USENIX ATC 2022", "year": 2022, "doi": "10.1/x", "url": "https://example.org/dynamo"},
    {"id": "redshift", "title": "Amazon Redshift Re-invented", "abstract": "A data warehouse.", "year": 2022, "venue": "SIGMOD 2022"}],
  "jobs": [
    {"id": "sde", "title": "Software Engineer", "description": "Build a database.", "location": {"country": "US", "city": "Seattle"}}]})";

struct Shown {
    RecordingHost host;
    ViewModel model{host};
    Shown() {
        model.show_bundle(index_bundle(load_bundle(kBundle)));
        host.changes = 0;
    }
    std::vector<std::string> ids() {
        std::vector<std::string> out;
        for (const ui::VisibleRow& row : model.visible()) out.push_back(row.entry->id);
        return out;
    }
};

}  // namespace

TEST_SUITE("view model") {

TEST_CASE("a loaded bundle is shown with every entry and a search hint that counts each kind") {
    Shown s;
    CHECK(s.model.showing_list());
    CHECK(s.model.count() == 3);
    CHECK(s.model.search_hint() == "Search 2 publications and 1 job");
    const ui::KindCounts kinds = s.model.kind_counts();
    CHECK(kinds.all == 3);
    CHECK(kinds.publications == 2);
    CHECK(kinds.jobs == 1);
}

TEST_CASE("the interface's language changes the search hint and the rows' actions, not the view or the page's hash") {
    Shown s;
    const std::uint64_t version = s.model.view_version();
    const int changes = s.host.changes;
    s.model.set_language(pv::Language::fr);
    CHECK(s.model.search_hint() == "Rechercher parmi 2 publications et 1 offre d\xE2\x80\x99" "emploi");
    CHECK(s.model.row_actions(s.model.entry(2)).back().label == "Copier le lien");
    CHECK(s.model.view_version() > version);  // laid out again
    CHECK(s.host.changes == changes);         // nothing the visitor asked for changed
    CHECK(s.model.count() == 3);
}

TEST_CASE("an unusable bundle shows its error and no list") {
    RecordingHost host;
    ViewModel model(host);
    model.show_bundle(index_bundle(load_bundle("{\"pubview\": 1, \"publications\": [")));
    CHECK_FALSE(model.showing_list());
    CHECK_FALSE(model.error().empty());
    CHECK(model.count() == 0);
}

TEST_CASE("a query narrows the results, resets the selection and tells the host once") {
    Shown s;
    s.model.select(1);
    s.model.set_query("database");
    CHECK(s.host.changes == 1);
    CHECK(s.model.selected() == -1);
    CHECK(s.ids() == std::vector<std::string>{"dynamo", "sde"});
    s.model.set_query("database");  // the same query again changes nothing
    CHECK(s.host.changes == 1);
}

TEST_CASE("a query longer than the search box holds is cut without splitting a character") {
    Shown s;
    std::string query(510, 'a');
    query += "\xC3\xA9\xC3\xA9";  // "éé": two bytes each, past the 511 the box holds
    s.model.set_query(query);
    CHECK(s.model.query().size() == 510);
}

TEST_CASE("the kind switch, filters and sort each search again") {
    Shown s;
    s.model.set_kind(Kind::job);
    CHECK(s.ids() == std::vector<std::string>{"sde"});
    s.model.show_everything();
    s.model.set_filter(FacetField::venue, "SIGMOD 2022", true);
    CHECK(s.ids() == std::vector<std::string>{"redshift"});
    s.model.clear_filters();
    CHECK(s.model.count() == 3);
    s.model.set_sort(SortOrder::title);
    CHECK(s.ids() == std::vector<std::string>{"dynamo", "redshift", "sde"});
    CHECK(s.host.changes == 5);
}

TEST_CASE("a row opens by entry index or by id, and the state names the row opened last") {
    Shown s;
    CHECK(s.model.expand("redshift", true));
    CHECK_FALSE(s.model.expand("no-such-id", true));
    s.model.set_open(0, true);
    CHECK(s.model.state().open_id == "dynamo");
    const std::uint64_t results = s.model.results_version();
    s.model.set_open(0, false);
    CHECK(s.model.state().open_id == "redshift");
    CHECK(s.model.results_version() == results);  // opening a row does not search again
    CHECK(s.host.changes == 3);
}

TEST_CASE("a deep link's state restores the view and asks for its row to be revealed once") {
    Shown s;
    ui::ViewState state;
    state.query = "amazon";
    state.kind = Kind::publication;
    state.open_id = "redshift";
    s.model.set_state(state);
    CHECK(s.model.query() == "amazon");
    CHECK(s.ids() == std::vector<std::string>{"dynamo", "redshift"});
    const auto reveal = s.model.take_reveal();
    REQUIRE(reveal.has_value());
    CHECK(s.model.entry(*reveal).id == "redshift");
    CHECK_FALSE(s.model.take_reveal().has_value());
}

TEST_CASE("a publication offers its links and copies; their text is made only when used") {
    Shown s;
    const std::vector<ui::RowAction> actions = s.model.row_actions(s.model.entry(0));
    std::vector<std::string> labels;
    for (const ui::RowAction& a : actions) labels.push_back(a.label);
    CHECK(labels == std::vector<std::string>{"Paper", "DOI", "Copy citation", "Copy BibTeX", "Copy title", "Copy link"});
    s.model.run_action(actions[1], s.model.entry(0));
    CHECK(s.host.opened == std::vector<std::string>{"https://doi.org/10.1/x"});
    s.model.run_action(actions[3], s.model.entry(0));
    REQUIRE(s.host.copied.size() == 1);
    CHECK(s.host.copied[0].find("@") == 0);  // BibTeX
    s.model.run_action(actions[5], s.model.entry(0));
    CHECK(s.host.links == std::vector<std::string>{"dynamo"});
}

TEST_CASE("a job offers its posting and a link, not citations") {
    Shown s;
    std::vector<std::string> labels;
    for (const ui::RowAction& a : s.model.row_actions(s.model.entry(2))) labels.push_back(a.label);
    CHECK(labels == std::vector<std::string>{"Copy link"});
}

TEST_CASE("highlights mark the query's words in the entries drawn") {
    Shown s;
    s.model.set_query("database");
    const EntryHighlights& marks = s.model.highlights(0);
    REQUIRE(marks.body.size() == 1);
    CHECK(s.model.entry(0).body.substr(marks.body[0].begin, marks.body[0].end - marks.body[0].begin) == "database");
}

}  // TEST_SUITE
