// The sharded bundle's worker module (build/web/pubview-shards.mjs): a folder
// written by `pubview shard` from a generated bundle of a few thousand entries
// gives, through the fetch-in-rounds search the Web Worker runs, the same top
// 10 and totals as the bundle in one file (build/web/pubview-core.mjs).
//   node --no-experimental-fetch --test tests/node/shards-module.test.mjs
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { test, after } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { openShards } = await import(pathToFileURL(path.join(root, 'build/web/pubview-shards.mjs')).href);
const { load } = await import(pathToFileURL(path.join(root, 'build/web/pubview-core.mjs')).href);
const SIZE = 3000;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pubview-shards-module-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));
const generated = spawnSync(process.execPath, [path.join(root, 'bench/search/generate-corpus.mjs'), work, String(SIZE)], { encoding: 'utf8' });
assert.equal(generated.status, 0, generated.stderr);
const corpus = path.join(work, `corpus-${SIZE}.json`);
const folder = path.join(work, 'shards');
const made = spawnSync(path.join(root, 'build/native/pubview'),
  ['shard', corpus, '--out', folder, '--posting-bytes', '32768', '--entries-per-file', '64'], { encoding: 'utf8' });
assert.equal(made.status, 0, made.stderr);
const whole = await load(fs.readFileSync(corpus, 'utf8'));

// The folder's files as the worker gets them, counting what is asked for.
function filesOf(dir, asked = []) {
  return async (name) => {
    asked.push(name);
    try {
      return new Uint8Array(zlib.gunzipSync(fs.readFileSync(path.join(dir, `${name}.gz`))));
    } catch {
      throw new Error('the server answered 404');
    }
  };
}

function idsOf(result) {
  return result.hits.map((hit) => hit.id);
}

test('a search in rounds gives the same top 10 and total as the bundle in one file', async () => {
  const shards = await openShards(filesOf(folder));
  assert.equal(shards.header.entries, SIZE);
  const queries = JSON.parse(fs.readFileSync(path.join(work, `queries-${SIZE}.json`), 'utf8'));
  const byType = new Map();
  for (const q of queries) if ((byType.get(q.type) ?? []).length < 12) byType.set(q.type, [...(byType.get(q.type) ?? []), q.query]);
  let compared = 0, matched = 0;
  for (const [, list] of byType) {
    for (const query of [...list, '"graph neural"', 'l']) {
      const sharded = await shards.search({ query, limit: 10 });
      const expected = whole.search(query, { limit: 10 });
      assert.equal(sharded.total, expected.total, query);
      assert.deepEqual(idsOf(sharded), expected.results.map((r) => r.id), query);
      const page = JSON.parse(sharded.bundle);
      assert.deepEqual([...(page.publications ?? []), ...(page.jobs ?? [])].map((e) => e.id).sort(), idsOf(sharded).sort(), query);
      assert.deepEqual(sharded.hits.map((h) => h.score), expected.results.map((r) => r.score), query);
      assert.ok(sharded.rounds <= 4, `${query}: ${sharded.rounds} rounds`);
      assert.ok(Number.isInteger(sharded.heapBytes) && sharded.heapBytes >= 16 << 20, `${query}: the worker's memory, ${sharded.heapBytes}`);
      compared++;
      if (expected.total > 0) matched++;
    }
  }
  assert.ok(compared >= 40 && matched >= compared / 2, `${compared} queries, ${matched} matching`);
  shards.close();
});

test('the first rows come from the manifest and the first rows file, before any postings or entries file', async () => {
  const asked = [];
  const shards = await openShards(filesOf(folder, asked));
  const first = await shards.search({ query: '', limit: 10 });
  assert.equal(first.total, SIZE);
  assert.deepEqual(idsOf(first), whole.search('', { limit: 10 }).results.map((r) => r.id));
  assert.deepEqual(first.fetched, [], 'the first rows needed no file beyond those fetched on opening');
  assert.deepEqual(asked.map((name) => name.replace(/-.*/, '')), ['manifest.json', 'rows', 'tables', 'files'],
    'the tables and the listing of files follow the first rows file');
  assert.ok(asked.every((name) => !name.startsWith('postings-') && !name.startsWith('entries-')), asked.join(' '));
  assert.ok(asked.some((name) => name.startsWith('rows-')), asked.join(' '));
  shards.close();
});

test('the tables follow the first rows file rather than share the network with it', async () => {
  const asked = [];
  let releaseRows, tablesDelivered = null;
  const rowsHeld = new Promise((resolve) => { releaseRows = resolve; });
  const files = filesOf(folder);
  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
  const opening = openShards(async (name) => {
    asked.push(name);
    if (name.startsWith('rows-')) await rowsHeld;
    const bytes = files(name);
    if (name.startsWith('tables-')) tablesDelivered = bytes;
    return bytes;
  });
  while (!asked.some((name) => name.startsWith('rows-'))) await nextTurn();
  for (let turn = 0; turn < 20; ++turn) await nextTurn();
  assert.deepEqual(asked.map((name) => name.replace(/-.*/, '')), ['manifest.json', 'rows'], 'nothing more is fetched while the first rows file comes');
  releaseRows();
  const shards = await opening;
  while (!tablesDelivered) await nextTurn();
  await tablesDelivered;
  await nextTurn();
  const words = await shards.search({ query: 'graph', limit: 10 });
  assert.deepEqual(idsOf(words), whole.search('graph', { limit: 10 }).results.map((r) => r.id));
  assert.ok(!words.fetched.some((name) => name.startsWith('tables-')), `the tables were not fetched again: ${words.fetched.join(' ')}`);
  shards.close();
});

