// `pubview shard`: a bundle from the benchmark generator, sharded, gives the
// same answers as the bundle in one file for a few hundred queries of every
// kind, and the same folder every time.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'build/native/pubview');
const SIZE = 3000;
const run = promisify(execFile);

function pubview(...args) {
  const r = spawnSync(cli, args, { encoding: 'utf8', timeout: 60000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pubview-shard-'));
const generated = spawnSync(process.execPath, [path.join(root, 'bench/search/generate-corpus.mjs'), work, String(SIZE)], { encoding: 'utf8' });
assert.equal(generated.status, 0, generated.stderr);
const corpus = path.join(work, `corpus-${SIZE}.json`);
const bundle = JSON.parse(fs.readFileSync(corpus, 'utf8'));
after(() => fs.rmSync(work, { recursive: true, force: true }));

// Small files, so that a few thousand entries make many of each kind.
function shard(out, ...more) {
  return pubview('shard', corpus, '--out', out, '--posting-bytes', '32768', '--entries-per-file', '64', ...more);
}

// Queries of every kind: the generator's own (words, keystrokes, typos,
// authors, venues with years, accents left off, nonsense), and phrases,
// fields, exclusions, facet filters, kinds and sort orders made from entries.
function queries() {
  const byType = new Map();
  for (const q of JSON.parse(fs.readFileSync(path.join(work, `queries-${SIZE}.json`), 'utf8'))) {
    if (!byType.has(q.type)) byType.set(q.type, []);
    byType.get(q.type).push(q.query);
  }
  const list = [];
  for (const [, qs] of byType) for (let i = 0; i < qs.length && i < 16 * 7; i += 7) list.push({ query: qs[i], args: [] });
  const pubs = bundle.publications;
  for (let i = 0; i < 32; i++) {
    const e = pubs[(i * 131) % pubs.length];
    const words = e.title.split(' ');
    const author = e.authors[0].split(' ').pop();
    list.push({ query: `"${words.slice(1, 3).join(' ')}"`, args: [] });
    list.push({ query: `author:${author} ${words[0].slice(0, 3)}`, args: [] });
    list.push({ query: `${words[2]} -${words[1]}`, args: ['--sort', i % 2 ? 'year' : 'title'] });
    list.push({ query: words[0].slice(0, 2), args: ['--filter', `venue=${e.venue}`, '--filter', `year=${e.year}`] });
    list.push({ query: `title:${words[1]} year:${e.year - 2}..${e.year}`, args: ['--kind', 'publication', '--sort', 'rank'] });
  }
  for (const job of bundle.jobs.slice(0, 10)) {
    list.push({ query: `${job.title.split(' ')[0]} location:${job.location.city.split(' ')[0]}`, args: ['--kind', 'job'] });
    list.push({ query: 'kind:job', args: ['--filter', `team=${job.team}`, '--filter', `country=${job.location.country}`] });
  }
  return list;
}

// A folder's listing of its postings, rows and entries files (the manifest names it).
function listingOf(folder) {
  const { files } = JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8'));
  return JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(folder, `${files}.gz`))));
}

test('a sharded bundle gives the same top 10, totals and facet counts as the bundle in one file', async () => {
  const folder = path.join(work, 'shards');
  const made = shard(folder);
  assert.equal(made.code, 0, made.err);
  assert.match(made.err, new RegExp(`${SIZE} entries in \\d+ files`));
  const pack = path.join(work, 'corpus.pvpack');
  assert.equal(pubview('pack', corpus, '-o', pack).code, 0);
  const list = queries();
  assert.ok(list.length >= 250, `${list.length} queries`);
  let matched = 0;
  for (const { query, args } of list) {
    const common = [query, '--limit', '10', '--json', '--facets', ...args];
    // The two at once: one for each core.
    const [whole, sharded] = await Promise.all([run(cli, ['search', pack, ...common]), run(cli, ['search', folder, ...common])]);
    assert.equal(sharded.stderr, '', query);
    assert.deepEqual(JSON.parse(sharded.stdout), JSON.parse(whole.stdout), `${query} ${args.join(' ')}`);
    if (JSON.parse(whole.stdout).total > 0) matched++;
  }
  assert.ok(matched > list.length / 2, `only ${matched} of ${list.length} queries matched anything`);
});

