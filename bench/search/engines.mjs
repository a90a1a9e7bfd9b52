// One adapter per engine: build(bundle) -> index, then search(index, query) ->
// ids of the best 10, best first. Each library is set up the way its own
// documentation recommends for search-as-you-type: prefix matching on, typo
// tolerance on where it has one, the title boosted above the authors, the
// authors above the venue and the body. Field boosts follow pubview's where the
// library has boosts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const versionOf = (name) => JSON.parse(readFileSync(resolve(here, 'node_modules', name, 'package.json'), 'utf8')).version;
const LIMIT = 10;
const BOOSTS = { title: 4, authors: 3, venue: 2, location: 2, team: 1.5, body: 1 };
const FIELDS = Object.keys(BOOSTS);

// The JS libraries index flat documents; pubview reads the bundle itself.
export function flatDocuments(bundle) {
  const publications = bundle.publications.map((p) => ({
    id: p.id, title: p.title, authors: (p.authors ?? []).join(', '), venue: p.venue ?? '', location: '', team: '', body: p.abstract ?? '',
  }));
  const jobs = bundle.jobs.map((j) => ({
    id: j.id, title: j.title, authors: '', venue: '', team: j.team ?? '', body: j.description ?? '',
    location: [j.location?.city, j.location?.region, j.location?.country].filter(Boolean).join(', '),
  }));
  return publications.concat(jobs);
}

const words = (query) => query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

export const engines = {
  async pubview() {
    const modulePath = process.env.PUBVIEW_CORE_MODULE ?? resolve(here, '../../build/web/pubview-core.mjs');
    const { load } = await import(pathToFileURL(modulePath).href);
    return {
      version: process.env.PUBVIEW_CORE_LABEL ?? 'this repository',
      build: (bundleText) => load(bundleText),
      search: (index, query) => index.search(query, { limit: LIMIT }).results.map((r) => r.id),
    };
  },

  async minisearch() {
    const { default: MiniSearch } = await import('minisearch');
    return {
      version: versionOf('minisearch'),
      build(documents) {
        const index = new MiniSearch({
          fields: FIELDS,
          searchOptions: { boost: BOOSTS, prefix: true, fuzzy: 0.2 },
        });
        index.addAll(documents);
        return index;
      },
      search: (index, query) => index.search(query).slice(0, LIMIT).map((r) => r.id),
    };
  },

  async flexsearch() {
    const { Document } = await import('flexsearch');
    return {
      version: versionOf('flexsearch'),
      build(documents) {
        // 'forward' tokenizing (prefixes) on the short fields only: on bodies it
        // multiplies memory past what 100,000 entries allow.
        const index = new Document({
          document: {
            id: 'id',
            index: [
              { field: 'title', tokenize: 'forward' }, { field: 'authors', tokenize: 'forward' },
              { field: 'venue', tokenize: 'forward' }, { field: 'location', tokenize: 'forward' },
              { field: 'team', tokenize: 'forward' }, { field: 'body', tokenize: 'strict' },
            ],
          },
        });
        for (const d of documents) index.add(d);
        return index;
      },
      search(index, query) {
        // Results come per field; take them in boost order, first come first ranked.
        const perField = index.search(query, { limit: LIMIT, suggest: true });
        const ranked = [];
        for (const field of FIELDS)
          for (const id of perField.find((r) => r.field === field)?.result ?? [])
            if (!ranked.includes(id) && ranked.length < LIMIT) ranked.push(id);
        return ranked;
      },
    };
  },

  async fuse() {
    const { default: Fuse } = await import('fuse.js');
    return {
      version: versionOf('fuse.js'),
      build: (documents) => new Fuse(documents, {
        keys: FIELDS.map((name) => ({ name, weight: BOOSTS[name] })),
        ignoreLocation: true, threshold: 0.3,
      }),
      search: (index, query) => index.search(query, { limit: LIMIT }).map((r) => r.item.id),
    };
  },

  async orama() {
    const { create, insertMultiple, search } = await import('@orama/orama');
    return {
      version: versionOf('@orama/orama'),
      async build(documents) {
        const db = create({ schema: Object.fromEntries(['id', ...FIELDS].map((f) => [f, 'string'])) });
        await insertMultiple(db, documents, 1000);
        return db;
      },
      async search(db, query) {
        const found = await search(db, { term: query, properties: FIELDS, boost: BOOSTS, tolerance: 1, limit: LIMIT });
        return found.hits.map((h) => h.document.id);
      },
    };
  },

  async lunr() {
    const lunr = require('lunr');
    return {
      version: versionOf('lunr'),
      build: (documents) => lunr(function build() {
        this.ref('id');
        for (const field of FIELDS) this.field(field, { boost: BOOSTS[field] });
        for (const d of documents) this.add(d);
      }),
      search(index, query) {
        // Lunr's query syntax would choke on the visitor's punctuation: give it
        // words, each exact or one edit off, and the last one also as a prefix.
        const terms = words(query);
        if (terms.length === 0) return [];
        const last = terms.pop();
        const clauses = terms.map((t) => `${t} ${t}~1`).concat([`${last} ${last}*`]);
        return index.search(clauses.join(' ')).slice(0, LIMIT).map((r) => r.ref);
      },
    };
  },
};
