// The TypeScript declarations the npm package ships (web/types/): `tsc
// --noEmit` accepts a page and a Node script that use the API as documented
// and refuses each wrong use in types/misuse.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
const FLAGS = ['--noEmit', '--strict', '--target', 'ES2022', '--module', 'ES2022', '--moduleResolution', 'bundler',
  '--lib', 'ES2022,DOM'];

function check(file) {
  const r = spawnSync(process.execPath, [tsc, ...FLAGS, path.join(root, 'tests/node/types', file)], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

test('the declarations type a page that mounts widgets, uses <pub-view> and its events, and a Node search', () => {
  const r = check('usage.ts');
  assert.equal(r.code, 0, r.out);
});

test('the declarations refuse a bundle without a title, an unknown theme, view or kind, and a query that is not text', () => {
  const r = check('misuse.ts');
  assert.notEqual(r.code, 0);
  const reported = new Set(Array.from(r.out.matchAll(/misuse\.ts\((\d+),\d+\): error/g), (m) => Number(m[1])));
  const source = fs.readFileSync(path.join(root, 'tests/node/types/misuse.ts'), 'utf8').split('\n');
  const lines = source.flatMap((text, i) => (text.includes('// error:') ? [i + 1] : []));
  assert.ok(lines.length >= 6, 'misuse.ts marks its wrong lines');
  for (const line of lines) assert.ok(reported.has(line), `line ${line} of misuse.ts was not refused:\n${r.out}`);
  assert.equal(reported.size, lines.length, `only the marked lines are errors:\n${r.out}`);
});
