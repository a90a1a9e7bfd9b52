// `pubview sync`'s merge: a hand-written base bundle and the entries imported
// from each source into one bundle, duplicates made one, and what changed
// since the bundle the last sync wrote.
#pragma once

#include "authoring/merge.h"

#include <string>
#include <vector>

namespace pv {

// The base's entries come first and win: an imported publication that is the
// same work (same DOI, else same arXiv id, else the same title, folded, and
// year) fills only the fields the base left empty, as does a job with the
// same posting link. Imported entries that match nothing are added in source
// order, an earlier source winning over a later one the same way; their ids
// are made unique after the base's. Title, description and source are the
// base's.
ImportResult sync_merge(const Bundle& base, const std::vector<NamedBundle>& imported);

struct SyncChanges {
    std::vector<std::string> added;    // ids, in bundle order
    std::vector<std::string> updated;
    std::vector<std::string> removed;
};

// What `after` added, changed and removed compared with `before`, by id.
SyncChanges compare_bundles(const Bundle& before, const Bundle& after);

}  // namespace pv
