// The names that cross between JavaScript and the widget's wasm, kept in step:
// the pv_* functions exports.cpp defines and pubview.js (web/pubview/) calls, and the
// js_* calls js_bridge declares, defines and sends to the pubviewHost methods
// that pubview.js provides. A name on one side only is a call that fails at
// run time, in a visitor's browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file) => fs.readFileSync(path.join(root, file), 'utf8');
const names = (text, pattern) => [...new Set([...text.matchAll(pattern)].map((m) => m[1]))].sort();

// The page's side: the ES modules that make pubview.js.
const pageScript = fs.readdirSync(path.join(root, 'web/pubview')).filter((f) => f.endsWith('.js')).sort()
  .map((f) => read('web/pubview/' + f)).join('\n');

test('every pv_* function the widget exports is called by pubview.js, and every one it calls is exported', () => {
  const exported = names(read('src/platform/exports.cpp'), /EMSCRIPTEN_KEEPALIVE [\w\s*]+?\b(pv_\w+)\(/g);
  const called = names(pageScript, /\b_?(pv_\w+)\b/g);
  assert.ok(exported.length >= 20, `found ${exported.length} exports`);
  assert.deepEqual(called, exported);
});

test('the built module exports every pv_* function pubview.js calls (after the web build)', () => {
  const built = names(read('build/web/pubview-glue.js'), /Module\["_(pv_\w+)"\]/g);
  assert.deepEqual(built, names(pageScript, /\b_?(pv_\w+)\b/g));
});

test('every js_* call is declared in js_bridge.h and defined in js_bridge.cpp', () => {
  const declared = names(read('src/platform/js_bridge.h'), /^\w[\w\s*]*?\b(js_\w+)\(/gm);
  const defined = names(read('src/platform/js_bridge.cpp'), /EM_(?:ASYNC_)?JS\([^,]+, (js_\w+),/g);
  assert.ok(declared.length >= 10, `found ${declared.length} declarations`);
  assert.deepEqual(defined, declared);
});

test('every pubviewHost method the wasm calls is one that pubview.js provides, and no other', () => {
  const calledByWasm = names(read('src/platform/js_bridge.cpp'), /Module\.pubviewHost\.(\w+)\(/g);
  const block = /pubviewHost: \{([\s\S]*?)\n\s*\},/.exec(pageScript);
  assert.ok(block, 'pubview.js hands the module a pubviewHost object');
  const provided = names(block[1], /^\s*(\w+)(?::|,)/gm);
  assert.deepEqual(provided, calledByWasm);
});

// The functions Asyncify lets pause (src/platform/asyncify-add.json) are named
// by pattern; em++ only warns about a pattern that matches nothing (and also
// when the optimizer inlined the function into a listed caller). A renamed
// function would silently stop being able to pause, and loading in slices
// would trap at run time: every pattern must match a function compiled into
// the widget.
test('every name in the Asyncify list matches a function compiled into the widget (after the web build)', () => {
  const web = path.join(root, 'build/web');
  const objects = [
    path.join(web, 'libpubview_core_fast.a'), path.join(web, 'libpubview_ui.a'),
    ...fs.readdirSync(path.join(web, 'CMakeFiles/pubview_widget.dir/src/platform'))
      .filter((f) => f.endsWith('.o')).map((f) => path.join(web, 'CMakeFiles/pubview_widget.dir/src/platform', f)),
  ];
  const listing = execFileSync('llvm-nm', ['-C', '--defined-only', ...objects], { encoding: 'utf8', maxBuffer: 256 << 20 });
  const functions = listing.split('\n').filter((line) => / [TtW] /.test(line)).map((line) => line.replace(/^\S* [TtW] /, ''));
  const patterns = JSON.parse(read('src/platform/asyncify-add.json'));
  const glob = (pattern) => new RegExp('^' + pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
  const unmatched = patterns.filter((pattern) => !functions.some((name) => glob(pattern).test(name)));
  assert.deepEqual(unmatched, [], 'names in asyncify-add.json that match no function');
});
