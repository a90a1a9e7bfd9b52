#include "cli/bundle_file.h"

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
    std::ostringstream content;
    content << in.rdbuf();
    return std::move(content).str();
}

std::optional<LoadResult> load_bundle_file(const std::string& path) {
    // Refuse an oversized file before reading it into memory.
    const std::size_t limit = LoadOptions{}.max_document_bytes;
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (!error && size > limit) {
        const Problem too_big{Severity::error, "", "bundle is " + std::to_string(size >> 20) + " MiB; the limit is " +
                                                       std::to_string(limit >> 20) + " MiB"};
        std::cerr << format_problem(path, too_big) << '\n';
        return std::nullopt;
    }
    std::optional<std::string> text = read_file(path);
    if (!text) return std::nullopt;
    LoadResult result = load_bundle(*text);
    for (const Problem& p : result.problems) std::cerr << format_problem(path, p) << '\n';
    if (!result.usable) return std::nullopt;
    return result;
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
