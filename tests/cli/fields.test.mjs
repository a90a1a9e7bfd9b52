// The bundle's later fields through the CLI: `pubview html`'s JSON-LD and
// static list, `pubview feed`'s dates, and `pubview sync`, in which a
// hand-written field wins over an imported one and imported ones fill gaps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../temp-dir.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'build/native/pubview');

function pubview(...args) {
  const r = spawnSync(cli, args, { encoding: 'utf8', timeout: 10000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function workDir() { return tempDir('pubview-fields-'); }

const rich = {
  pubview: 1, title: 'Lab', source: { name: 'Vault-Tec Labs' },
  publications: [
    { id: 'paper', title: 'A paper', abstract: 'About it.', date: '2024-05-17', type: 'conference paper', featured: true,
      links: [{ url: 'https://example.org/paper.pdf', kind: 'pdf' }, { label: 'Talk', url: 'https://example.org/talk', kind: 'video' }] },
    { id: 'older', title: 'An older paper', abstract: '', year: 2021, type: 'thesis' },
  ],
  jobs: [
    { id: 'scientist', title: 'Scientist', location: { city: 'Berlin', country: 'DE' }, description: 'Science.',
      date_posted: '2026-11-02', valid_through: '2026-12-31', employment_type: 'full_time',
      salary: { min: 70000, max: 90000, currency: 'EUR', unit: 'year' }, remote: true },
    { id: 'intern', title: 'Intern', location: { city: 'Berlin' }, description: 'Learn.', date_posted: '2026-11-20',
      salary: { max: 25, currency: 'EUR', unit: 'hour' } },
  ],
};

function writeRich() {
  const dir = workDir();
  const file = path.join(dir, 'rich.json');
  fs.writeFileSync(file, JSON.stringify(rich));
  return { dir, file };
}

function jsonLdItems(html) {
  const script = html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/);
  assert.ok(script, 'a JSON-LD script');
  return JSON.parse(script[1]).itemListElement.map((e) => e.item);
}

test('the bundle with every later field validates clean', () => {
  const { file } = writeRich();
  const r = pubview('validate', file);
  assert.equal(r.code, 0, r.err);
});

test('a bad date is named with its place and the exit code says warnings', () => {
  const dir = workDir();
  const file = path.join(dir, 'bad.json');
  fs.writeFileSync(file, JSON.stringify({ ...rich, jobs: [{ ...rich.jobs[0], date_posted: '02/11/2026' }] }));
  const r = pubview('validate', file);
  assert.equal(r.code, 1);
  assert.match(r.err, /\/jobs\/0\/date_posted: "02\/11\/2026" is not an ISO 8601 date/);
});

test('html JSON-LD has datePublished from the date, and a posting\'s dates, type, salary and remote work', () => {
  const { file } = writeRich();
  const r = pubview('html', file);
  assert.equal(r.code, 0, r.err);
  const [paper, older, scientist, intern] = jsonLdItems(r.out);
  assert.equal(paper['@type'], 'ScholarlyArticle');
  assert.equal(paper.datePublished, '2024-05-17');
  assert.deepEqual(paper.sameAs, ['https://example.org/paper.pdf', 'https://example.org/talk']);
  assert.equal(older['@type'], 'Thesis');
  assert.equal(older.datePublished, '2021');
  assert.equal(scientist['@type'], 'JobPosting');
  assert.equal(scientist.datePosted, '2026-11-02');
  assert.equal(scientist.validThrough, '2026-12-31');
  assert.equal(scientist.employmentType, 'FULL_TIME');
  assert.equal(scientist.jobLocationType, 'TELECOMMUTE');
  assert.deepEqual(scientist.baseSalary, {
    '@type': 'MonetaryAmount', currency: 'EUR', value: { '@type': 'QuantitativeValue', minValue: 70000, maxValue: 90000, unitText: 'YEAR' } });
  assert.deepEqual(intern.baseSalary.value, { '@type': 'QuantitativeValue', maxValue: 25, unitText: 'HOUR' });
  assert.equal(intern.jobLocationType, undefined);
  assert.equal(intern.validThrough, undefined);
});

test('the static list offers the typed links under their labels', () => {
  const { file } = writeRich();
  const html = pubview('html', file).out;
  assert.match(html, /<a href="https:\/\/example.org\/paper.pdf">PDF<\/a>/);
  assert.match(html, /<a href="https:\/\/example.org\/talk">Talk<\/a>/);
  const german = pubview('html', file, '--lang', 'de').out;
  assert.match(german, /<a href="https:\/\/example.org\/paper.pdf">PDF<\/a>/);
});

test('feeds date entries by their date and a posting by its date_posted, newest first', () => {
  const { dir, file } = writeRich();
  const out = path.join(dir, 'jobs.json');
  let r = pubview('feed', file, '--kind', 'job', '--format', 'json', '-o', out);
  assert.equal(r.code, 0, r.err);
  const jobs = JSON.parse(fs.readFileSync(out, 'utf8')).items;
  assert.deepEqual(jobs.map((i) => i.title), ['Intern', 'Scientist']);
  assert.equal(jobs[0].date_published, '2026-11-20T00:00:00Z');
  const atom = path.join(dir, 'papers.atom');
  r = pubview('feed', file, '--kind', 'publication', '--format', 'atom', '-o', atom);
  assert.equal(r.code, 0, r.err);
  assert.match(fs.readFileSync(atom, 'utf8'), /<updated>2024-05-17T00:00:00Z<\/updated>/);
});

test('sync keeps a hand-written type and fills the date, type and posting dates from the sources', () => {
  const dir = workDir();
  const api = (name) => path.join(root, 'tests/data/api', name);
  fs.writeFileSync(path.join(dir, 'base.json'), JSON.stringify({
    pubview: 1, title: 'Our lab',
    publications: [{ id: 'wu-kdd-2022', title: 'Non-stationary A/B tests', abstract: '', year: 2022, type: 'article',
      links: [{ url: 'https://example.org/wu.pdf', kind: 'pdf' }] }],
  }));
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ base: 'base.json', sources: [
    { type: 'crossref', files: [api('crossref-work.json')] },
    { type: 'greenhouse', files: [api('greenhouse-jobs.json')] },
  ] }));
  const out = path.join(dir, 'bundle.json');
  const r = pubview('sync', path.join(dir, 'config.json'), '-o', out);
  assert.ok(r.code === 0 || r.code === 1, r.err);
  const bundle = JSON.parse(fs.readFileSync(out, 'utf8'));
  const wu = bundle.publications.find((p) => p.id === 'wu-kdd-2022');
  assert.equal(wu.type, 'article');          // hand-written wins over Crossref's proceedings-article
  assert.equal(wu.date, '2022-08-14');       // filled from Crossref's issued date
  assert.deepEqual(wu.links, [{ url: 'https://example.org/wu.pdf', kind: 'pdf' }]);
  const job = bundle.jobs.find((j) => j.title === 'Research Scientist, Machine Learning');
  assert.equal(job.date_posted, '2024-01-14T10:55:28-05:00');
});
