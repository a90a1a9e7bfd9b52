#include "authoring/merge.h"

#include <map>

namespace pv {

ImportResult merge_bundles(const std::vector<NamedBundle>& inputs) {
    ImportResult result;
    result.usable = true;
    Bundle& merged = result.bundle;
    for (const NamedBundle& input : inputs) {
        if (merged.title.empty()) merged.title = input.bundle.title;
        if (merged.description.empty()) merged.description = input.bundle.description;
        if (merged.source.name.empty() && merged.source.url.empty()) merged.source = input.bundle.source;
    }
    std::map<std::string, const std::string*> owner;  // id -> name of the bundle it came from
    for (Kind kind : {Kind::publication, Kind::job}) {
        for (const NamedBundle& input : inputs) {
            std::size_t index = 0;  // the entry's index among its kind, for the JSON Pointer
            for (const Entry& entry : input.bundle.entries) {
                if (entry.kind != kind) continue;
                const std::string pointer = std::string(kind == Kind::job ? "/jobs/" : "/publications/") + std::to_string(index++);
                auto [at, fresh] = owner.emplace(entry.id, &input.name);
                if (!fresh) {
                    result.problems.push_back({Severity::warning, pointer,
                                               input.name + ": id \"" + entry.id + "\" is already used in " + *at->second +
                                                   "; this " + kind_name(kind) + " is left out",
                                               0, 0});
                    continue;
                }
                merged.entries.push_back(entry);
            }
        }
    }
    return result;
}

}  // namespace pv
