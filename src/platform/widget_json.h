// The JSON that crosses between the widget module and web/pubview.js: the
// view state (for deep links and events), the visible rows and the problems.
#pragma once

#include "ui/view_model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pv::platform {

// {"q": "...", "kind": "publication"|"job"|null, "filters": {"year": ["2022"]},
//  "sort": "relevance"|"rank"|"year"|"title", "open": "id"|""}
std::string view_state_to_json(const ui::ViewState& state);
// Reads what view_state_to_json writes; anything unknown or malformed is left at its default.
ui::ViewState view_state_from_json(const char* json);

// What the panel asks a sharded bundle's worker (web/pubview-shards-worker.js):
// {"query", "kind": "publication"|"job"|null, "sort", "limit", "open": the ids of rows shown open}.
std::string search_request_json(const SearchRequest& request, const std::vector<std::string>& open_ids);
// The worker's answer to the ask numbered `version` ({"total", "hits": [{"id",
// "score"}], "bundle": the hits' entries as a bundle's JSON text, "publications",
// "jobs", "fallback", "hints"}); nullopt when it is not one.
std::optional<ui::SearchAnswer> search_answer_from_json(std::uint64_t version, const char* json);

// [{"id", "kind", "title", "expanded"}, ...]
std::string visible_json(const std::vector<ui::VisibleRow>& rows);

// {"count": N, "kinds": {"all", "publication", "job"}, "hint": "Search ...",
//  "status": "12 results", "kindCounts": {"all": "1,234", ...} (as the language writes them),
//  "rows": [{"id", "kind", "title", "summary", "expanded", "body"?, "links": [{"label", "url"}]}]}
// The first kMirrorRows rows; "body" for open rows, or for all when `full`.
constexpr std::size_t kMirrorRows = 500;
std::string mirror_json(ui::ViewModel& model, bool full);

// The interface's language, the one asked for, and the phrases the page's side shows itself:
// {"lang": "de", "wanted": "de", "dir": "ltr"|"rtl", "text": {"loading_list": "...", ...}}
std::string page_text_json(Language language, Language wanted);

// {"error": null|"message", "warnings": ["bundle: /pointer: message", "bundle:3:7: message", ...], "skipped": N}
std::string problems_json(const ui::ViewModel& model);

}  // namespace pv::platform
