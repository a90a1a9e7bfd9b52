// Writes files into a folder as their compressed copies (precompress.h), and
// as they are where asked or where this build compresses nothing, on worker
// threads, so that compressing one file overlaps with making the next and
// with compressing others. Names are the caller's, so the folder is the same
// whatever the number of threads.
#pragma once

#include "cli/precompress.h"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace pv::cli {

// Whether this build can start threads: the wasm CLI (cmake/web.cmake) is
// built without them, and then files are compressed as they come.
#ifdef PUBVIEW_NO_THREADS
inline constexpr bool kCanStartThreads = false;
#else
inline constexpr bool kCanStartThreads = true;
#endif

class CompressingWriter {
public:
    // `threads` workers (at least one; none where threads cannot start); at
    // most twice as many files wait in memory. Each file gets the copies `kinds` asks for.
    CompressingWriter(std::filesystem::path folder, unsigned threads, CopyKinds kinds);
    ~CompressingWriter();
    CompressingWriter(const CompressingWriter&) = delete;
    CompressingWriter& operator=(const CompressingWriter&) = delete;

    // Queues a file, waiting while the queue is full; `plain_too` keeps the
    // file as it is beside its copies even where `kinds` does not. False once
    // any file could not be written or compressed (the worker printed why).
    bool keep(std::string name, std::string bytes, bool plain_too = false);
    // Waits until every queued file is written; false if any was not.
    bool finish();

private:
    struct File {
        std::string name;
        std::string bytes;
        bool plain_too = false;
    };
    void work();
    bool write_with_copies(const File& file);

    std::filesystem::path folder_;
    CopyKinds kinds_;
    std::size_t queue_limit_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<File> queue_;
    std::size_t busy_ = 0;
    bool closing_ = false;
    bool failed_ = false;
    std::vector<std::thread> workers_;
};

// The worker threads `pubview shard` uses by default: one a core.
unsigned default_thread_count();

}  // namespace pv::cli
