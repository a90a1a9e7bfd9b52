// `pubview validate` and `pubview search` over the corpus of bad bundles in
// tests/data/bad/ (and the big ones tests/data/bad/generate.py writes): every
// file gets the exit code and message EXPECTED.tsv gives it, a message that
// names a JSON Pointer or a line and column, quickly, and nothing crashes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = process.env.PUBVIEW_CLI || path.join(root, 'build/native/pubview');
const corpus = path.join(root, 'tests/data/bad');
const generated = path.join(root, 'build/bad-generated');

// Files at most this long must be judged within 2 s; bigger ones are the size cases.
const SMALL = 1 << 20;

function readExpected() {
  const rows = [];
  for (const line of fs.readFileSync(path.join(corpus, 'EXPECTED.tsv'), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [file, code, fragment, seconds] = line.split('\t');
    rows.push({ file, code: Number(code), fragment, seconds: seconds ? Number(seconds) : 2 });
  }
  return rows;
}

const expected = readExpected();

function locate(file) {
  const committed = path.join(corpus, file);
  return fs.existsSync(committed) ? committed : path.join(generated, file);
}

function run(args, timeoutMs) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cli, args, { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 << 20 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr, seconds, error: r.error };
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('the corpus has at least 40 committed files, none over 1 MB, each with a line in EXPECTED.tsv', () => {
  const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.json'));
  assert.ok(files.length >= 40, `${files.length} files`);
  for (const f of files) assert.ok(fs.statSync(path.join(corpus, f)).size <= SMALL, `${f} is over 1 MB`);
  const listed = new Set(expected.map((e) => e.file));
  assert.deepEqual(files.filter((f) => !listed.has(f)), [], 'files without an expectation');
  for (const e of expected) assert.ok([1, 2].includes(e.code), `${e.file}: expected exit code ${e.code} is not 1 or 2`);
});

test('generate.py writes the big cases: 100,000-deep nesting, a 50 MB string, 1,000,000 items, a document over 256 MiB', () => {
  const r = spawnSync('python3', [path.join(corpus, 'generate.py'), generated], { encoding: 'utf8', timeout: 300000 });
  assert.equal(r.status, 0, r.stderr);
  for (const e of expected) assert.ok(fs.existsSync(locate(e.file)), `${e.file} is neither committed nor generated`);
});

for (const e of expected) {
  test(`validate ${e.file} exits ${e.code} saying "${e.fragment}"`, () => {
    const file = locate(e.file);
    const size = fs.statSync(file).size;
    const r = run(['validate', file], Math.max(e.seconds, 2) * 1000 * 5);
    assert.equal(r.signal, null, `killed by ${r.signal} after ${r.seconds.toFixed(2)} s`);
    assert.equal(r.code, e.code, r.err.slice(0, 2000));
    assert.ok(r.err.includes(e.fragment), `expected "${e.fragment}" in:\n${r.err.slice(0, 2000)}`);
    // Each message names where: "FILE:LINE:COL: ..." or "FILE: /pointer: ...".
    const where = new RegExp(`^${escape(file)}(:\\d+:\\d+: |: /[^:]*: )`);
    const lines = r.err.trim().split('\n');
    assert.ok(lines.length > 0);
    for (const line of lines) assert.match(line, where);
    const budget = size <= SMALL ? 2 : e.seconds;
    assert.ok(r.seconds < budget, `took ${r.seconds.toFixed(2)} s (budget ${budget} s)`);
  });
}

test('search never crashes on the bundles that partly load, and finds only what loaded', () => {
  for (const e of expected.filter((x) => x.code === 1)) {
    const file = locate(e.file);
    if (fs.statSync(file).size > SMALL) continue;
    for (const query of ['paper', 'p1', '"abstract', 'year:2022 -x', '\u202e', 'javascript']) {
      const r = run(['search', file, query, '--json'], 10000);
      assert.equal(r.signal, null, `${e.file} "${query}": killed by ${r.signal}`);
      assert.equal(r.code, 0, `${e.file} "${query}": ${r.err.slice(0, 500)}`);
      const out = JSON.parse(r.out);
      assert.equal(out.results.length, out.total);
      for (const hit of out.results) assert.doesNotMatch(hit.title, /[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/);
    }
  }
});

test('search on a bundle that cannot be used exits 2 with its message, never a crash', () => {
  for (const e of expected.filter((x) => x.code === 2)) {
    const file = locate(e.file);
    if (fs.statSync(file).size > SMALL) continue;
    const r = run(['search', file, 'paper'], 10000);
    assert.equal(r.signal, null, `${e.file}: killed by ${r.signal}`);
    assert.ok([0, 2].includes(r.code), `${e.file}: exit ${r.code}`);
    if (r.code === 2) assert.ok(r.err.includes(e.fragment), `${e.file}: ${r.err.slice(0, 500)}`);
  }
});
