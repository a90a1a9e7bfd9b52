// The loader's checks of one item (publication or job) and of the top-level
// fields, each read out of a small JSON value that the streaming reader
// (json_reader.cpp) built: every problem goes into a list with its JSON Pointer.
#pragma once

#include "core/model/bundle.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pv::detail {

// "a string", "an array", ... for messages.
const char* json_type_name(const nlohmann::json& value);
// A key as a JSON Pointer token ('~' and '/' escaped).
std::string escape_pointer_token(std::string_view token);
// The entry of one item at `pointer`, or nothing if a required field is wrong.
// `rows_only`: a job's description may be empty (LoadOptions::rows_only).
std::optional<Entry> read_item(Kind kind, const nlohmann::json& item, const std::string& pointer, std::vector<Problem>& problems,
                               bool rows_only = false);
// The bundle's title, description and source, into `result`.
void read_top_fields(nlohmann::json& top, LoadResult& result, std::vector<Problem>& out);

}  // namespace pv::detail
