// `pubview sync` fetching every source through a local server that answers
// with the responses the APIs really gave (tests/data/api/recorded/; for
// DBLP, Lever and Ashby, of which no recorded answer was found, the
// hand-written ones). Fetched, each gives the same bundle, byte for byte, as
// the same answer read from a saved file; a 429 with Retry-After is waited
// out; a 500 that lasts, a stalled answer and a body cut short each end in a
// clear message naming the URL, exit 2 and the previous bundle left as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ApiServer, api, apiFile, ok, status, stalled, cutShort, run, workDir } from './api-server.mjs';

const server = new ApiServer();
before(() => server.start());
after(() => server.stop());

// One source of each type: its config, the first (here the only) request it
// makes, and the saved answer served there.
const sources = [
  { config: { type: 'crossref', dois: ['10.7554/elife.01567'] }, url: '/works/10.7554/elife.01567', file: 'recorded/crossref-work-elife.json' },
  { config: { type: 'openalex', author: 'A5023888391' }, url: '/works?filter=author.id:A5023888391&per-page=100&cursor=%2A', file: 'recorded/openalex-works-sample5.json' },
  { config: { type: 'arxiv', query: 'all:testing' }, url: '/api/query?search_query=all:testing&start=0&max_results=100&sortBy=submittedDate&sortOrder=descending', file: 'recorded/arxiv-query-testing-start10.atom' },
  { config: { type: 'orcid', orcid: '0000-0003-1620-1408' }, url: '/v3.0/0000-0003-1620-1408/works', file: 'recorded/orcid-works-empty-0000-0003-1620-1408.json' },
  { config: { type: 'greenhouse', board: 'vaulttec' }, url: '/v1/boards/vaulttec/jobs?content=true', file: 'recorded/greenhouse-docs-jobs-content.json' },
  { config: { type: 'dblp', pid: '78/5862' }, url: '/pid/78/5862.xml', file: 'dblp-person.xml' },
  { config: { type: 'lever', company: 'acme' }, url: '/v0/postings/acme?mode=json&skip=0&limit=100', file: 'lever-postings.json' },
  { config: { type: 'ashby', board: 'acme' }, url: '/posting-api/job-board/acme', file: 'ashby-jobs.json' },
];

// Runs a sync of `source` against the server; `previous` is written to the output first.
async function sync(source, extra = [], previous = null) {
  const dir = workDir({ title: 'Recorded', sources: [source] });
  const out = path.join(dir, 'bundle.json');
  if (previous !== null) fs.writeFileSync(out, previous);
  const result = await run(['sync', path.join(dir, 'config.json'), '-o', out, '--api-base', server.base, ...extra]);
  return { ...result, dir, out_path: out, bundle: () => fs.readFileSync(out) };
}

for (const { config, url, file } of sources) {
  test(`${config.type}: fetched after a 429 with Retry-After, the bundle is the one its saved answer gives`, async () => {
    const offline = await sync({ type: config.type, files: [apiFile(file)] });
    assert.ok(offline.code < 2, offline.err);
    server.reset();
    server.route(url, status(429, { 'retry-after': '1' }), ok(api(file)));
    const fetched = await sync(config);
    assert.equal(fetched.code, offline.code, fetched.err);
    assert.match(fetched.err, /HTTP 429 .*trying again in 1000 ms/);
    assert.equal(server.requests.length, 2, 'one page, asked twice');
    assert.ok(server.requests[1].at - server.requests[0].at >= 900, 'Retry-After was honoured');
    assert.equal(fetched.out.replaceAll(fetched.out_path, 'BUNDLE'), offline.out.replaceAll(offline.out_path, 'BUNDLE'), 'the same report');
    assert.deepEqual(fetched.bundle(), offline.bundle());
  });

  for (const [how, answer, extra, message] of [
    ['a 500 that lasts', status(500), ['--retries', '2'], /HTTP 500 from http:\/\/127\.0\.0\.1:\d+\S* after 2 attempts/],
    ['a stalled answer', stalled, ['--retries', '1', '--timeout', '1'], /no answer in time/],
    ['a body cut short', cutShort(api(file)), ['--retries', '1'], /cut short/],
  ]) {
    test(`${config.type}: ${how} ends in a clear message, exit 2, and the previous bundle kept`, async () => {
      server.reset();
      server.route(url, answer);
      const r = await sync(config, extra, 'previous');
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, message);
      assert.ok(r.err.includes(`from ${server.base}${url}`), `the message names ${url}:\n${r.err}`);
      assert.match(r.err, /1 of 1 sources could not be read; .* is left as it was/);
      assert.equal(fs.readFileSync(r.out_path, 'utf8'), 'previous');
      assert.deepEqual(fs.readdirSync(r.dir).sort(), ['bundle.json', 'config.json']);
    });
  }
}