test('a search fetches the rows files of its final hits only, not of hits scored while postings were on their way', async () => {
  // Small files, so that one search often has some of its postings and not others.
  const fine = path.join(work, 'fine');
  const made = spawnSync(path.join(root, 'build/native/pubview'),
    ['shard', corpus, '--out', fine, '--posting-bytes', '8192', '--rows-per-file', '16'], { encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  const manifest = JSON.parse(fs.readFileSync(path.join(fine, 'manifest.json'), 'utf8'));
  const { rows } = JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(fine, `${manifest.files}.gz`))));
  const rowsFileOf = (entry) => rows.files[Math.floor(entry / rows.entries_per_file)];
  const shards = await openShards(filesOf(fine));
  const extra = [];
  for (const { query } of JSON.parse(fs.readFileSync(path.join(work, `queries-${SIZE}.json`), 'utf8')).slice(0, 300)) {
    const result = await shards.search({ query, limit: 10 });
    const expected = whole.search(query, { limit: 10 });
    assert.deepEqual([result.total, idsOf(result), result.hits.map((h) => h.score)],
      [expected.total, expected.results.map((r) => r.id), expected.results.map((r) => r.score)], query);
    const ofHits = new Set(result.hits.map((hit) => rowsFileOf(hit.entry)));
    extra.push(...result.fetched.filter((name) => name.startsWith('rows-') && !ofHits.has(name)).map((name) => `${query}: ${name}`));
  }
  assert.deepEqual(extra, [], 'rows files fetched for no hit of the answer');
  shards.close();
});

test('a query\'s last words are checked in postings rather than by fetching entries files, with the same answers', async () => {
  // Every generated query, in one session as a visitor types them. A word of
  // four letters or more reads all of its completions' postings, so checking it
  // in postings gives what its text would; only a short prefix whose postings
  // are cut to its commonest completions may need the candidates' text.
  const shards = await openShards(filesOf(folder));
  const fetchedEntries = [], differing = [];
  let checked = 0;
  for (const { query } of JSON.parse(fs.readFileSync(path.join(work, `queries-${SIZE}.json`), 'utf8'))) {
    const result = await shards.search({ query, limit: 10 });
    const expected = whole.search(query, { limit: 10 });
    if (JSON.stringify([result.total, idsOf(result), result.hits.map((h) => h.score)]) !==
        JSON.stringify([expected.total, expected.results.map((r) => r.id), expected.results.map((r) => r.score)])) differing.push(query);
    const words = query.split(/\s+/).filter(Boolean);
    if (words.length < 2 || query.includes('"') || (words.at(-1).length < 4 && !query.endsWith(' '))) continue;
    checked++;
    fetchedEntries.push(...result.fetched.filter((name) => name.startsWith('entries-')).map((name) => `${query}: ${name}`));
  }
  assert.deepEqual(differing, [], 'queries answered otherwise than by the bundle in one file');
  assert.ok(checked >= 300, `${checked} queries of two words or more`);
  assert.deepEqual(fetchedEntries, [], 'entries files fetched to check a word its postings could check');
  shards.close();
});

test('a superseded search stops at its next round, and the next search finishes with what it fetched', async () => {
  const shards = await openShards(filesOf(folder));
  const controller = new AbortController();
  const superseded = shards.search({ query: 'graph', limit: 10 }, controller.signal);
  controller.abort();
  await assert.rejects(superseded, { name: 'AbortError' });
  const next = await shards.search({ query: 'graph', limit: 10 });
  assert.deepEqual(idsOf(next), whole.search('graph', { limit: 10 }).results.map((r) => r.id));
  shards.close();
});

test('a missing postings file is named in a hint and its entries are left out; a missing manifest is refused', async () => {
  const broken = path.join(work, 'broken');
  fs.cpSync(folder, broken, { recursive: true });
  const postings = fs.readdirSync(broken).filter((name) => name.startsWith('postings-') && name.endsWith('.bin.gz'));
  for (const name of postings) fs.rmSync(path.join(broken, name));
  const shards = await openShards(filesOf(broken));
  const result = await shards.search({ query: 'graph', limit: 10 });
  assert.equal(result.total, 0);
  assert.match(result.hints.join('\n'), /some results may be missing: postings-[0-9a-f]{16}\.bin: the server answered 404/);
  shards.close();
  fs.rmSync(path.join(broken, 'manifest.json.gz'));
  await assert.rejects(openShards(filesOf(broken)), /^Error: manifest\.json: the server answered 404$/);
});
