#!/usr/bin/env bash
# Profiles the widget loading a large bundle and searching it (see
# profile.mjs): builds the site once more with --profiling-funcs into
# build/bench-browser/profiled/, so that wasm functions have their C++ names.
#
#   bash bench/browser/profile.sh [SIZE]     (entries, default 100000; `seed` for the demo bundle; or a file)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export NODE_PATH=/usr/share/nodejs
export BENCH_DATA=${BENCH_DATA:-$root/build/bench-search}
size=${1:-100000}
profiled_build=$root/build/bench-browser/profiled

cd "$root"
# The web build writes the pages' static lists with the native CLI.
cmake --preset native > /dev/null
cmake --build --preset native --target pubview > /dev/null
cmake --preset web -B "$profiled_build" -DCMAKE_EXE_LINKER_FLAGS=--profiling-funcs > /dev/null
cmake --build "$profiled_build" --target site > /dev/null
# The site's wasm went through wasm-opt after the link (cmake/web.cmake), which
# drops the function names: profile the linker's own output, which has them.
cp "$profiled_build/pubview-glue.wasm" "$profiled_build/site/pubview.wasm"
cmake --build --preset web --target site > /dev/null  # serve.py serves build/web/site: page, fonts, data
case $size in
  seed | *[!0-9]*) ;;  # the demo's bundle, or a file
  *) [ -f "$BENCH_DATA/corpus-$size.json" ] || node bench/search/generate-corpus.mjs "$BENCH_DATA" "$size" ;;
esac
node "$here/profile.mjs" "$profiled_build/site" "$size"
