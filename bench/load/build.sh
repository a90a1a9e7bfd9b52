#!/usr/bin/env bash
# Builds load_time.cpp against one tree's native core (its build/native must
# have libpubview_core.a: `cmake --preset native && cmake --build --preset
# native --target pubview_core` in that tree), with the flags of the native
# preset (RelWithDebInfo), so that two trees are compared as built.
#   bash bench/load/build.sh TREE OUT
set -euo pipefail
tree=$(cd "$1" && pwd)
out=$2
here=$(cd "$(dirname "$0")" && pwd)
nice g++ -std=c++20 -O2 -g -DNDEBUG -DJSON_NOEXCEPTION -I"$tree/src" -isystem "$tree/build/native/header-libs" \
    "$here/load_time.cpp" "$tree/build/native/libpubview_core.a" -o "$out"
