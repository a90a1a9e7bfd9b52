// `pubview merge`: several bundles into one.
#pragma once

#include "authoring/import_common.h"

#include <string>
#include <vector>

namespace pv {

struct NamedBundle {
    std::string name;  // how problems refer to it (its file name)
    Bundle bundle;
};

// The title, description and source come from the first bundle that has
// them. Entries keep their order, publications of all bundles before jobs.
// An entry whose id an earlier bundle already uses is left out with a
// warning that names both bundles: the first one wins.
ImportResult merge_bundles(const std::vector<NamedBundle>& inputs);

}  // namespace pv
