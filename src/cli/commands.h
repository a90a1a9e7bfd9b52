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
int shard(const Args& args);  // shard FILE --out DIR: cli/cmd_shard.cpp
int html(const Args& args);  // html FILE [--kind publication|job] [--heading 2..6] [--height CSS] [--lang TAG] [-o OUT]
int feed(const Args& args);  // feed FILE --kind job|publication --format rss|atom|json -o OUT [--base-url URL] [--updated TIME]
int ui_text(const Args& args);  // ui-text LANG [-o OUT.json]
int sync(const Args& args);  // sync CONFIG -o BUNDLE [--api-base URL] [--mailto ADDRESS] ...: cli/cmd_sync.cpp

}  // namespace pv::cli
