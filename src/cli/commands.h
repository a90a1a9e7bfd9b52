// The `pubview` command-line tool's subcommands. Each takes the arguments that
// follow its name and returns the process exit code.
#pragma once

#include <string>
#include <vector>

namespace pv::cli {

using Args = std::vector<std::string>;

int validate(const Args& args);
int search(const Args& args);
int stats(const Args& args);
int pack(const Args& args);

}  // namespace pv::cli