// The files as a million entries lay them out by default (rows files half
// the entries files' size, each of them one of thousands), at a size CI can
// afford: files of a few entries each, so that a search reads many of them.
test('a folder of many files, rows files smaller than entries files as at a million entries, gives the same answers', async () => {
  const folder = path.join(work, 'million-shape');
  const made = pubview('shard', corpus, '--out', folder, '--posting-bytes', '4096', '--rows-per-file', '6', '--entries-per-file', '12');
  assert.equal(made.code, 0, made.err);
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8'));
  const listing = listingOf(folder);
  assert.equal(manifest.first_rows.entries_per_file, 6);
  assert.equal(manifest.first_rows.file, listing.rows.files[0]);
  assert.equal(listing.rows.entries_per_file, 6);
  assert.equal(listing.details.entries_per_file, 12);
  assert.equal(listing.rows.files.length, Math.ceil(SIZE / 6));
  assert.equal(listing.details.files.length, Math.ceil(SIZE / 12));
  assert.ok(listing.postings.length > 100, `${listing.postings.length} postings files`);
  const pack = path.join(work, 'million-shape.pvpack');
  assert.equal(pubview('pack', corpus, '-o', pack).code, 0);
  const list = queries().filter((_, i) => i % 3 === 0);
  for (const { query, args } of list) {
    const common = [query, '--limit', '20', '--json', '--facets', ...args];
    const [whole, sharded] = await Promise.all([run(cli, ['search', pack, ...common]), run(cli, ['search', folder, ...common])]);
    assert.equal(sharded.stderr, '', query);
    assert.deepEqual(JSON.parse(sharded.stdout), JSON.parse(whole.stdout), `${query} ${args.join(' ')}`);
  }
  // The panel's searches (relevance, no filters, the kind switch) read neither
  // the facets nor the sort keys: without those files they answer the same.
  for (const name of [manifest.facets, manifest.sort_keys]) fs.rmSync(path.join(folder, name + '.gz'));
  const panelLike = list.filter(({ args }) => !args.includes('--filter') && !args.includes('--sort'));
  assert.ok(panelLike.length > 40, `${panelLike.length} queries`);
  for (const [i, { query, args }] of panelLike.entries()) {
    const common = [query, '--limit', '20', '--json', ...args, ...(i % 2 ? ['--kind', 'publication'] : [])];
    const [whole, sharded] = await Promise.all([run(cli, ['search', pack, ...common]), run(cli, ['search', folder, ...common])]);
    assert.deepEqual(JSON.parse(sharded.stdout), JSON.parse(whole.stdout), `${query} ${args.join(' ')}`);
  }
  const needsFacets = pubview('search', folder, 'learning', '--json', '--facets');
  assert.match(needsFacets.out + needsFacets.err, new RegExp(`some results may be missing: ${manifest.facets}: there is no such file`));

  // Without a number given, a bundle this size has files of 64 rows, 256
  // entries and postings of about 16 KB (whole terms: a larger term alone),
  // as the index lays them out; their columns hold a few percent more (each
  // term's fields and counts, each field's first entry whole), under 18 KB.
  const plain = path.join(work, 'default-sizes');
  assert.equal(pubview('shard', corpus, '--out', plain).code, 0);
  const defaults = listingOf(plain);
  assert.equal(defaults.rows.entries_per_file, 64);
  assert.equal(defaults.details.entries_per_file, 256);
  const postingSizes = defaults.postings.map(({ file }) => zlib.gunzipSync(fs.readFileSync(path.join(plain, `${file}.gz`))).length).sort((a, b) => a - b);
  assert.ok(postingSizes.length > 1 && postingSizes[Math.floor(postingSizes.length / 2)] <= 18432, postingSizes.join(' '));
});

