// The CLI compiled to WebAssembly (build/web/pubview-cli.js, `npx pubview` in
// the npm package) against the native one: every command over the test
// corpus gives the same stdout, stderr, exit code and written files, byte
// for byte. Each runs in its own empty folder, writing there by relative name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../temp-dir.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const native = path.join(root, 'build/native/pubview');
const wasm = path.join(root, 'build/web/pubview-cli.js');
const seed = path.join(root, 'data/most-viewed-2022.json');
const imports = path.join(root, 'tests/data/import');
const bad = path.join(root, 'tests/data/bad');

// Runs one CLI in a fresh folder; the folder's files afterwards are part of the answer.
function run(command, args, setup) {
  const dir = tempDir('pubview-wasm-cli-');
  if (setup) setup(dir);
  const before = new Set(fs.readdirSync(dir));
  const r = spawnSync(command[0], [...command.slice(1), ...args], { cwd: dir, timeout: 60000 });
  const written = {};
  for (const name of fs.readdirSync(dir).sort()) {
    if (!before.has(name)) written[name] = fs.readFileSync(path.join(dir, name)).toString('base64');
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return { code: r.status, signal: r.signal, stdout: r.stdout.toString('latin1'), stderr: r.stderr.toString('latin1'), written };
}

const covered = new Set();  // the commands compared so far

function same(args, setup) {
  covered.add(args[0]);
  const expected = run([native], args, setup);
  const got = run([process.execPath, wasm], args, setup);
  assert.equal(expected.signal, null, `the native CLI was killed running ${args.join(' ')}`);
  assert.deepEqual(got, expected, `pubview ${args.join(' ')}`);
  return expected;
}

// A pack of the seed in the folder, for the commands that read packs.
const withPack = (dir) => {
  const r = spawnSync(native, ['pack', seed, '-o', path.join(dir, 'seed.pvpack')]);
  assert.equal(r.status, 0, String(r.stderr));
};

test('both CLIs exist: the native build and the web build', () => {
  assert.ok(fs.existsSync(native), 'build/native/pubview: build the native preset');
  assert.ok(fs.existsSync(wasm), 'build/web/pubview-cli.js: build the web preset');
});

test('usage, --help, --version and an unknown command: the same text and exit codes', () => {
  assert.equal(same([]).code, 2);
  assert.equal(same(['--help']).code, 0);
  assert.match(same(['--version']).stdout, /^pubview \d+\.\d+\.\d+/);
  assert.equal(same(['frobnicate']).code, 2);
});

test('validate gives the same lines and exit code for the seed, a missing file and every file of the bad corpus', () => {
  assert.equal(same(['validate', seed]).code, 0);
  assert.equal(same(['validate', '/nonexistent/bundle.json']).code, 2);
  const files = fs.readdirSync(bad).filter((f) => f.endsWith('.json')).sort();
  assert.ok(files.length > 40, 'the bad corpus is there');
  const codes = new Set(files.map((f) => same(['validate', path.join(bad, f)]).code));
  assert.ok(codes.has(1) && codes.has(2), 'the corpus has bundles that load with warnings and bundles that cannot load');
});

test('search as text and as JSON, with kinds, limits and a wrong kind', () => {
  same(['search', seed, 'dynamodb', '--json']);
  same(['search', seed, 'bengaluru', '--kind', 'job', '--limit', '2', '--json']);
  same(['search', seed, 'tail latency']);
  same(['search', seed, '"unclosed', '--json']);
  assert.equal(same(['search', seed, 'x', '--kind', 'paper']).code, 2);
});

test('stats and html, with their options and writing to a file', () => {
  same(['stats', seed]);
  same(['html', seed]);
  same(['html', seed, '--kind', 'job', '--heading', '3', '--height', '420px', '-o', 'list.html']);
  assert.equal(same(['html', seed, '--heading', '9']).code, 2);
});

test('feed in each format and kind, with its options, and its usage errors', () => {
  same(['feed', seed, '--kind', 'publication', '--format', 'rss', '-o', 'papers.xml', '--base-url', 'https://lab.example.org/papers/']);
  same(['feed', seed, '--kind', 'publication', '--format', 'atom', '-o', '-']);
  same(['feed', seed, '--kind', 'job', '--format', 'atom', '-o', 'jobs.atom', '--updated', '2026-11-29T21:30:00Z']);
  same(['feed', seed, '--kind', 'job', '--format', 'json', '-o', 'jobs.json']);
  assert.equal(same(['feed', seed, '--kind', 'job', '--format', 'xml', '-o', '-']).code, 2);
});

test('pack writes the same bytes, and search, validate and html read the pack the same way', () => {
  const packed = same(['pack', seed, '-o', 'seed.pvpack']);
  assert.ok(packed.written['seed.pvpack'], 'the pack was written');
  same(['validate', 'seed.pvpack'], withPack);
  same(['search', 'seed.pvpack', 'storage', '--json'], withPack);
  same(['html', 'seed.pvpack'], withPack);
  assert.equal(same(['pack']).code, 2);
});

test('shard gives the same messages and the same plain files (the native CLI keeps them with --plain beside its .gz copies), and search reads the folder the same way', () => {
  assert.equal(same(['shard']).code, 2);
  assert.equal(same(['shard', '/nonexistent/bundle.json', '--out', 'out']).code, 2);
  const dir = tempDir('pubview-wasm-shard-');
  assert.equal(spawnSync(native, ['shard', seed, '--out', 'native', '--plain'], { cwd: dir }).status, 0);
  assert.equal(spawnSync(process.execPath, [wasm, 'shard', seed, '--out', 'wasm'], { cwd: dir }).status, 0);
  const plain = fs.readdirSync(path.join(dir, 'native')).filter((name) => !name.endsWith('.gz')).sort();
  assert.deepEqual(fs.readdirSync(path.join(dir, 'wasm')).sort(), plain);
  for (const name of plain)
    assert.ok(fs.readFileSync(path.join(dir, 'native', name)).equals(fs.readFileSync(path.join(dir, 'wasm', name))), name);
  // The native CLI's default folder holds .gz copies only, which the
  // WebAssembly CLI cannot read: it says so, and what the file is (the
  // listing of files, the first it reads after the plain manifest).
  assert.equal(spawnSync(native, ['shard', seed, '--out', 'gzip-only'], { cwd: dir }).status, 0);
  const refused = spawnSync(process.execPath, [wasm, 'search', 'gzip-only', 'storage'], { cwd: dir, encoding: 'utf8' });
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /files-[0-9a-f]+\.json: there is only its \.gz copy, which this build cannot read \(it has no libdeflate\)/);
  fs.rmSync(dir, { recursive: true, force: true });
  const sharded = (folder) => assert.equal(spawnSync(native, ['shard', seed, '--out', path.join(folder, 'seed'), '--plain']).status, 0);
  same(['search', 'seed', 'storage', '--json', '--facets', '--limit', '5'], sharded);
});

