// Partial loading: a bundle where many items are broken, each in its own way,
// still loads every valid item, counts the rest as skipped and names each
// broken one by its JSON Pointer.
#include "core/model/bundle.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

using nlohmann::json;

namespace {

struct Breakage {
    const char* what;
    const char* field;  // where the problem is reported, below the item's pointer ("" for the item)
    std::function<void(json& item, bool is_job, const std::string& previous_id)> apply;
};

const std::vector<Breakage>& breakages() {
    static const std::vector<Breakage> list = {
        {"a number for the title", "/title", [](json& o, bool, const std::string&) { o["title"] = 42; }},
        {"no id", "/id", [](json& o, bool, const std::string&) { o.erase("id"); }},
        {"an array instead of an object", "", [](json& o, bool, const std::string&) { o = json::array({o["id"], o["title"]}); }},
        {"the id of the item before it", "/id", [](json& o, bool, const std::string& prev) { o["id"] = prev; }},
        {"a bad location or abstract", "", [](json& o, bool job, const std::string&) {
             if (job) o["location"] = "Seattle"; else o["abstract"] = json::object({{"text", "x"}});
         }},
        {"a blank title", "/title", [](json& o, bool, const std::string&) { o["title"] = "  \t "; }},
        {"null instead of an object", "", [](json& o, bool, const std::string&) { o = nullptr; }},
        {"a title of control and bidi characters only", "/title", [](json& o, bool, const std::string&) { o["title"] = "\x01\xE2\x80\xAE\x7F"; }},
        {"an object for the id", "/id", [](json& o, bool, const std::string&) { o["id"] = json::object({{"id", "x"}}); }},
        {"no description or no abstract", "", [](json& o, bool job, const std::string&) { o.erase(job ? "description" : "abstract"); }},
        {"an empty location or a title nested too deep", "", [](json& o, bool job, const std::string&) {
             if (job) { o["location"] = json::object(); return; }
             json deep = "t";
             for (int i = 0; i < 80; ++i) deep = json::array({deep});
             o["title"] = deep;
         }},
        {"a string instead of an object", "", [](json& o, bool, const std::string&) { o = "p"; }},
    };
    return list;
}

json valid_item(std::size_t i, bool is_job) {
    const std::string n = std::to_string(i);
    if (is_job)
        return {{"id", "j" + n}, {"title", "Job " + n}, {"location", {{"city", "Seattle"}}}, {"description", "Job " + n + "."},
                {"url", "javascript:alert(" + n + ")"}};  // a dropped url is a warning, not a reason to skip
    return {{"id", "p" + n}, {"title", "Paper " + n}, {"abstract", "About " + n + "."}, {"rank", i % 3 ? json(i) : json("1")}};
}

}  // namespace

TEST_CASE("in 1,000 items with every seventh broken in its own way, exactly the valid ones load and each broken one is named") {
    const std::size_t kItems = 1000, kPublications = 600;
    json doc = {{"pubview", 1}, {"title", "Hostile"}, {"publications", json::array()}, {"jobs", json::array()}};
    std::vector<std::string> expected_ids;                // valid items, in bundle order
    std::vector<std::pair<std::string, std::string>> broken;  // item pointer, field pointer
    std::vector<std::size_t> ways_used(breakages().size());
    std::string previous_id;
    for (std::size_t i = 0; i < kItems; ++i) {
        const bool is_job = i >= kPublications;
        const std::size_t index = is_job ? i - kPublications : i;
        const std::string pointer = std::string(is_job ? "/jobs/" : "/publications/") + std::to_string(index);
        json item = valid_item(i, is_job);
        if (i % 7 == 6) {
            const std::size_t way = (i / 7) % breakages().size();
            const Breakage& b = breakages()[way];
            b.apply(item, is_job, previous_id);
            broken.emplace_back(pointer, pointer + b.field);
            ++ways_used[way];
        } else {
            previous_id = item["id"].get<std::string>();
            expected_ids.push_back(previous_id);
        }
        doc[is_job ? "jobs" : "publications"].push_back(std::move(item));
    }
    for (std::size_t way = 0; way < ways_used.size(); ++way)
        CHECK_MESSAGE(ways_used[way] > 0, "breakage not used: ", breakages()[way].what);

    const pv::LoadResult r = pv::load_bundle(doc.dump());
    REQUIRE(r.usable);
    CHECK_FALSE(r.has_errors());
    REQUIRE(broken.size() == 142);
    CHECK(r.skipped == broken.size());
    std::vector<std::string> ids;
    for (const pv::Entry& e : r.bundle.entries) ids.push_back(e.id);
    CHECK(ids == expected_ids);
    CHECK(r.bundle.count(pv::Kind::publication) + r.bundle.count(pv::Kind::job) == kItems - broken.size());

    for (const auto& pointers : broken) {  // no structured binding: CHECK_MESSAGE captures, which clang 14 refuses
        const std::string& item = pointers.first;
        const std::string& field = pointers.second;
        bool named = false, skipped = false;
        for (const pv::Problem& p : r.problems) {
            named = named || p.pointer == field;
            // Every problem of a skipped item lies at or below its pointer; the last one says it was skipped.
            skipped = skipped || (p.pointer == item && p.message.find("skipped") != std::string::npos) ||
                      (p.pointer == item + "/id" && p.message.find("duplicate id") != std::string::npos);
        }
        CHECK_MESSAGE(named, "no problem at ", field);
        CHECK_MESSAGE(skipped, "no problem says ", item, " was skipped");
    }
    // The valid items' only problems are the dropped urls (jobs) and the string rank (publications).
    std::size_t other = 0;
    for (const pv::Problem& p : r.problems) {
        const bool under_broken = std::any_of(broken.begin(), broken.end(), [&](const auto& b) {
            return p.pointer == b.first || p.pointer.starts_with(b.first + "/");
        });
        const bool expected_warning = p.message.find("dropped URL") != std::string::npos ||
                                      p.message.find("expected a whole number, got a string") != std::string::npos;
        if (!under_broken && !expected_warning) {
            ++other;
            MESSAGE("unexpected problem: ", pv::format_problem("hostile", p));
        }
    }
    CHECK(other == 0);
}

TEST_CASE("a bundle cut off part-way keeps every item that was complete before the cut") {
    nlohmann::ordered_json doc = {{"pubview", 1}, {"title", "Cut"}, {"publications", json::array()}};  // top-level fields first
    for (std::size_t i = 0; i < 50; ++i) doc["publications"].push_back(nlohmann::ordered_json::parse(valid_item(i * 3 + 1, false).dump()));
    const std::string text = doc.dump();
    for (std::size_t cut = text.find("\"publications\"") + 20; cut < text.size(); cut += 97) {
        const std::string_view part(text.data(), cut);
        const pv::LoadResult r = pv::load_bundle(part);
        REQUIRE(r.usable);
        REQUIRE(r.has_errors());  // the cut is a syntax error with a line and column
        const pv::Problem* last = &r.problems.back();
        CHECK(last->line == 1);
        CHECK(last->column > 0);
        // Items whose closing brace came before the cut are all there.
        std::size_t complete = 0;
        for (std::size_t at = part.find("}"); at != std::string_view::npos; at = part.find("}", at + 1)) ++complete;
        CHECK(r.bundle.entries.size() == complete);
    }
}
