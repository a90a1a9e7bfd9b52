#include "cli/compressing_writer.h"

#include "cli/bundle_file.h"

#include <algorithm>
#include <iostream>
#ifdef __linux__
#include <sys/resource.h>
#endif

namespace pv::cli {

unsigned default_thread_count() {
    const unsigned cores = std::thread::hardware_concurrency();
    return cores == 0 ? 1 : cores;
}

CompressingWriter::CompressingWriter(std::filesystem::path folder, unsigned threads, CopyKinds kinds)
    : folder_(std::move(folder)), kinds_(kinds), queue_limit_(2 * std::max(1u, threads)) {
    if (!kCanStartThreads) return;
    for (unsigned i = 0; i < std::max(1u, threads); ++i) workers_.emplace_back([this] { work(); });
}

CompressingWriter::~CompressingWriter() {
    {
        std::lock_guard lock(mutex_);
        closing_ = true;
    }
    changed_.notify_all();
    for (std::thread& worker : workers_) worker.join();
}

bool CompressingWriter::keep(std::string name, std::string bytes, bool plain_too) {
    if (workers_.empty()) {
        failed_ = failed_ || !write_with_copies({std::move(name), std::move(bytes), plain_too});
        return !failed_;
    }
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return failed_ || queue_.size() < queue_limit_; });
    if (failed_) return false;
    queue_.push_back({std::move(name), std::move(bytes), plain_too});
    lock.unlock();
    changed_.notify_all();
    return true;
}

bool CompressingWriter::finish() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return queue_.empty() && busy_ == 0; });
    return !failed_;
}

void CompressingWriter::work() {
#ifdef __linux__
    // Compressing yields the cores to the thread building the index, the
    // longest chain of work (pubview shard waits for it, and the copies of
    // the files made meanwhile catch up after): 11.0 -> 9.2-9.5 s at 100,000
    // entries on two cores. On Linux a thread's nice value is its own.
    setpriority(PRIO_PROCESS, 0, 10);
#endif
    std::unique_lock lock(mutex_);
    for (;;) {
        changed_.wait(lock, [&] { return closing_ || !queue_.empty(); });
        if (queue_.empty()) return;  // closing, and nothing left
        File file = std::move(queue_.front());
        queue_.pop_front();
        ++busy_;
        lock.unlock();
        changed_.notify_all();  // room in the queue
        const bool written = write_with_copies(file);
        lock.lock();
        --busy_;
        if (!written) {
            failed_ = true;
            queue_.clear();
        }
        changed_.notify_all();
    }
}

bool CompressingWriter::write_with_copies(const File& file) {
    const std::string path = (folder_ / file.name).string();
    const Effort effort = file.name.starts_with("postings-") ? Effort::quick : Effort::thorough;
    const std::vector<CompressedCopy> copies = precompress(file.bytes, effort, kinds_);
    if ((kinds_.plain || file.plain_too || copies.empty()) && !write_file(path, file.bytes)) return false;
    for (const CompressedCopy& copy : copies) {
        if (copy.bytes.empty()) {
            std::cerr << "pubview: cannot compress " << file.name << '\n';
            return false;
        }
        if (!write_file(path + copy.extension, copy.bytes)) return false;
    }
    return true;
}

}  // namespace pv::cli
