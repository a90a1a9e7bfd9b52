#include "platform/widget_json.h"

#include "core/formats/json_text_stream.h"
#include "core/formats/open_bundle.h"
#include "core/present/display.h"

#include <nlohmann/json.hpp>

namespace pv::platform {

namespace {

using nlohmann::json;

constexpr std::pair<SortOrder, const char*> kSortNames[] = {
    {SortOrder::relevance, "relevance"}, {SortOrder::rank, "rank"}, {SortOrder::year, "year"}, {SortOrder::title, "title"}};

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

const char* sort_name(SortOrder sort) {
    for (auto [order, name] : kSortNames)
        if (order == sort) return name;
    return "relevance";
}

std::string search_request_json(const SearchRequest& request, const std::vector<std::string>& open_ids) {
    return dump({{"query", request.query},
                 {"kind", request.kind ? json(kind_name(*request.kind)) : json(nullptr)},
                 {"sort", sort_name(request.sort)},
                 {"limit", request.limit},
                 {"open", open_ids}});
}

std::optional<ui::SearchAnswer> search_answer_from_json(std::uint64_t version, const char* text) {
    const json j = parse_json(text);
    if (!j.is_object()) return std::nullopt;
    const auto bundle = j.find("bundle");
    const auto hits = j.find("hits");
    const auto total = j.find("total");
    if (bundle == j.end() || !bundle->is_string() || hits == j.end() || !hits->is_array() || total == j.end() ||
        !total->is_number_unsigned())
        return std::nullopt;
    ui::SearchAnswer answer;
    answer.version = version;
    OpenOptions rows;
    rows.load.rows_only = true;  // the rows' fields, and the open rows' whole entries
    answer.page = open_bundle(bundle->get_ref<const std::string&>(), rows);
    for (const json& hit : *hits) {
        const auto id = hit.find("id");
        const auto score = hit.find("score");
        if (id == hit.end() || !id->is_string() || score == hit.end() || !score->is_number()) return std::nullopt;
        answer.hits.emplace_back(id->get<std::string>(), score->get<float>());
    }
    answer.total = total->get<std::size_t>();
    auto count = [&](const char* key) {
        const auto it = j.find(key);
        return it != j.end() && it->is_number_unsigned() ? it->get<std::uint32_t>() : 0u;
    };
    answer.publications = count("publications");
    answer.jobs = count("jobs");
    if (auto fallback = j.find("fallback"); fallback != j.end() && fallback->is_boolean()) answer.fallback = fallback->get<bool>();
    if (auto hints = j.find("hints"); hints != j.end() && hints->is_array())
        for (const json& hint : *hints)
            if (hint.is_string()) answer.hints.push_back(hint.get<std::string>());
    return answer;
}

std::string view_state_to_json(const ui::ViewState& s) {
    json filters = json::object();
    for (std::size_t f = 0; f < kFacetFieldCount; ++f)
        if (!s.filters.values[f].empty()) filters[facet_field_name(static_cast<FacetField>(f))] = s.filters.values[f];
    const char* sort = sort_name(s.sort);
    return dump({{"q", s.query},
                 {"kind", s.kind ? json(kind_name(*s.kind)) : json(nullptr)},
                 {"filters", filters},
                 {"sort", sort},
                 {"open", s.open_id},
                 {"closed", s.show_closed}});
}

ui::ViewState view_state_from_json(const char* text) {
    ui::ViewState s;
    const json j = parse_json(text);
    if (!j.is_object()) return s;
    if (auto q = j.find("q"); q != j.end() && q->is_string()) s.query = q->get<std::string>();
    if (auto k = j.find("kind"); k != j.end() && k->is_string()) s.kind = kind_from_name(k->get<std::string>());
    if (auto sort = j.find("sort"); sort != j.end() && sort->is_string())
        for (auto [order, name] : kSortNames)
            if (*sort == name) s.sort = order;
    if (auto filters = j.find("filters"); filters != j.end() && filters->is_object()) {
        for (std::size_t f = 0; f < kFacetFieldCount; ++f) {
            auto values = filters->find(facet_field_name(static_cast<FacetField>(f)));
            if (values == filters->end() || !values->is_array()) continue;
            for (const json& v : *values)
                if (v.is_string()) s.filters.values[f].push_back(v.get<std::string>());
        }
    }
    if (auto open = j.find("open"); open != j.end() && open->is_string()) s.open_id = open->get<std::string>();
    if (auto closed = j.find("closed"); closed != j.end() && closed->is_boolean()) s.show_closed = closed->get<bool>();
    return s;
}

std::string visible_json(const std::vector<ui::VisibleRow>& rows) {
    json out = json::array();
    for (const ui::VisibleRow& r : rows)
        out.push_back({{"id", r.entry->id}, {"kind", kind_name(r.entry->kind)}, {"title", r.entry->title}, {"expanded", r.expanded}});
    return dump(out);
}

std::string mirror_json(ui::ViewModel& model, bool full) {
    const std::vector<ui::VisibleRow> visible = model.visible(kMirrorRows);
    json rows = json::array();
    for (std::size_t i = 0; i < visible.size(); ++i) {
        const Entry& e = *visible[i].entry;
        json links = json::array();
        for (const EntryLink& link : entry_links(e, model.language())) links.push_back({{"label", link.label}, {"url", link.url}});
        json row = {{"id", e.id}, {"kind", kind_name(e.kind)}, {"title", e.title}, {"summary", model.row_summary(e)},
                    {"expanded", visible[i].expanded}, {"links", links}};
        if (full || visible[i].expanded) row["body"] = e.body;
        rows.push_back(std::move(row));
    }
    const ui::KindCounts kinds = model.kind_counts();
    const Language lang = model.language();
    return dump({{"count", model.count()},
                 {"kinds", {{"all", kinds.all}, {"publication", kinds.publications}, {"job", kinds.jobs}}},
                 {"kindCounts", {{"all", count_text(kinds.all, lang)}, {"publication", count_text(kinds.publications, lang)},
                                 {"job", count_text(kinds.jobs, lang)}}},
                 {"status", counted(lang, Phrase::results_counted, model.count())},
                 {"hint", model.search_hint()},
                 {"more", model.has_more_rows()},
                 {"rows", rows}});
}

std::string page_text_json(Language language, Language wanted) {
    static constexpr std::pair<Phrase, const char*> kPagePhrases[] = {
        {Phrase::loading_list, "loading_list"}, {Phrase::list_error, "list_error"},
        {Phrase::search_the_list, "search_the_list"}, {Phrase::search, "search"}, {Phrase::kind, "kind"},
        {Phrase::copied, "copied"}, {Phrase::copy_refused, "copy_refused"}, {Phrase::canvas_label, "canvas_label"},
        {Phrase::more_results, "more_results"},
        {Phrase::kind_all, "kind_all"}, {Phrase::kind_publications, "kind_publications"}, {Phrase::kind_jobs, "kind_jobs"},
        {Phrase::kind_job, "kind_job"}, {Phrase::kind_paper, "kind_paper"},
    };
    json text = json::object();
    for (auto [phrase, name] : kPagePhrases) text[name] = phrase_text(language, phrase);
    return dump({{"lang", language_tag(language)}, {"wanted", language_tag(wanted)}, {"dir", right_to_left(language) ? "rtl" : "ltr"}, {"text", text}});
}

std::string problems_json(const ui::ViewModel& model) {
    json warnings = json::array();
    std::size_t skipped = 0;
    if (const LoadResult* loaded = model.loaded()) {
        skipped = loaded->skipped;
        // Everything but the error that made the bundle unusable (that one is error()):
        // a syntax error after which the items before it still loaded is listed too.
        const Problem* fatal = loaded->fatal();
        for (const Problem& p : loaded->problems)
            if (&p != fatal) warnings.push_back(format_problem("bundle", p));
    }
    const std::string& error = model.error();
    return dump({{"error", error.empty() ? json(nullptr) : json(error)}, {"warnings", warnings}, {"skipped", skipped}});
}

}  // namespace pv::platform
