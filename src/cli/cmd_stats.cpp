#include "cli/bundle_file.h"
#include "cli/commands.h"

#include <iostream>
#include <map>

namespace pv::cli {

namespace {

void print_counts(const char* heading, const std::map<std::string, int>& counts) {
    if (counts.empty()) return;
    std::cout << heading << ":\n";
    for (const auto& [value, n] : counts) std::cout << "  " << value << ": " << n << '\n';
}

}  // namespace

int stats(const Args& args) {
    if (args.size() != 1) {
        std::cerr << "usage: pubview stats FILE\n";
        return 2;
    }
    std::optional<LoadResult> result = load_bundle_file(args[0]);
    if (!result) return 2;
    const Bundle& b = result->bundle;
    std::map<std::string, int> years, venues, locations, teams;
    for (const Entry& e : b.entries) {
        if (e.year) ++years[std::to_string(*e.year)];
        if (!e.venue.empty()) ++venues[e.venue];
        if (!e.job().location.empty()) ++locations[e.job().location.display()];
        if (!e.job().team.empty()) ++teams[e.job().team];
    }
    std::cout << "title: " << b.title << '\n'
              << "publications: " << b.count(Kind::publication) << '\n'
              << "jobs: " << b.count(Kind::job) << '\n';
    print_counts("years", years);
    print_counts("venues", venues);
    print_counts("locations", locations);
    print_counts("teams", teams);
    return result->clean() ? 0 : 1;
}

}  // namespace pv::cli
