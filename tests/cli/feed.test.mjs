// `pubview feed`: the RSS and Atom output read back with a real XML parser
// (Python's xml.etree, expat), the JSON Feed with JSON.parse; every entry of
// the kind is there, newest first, with the same ids on every run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'build/native/pubview');
const seed = JSON.parse(fs.readFileSync(path.join(root, 'data/most-viewed-2022.json'), 'utf8'));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pubview-feed-'));
test.after(() => fs.rmSync(dir, { recursive: true, force: true }));

// The seed with its papers spread over years (two share 2018, to check that
// ties keep bundle order), one title full of markup, one unsafe link.
const bundle = structuredClone(seed);
const years = [2016, 2021, 2018, 2023, 2018, 2015, 2020, 2017, 2022, 2019];
bundle.publications.forEach((p, i) => { p.year = years[i]; });
bundle.publications[1].title = 'Tom & Jerry\'s "<script>" paper';
bundle.jobs[0].url = 'javascript:alert(1)';
const bundlePath = path.join(dir, 'bundle.json');
fs.writeFileSync(bundlePath, JSON.stringify(bundle));
const newestFirst = bundle.publications.map((p, i) => ({ p, i }))
  .sort((a, b) => b.p.year - a.p.year || a.i - b.i).map(({ p }) => p);

function pubview(...args) {
  const r = spawnSync(cli, args, { encoding: 'utf8', timeout: 10000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function feed(kind, format, ...extra) {
  const out = path.join(dir, `${kind}.${format}`);
  const r = pubview('feed', bundlePath, '--kind', kind, '--format', format, '-o', out,
    '--base-url', 'https://lab.example.org/papers/', ...extra);
  assert.equal(r.code, 0, r.err);
  return fs.readFileSync(out, 'utf8');
}

// Parses XML with expat and answers the root's tag and each item's or entry's
// children as [tag, text, attributes] lists, namespaces spelled out.
const PARSE = `
import json, sys, xml.etree.ElementTree as ET
root = ET.fromstring(sys.stdin.buffer.read())
items = root.findall('channel/item') + root.findall('{http://www.w3.org/2005/Atom}entry')
print(json.dumps({'root': root.tag, 'items': [[[c.tag.split('}')[-1], c.text or '', c.attrib] for c in i] for i in items]}))
`;
function parseXml(text) {
  const r = spawnSync('python3', ['-c', PARSE], { input: text, encoding: 'utf8' });
  assert.equal(r.status, 0, `not well-formed XML: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
const field = (item, tag) => item.filter(([t]) => t === tag).map(([, text, attributes]) => ({ text, attributes }));

test('the XML parser check rejects what is not well-formed', () => {
  const r = spawnSync('python3', ['-c', PARSE], { input: '<rss><channel><item>&</item></channel></rss>', encoding: 'utf8' });
  assert.notEqual(r.status, 0);
});

test('RSS 2.0: every publication, newest first, with a guid, escaped text parsed back as it was', () => {
  const rss = parseXml(feed('publication', 'rss'));
  assert.equal(rss.root, 'rss');
  assert.deepEqual(rss.items.map((i) => field(i, 'title')[0].text), newestFirst.map((p) => p.title));
  assert.deepEqual(rss.items.map((i) => field(i, 'pubDate')[0].text), newestFirst.map((p) => `01 Jan ${p.year} 00:00:00 GMT`));
  assert.deepEqual(rss.items.map((i) => field(i, 'guid')[0].text),
    newestFirst.map((p) => `https://lab.example.org/papers/#pv1:open=${new URLSearchParams({ x: p.id }).toString().slice(2)}`));
});

test('Atom: every publication and every job, with ids, updated times and only safe links', () => {
  const papers = parseXml(feed('publication', 'atom'));
  assert.equal(papers.root, '{http://www.w3.org/2005/Atom}feed');
  assert.deepEqual(papers.items.map((i) => field(i, 'title')[0].text), newestFirst.map((p) => p.title));
  for (const item of papers.items) {
    assert.equal(field(item, 'id').length, 1);
    assert.match(field(item, 'updated')[0].text, /^\d{4}-01-01T00:00:00Z$/);
  }
  const jobs = parseXml(feed('job', 'atom', '--updated', '2026-11-29T21:30:00Z'));
  assert.deepEqual(jobs.items.map((i) => field(i, 'title')[0].text), bundle.jobs.map((j) => j.title));
  assert.deepEqual(jobs.items.map((i) => field(i, 'updated')[0].text), bundle.jobs.map(() => '2026-11-29T21:30:00Z'));
  const hrefs = jobs.items.flatMap((i) => field(i, 'link').map((l) => l.attributes.href));
  assert.ok(hrefs.length > 0);
  for (const href of hrefs) assert.match(href, /^https:\/\//);
});

test('JSON Feed 1.1: version, every item in order, ids the same on every run', () => {
  const text = feed('publication', 'json');
  const json = JSON.parse(text);
  assert.equal(json.version, 'https://jsonfeed.org/version/1.1');
  assert.equal(json.feed_url, 'https://lab.example.org/papers/publication.json');
  assert.equal(json.items.length, bundle.publications.length);
  assert.deepEqual(json.items.map((i) => i.title), newestFirst.map((p) => p.title));
  assert.deepEqual(json.items.map((i) => i.date_published), newestFirst.map((p) => `${p.year}-01-01T00:00:00Z`));
  assert.equal(new Set(json.items.map((i) => i.id)).size, json.items.length);
  assert.equal(feed('publication', 'json'), text);
  const jobs = JSON.parse(feed('job', 'json'));
  assert.equal(jobs.items.length, bundle.jobs.length);
  assert.ok(!JSON.stringify(jobs).includes('javascript:'));
});

test('usage errors exit 2 with a message saying what is wrong', () => {
  const cases = [
    [['feed'], /one bundle FILE/],
    [['feed', bundlePath, '--format', 'rss', '-o', '-'], /--kind/],
    [['feed', bundlePath, '--kind', 'job', '-o', '-'], /--format/],
    [['feed', bundlePath, '--kind', 'job', '--format', 'rss'], /-o OUT/],
    [['feed', bundlePath, '--kind', 'paper', '--format', 'rss', '-o', '-'], /--kind takes publication or job/],
    [['feed', bundlePath, '--kind', 'job', '--format', 'xml', '-o', '-'], /--format takes rss, atom or json/],
    [['feed', bundlePath, '--kind', 'job', '--format', 'rss', '-o', '-', '--base-url', 'javascript:alert(1)'], /--base-url/],
    [['feed', bundlePath, '--kind', 'job', '--format', 'atom', '-o', '-', '--updated', 'yesterday'], /--updated/],
    [['feed', bundlePath, '--kind', 'job', '--format', 'atom', '-o', '-', '--colour'], /unknown option/],
  ];
  for (const [args, message] of cases) {
    const r = pubview(...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, message);
    assert.match(r.err, /usage: pubview feed/);
  }
  const missing = pubview('feed', path.join(dir, 'none.json'), '--kind', 'job', '--format', 'rss', '-o', '-');
  assert.equal(missing.code, 2);
  assert.match(missing.err, /cannot read/);
});