test('import-page, import-csv and import-bibtex write the same bundles and report the same problems', () => {
  assert.equal(same(['import-page', path.join(root, 'data/source/most-viewed-2022.txt'),
    '--facts', path.join(root, 'data/source/publications-2022.json'), '-o', 'out.json']).code, 0);
  same(['import-csv', path.join(imports, 'jobs.csv'), '--kind', 'job', '-o', 'jobs.json']);
  same(['import-csv', path.join(imports, 'publications.csv'), '--kind', 'publication', '--title', 'Papers', '-o', 'p.json']);
  same(['import-csv', path.join(imports, 'broken.csv'), '--kind', 'job', '-o', 'broken.json']);
  same(['import-csv', path.join(imports, 'jobs.csv'), '--kind', 'gig']);
  same(['import-bibtex', path.join(imports, 'publications.bib'), '-o', 'bib.json']);
  same(['import-bibtex', path.join(imports, 'broken.bib')]);
});

test('merge and export-bibtex give the same output', () => {
  same(['merge', seed, seed, '-o', 'merged.json']);
  same(['merge', seed, path.join(bad, 'duplicate-ids.json'), '--title', 'Both']);
  same(['export-bibtex', seed]);
  same(['export-bibtex', seed, '-o', 'seed.bib']);
});

test('html in another language and ui-text give the same output', () => {
  same(['html', seed, '--lang', 'ar']);
  same(['ui-text', 'de']);
  same(['ui-text', 'ja', '-o', 'ja.json']);
  assert.equal(same(['ui-text', 'tlh']).code, 2);
});

// sync from saved answers (no network): both CLIs merge the same bundle and
// report the same; a fetching source is refused by the wasm CLI, so it is not
// compared here (tests/cli/sync.test.mjs runs the native CLI against a server).
test('sync with a hand-written base and Crossref, Greenhouse and DBLP answers writes the same bundle in both CLIs', () => {
  const api = path.join(root, 'tests/data/api');
  const withConfig = (dir) => fs.writeFileSync(path.join(dir, 'lab.json'), JSON.stringify({
    title: 'Our lab', base: seed,
    sources: [
      { type: 'crossref', files: [path.join(api, 'crossref-works-page1.json'), path.join(api, 'crossref-works-page2.json')] },
      { type: 'greenhouse', files: [path.join(api, 'greenhouse-jobs.json')] },
      { type: 'dblp', files: [path.join(api, 'dblp-person.xml')] },
    ],
  }));
  const synced = same(['sync', 'lab.json', '-o', 'bundle.json'], withConfig);
  assert.ok(synced.written['bundle.json'], synced.stderr);
});

test('sync from saved API answers writes the same bundle and report (fetching is the native CLI’s)', () => {
  const api = path.join(root, 'tests/data/api');
  const config = (dir) => fs.writeFileSync(path.join(dir, 'lab.json'), JSON.stringify({
    title: 'Our lab',
    sources: [
      { type: 'orcid', files: ['orcid-works.json', 'orcid-work-112233.json', 'orcid-works-bulk.json'].map((f) => path.join(api, f)) },
      { type: 'arxiv', files: [path.join(api, 'arxiv-query.atom')] },
      { type: 'greenhouse', files: [path.join(api, 'greenhouse-jobs.json')] },
    ],
  }));
  assert.equal(same(['sync', 'lab.json', '-o', 'bundle.json'], config).code, 1);
  assert.equal(same(['sync', 'missing.json', '-o', 'bundle.json']).code, 2);
});

test('every command the CLI lists in --help was compared above', () => {
  const listed = Array.from(spawnSync(native, ['--help'], { encoding: 'utf8' }).stdout.matchAll(/^ {2}pubview ([\w-]+)/gm), (m) => m[1]);
  assert.ok(listed.length >= 10, 'the usage lists the commands');
  assert.deepEqual(listed.filter((command) => !covered.has(command)), [], 'commands with no case here: add them');
});
