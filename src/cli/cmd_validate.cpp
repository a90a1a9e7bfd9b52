#include "cli/bundle_file.h"
#include "cli/commands.h"

#include <iostream>

namespace pv::cli {

int validate(const Args& args) {
    if (args.size() != 1) {
        std::cerr << "usage: pubview validate FILE\n";
        return 2;
    }
    std::optional<LoadResult> result = load_bundle_file(args[0]);
    if (!result) return 2;
    const Bundle& b = result->bundle;
    std::cout << args[0] << ": " << b.count(Kind::publication) << " publications, " << b.count(Kind::job) << " jobs";
    if (result->skipped) std::cout << ", " << result->skipped << " items skipped";
    if (!result->problems.empty()) std::cout << ", " << result->problems.size() << " problems";
    if (result->has_errors()) std::cout << " (read up to the first error)";
    std::cout << '\n';
    // A file that is not entirely valid JSON must be fixed even if part of it loaded.
    return result->has_errors() ? 2 : result->clean() ? 0 : 1;
}

}  // namespace pv::cli
