#!/usr/bin/env bash
# Installs everything pubview needs to build, serve and test, from Debian's
# packages and the npm registry. Idempotent: a second run only checks.
#   bash tools/setup.sh            build + test dependencies
#   bash tools/setup.sh --serve    only what `python3 serve.py` needs
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
mode=${1:-all}

apt_pkgs=(cmake ninja-build g++ clang llvm lld libclang-rt-14-dev
          emscripten binaryen nlohmann-json3-dev doctest-dev libcurl4-openssl-dev libdeflate-dev libbrotli-dev pkg-config
          fonts-noto-core fonts-dejavu-core python3-fonttools zopfli
          dpkg-dev ca-certificates)
# The browser tests: Chromium, plus Firefox ESR and WebKitGTK's WebDriver
# (with its MiniBrowser), which run in a real window on a virtual X display.
# The browser draws the glyphs the panel's Latin fonts lack with the system's
# fonts (CJK from fonts-noto-cjk, emoji in colour from fonts-noto-color-emoji); tesseract reads the drawn titles back
# (tests/browser/scripts.test.mjs).
[ "$mode" = "--serve" ] || apt_pkgs+=(chromium firefox-esr webkit2gtk-driver xvfb fonts-noto-cjk fonts-noto-color-emoji
  tesseract-ocr tesseract-ocr-rus tesseract-ocr-ell tesseract-ocr-chi-sim tesseract-ocr-jpn
  tesseract-ocr-kor tesseract-ocr-vie tesseract-ocr-ara tesseract-ocr-heb
  manpages manpages-dev libssl-doc)
# (The manual pages: tests/node/ranking-manpages.test.mjs ranks a slice of them.)

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

# Dear ImGui's full source is only in Debian's source package: enable deb-src.
src_list=/etc/apt/sources.list.d/pubview-src.sources
need_update=0
if [ ! -f "$src_list" ]; then
  as_root tee "$src_list" >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  need_update=1
fi

if [ ${#missing[@]} -gt 0 ] || [ $need_update = 1 ]; then
  echo "setup: installing ${missing[*]:-source lists}"
  as_root apt-get update -qq
  [ ${#missing[@]} -eq 0 ] || DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Dear ImGui 1.86 source, unpacked once into third_party/ (git-ignored).
imgui_dir=$root/third_party/imgui
if [ ! -f "$imgui_dir/imgui.cpp" ]; then
  tmp=$(mktemp -d)
  (cd "$tmp" && apt-get source --download-only -qq imgui >/dev/null)
  mkdir -p "$root/third_party"
  rm -rf "$imgui_dir"
  orig=$(ls "$tmp"/imgui_*.orig.tar.* | head -n1)
  mkdir -p "$imgui_dir"
  tar -xf "$orig" -C "$imgui_dir" --strip-components=1
  rm -rf "$tmp"
  echo "setup: Dear ImGui source in third_party/imgui"
fi

# Subset fonts: Noto Sans regular and bold, cut to the code points the panel
# can draw (tools/font-ranges.txt, shared with the C++ glyph ranges).
fonts_dir=$root/third_party/fonts
ranges=$(grep -v '^#' "$root/tools/font-ranges.txt" | tr -s ' \n' ',' | sed 's/,$//')
for weight in Regular Bold; do
  out=$fonts_dir/pubview-$(echo $weight | tr A-Z a-z).ttf
  if [ ! -f "$out" ] || [ "$root/tools/font-ranges.txt" -nt "$out" ]; then
    mkdir -p "$fonts_dir"
    /usr/bin/python3 -m fontTools.subset /usr/share/fonts/truetype/noto/NotoSans-$weight.ttf --unicodes="$ranges" \
      --layout-features='' --no-hinting --drop-tables+=GSUB,GPOS,GDEF,DSIG --output-file="$out"
    echo "setup: subset font $out"
  fi
done

# npm packages: terser, which the site build minifies pubview.js with,
# playwright-core for the browser tests (it drives Debian's chromium),
# puppeteer-core (it drives Debian's firefox-esr over WebDriver BiDi),
# axe-core, which the browser tests run on the demo pages, and typescript
# (tsc checks the npm package's declarations).
if [ ! -d "$root/node_modules/terser" ] || [ ! -d "$root/node_modules/playwright-core" ] ||
   [ ! -d "$root/node_modules/puppeteer-core" ] || [ ! -d "$root/node_modules/axe-core" ] ||
   [ ! -d "$root/node_modules/typescript" ]; then
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
fi