test('sharding the same bundle again, on one thread or several, writes the same files, byte for byte, each as its .gz copy (the manifest also plain), plain with --plain, and a .br copy with --brotli', () => {
  const first = path.join(work, 'again-1');
  const second = path.join(work, 'again-2');
  const made = shard(first, '--threads', '3');
  assert.equal(made.code, 0);
  assert.match(made.err, /, each as \.gz \(the manifest also plain\)\n$/);
  assert.equal(shard(second, '--threads', '1').code, 0);
  const names = fs.readdirSync(first).sort();
  assert.deepEqual(fs.readdirSync(second).sort(), names);
  for (const name of names) assert.ok(fs.readFileSync(path.join(first, name)).equals(fs.readFileSync(path.join(second, name))), name);
  const plain = names.filter((n) => !n.endsWith('.gz'));
  assert.deepEqual(plain, ['manifest.json']);
  const gzipped = names.filter((n) => n.endsWith('.gz')).map((n) => n.slice(0, -3));
  assert.ok(gzipped.length > 100 && gzipped.includes('manifest.json'), gzipped.length);
  const manifest = JSON.parse(fs.readFileSync(path.join(first, 'manifest.json'), 'utf8'));
  assert.ok(zlib.gunzipSync(fs.readFileSync(path.join(first, 'manifest.json.gz'))).equals(fs.readFileSync(path.join(first, 'manifest.json'))));
  const listing = listingOf(first);
  const listed = [manifest.tables, manifest.facets, manifest.sort_keys, manifest.files, ...listing.postings.map((p) => p.file),
    ...listing.rows.files, ...listing.details.files];
  assert.deepEqual([...listed, 'manifest.json'].sort(), [...gzipped].sort());
  // --plain keeps each file as it is beside its .gz copy; --brotli adds a .br
  // copy of each; neither changes the .gz copies.
  const withBoth = shard(second, '--plain', '--brotli');
  assert.equal(withBoth.code, 0);
  assert.match(withBoth.err, /each also as \.gz and \.br\n$/);
  assert.deepEqual(fs.readdirSync(second).sort(), [...names, ...gzipped.filter((n) => n !== 'manifest.json'), ...gzipped.map((n) => `${n}.br`)].sort());
  for (const name of gzipped) {
    const gz = fs.readFileSync(path.join(second, `${name}.gz`));
    assert.ok(gz.equals(fs.readFileSync(path.join(first, `${name}.gz`))), name);
    assert.ok(zlib.gunzipSync(gz).equals(fs.readFileSync(path.join(second, name))), name);
    assert.ok(zlib.brotliDecompressSync(fs.readFileSync(path.join(second, `${name}.br`))).equals(fs.readFileSync(path.join(second, name))), name);
  }
  // Sharding again into the folder replaces the earlier files rather than adding to them.
  assert.equal(shard(second).code, 0);
  assert.deepEqual(fs.readdirSync(second).sort(), names);
});

