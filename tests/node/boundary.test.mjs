// The names that cross between JavaScript and the widget's wasm, kept in step:
// the pv_* functions exports.cpp defines and pubview.js (web/pubview/) calls, and the
// js_* calls js_bridge declares, defines and sends to the pubviewHost methods
// that pubview.js provides. A name on one side only is a call that fails at
// run time, in a visitor's browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
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

// Loading pauses for the browser's turn only through core's seam,
// pv_give_host_turn (core/model/progress.h), which the widget defines to await
// js_yield_to_browser. Every call down to it is direct, so Asyncify finds the
// functions that can be on the stack then by itself: the build names none,
// and no rename can silently stop one from pausing. (That a large bundle
// really loads in slices is checked in the browser: tests/browser/pack.test.mjs
// and large-bundle.test.mjs.)
test('Asyncify is handed no list of functions, and core reaches its host only through pv_give_host_turn', () => {
  assert.doesNotMatch(read('cmake/web.cmake'), /ASYNCIFY_(ADD|ONLY|REMOVE)/);
  const definedBy = (dir) => fs.readdirSync(path.join(root, dir), { recursive: true })
    .filter((f) => /\.(cpp|h)$/.test(f)).filter((f) => /void pv_give_host_turn\(\) \{/.test(read(path.join(dir, f))));
  assert.deepEqual(definedBy('src/core'), ['model/progress.cpp']);
  assert.deepEqual(definedBy('src/platform'), ['widget.cpp']);
  assert.match(read('src/platform/widget.cpp'), /void pv_give_host_turn\(\) \{ js_yield_to_browser\(\); \}/);
});

test("the widget's wasm imports js_yield_to_browser as an Asyncify import (after the web build)", () => {
  const glue = read('build/web/pubview-glue.js');
  assert.match(glue, /__asyncjs__js_yield_to_browser/);
  assert.match(glue, /asyncify_start_unwind/);
});
