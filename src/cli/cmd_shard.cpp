// pubview shard: a bundle as a folder of files that any static host serves,
// each as its .gz copy, which is what the widget fetches (the plain file and
// a .br copy when asked for; core/shards/, docs/DESIGN.md, "Sharded bundles").
#include "cli/bundle_file.h"
#include "cli/commands.h"
#include "cli/compressing_writer.h"
#include "cli/precompress.h"

#include "core/shards/shard_layout.h"
#include "core/shards/shard_writer.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

namespace pv::cli {
namespace {

namespace fs = std::filesystem;

bool parse_count(const std::string& text, std::size_t& value) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size() && value > 0;
}

// A folder to write into: new, empty, or holding an earlier sharded bundle,
// whose files are removed (their names change with their contents).
bool prepare_folder(const fs::path& folder) {
    std::error_code error;
    if (fs::exists(folder, error) && !fs::is_directory(folder, error)) {
        std::cerr << "pubview: " << folder.string() << " is a file; --out takes a folder\n";
        return false;
    }
    if (fs::exists(folder / shards::kManifestName, error)) {
        for (const fs::directory_entry& file : fs::directory_iterator(folder, error)) {
            const std::string name = file.path().filename().string();
            for (const char* prefix : {"manifest.json", "files-", "tables-", "facets-", "sortkeys-", "postings-", "rows-", "entries-"})
                if (name.starts_with(prefix)) fs::remove(file.path(), error);
        }
    } else if (fs::exists(folder, error) && !fs::is_empty(folder, error)) {
        std::cerr << "pubview: " << folder.string() << " is not empty and holds no sharded bundle; give a new or empty folder\n";
        return false;
    }
    fs::create_directories(folder, error);
    if (error) {
        std::cerr << "pubview: cannot create " << folder.string() << ": " << error.message() << '\n';
        return false;
    }
    return true;
}

}  // namespace

int shard(const Args& args) {
    std::vector<std::string> inputs;
    std::string output;
    shards::ShardOptions options;
    std::size_t threads = default_thread_count();
    CopyKinds copies;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--out" && i + 1 < args.size()) {
            output = args[++i];
        } else if (a == "--posting-bytes" && i + 1 < args.size()) {
            if (!parse_count(args[++i], options.posting_block_bytes)) { std::cerr << "pubview: --posting-bytes takes a positive number\n"; return 2; }
        } else if (a == "--rows-per-file" && i + 1 < args.size()) {
            if (!parse_count(args[++i], options.entries_per_row_file)) { std::cerr << "pubview: --rows-per-file takes a positive number\n"; return 2; }
        } else if (a == "--entries-per-file" && i + 1 < args.size()) {
            if (!parse_count(args[++i], options.entries_per_detail)) { std::cerr << "pubview: --entries-per-file takes a positive number\n"; return 2; }
        } else if (a == "--plain") {
            copies.plain = true;
        } else if (a == "--brotli") {
            if (!can_brotli()) { std::cerr << "pubview: --brotli: this build has no brotli (it was built without libbrotlienc)\n"; return 2; }
            copies.brotli = true;
        } else if (a == "--threads" && i + 1 < args.size()) {
            if (!parse_count(args[++i], threads)) { std::cerr << "pubview: --threads takes a positive number\n"; return 2; }
        } else {
            inputs.push_back(a);
        }
    }
    if (inputs.size() != 1 || output.empty()) {
        std::cerr << "usage: pubview shard FILE --out DIR [--posting-bytes N] [--rows-per-file N] [--entries-per-file N] [--plain] [--brotli] [--threads N]\n";
        return 2;
    }
    // A folder of shards is for lists too large for one file: up to 4 GiB.
    OpenOptions open_options;
    // (In the wasm CLI, whose size_t has 32 bits, as much as it can address.)
    open_options.load.max_document_bytes =
        static_cast<std::size_t>(std::min<std::uint64_t>(std::uint64_t{4} << 30, SIZE_MAX));
    open_options.index = false;  // built below, beside writing the entries (a pack brings its own)
    const std::optional<IndexedBundle> opened = open_bundle_file(inputs.front(), open_options);
    if (!opened) return 2;
    const fs::path folder(output);
    if (!prepare_folder(folder)) return 2;
    const Bundle& bundle = opened->loaded->bundle;

    // Each file is compressed on a worker thread while the next is made.
    CompressingWriter writer(folder, static_cast<unsigned>(std::min<std::size_t>(threads, 256)), copies);
    // The manifest stays readable as it is too: the address a page names
    // (DIR/manifest.json) is then a file, and people can read it.
    auto keep = [&](const std::string& name, std::string_view bytes) {
        return writer.keep(name, std::string(bytes), name == shards::kManifestName);
    };
    shards::ShardSummary summary;
    shards::EntryFileNames names;
    std::unique_ptr<SearchIndex> built;
    bool made = false;
    {
        // The index is built on a thread of its own while the entries files,
        // which need only the bundle, are made and compressed.
        std::thread indexing;
        if (!opened->index) {
            auto build_index = [&] { built = std::make_unique<SearchIndex>(bundle); };
            if (kCanStartThreads) indexing = std::thread(build_index);
            else build_index();
        }
        made = shards::write_entry_files(bundle, keep, summary, options, names);
        if (indexing.joinable()) indexing.join();
    }
    const SearchIndex& index = opened->index ? *opened->index : *built;
    made = made && shards::write_index_files(bundle, index, names, keep, summary, options);
    if (!writer.finish() || !made) return 2;
    const std::string compressed = precompressed_kinds(copies);
    const bool plain = copies.plain || compressed.empty();
    std::cerr << output << ": " << opened->loaded->bundle.entries.size() << " entries in " << summary.files << " files ("
              << summary.posting_files << " of postings, " << summary.row_files << " of rows, " << summary.detail_files
              << " of entries), " << summary.bytes << " bytes"
              << (compressed.empty() ? ", not compressed (this build has no libdeflate)"
                  : plain             ? ", each also as " + compressed
                                      : ", each as " + compressed + " (the manifest also plain)")
              << '\n';
    const std::size_t copies_each = (plain ? 1 : 0) + (compressed.empty() ? 0 : copies.brotli ? 2 : 1);
    const std::size_t on_disk = summary.files * copies_each + (plain ? 0 : 1);
    if (on_disk > shards::kHostFileLimit) {
        std::cerr << "pubview: note: " << output << " holds " << on_disk << " files with the copies, more than some hosts take ("
                  << "Cloudflare Pages: " << shards::kHostFileLimit << " a site); ";
        if (!compressed.empty() && copies_each > 1 && summary.files + 1 <= shards::kHostFileLimit)
            std::cerr << "without --plain and --brotli " << summary.files + 1 << '\n';
        else
            std::cerr << "larger files make fewer (--rows-per-file, --entries-per-file, --posting-bytes)\n";
    }
    return 0;
}

}  // namespace pv::cli
