#!/usr/bin/env bash
# The browser benchmark (issue 7): pubview's site in headless Chromium against
# a bare Dear ImGui page built with the same flags, and issue 14's sharded
# bundles beside the packs. Builds the site, the baseline and the CLI,
# generates the large bundles if missing, packs those of BENCH_SIZES, prints
# two tables.
# See bench/browser/README.md.
#
#   bash bench/browser/run.sh
#   BENCH_SIZES=10000 BENCH_SHARD_SIZES=100000 BENCH_RUNS=3 bash bench/browser/run.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export NODE_PATH=/usr/share/nodejs
export BENCH_SIZES=${BENCH_SIZES-"10000 100000"}  # set and empty: none, as README.md says
export BENCH_SHARD_SIZES=${BENCH_SHARD_SIZES-"100000 1000000"}
export BENCH_DATA=${BENCH_DATA:-$root/build/bench-search}
toolchain=/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake
baseline_build=$root/build/bench-browser/baseline

cd "$root"
echo "building the CLI (the native preset), which makes the packs and the pages' static lists..." >&2
cmake --preset native > /dev/null
cmake --build --preset native --target pubview > /dev/null
echo "building the site (the web preset)..." >&2
cmake --preset web > /dev/null
cmake --build --preset web --target site > /dev/null
echo "building the baseline into $baseline_build..." >&2
cmake -S "$here/baseline" -B "$baseline_build" -G Ninja -DCMAKE_BUILD_TYPE=MinSizeRel \
  -DCMAKE_TOOLCHAIN_FILE="$toolchain" -DPUBVIEW_THIRD_PARTY="$root/third_party" > /dev/null
cmake --build "$baseline_build" > /dev/null
# The generator writes corpus-SIZE.json and queries-SIZE.json (shards.mjs types
# the queries); 1M takes minutes and 1.5 GB. Its pack would not fit the
# widget's 2 GB heap, so only BENCH_SIZES are packed.
for size in $BENCH_SIZES $BENCH_SHARD_SIZES; do
  [ -f "$BENCH_DATA/corpus-$size.json" ] || node bench/search/generate-corpus.mjs "$BENCH_DATA" "$size"
done
for size in $BENCH_SIZES; do
  build/native/pubview pack "$BENCH_DATA/corpus-$size.json" -o "$BENCH_DATA/corpus-$size.pvpack"
done
node "$here/run.mjs"
