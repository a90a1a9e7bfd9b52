// Progress of the long pieces of work: reading a bundle and building its index.
// They call a hook now and then with how far they have got, and the hook says
// whether its host wants a turn before the work goes on. The widget uses it to
// draw a progress bar and to give the browser its turn between slices of work
// (src/platform/widget.cpp); the CLI passes none.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>

namespace pv {

// receiving: a JSON bundle's bytes read and parsed, counted in bytes; reading:
// its entries gathered (or a pack's read); indexing: the search index built (or checked).
enum class WorkStage : std::uint8_t { receiving, reading, indexing };

struct WorkProgress {
    WorkStage stage = WorkStage::reading;
    std::size_t done = 0;   // bytes read, entries gathered, or entries indexed
    std::size_t total = 0;  // of those to come; 0 while the count is not known
};

// Hears how far the work has got; returns true when the host wants its turn now.
using ProgressHook = std::function<bool(const WorkProgress&)>;

}  // namespace pv

// The one seam through which long work lets its host run, called when a hook
// asks for a turn. Core's own definition does nothing (progress.cpp, a weak
// symbol); the browser widget defines it to give the page a turn of its event
// loop, which Asyncify suspends (src/platform/widget.cpp). Core reaches it by
// direct calls only, so Asyncify finds every function that can be on the stack
// during a turn by itself, and its build names no function of core.
extern "C" void pv_give_host_turn();

namespace pv {

// Calls `hook` if there is one, and gives the host its turn if it asks.
inline void report(const ProgressHook& hook, WorkStage stage, std::size_t done, std::size_t total = 0) {
    if (hook && hook(WorkProgress{stage, done, total})) pv_give_host_turn();
}

}  // namespace pv
