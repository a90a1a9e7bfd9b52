// pubview pack: writes a bundle with its search index built (core/formats/pack.h), so
// that the widget loads a large list without parsing and tokenizing it.
#include "cli/bundle_file.h"
#include "cli/commands.h"

#include "core/formats/pack.h"

#include <filesystem>
#include <iostream>

namespace pv::cli {

int pack(const Args& args) {
    std::vector<std::string> inputs;
    std::string output;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "-o" && i + 1 < args.size()) output = args[++i];
        else inputs.push_back(args[i]);
    }
    if (inputs.size() != 1) {
        std::cerr << "usage: pubview pack FILE.json [-o OUT.pvpack]\n";
        return 2;
    }
    const std::string& input = inputs.front();
    if (output.empty()) output = std::filesystem::path(input).replace_extension(".pvpack").string();
    const std::optional<IndexedBundle> opened = open_bundle_file(input);
    if (!opened) return 2;
    const Bundle& bundle = opened->loaded->bundle;
    const std::string packed = write_pack(bundle, *opened->index);
    if (!write_file(output, packed)) return 2;
    std::cerr << output << ": " << bundle.count(Kind::publication) << " publications, " << bundle.count(Kind::job)
              << " jobs, " << packed.size() << " bytes\n";
    return 0;
}

}  // namespace pv::cli
