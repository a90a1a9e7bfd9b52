// One load of a bundle (JSON or pack) through core's open_bundle, the call the
// widget, the CLI and the Node module make, timed in CPU time and weighed in
// heap bytes. Built against a tree's libpubview_core.a by bench/load/build.sh;
// compiles against the tree before issue 12 (83cf990) too, where open_bundle
// lived in core/pack.h and took LoadOptions.
//
//   load_time FILE   ->  one line: file, CPU ms (process, thread), peak and
//                        retained heap bytes, entries, sizeof(Entry)
#if __has_include("core/formats/open_bundle.h")
#include "core/formats/open_bundle.h"
#define PV_OPEN_OPTIONS 1
#else
#include "core/pack.h"
#endif

#include <malloc.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <new>
#include <sstream>
#include <string>

// Live and peak bytes handed out by operator new (every container of core).
namespace {
std::size_t live_bytes = 0;
std::size_t peak_bytes = 0;

void* counted_alloc(std::size_t size) {
    void* block = std::malloc(size ? size : 1);
    if (!block) throw std::bad_alloc();
    live_bytes += malloc_usable_size(block);
    if (live_bytes > peak_bytes) peak_bytes = live_bytes;
    return block;
}
void counted_free(void* block) {
    if (!block) return;
    live_bytes -= malloc_usable_size(block);
    std::free(block);
}

double cpu_ms(clockid_t clock) {
    timespec now{};
    clock_gettime(clock, &now);
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}
}  // namespace

void* operator new(std::size_t size) { return counted_alloc(size); }
void* operator new[](std::size_t size) { return counted_alloc(size); }
void operator delete(void* block) noexcept { counted_free(block); }
void operator delete[](void* block) noexcept { counted_free(block); }
void operator delete(void* block, std::size_t) noexcept { counted_free(block); }
void operator delete[](void* block, std::size_t) noexcept { counted_free(block); }

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: load_time BUNDLE.json|BUNDLE.pvpack\n");
        return 2;
    }
    std::string bytes;
    {
        std::ifstream file(argv[1], std::ios::binary);
        std::ostringstream read;
        read << file.rdbuf();
        bytes = std::move(read).str();
    }
    if (bytes.empty()) {
        std::fprintf(stderr, "%s: empty or unreadable\n", argv[1]);
        return 2;
    }
    // The widget passes a progress hook; so does this, one that never asks for a turn.
    std::size_t reports = 0;
    auto progress = [&reports](const pv::WorkProgress&) { return ++reports == 0; };
#ifdef PV_OPEN_OPTIONS
    pv::OpenOptions options;
    options.load.progress = progress;
#else
    pv::LoadOptions options;
    options.progress = progress;
#endif
    const std::size_t live_before = live_bytes;
    peak_bytes = live_bytes;
    const double process_start = cpu_ms(CLOCK_PROCESS_CPUTIME_ID);
    const double thread_start = cpu_ms(CLOCK_THREAD_CPUTIME_ID);
    pv::IndexedBundle opened = pv::open_bundle(std::string_view(bytes), options);
    const double thread_ms = cpu_ms(CLOCK_THREAD_CPUTIME_ID) - thread_start;
    const double process_ms = cpu_ms(CLOCK_PROCESS_CPUTIME_ID) - process_start;
    if (!opened.loaded->usable || !opened.index) {
        std::fprintf(stderr, "%s: not usable\n", argv[1]);
        return 1;
    }
    std::printf("%s process_ms=%.1f thread_ms=%.1f peak_heap=%zu retained_heap=%zu entries=%zu sizeof_entry=%zu\n",
                argv[1], process_ms, thread_ms, peak_bytes - live_before, live_bytes - live_before,
                opened.loaded->bundle.entries.size(), sizeof(pv::Entry));
    std::fflush(stdout);
    std::_Exit(0);  // the teardown is not part of a load
}
