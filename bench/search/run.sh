#!/usr/bin/env bash
# Benchmarks pubview's search engine (its Node module) against MiniSearch,
# FlexSearch, Fuse.js, Orama and Lunr on generated corpora and on manual pages;
# prints speed and quality tables per corpus. See bench/search/README.md.
#
#   bash bench/search/run.sh
#   BENCH_SIZES="1000 man" BENCH_ENGINES="pubview minisearch" bash bench/search/run.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# Generated corpora by size, and 'man': the manual pages (manpage-corpus.mjs).
sizes=${BENCH_SIZES:-"1000 10000 man"}
engines=${BENCH_ENGINES:-"pubview minisearch flexsearch fuse orama lunr"}
data=${BENCH_DATA:-$root/build/bench-search}
export PUBVIEW_CORE_MODULE=${PUBVIEW_CORE_MODULE:-$root/build/web/pubview-core.mjs}
per_run_timeout=${BENCH_TIMEOUT_SECONDS:-900}

if [ ! -f "$PUBVIEW_CORE_MODULE" ]; then
  echo "pubview's Node module is missing ($PUBVIEW_CORE_MODULE). Build it with:" >&2
  echo "  cmake --preset web && cmake --build --preset web --target pubview_core_module" >&2
  exit 1
fi
(cd "$here" && npm ci --no-audit --no-fund --silent)
# The manual pages' real text: the Debian packages in man-packages.txt.
if [[ " $sizes " == *" man "* ]]; then
  missing=()
  for p in $(grep -v '^#' "$here/man-packages.txt"); do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${#missing[@]} manual-page packages..." >&2
    as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi
for size in $sizes; do
  [ -f "$data/corpus-$size.json" ] && continue
  if [ "$size" = man ]; then node "$here/manpage-corpus.mjs" "$data"; else node "$here/generate-corpus.mjs" "$data" "$size"; fi
done

results=$data/results.jsonl
: > "$results"
for size in $sizes; do
  for engine in $engines; do
    echo "running $engine on $size entries..." >&2
    # Each engine in its own process; one that crashes or runs out of time gets a 'failed' row.
    if ! timeout "$per_run_timeout" node --no-experimental-fetch --expose-gc --max-old-space-size=12288 \
        "$here/run-engine.mjs" "$engine" "$size" "$data" >> "$results"; then
      echo "{\"engine\":\"$engine\",\"size\":$size,\"failed\":true}" >> "$results"
    fi
  done
done
node "$here/report.mjs" "$results"