// The recorded first page of a Crossref cursor query and its next-cursor.
const crossrefPage = JSON.parse(api('recorded/crossref-works-cursor-widget.json'));
// pubview percent-encodes every character but RFC 3986's unreserved ones, '*' too.
const crossrefUrl = (cursor) => `/works?filter=query:widget&rows=100&cursor=${encodeURIComponent(cursor).replaceAll('*', '%2A')}`;

test('a recorded Crossref cursor is followed: its twenty works, then the empty last page', async () => {
  server.reset();
  server.route(crossrefUrl('*'), ok(api('recorded/crossref-works-cursor-widget.json')));
  server.route(crossrefUrl(crossrefPage.message['next-cursor']), ok(api('crossref-works-page3.json')));
  const r = await sync({ type: 'crossref', filter: 'query:widget' });
  assert.ok(r.code < 2, r.err);
  assert.deepEqual(server.requests.map((q) => q.url), [crossrefUrl('*'), crossrefUrl(crossrefPage.message['next-cursor'])]);
  const titled = crossrefPage.message.items.filter((w) => w.title && w.title.length > 0).length;
  const bundle = JSON.parse(r.bundle());
  assert.equal(bundle.publications.length, titled);
});

test('a Crossref cursor whose second page fails writes nothing, not the first page alone', async () => {
  server.reset();
  server.route(crossrefUrl('*'), ok(api('recorded/crossref-works-cursor-widget.json')));
  server.route(crossrefUrl(crossrefPage.message['next-cursor']), cutShort(api('crossref-works-page3.json')));
  const r = await sync({ type: 'crossref', filter: 'query:widget' }, ['--retries', '1'], 'previous');
  assert.equal(r.code, 2, r.err);
  assert.match(r.err, /cut short/);
  assert.equal(fs.readFileSync(r.out_path, 'utf8'), 'previous');
});

test('a recorded OpenAlex list without next_cursor and an arXiv page shorter than asked end the paging after one request', async () => {
  for (const { config, url, file } of sources.filter((s) => s.config.type === 'openalex' || s.config.type === 'arxiv')) {
    server.reset();
    server.route(url, ok(api(file)));
    const r = await sync(config);
    assert.ok(r.code < 2, r.err);
    assert.equal(server.requests.length, 1, `${config.type}: ${server.requests.map((q) => q.url).join(', ')}`);
  }
});

test('a recorded OpenAlex work without a title is left out with a message naming the file, the place and the work', async () => {
  const file = apiFile('recorded/openalex-work-jspfsm-no-title.json');
  const r = await sync({ type: 'openalex', files: [file, apiFile('recorded/openalex-work-thesis.json')] });
  assert.equal(r.code, 1, r.err);  // written, with a problem
  assert.ok(r.err.includes(`${file}: /display_name: work https://openalex.org/W4230972471 has no title; skipped`), r.err);
  assert.equal(JSON.parse(r.bundle()).publications.length, 1);
});
