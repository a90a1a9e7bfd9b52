// Reading files of the source tree from the test binary (PUBVIEW_SOURCE_DIR
// is the tree's root, set by CMake).
#pragma once

#include <fstream>
#include <sstream>
#include <string>

inline std::string read_source_file(const std::string& relative_path) {
    std::ifstream in(std::string(PUBVIEW_SOURCE_DIR) + "/" + relative_path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}
