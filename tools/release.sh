#!/usr/bin/env bash
# The release: builds what the package holds, lays out the npm package
# (tools/stage_package.mjs) and packs it into build/release/pubview-VERSION.tgz.
# Nothing is published; the tarball is the release artifact. Its version is
# package.json's (the one place it is kept), its changes are in CHANGELOG.md.
#   bash tools/release.sh        (or: npm run release)
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
# What the package holds: the site (whose pages the native CLI prerenders), the
# Node core module and the CLI as WebAssembly.
cmake --preset native >/dev/null && cmake --build --preset native --target pubview
cmake --preset web >/dev/null && cmake --build --preset web --target site pubview_core_module pubview_cli
node tools/stage_package.mjs build/web build/package
mkdir -p build/release
version=$(node -p 'require("./package.json").version')
rm -f "build/release/pubview-$version.tgz"
(cd build/package && npm pack --pack-destination ../release --loglevel=warn >/dev/null)
echo "release: build/release/pubview-$version.tgz ($(stat -c %s "build/release/pubview-$version.tgz") bytes)"
