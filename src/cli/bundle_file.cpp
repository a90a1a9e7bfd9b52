#include "cli/bundle_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
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
