#!/usr/bin/env bash
# Runs every pubview test on a fresh machine: installs what is missing, builds
# both presets, then runs the doctest suites (native, and wasm under Node),
# the CLI, Node-module and browser tests (Chromium, then Firefox ESR and
# WebKitGTK), then the suites under ASan+UBSan and each fuzz target for
# FUZZ_SECONDS (20). A second run reuses the builds.
#   bash tests/run.sh
set -uo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
export CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}

passed=0
failed=0
failures=()

step() {  # step NAME COMMAND...: runs a stage, counts it, keeps going on failure
  local name=$1; shift
  echo
  echo "=== $name"
  local start=$SECONDS
  if "$@"; then
    passed=$((passed + 1))
    echo "=== $name: ok ($((SECONDS - start)) s)"
  else
    failed=$((failed + 1))
    failures+=("$name")
    echo "=== $name: FAILED ($((SECONDS - start)) s)"
  fi
}

build() {
  cmake --preset native >/dev/null && cmake --build --preset native &&
  cmake --preset web >/dev/null && cmake --build --preset web
}

bash tools/setup.sh || { echo "tests/run.sh: set-up failed"; exit 2; }
step "build (native and web)" build || true
if [ $failed -gt 0 ]; then
  echo "0 passed, 1 failed"
  exit 1
fi

step "core doctest suites (native)" build/native/pubview_tests --no-intro --no-colors
step "core doctest suites (wasm32 under Node)" node --no-experimental-fetch build/web/pubview_tests.js --no-intro --no-colors
# Emscripten 3.1.6's Node glue needs fetch off; Playwright needs it on.
step "Node module tests" node --no-experimental-fetch --test tests/node/
step "CLI and browser tests" node --test --test-concurrency=1 tests/cli/ tests/browser/
step "Firefox ESR and WebKitGTK tests" node --test --test-concurrency=1 tests/browsers/

# Sanitizers (clang): the doctest suites under ASan+UBSan with leak checks,
# then each libFuzzer target for a short, bounded time on its seed corpus.
sanitize_build() { cmake --preset sanitize >/dev/null && cmake --build --preset sanitize --target pubview_tests; }
step "build (sanitize: ASan and UBSan)" sanitize_build
step "core doctest suites under ASan and UBSan" \
  env ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  build/sanitize/pubview_tests --no-intro --no-colors
step "fuzz targets, ${FUZZ_SECONDS:=20} s each" bash tests/fuzz/run.sh "$FUZZ_SECONDS"

echo
if [ $failed -gt 0 ]; then
  echo "failed stages: ${failures[*]}"
fi
echo "stages: $passed passed, $failed failed"
[ $failed -eq 0 ]
