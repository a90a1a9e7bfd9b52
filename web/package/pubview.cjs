#!/usr/bin/env node
// `npx pubview ...`: the pubview command line compiled to WebAssembly, with
// the native CLI's commands, output and exit codes, and no compiler needed.
// It reads and writes files through Node (Emscripten's NODERAWFS).
require('../dist/cli/pubview-cli.cjs');
