// Progress of the long pieces of work: reading a bundle and building its index.
// They call a hook now and then with how far they have got. The widget uses it
// to draw a progress bar and to give the browser its turn between slices of
// work (src/platform/widget.cpp); the CLI passes none.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>

namespace pv {

// receiving: a JSON bundle's bytes copied into one block; reading: its items
// parsed (or a pack's read); indexing: the search index built (or checked).
enum class WorkStage : std::uint8_t { receiving, reading, indexing };

struct WorkProgress {
    WorkStage stage = WorkStage::reading;
    std::size_t done = 0;   // bytes copied, items read, or entries indexed
    std::size_t total = 0;  // of those to come; 0 while the count is not known
};

using ProgressHook = std::function<void(const WorkProgress&)>;

// Calls `hook` if there is one.
inline void report(const ProgressHook& hook, WorkStage stage, std::size_t done, std::size_t total = 0) {
    if (hook) hook(WorkProgress{stage, done, total});
}

}  // namespace pv
