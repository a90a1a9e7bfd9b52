// The search engine's Node module (build/web/pubview-core.mjs) on the default bundle.
//   node --no-experimental-fetch --test tests/node/core-module.test.mjs
// PUBVIEW_CORE_MODULE points at another build of the module.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const modulePath = process.env.PUBVIEW_CORE_MODULE ?? resolve(root, 'build/web/pubview-core.mjs');
const { load } = await import(pathToFileURL(modulePath).href);
const bundleText = readFileSync(resolve(root, 'data/most-viewed-2022.json'), 'utf8');
const index = await load(bundleText);

test('the default bundle loads with its 20 entries', () => {
  assert.equal(index.count(), 20);
});

test('dynamodb ranks the DynamoDB paper first', () => {
  const found = index.search('dynamodb');
  assert.ok(found.total >= 1);
  assert.equal(found.results[0].id, 'amazon-dynamodb-2022');
  assert.equal(found.results[0].kind, 'publication');
  assert.ok(found.results[0].score > 0);
});

test('the kind option and the limit narrow the results', () => {
  const jobs = index.search('bengaluru', { kind: 'job', limit: 2 });
  assert.equal(jobs.total, 4);
  assert.equal(jobs.results.length, 2);
  assert.ok(jobs.results.every((r) => r.kind === 'job'));
  assert.equal(index.search('bengaluru', { kind: 'publication' }).total, 0);
});

test('an empty query lists every entry in bundle order', () => {
  const all = index.search('', { limit: Infinity });
  assert.equal(all.total, 20);
  assert.equal(all.results[0].id, 'amazon-redshift-re-invented-2022');
});

test('a query of invalid UTF-16 and operators still answers', () => {
  const odd = index.search('\uD800 "unclosed -');
  assert.ok(Array.isArray(odd.hints) && odd.hints.length > 0);
});

test('an unusable bundle is refused with the loader\'s reason', async () => {
  await assert.rejects(load('{"pubview": 1, "publications": ['), /pubview-core: /);
});

test('an unknown kind is refused', () => {
  assert.throws(() => index.search('x', { kind: 'blog' }), /kind is/);
});

test('a pack loads from its bytes and answers as its JSON does; bad bytes say why', async () => {
  const { spawnSync } = await import('node:child_process');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const packFile = resolve(mkdtempSync(resolve(tmpdir(), 'pubview-node-')), 'seed.pvpack');
  const made = spawnSync(resolve(root, 'build/native/pubview'), ['pack', resolve(root, 'data/most-viewed-2022.json'), '-o', packFile]);
  assert.equal(made.status, 0, String(made.stderr));
  const packBytes = readFileSync(packFile);
  const fromPack = await load(new Uint8Array(packBytes));
  assert.equal(fromPack.count(), 20);
  for (const query of ['dynamodb', 'bengaluru', 'mahcine learning', '']) {
    assert.deepEqual(fromPack.search(query, { limit: Infinity }), index.search(query, { limit: Infinity }), query);
  }
  fromPack.close();
  const fromJsonBytes = await load(new TextEncoder().encode(bundleText));
  assert.equal(fromJsonBytes.count(), 20);
  fromJsonBytes.close();
  const damaged = new Uint8Array(packBytes);
  damaged[damaged.length >> 1] ^= 0x20;
  await assert.rejects(load(damaged), /pubview-core: bundle: \/: this pack is damaged: its checksum does not match/);
});
