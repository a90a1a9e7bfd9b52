#!/usr/bin/env bash
# Lighthouse on the demo pages, mobile and desktop (issue 18): installs
# Lighthouse from this folder's package.json, builds the site, prints one table.
# See bench/browser/README.md.
#
#   bash bench/browser/lighthouse.sh
#   LH_RUNS=1 bash bench/browser/lighthouse.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export NODE_PATH=/usr/share/nodejs
cd "$root"
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
echo "building the CLI (the native preset), which writes the pages' static lists..." >&2
cmake --preset native > /dev/null
cmake --build --preset native --target pubview > /dev/null
echo "building the site (the web preset)..." >&2
cmake --preset web > /dev/null
cmake --build --preset web --target site > /dev/null
node "$here/lighthouse.mjs"