test('shard says when a folder holds more files than some hosts take, and what would make fewer', () => {
  const out = path.join(work, 'many-files');
  const tiny = ['--rows-per-file', '1', '--entries-per-file', '1', '--posting-bytes', '64'];
  const gzipOnly = pubview('shard', corpus, '--out', out, ...tiny);
  assert.equal(gzipOnly.code, 0);
  const files = Number(/ entries in (\d+) files/.exec(gzipOnly.err)[1]);
  assert.ok(files + 1 <= 20000 && 2 * files > 20000, `${files} files`);
  assert.doesNotMatch(gzipOnly.err, /note:/);
  // (Files of the same bytes have the same name: a few entries come twice.)
  const onDisk = fs.readdirSync(out).length;
  assert.ok(onDisk <= files + 1 && onDisk > 0.99 * files, `${onDisk} of ${files}`);
  const withPlain = pubview('shard', corpus, '--out', out, ...tiny, '--plain');
  assert.equal(withPlain.code, 0);
  assert.equal(fs.readdirSync(out).length, 2 * (onDisk - 1));
  assert.match(withPlain.err, new RegExp(`note: .*many-files holds ${2 * files} files with the copies, more than some hosts take \\(Cloudflare Pages: 20000 a site\\); without --plain and --brotli ${files + 1}\n`));
  const withBrotli = pubview('shard', corpus, '--out', out, ...tiny, '--brotli');
  assert.equal(fs.readdirSync(out).filter((n) => n.endsWith('.br')).length, onDisk - 1);
  assert.match(withBrotli.err, new RegExp(`holds ${2 * files + 1} files with the copies, .*; without --plain and --brotli ${files + 1}\n`));
  const evenFewer = pubview('shard', corpus, '--out', out, '--rows-per-file', '1', '--entries-per-file', '1', '--posting-bytes', '1');
  assert.match(evenFewer.err, /note: .* files with the copies, .*; larger files make fewer \(--rows-per-file, --entries-per-file, --posting-bytes\)\n/);
  fs.rmSync(out, { recursive: true, force: true });
});

test('shard says what is wrong with its arguments, its input and its folder', () => {
  assert.equal(pubview('shard', corpus).code, 2);
  assert.match(pubview('shard', corpus).err, /usage: pubview shard FILE --out DIR/);
  const broken = path.join(work, 'broken.json');
  fs.writeFileSync(broken, 'not json');
  const r = pubview('shard', broken, '--out', path.join(work, 'never'));
  assert.equal(r.code, 2);
  assert.match(r.err, /broken\.json:1:1: /);
  assert.ok(!fs.existsSync(path.join(work, 'never')));
  const busy = path.join(work, 'busy');
  fs.mkdirSync(busy);
  fs.writeFileSync(path.join(busy, 'notes.txt'), 'mine');
  const refused = pubview('shard', corpus, '--out', busy);
  assert.equal(refused.code, 2);
  assert.match(refused.err, /is not empty and holds no sharded bundle/);
  assert.deepEqual(fs.readdirSync(busy), ['notes.txt']);
  assert.match(pubview('shard', corpus, '--out', busy, '--posting-bytes', '0').err, /--posting-bytes takes a positive number/);
  assert.match(pubview('shard', corpus, '--out', busy, '--threads', '0').err, /--threads takes a positive number/);
});

test('search names the file of a sharded bundle that is missing or whose .gz copy is broken, and reads plain files', () => {
  const folder = path.join(work, 'missing');
  assert.equal(shard(folder).code, 0);
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8'));
  const tables = path.join(folder, `${manifest.tables}.gz`);
  const gzipped = fs.readFileSync(tables);
  const before = pubview('search', folder, 'learning', '--json');
  assert.equal(before.code, 0, before.err);
  fs.writeFileSync(tables, gzipped.subarray(0, gzipped.length - 9));
  const cut = pubview('search', folder, 'learning');
  assert.equal(cut.code, 2);
  assert.match(cut.err, new RegExp(`${manifest.tables}: its .gz copy is not intact gzip`));
  fs.rmSync(tables);
  const r = pubview('search', folder, 'learning');
  assert.equal(r.code, 2);
  assert.match(r.err, new RegExp(`${manifest.tables}: there is no such file`));
  // A folder of plain files (the WebAssembly CLI's) reads the same.
  fs.writeFileSync(path.join(folder, manifest.tables), zlib.gunzipSync(gzipped));
  assert.deepEqual(JSON.parse(pubview('search', folder, 'learning', '--json').out), JSON.parse(before.out));
});
