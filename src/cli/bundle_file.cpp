#include "cli/bundle_file.h"

#include "core/formats/open_bundle.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace pv::cli {

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::cerr << "pubview: cannot read " << path << ": " << std::strerror(errno) << '\n';
        return std::nullopt;
    }
    // A file of known size is read into one block of that size (a stream that
    // grows would hold up to twice a large bundle while it copies).
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (!error && std::filesystem::is_regular_file(path, error)) {
        std::string content(size, '\0');
        in.read(content.data(), static_cast<std::streamsize>(size));
        content.resize(static_cast<std::size_t>(in.gcount()));
        if (!in.bad()) return content;
        std::cerr << "pubview: cannot read " << path << ": " << std::strerror(errno) << '\n';
        return std::nullopt;
    }
    std::ostringstream content;
    content << in.rdbuf();
    return std::move(content).str();
}

std::optional<Kind> kind_option(const std::string& value) {
    const std::optional<Kind> kind = kind_from_name(value);
    if (!kind) std::cerr << "pubview: --kind takes publication or job\n";
    return kind;
}

namespace {

// The file's bytes, refused before reading when it is larger than a bundle may be.
std::optional<std::string> read_bundle_bytes(const std::string& path, std::size_t limit) {
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (!error && size > limit) {
        const Problem too_big{Severity::error, "", "bundle is " + std::to_string(size >> 20) + " MiB; the limit is " +
                                                       std::to_string(limit >> 20) + " MiB"};
        std::cerr << format_problem(path, too_big) << '\n';
        return std::nullopt;
    }
    return read_file(path);
}

// Prints the problems; whether the bundle is usable.
bool usable_after_report(const std::string& path, const LoadResult& result) {
    for (const Problem& p : result.problems) std::cerr << format_problem(path, p) << '\n';
    return result.usable;
}

}  // namespace

std::optional<LoadResult> load_bundle_file(const std::string& path) {
    std::optional<std::string> bytes = read_bundle_bytes(path, LoadOptions{}.max_document_bytes);
    if (!bytes) return std::nullopt;
    OpenOptions model_only;
    model_only.index = false;
    LoadResult result = std::move(*open_bundle(*bytes, model_only).loaded);
    if (!usable_after_report(path, result)) return std::nullopt;
    return result;
}

std::optional<IndexedBundle> open_bundle_file(const std::string& path, const OpenOptions& options) {
    std::optional<std::string> bytes = read_bundle_bytes(path, options.load.max_document_bytes);
    if (!bytes) return std::nullopt;
    IndexedBundle opened = open_bundle(*bytes, options);
    if (!usable_after_report(path, *opened.loaded)) return std::nullopt;
    return opened;
}

bool write_file(const std::string& path, const std::string& text) {
    if (path == "-") {
        std::cout << text;
        return static_cast<bool>(std::cout);
    }
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) {
        std::cerr << "pubview: cannot write " << path << ": " << std::strerror(errno) << '\n';
        return false;
    }
    return true;
}

}  // namespace pv::cli
