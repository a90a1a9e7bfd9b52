// `pubview html`: the static list for pages without JavaScript, and its
// schema.org JSON-LD, checked property by property against what each
// schema.org type allows.
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
const bundle = JSON.parse(fs.readFileSync(seed, 'utf8'));

function pubview(...args) {
  const r = spawnSync(cli, args, { encoding: 'utf8', timeout: 10000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function jsonLd(html) {
  const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 1, 'one JSON-LD script');
  return JSON.parse(scripts[0][1]);
}

const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const headings = (html, level = 2) =>
  [...html.matchAll(new RegExp(`<h${level}[^>]*>([\\s\\S]*?)</h${level}>`, 'g'))].map((m) => unescape(m[1]));

// ---- what each schema.org type may hold here: property -> check ----------------
const text = (v) => typeof v === 'string' && v.trim() !== '';
const link = (v) => text(v) && /^https?:\/\/[^\s<>"]+$/.test(v) && Boolean(new URL(v));
const year = (v) => typeof v === 'string' && /^(19|20|21)\d\d$/.test(v);
const positive = (v) => Number.isInteger(v) && v > 0;
const node = (...types) => ({ node: types });
const listOf = (check) => ({ list: check });

const SCHEMA = {
  ItemList: { required: ['@context', 'itemListElement', 'numberOfItems'],
    properties: { '@context': (v) => v === 'https://schema.org', numberOfItems: (v) => Number.isInteger(v) && v >= 0,
      itemListElement: listOf(node('ListItem')) } },
  ListItem: { required: ['position', 'item'],
    properties: { position: positive, item: node('ScholarlyArticle', 'JobPosting') } },
  ScholarlyArticle: { required: ['name'],
    properties: { name: text, author: listOf(node('Person')), datePublished: year, isPartOf: node('CreativeWork'),
      award: text, keywords: listOf(text), abstract: text, url: link, sameAs: listOf(link) } },
  Person: { required: ['name'], properties: { name: text } },
  CreativeWork: { required: ['name'], properties: { name: text } },
  JobPosting: { required: ['title', 'jobLocation'],
    properties: { title: text, description: text, url: link, jobLocation: node('Place'), hiringOrganization: node('Organization') } },
  Place: { required: ['address'], properties: { address: node('PostalAddress') } },
  PostalAddress: { required: [], properties: { addressLocality: text, addressRegion: text, addressCountry: text } },
  Organization: { required: ['name'], properties: { name: text } },
};

// Every way `value` breaks the schema above, as "path: what" strings.
function schemaErrors(value, check, where) {
  if (typeof check === 'function') return check(value) ? [] : [`${where}: bad value ${JSON.stringify(value)}`];
  if (check.list) {
    if (!Array.isArray(value) || value.length === 0) return [`${where}: expected a non-empty array`];
    return value.flatMap((v, i) => schemaErrors(v, check.list, `${where}/${i}`));
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [`${where}: expected an object`];
  const type = value['@type'];
  if (!check.node.includes(type)) return [`${where}: @type ${JSON.stringify(type)} is not ${check.node.join(' or ')}`];
  const { required, properties } = SCHEMA[type];
  const errors = required.filter((p) => !(p in value)).map((p) => `${where}: ${type} lacks ${p}`);
  for (const [p, v] of Object.entries(value)) {
    if (p === '@type') continue;
    if (!(p in properties)) errors.push(`${where}/${p}: not a property of ${type} here`);
    else errors.push(...schemaErrors(v, properties[p], `${where}/${p}`));
  }
  return errors;
}

test('the schema check itself finds a mistyped author, an unknown property and a bad link', () => {
  const bad = { '@type': 'ScholarlyArticle', name: 'x', author: ['Ann'], headline: 'x', sameAs: ['javascript:x'] };
  const errors = schemaErrors(bad, node('ScholarlyArticle'), '');
  assert.equal(errors.length, 3, errors.join('\n'));
});

test('html writes JSON-LD in which every property and value type is one schema.org allows', () => {
  const r = pubview('html', seed);
  assert.equal(r.code, 0, r.err);
  const list = jsonLd(r.out);
  assert.equal(list['@type'], 'ItemList');
  assert.deepEqual(schemaErrors(list, node('ItemList'), ''), []);
  assert.equal(list.numberOfItems, 20);
  assert.deepEqual(list.itemListElement.map((e) => e.position), Array.from({ length: 20 }, (_, i) => i + 1));
});

test('html JSON-LD carries what the bundle has, and nothing it does not', () => {
  const items = jsonLd(pubview('html', seed).out).itemListElement.map((e) => e.item);
  const articles = items.filter((i) => i['@type'] === 'ScholarlyArticle');
  const postings = items.filter((i) => i['@type'] === 'JobPosting');
  assert.equal(articles.length, bundle.publications.length);
  assert.equal(postings.length, bundle.jobs.length);
  bundle.publications.forEach((p, n) => {
    const a = articles[n];
    assert.equal(a.name, p.title);
    assert.deepEqual(a.author.map((x) => x.name), p.authors);
    assert.equal(a.datePublished, p.year === undefined ? undefined : String(p.year));
    assert.equal(a.isPartOf?.name, p.venue);
    assert.equal(a.url, p.url);
    const sameAs = [p.doi && `https://doi.org/${p.doi}`, p.arxiv && `https://arxiv.org/abs/${p.arxiv}`].filter(Boolean);
    assert.deepEqual(a.sameAs ?? [], sameAs, p.id);
  });
  bundle.jobs.forEach((j, n) => {
    const posting = postings[n];
    assert.equal(posting.title, j.title);
    assert.equal(posting.description, j.description);
    assert.deepEqual(posting.jobLocation.address, { '@type': 'PostalAddress',
      ...(j.location.city && { addressLocality: j.location.city }), ...(j.location.region && { addressRegion: j.location.region }),
      ...(j.location.country && { addressCountry: j.location.country }) });
    assert.deepEqual(posting.hiringOrganization, { '@type': 'Organization', name: bundle.source.name });
  });
});

test('html lists every entry under an h2 heading with its title, in bundle order', () => {
  const r = pubview('html', seed);
  assert.deepEqual(headings(r.out), [...bundle.publications, ...bundle.jobs].map((e) => e.title));
  assert.equal((r.out.match(/<details>/g) || []).length, 20);
  assert.match(r.out, /<section class="pubview-static" aria-label="Publications and jobs" style="height:600px;/);
});

test('html --kind job --heading 3 --height 420px lists the jobs alone, as h3, in a box of that height', () => {
  const r = pubview('html', seed, '--kind', 'job', '--heading', '3', '--height', '420px');
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(headings(r.out, 3), bundle.jobs.map((j) => j.title));
  assert.deepEqual(headings(r.out, 2), []);
  assert.match(r.out, /style="height:420px;/);
  assert.ok(jsonLd(r.out).itemListElement.every((e) => e.item['@type'] === 'JobPosting'));
});

test('html reads a pack the same as its JSON, and -o writes a file', () => {
  const dir = tempDir('pubview-html-');
  const pack = path.join(dir, 'seed.pvpack');
  assert.equal(pubview('pack', seed, '-o', pack).code, 0);
  const out = path.join(dir, 'list.html');
  const r = pubview('html', pack, '-o', out);
  assert.equal(r.code, 0, r.err);
  assert.equal(fs.readFileSync(out, 'utf8'), pubview('html', seed).out);
});

test('html refuses a bad --kind, --heading or --height with exit 2 and a message', () => {
  for (const [args, message] of [[['--kind', 'talk'], /--kind takes publication or job/],
    [['--heading', '7'], /--heading takes a level from 2 to 6/],
    [['--height', '1px;background:red'], /--height takes a CSS height/],
    [['--lang', 'klingon'], /--lang takes en, de, es, fr, zh-Hans, ja or ar/],
    [[], /usage: pubview html FILE/]]) {
    const r = pubview('html', ...(args.length ? [seed, ...args] : []));
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, message);
  }
});

test('html keeps a hostile title as text, in the list and in the JSON-LD', () => {
  const dir = tempDir('pubview-html-');
  const file = path.join(dir, 'hostile.json');
  const title = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';
  fs.writeFileSync(file, JSON.stringify({ pubview: 1, title: 't',
    publications: [{ id: 'a', title, abstract: 'x', url: 'javascript:alert(3)' }] }));
  const r = pubview('html', file);
  assert.equal(r.code, 0, 'a bundle with warnings is still listed');
  assert.match(r.err, /\/publications\/0\/url: dropped URL/);
  assert.equal((r.out.match(/<script/g) || []).length, 1);
  assert.doesNotMatch(r.out, /<img|javascript:/);
  assert.deepEqual(headings(r.out), [title]);
  assert.equal(jsonLd(r.out).itemListElement[0].item.name, title);
});

test('html --lang writes the list\'s own words in that language, and the entries as they are', () => {
  const arabic = pubview('html', seed, '--lang', 'ar');
  assert.equal(arabic.code, 0, arabic.err);
  assert.match(arabic.out, /<section class="pubview-static" lang="ar" dir="rtl" aria-label="المنشورات والوظائف"/);
  assert.match(arabic.out, /<summary>الملخص<\/summary>/);
  assert.match(arabic.out, />بحث<\/a>/, "a paper's link says so in Arabic");
  assert.match(arabic.out, />DOI<\/a>/);
  assert.deepEqual(headings(arabic.out), headings(pubview('html', seed).out), 'the titles are not translated');
  assert.deepEqual(jsonLd(arabic.out), jsonLd(pubview('html', seed).out), 'the JSON-LD is the same');
  const german = pubview('html', seed, '--kind', 'job', '--lang', 'de-AT').out;
  assert.match(german, /lang="de" aria-label="Stellen"/);
  assert.match(german, /<summary>Beschreibung<\/summary>/);
});

test('ui-text writes a language\'s phrases as the JSON the widget fetches, and refuses a language it does not speak', () => {
  const r = pubview('ui-text', 'ja');
  assert.equal(r.code, 0, r.err);
  const phrases = JSON.parse(r.out);
  assert.equal(phrases.try_again, '再試行');
  assert.equal(phrases.results_counted, '{n} 件の結果');
  assert.equal(pubview('ui-text', 'ru').code, 2);
});
