// What the panel makes of the bundle's typed links, a posting's age and
// closing day, and a publication's type.
#include "ui/view_model.h"

#include "core/model/dates.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using namespace pv;
using pv::ui::ViewModel;

struct QuietHost : ui::ViewHost {
    int changes = 0;
    std::vector<std::string> opened;
    void open_url(const std::string& url, const std::string&) override { opened.push_back(url); }
    void copy_text(const std::string&) override {}
    void copy_link(const std::string&) override {}
    void view_changed() override { ++changes; }
    void retry() override {}
};

constexpr const char* kBundle = R"({"pubview": 1, "title": "t",
  "publications": [
    {"id": "paper", "title": "A paper", "abstract": "", "type": "conference paper", "year": 2024, "featured": true,
     "url": "https://example.org/paper",
     "links": [{"url": "https://example.org/paper.pdf", "kind": "pdf"}, {"label": "Talk", "url": "https://example.org/talk", "kind": "video"},
               {"url": "https://github.com/lab/code", "kind": "code"}]},
    {"id": "thesis", "title": "A thesis", "abstract": "", "type": "thesis", "year": 2020}],
  "jobs": [
    {"id": "open", "title": "Open role", "description": "D", "location": {"city": "Paris"},
     "date_posted": "2026-11-26", "valid_through": "2026-12-31", "remote": true},
    {"id": "closed", "title": "Closed role", "description": "D", "location": {"city": "Paris"},
     "date_posted": "2026-10-01", "valid_through": "2026-11-28"},
    {"id": "today", "title": "New role", "description": "D", "location": {"city": "Paris"}, "date_posted": "2026-11-29"}]})";

struct Shown {
    QuietHost host;
    ViewModel model{host};
    Shown() {
        model.set_today(*day_number("2026-11-29"));
        model.show_bundle(index_bundle(load_bundle(kBundle)));
    }
    std::vector<std::string> ids() {
        std::vector<std::string> out;
        for (const ui::VisibleRow& row : model.visible()) out.push_back(row.entry->id);
        return out;
    }
    const Entry& entry(const std::string& id) {
        const auto& entries = model.loaded()->bundle.entries;
        return *std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.id == id; });
    }
};

bool contains(const std::vector<std::string>& ids, const std::string& id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

}  // namespace

TEST_SUITE("view model: types, typed links and postings' dates") {

TEST_CASE("typed links are an open row's labelled actions after the paper's page, in each language") {
    Shown s;
    const std::vector<ui::RowAction> actions = s.model.row_actions(s.entry("paper"));
    REQUIRE(actions.size() >= 4);
    CHECK(actions[0].label == "Paper");
    CHECK(actions[1].label == "PDF");
    CHECK(actions[1].url == "https://example.org/paper.pdf");
    CHECK(actions[1].kind == ui::RowActionKind::open_link);
    CHECK(actions[2].label == "Talk");  // the bundle's own label
    CHECK(actions[3].label == "Code");
    s.model.run_action(actions[3], s.entry("paper"));
    CHECK(s.host.opened == std::vector<std::string>{"https://github.com/lab/code"});
    s.model.set_language(Language::de);
    CHECK(s.model.row_actions(s.entry("paper"))[3].label == "Code");
    CHECK(s.model.row_actions(s.entry("paper"))[2].label == "Talk");
    s.model.set_language(Language::ja);
    CHECK(s.model.row_actions(s.entry("paper"))[3].label == "コード");
}

TEST_CASE("a posting's age is counted from today with the language's plural forms") {
    Shown s;
    CHECK(s.model.row_summary(s.entry("open")) == "Paris  \xC2\xB7  Remote  \xC2\xB7  Posted 3 days ago");
    CHECK(s.model.row_summary(s.entry("today")) == "Paris  \xC2\xB7  Posted today");
    s.model.set_today(*day_number("2026-11-27"));
    CHECK(s.model.row_summary(s.entry("open")).ends_with("Posted 1 day ago"));
    s.model.set_language(Language::fr);
    CHECK(s.model.row_summary(s.entry("open")).ends_with("Publiée il y a 1 jour"));
    s.model.set_language(Language::ar);
    CHECK(s.model.row_summary(s.entry("open")).ends_with("نُشر قبل يوم واحد"));
    s.model.set_today(*day_number("2026-12-01"));
    CHECK(s.model.row_summary(s.entry("open")).ends_with("نُشر قبل 5 أيام"));
    s.model.set_language(Language::zh_hans);
    CHECK(s.model.row_summary(s.entry("open")).ends_with("5 天前发布"));
}

TEST_CASE("a featured publication is marked") {
    Shown s;
    CHECK(s.model.row_summary(s.entry("paper")).ends_with("Selected"));
    CHECK(s.model.row_summary(s.entry("thesis")) == "2020");
}

TEST_CASE("a posting past its valid_through is hidden until the visitor asks for closed ones") {
    Shown s;
    CHECK(s.model.closed_count() == 1);
    CHECK_FALSE(contains(s.ids(), "closed"));
    CHECK(s.model.search_hint() == "Search 2 publications and 2 jobs");  // the open ones
    CHECK(s.model.count() == 4);
    CHECK(s.model.kind_counts().jobs == 2);
    s.host.changes = 0;
    s.model.set_show_closed(true);
    CHECK(s.host.changes == 1);
    CHECK(s.model.search_hint() == "Search 2 publications and 3 jobs");
    CHECK(contains(s.ids(), "closed"));
    CHECK(s.model.row_summary(s.entry("closed")).ends_with("Closed"));
    CHECK(s.model.kind_counts().jobs == 3);
    s.model.set_show_closed(false);
    CHECK_FALSE(contains(s.ids(), "closed"));
    // On its last day a posting is still open.
    s.model.set_today(*day_number("2026-11-28"));
    CHECK(s.model.closed_count() == 0);
    CHECK(contains(s.ids(), "closed"));
}

TEST_CASE("the Type filter is offered for publications and narrows the list") {
    Shown s;
    s.model.set_kind(Kind::publication);
    CHECK((s.model.offered_facets() & facet_bit(FacetField::type)) != 0);
    const SearchResult& counts = s.model.facet_counts();
    const auto type_facet = std::find_if(counts.facets.begin(), counts.facets.end(), [](const Facet& f) { return f.field == FacetField::type; });
    REQUIRE(type_facet != counts.facets.end());
    REQUIRE(type_facet->values.size() == 2);
    s.model.set_filter(FacetField::type, "thesis", true);
    CHECK(s.ids() == std::vector<std::string>{"thesis"});
    s.model.set_kind(Kind::job);
    CHECK((s.model.offered_facets() & facet_bit(FacetField::type)) == 0);
}

}  // TEST_SUITE
