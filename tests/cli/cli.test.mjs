// The `pubview` command line: exit codes, one line per problem, and the
// JSON that scripts read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../temp-dir.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'build/native/pubview');
const seed = path.join(root, 'data/most-viewed-2022.json');

function pubview(...args) {
  const r = spawnSync(cli, args, { encoding: 'utf8', timeout: 10000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function tempFile(name, text) {
  const dir = tempDir('pubview-cli-');
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

test('validate accepts the default bundle with exit 0 and counts its entries', () => {
  const r = pubview('validate', seed);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /10 publications, 10 jobs/);
  assert.equal(r.err, '');
});

test('validate exits 1 and prints one line per problem with its JSON Pointer', () => {
  const file = tempFile('warn.json', JSON.stringify({
    pubview: 1, title: 't',
    jobs: [{ id: 'a', title: 'A', location: { city: 'X' }, description: 'd' },
           { id: 'b', title: 3, location: { city: 'X' }, description: 'd' }],
  }));
  const r = pubview('validate', file);
  assert.equal(r.code, 1);
  const lines = r.err.trim().split('\n');
  assert.ok(lines.includes(`${file}: /jobs/1/title: expected a string, got a number`), r.err);
  assert.match(r.out, /0 publications, 1 jobs, 1 items skipped/);
});

test('validate exits 2 on a file that is not a bundle, naming line and column', () => {
  const file = tempFile('broken.json', '{"pubview": 1,\n "title": "t"\n "jobs": []}');
  const r = pubview('validate', file);
  assert.equal(r.code, 2);
  assert.match(r.err, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:2: `));
});

test('validate exits 2 with a message for a missing file', () => {
  const r = pubview('validate', '/nonexistent/bundle.json');
  assert.equal(r.code, 2);
  assert.match(r.err, /cannot read \/nonexistent\/bundle.json/);
});

test('search --json prints total and ranked results with highlights', () => {
  const r = pubview('search', seed, 'dynamodb', '--json');
  assert.equal(r.code, 0, r.err);
  const out = JSON.parse(r.out);
  assert.equal(out.results[0].id, 'amazon-dynamodb-2022');
  assert.equal(out.results[0].kind, 'publication');
  assert.ok(out.total >= 1);
  assert.ok(out.results[0].score > 0);
  const [begin, end] = out.results[0].highlights.title[0];
  assert.equal(out.results[0].title.slice(begin, end), 'DynamoDB');
});

test('search --kind and --limit narrow the results, total still counts all', () => {
  const out = JSON.parse(pubview('search', seed, 'bengaluru', '--kind', 'job', '--limit', '2', '--json').out);
  assert.equal(out.total, 4);
  assert.equal(out.results.length, 2);
  assert.ok(out.results.every((x) => x.kind === 'job'));
});

test('search rejects a bad --kind with exit 2', () => {
  assert.equal(pubview('search', seed, 'x', '--kind', 'paper').code, 2);
});

test('stats lists the counts by year, venue and location', () => {
  const r = pubview('stats', seed);
  assert.equal(r.code, 0);
  assert.match(r.out, /publications: 10/);
  assert.match(r.out, /  2022: 10/);
  assert.match(r.out, /  KDD 2022: 2/);
  assert.match(r.out, /  Bengaluru, KA, IN: 4/);
});

test('an unknown command prints the usage and exits 2', () => {
  const r = pubview('frobnicate');
  assert.equal(r.code, 2);
  assert.match(r.err, /usage: pubview COMMAND/);
});

test('import-page rebuilds the default bundle from its source byte for byte', () => {
  const out = path.join(tempDir('pubview-cli-'), 'out.json');
  const r = pubview('import-page', path.join(root, 'data/source/most-viewed-2022.txt'),
    '--facts', path.join(root, 'data/source/publications-2022.json'), '-o', out);
  assert.equal(r.code, 0, r.err);
  assert.equal(fs.readFileSync(out, 'utf8'), fs.readFileSync(seed, 'utf8'));
});

test('pack writes the bundle with its index next to it, and search reads the pack with the same answers', () => {
  const dir = tempDir('pubview-cli-');
  const json = path.join(dir, 'list.json');
  fs.copyFileSync(seed, json);
  const r = pubview('pack', json);
  assert.equal(r.code, 0, r.err);
  const pack = path.join(dir, 'list.pvpack');
  assert.match(r.err, new RegExp(`${pack.replace(/[.\\/]/g, '\\$&')}: 10 publications, 10 jobs, \\d+ bytes`));
  assert.equal(fs.readFileSync(pack).subarray(0, 6).toString(), 'PVPACK');
  for (const query of ['dynamodb', 'amazon science', 'seattle', 'mahcine learning', '"large language"', 'kind:job']) {
    const fromJson = pubview('search', json, query, '--json');
    const fromPack = pubview('search', pack, query, '--json');
    assert.equal(fromPack.code, 0, fromPack.err);
    assert.equal(fromPack.out, fromJson.out, `the answers to "${query}" differ`);
  }
  assert.equal(pubview('validate', pack).out, `${pack}: 10 publications, 10 jobs\n`);
});

test('pack takes -o, and a damaged pack is refused with a message that says how to fix it', () => {
  const dir = tempDir('pubview-cli-');
  const pack = path.join(dir, 'out.pvpack');
  assert.equal(pubview('pack', seed, '-o', pack).code, 0);
  const bytes = fs.readFileSync(pack);
  bytes[bytes.length >> 1] ^= 0x20;
  const damaged = path.join(dir, 'damaged.pvpack');
  fs.writeFileSync(damaged, bytes);
  const r = pubview('search', damaged, 'dynamodb');
  assert.equal(r.code, 2);
  assert.equal(r.err, `${damaged}: /: this pack is damaged: its checksum does not match its contents; copy or download it again\n`);
  const cut = path.join(dir, 'cut.pvpack');
  fs.writeFileSync(cut, bytes.subarray(0, 1000));
  assert.match(pubview('validate', cut).err, /it was cut short; copy or download it again/);
  assert.equal(pubview('pack').code, 2);
  assert.match(pubview('pack', seed, 'extra').err, /^usage: pubview pack/);
});
