// `pubview sync` against a local HTTP server that plays the APIs with the
// saved responses of tests/data/api: pagination, 429 with Retry-After, 5xx,
// a stalled answer and a cut-short body. The CLI runs as a child process
// (asynchronously, so this process's server keeps answering); every test
// waits for it to exit, never for a fixed time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ApiServer, api, ok, status, stalled, cutShort, run, workDir } from './api-server.mjs';

const apiServer = new ApiServer();
const requests = apiServer.requests;
const route = (...args) => apiServer.route(...args);
const reset = () => apiServer.reset();
let base;

before(async () => { base = (await apiServer.start()).base; });
after(() => apiServer.stop());

const handWritten = {
  pubview: 1, title: 'Our lab',
  publications: [{ id: 'wu-kdd-2022', title: 'Non-stationary A/B tests', abstract: '', venue: 'KDD 2022', year: 2022 }],
  jobs: [{ id: 'postdoc', title: 'Postdoc', location: { city: 'Seattle' }, description: 'Hand-written.' }],
};

test('sync builds a bundle from ORCID, Crossref, arXiv and Greenhouse over HTTP, the same bytes twice', async () => {
  reset();
  route('/v3.0/0000-0002-1825-0097/works', ok(api('orcid-works.json')));
  route('/v3.0/0000-0002-1825-0097/works/112233,445566,778899', ok(api('orcid-works-bulk.json')));
  route('/works/10.1145/3534678.3539325?mailto=lab%40example.org', ok(api('crossref-work.json')));
  route('/api/query?search_query=au:archambeau&start=0&max_results=100&sortBy=submittedDate&sortOrder=descending', ok(api('arxiv-query.atom'), 'application/atom+xml'));
  route('/v1/boards/vaulttec/jobs?content=true', ok(api('greenhouse-jobs.json')));
  const dir = workDir({ base: 'base.json', sources: [
    { type: 'orcid', orcid: '0000-0002-1825-0097' },
    { type: 'crossref', dois: ['10.1145/3534678.3539325'] },
    { type: 'arxiv', query: 'au:archambeau' },
    { type: 'greenhouse', board: 'vaulttec' },
  ] }, handWritten);
  const out = path.join(dir, 'bundle.json');
  const args = ['sync', path.join(dir, 'config.json'), '-o', out, '--api-base', base, '--mailto', 'lab@example.org'];
  const first = await run(args);
  assert.equal(first.code, 1, first.err);  // warnings: a withdrawn paper, a job without content, ...
  assert.match(first.out, /4 publications, 3 jobs; 7 added, 0 updated, 0 removed/);
  assert.match(first.err, /\/api\/query\?\S*:37: arXiv 1805.00001 .*withdrawn/);
  const bundle = JSON.parse(fs.readFileSync(out, 'utf8'));
  const wu = bundle.publications.find((p) => p.id === 'wu-kdd-2022');
  assert.equal(wu.title, 'Non-stationary A/B tests');  // hand-written wins
  assert.equal(wu.venue, 'KDD 2022');
  assert.equal(wu.doi, '10.1145/3534678.3539325');     // imported fills the gap
  assert.ok(bundle.jobs.some((j) => j.title === 'Research Scientist, Machine Learning'));
  assert.ok(requests.every((r) => r.agent.startsWith('pubview/') && r.agent.includes('mailto:lab@example.org')));
  assert.ok(requests.filter((r) => r.url.startsWith('/v3.0/')).every((r) => r.accept === 'application/json'));
  const bytes = fs.readFileSync(out);
  const second = await run(args);
  assert.equal(second.code, 1, second.err);
  assert.match(second.out, /0 added, 0 updated, 0 removed/);
  assert.deepEqual(fs.readFileSync(out), bytes);
  const validate = await run(['validate', out]);
  assert.equal(validate.code, 0, validate.err);
});

test('a posting that left its board leaves the bundle and the report says so', async () => {
  reset();
  const board = JSON.parse(api('greenhouse-jobs.json'));
  route('/v1/boards/acme/jobs?content=true', ok(JSON.stringify(board)),
        ok(JSON.stringify({ jobs: board.jobs.slice(1), meta: { total: 2 } })));
  const dir = workDir({ title: 'Jobs', sources: [{ type: 'greenhouse', board: 'acme' }] });
  const out = path.join(dir, 'bundle.json');
  const args = ['sync', path.join(dir, 'config.json'), '-o', out, '--api-base', base];
  assert.match((await run(args)).out, /2 added/);
  const second = await run(args);
  assert.match(second.out, /0 added, 0 updated, 1 removed\n {2}removed research-scientist-machine-learning-new-york/);
  assert.equal(JSON.parse(fs.readFileSync(out, 'utf8')).jobs.length, 1);
});

test('Crossref and OpenAlex cursors are followed to the last page', async () => {
  reset();
  route('/works?filter=orcid:0000-0002-1825-0097&rows=100&cursor=%2A', ok(api('crossref-works-page1.json')));
  route('/works?filter=orcid:0000-0002-1825-0097&rows=100&cursor=DnF1ZXJ5VGhlbkZldGNoBgAAAAAA', ok(api('crossref-works-page2.json')));
  route('/works?filter=orcid:0000-0002-1825-0097&rows=100&cursor=DnF1ZXJ5VGhlbkZldGNoBgAAAAAB', ok(api('crossref-works-page3.json')));
  const crossref = workDir({ title: 'T', sources: [{ type: 'crossref', filter: 'orcid:0000-0002-1825-0097' }] });
  const r = await run(['sync', path.join(crossref, 'config.json'), '-o', path.join(crossref, 'b.json'), '--api-base', base]);
  assert.equal(r.code, 1, r.err);  // one work without a title
  assert.match(r.err, /\/message\/items\/0\/title: work 10.5555\/no-title has no title; skipped/);
  assert.match(r.out, /3 publications/);
  assert.equal(requests.length, 3);

  reset();
  const cursor2 = 'IlsxMDAuMCwgJ2h0dHBzOi8vb3BlbmFsZXgub3JnL1cyMDQxMjk5ODgxJ10i';
  const cursor3 = 'IlsyMDAuMCwgJ2h0dHBzOi8vb3BlbmFsZXgub3JnL1cxMjM0NTY3ODkwJ10i';
  route('/works?filter=author.id:A5012345678&per-page=100&cursor=%2A', ok(api('openalex-works-page1.json')));
  route(`/works?filter=author.id:A5012345678&per-page=100&cursor=${cursor2}`, ok(api('openalex-works-page2.json')));
  route(`/works?filter=author.id:A5012345678&per-page=100&cursor=${cursor3}`, ok(api('openalex-works-page3.json')));
  const openalex = workDir({ title: 'T', sources: [{ type: 'openalex', author: 'A5012345678' }] });
  const o = await run(['sync', path.join(openalex, 'config.json'), '-o', path.join(openalex, 'b.json'), '--api-base', base]);
  assert.equal(o.code, 0, o.err);
  assert.match(o.out, /3 publications, 0 jobs; 3 added/);
});

test('Lever pages with skip and limit, and Ashby and DBLP are read in one answer', async () => {
  reset();
  route('/v0/postings/acme?mode=json&skip=0&limit=100', ok(api('lever-postings.json')));
  route('/posting-api/job-board/acme', ok(api('ashby-jobs.json')));
  route('/pid/78/5862.xml', ok(api('dblp-person.xml'), 'application/xml'));
  const dir = workDir({ title: 'T', sources: [{ type: 'lever', company: 'acme' }, { type: 'ashby', board: 'acme' }, { type: 'dblp', pid: '78/5862' }] });
  const r = await run(['sync', path.join(dir, 'config.json'), '-o', path.join(dir, 'b.json'), '--api-base', base]);
  assert.equal(r.code, 1, r.err);
  assert.match(r.out, /3 publications, 3 jobs/);
  assert.equal(requests.length, 3);
});

test('a 429 with Retry-After: 1 is waited out, then the answer is used', async () => {
  reset();
  route('/posting-api/job-board/acme', status(429, { 'retry-after': '1' }), ok(api('ashby-jobs.json')));
  const dir = workDir({ title: 'T', sources: [{ type: 'ashby', board: 'acme' }] });
  const r = await run(['sync', path.join(dir, 'config.json'), '-o', path.join(dir, 'b.json'), '--api-base', base]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /HTTP 429 .*trying again in 1000 ms/);
  assert.equal(requests.length, 2);
  assert.ok(requests[1].at - requests[0].at >= 900, `waited ${requests[1].at - requests[0].at} ms`);
});

test('a 503 is retried after a backoff and the sync goes on', async () => {
  reset();
  route('/v1/boards/acme/jobs?content=true', status(503), ok(api('greenhouse-jobs.json')));
  const dir = workDir({ title: 'T', sources: [{ type: 'greenhouse', board: 'acme' }] });
  const r = await run(['sync', path.join(dir, 'config.json'), '-o', path.join(dir, 'b.json'), '--api-base', base]);
  assert.equal(r.code, 1, r.err);
  assert.match(r.err, /HTTP 503 .*trying again/);
  assert.equal(requests.length, 2);
  assert.match(r.out, /2 jobs/);
});

test('a Retry-After given as an HTTP date is read as one (a date past: no wait)', async () => {
  reset();
  const past = new Date(Date.now() - 60000).toUTCString();
  route('/v1/boards/acme/jobs?content=true', status(503, { 'retry-after': past }), ok(api('greenhouse-jobs.json')));
  const dir = workDir({ title: 'T', sources: [{ type: 'greenhouse', board: 'acme' }] });
  const r = await run(['sync', path.join(dir, 'config.json'), '-o', path.join(dir, 'b.json'), '--api-base', base]);
  assert.equal(r.code, 1, r.err);
  assert.match(r.err, /HTTP 503 .*trying again in 0 ms/);
  assert.equal(requests.length, 2);
});

// Failures: each ends in a clear message, exit 2, and the previous bundle untouched.
async function failingSync(answer, extra, message) {
  reset();
  route('/posting-api/job-board/acme', answer);
  const dir = workDir({ title: 'T', sources: [{ type: 'ashby', board: 'acme' }] });
  const out = path.join(dir, 'b.json');
  fs.writeFileSync(out, 'previous');
  const r = await run(['sync', path.join(dir, 'config.json'), '-o', out, '--api-base', base, ...extra]);
  assert.equal(r.code, 2, r.err);
  assert.match(r.err, message);
  assert.match(r.err, /1 of 1 sources could not be read; .* is left as it was/);
  assert.equal(fs.readFileSync(out, 'utf8'), 'previous');
  assert.deepEqual(fs.readdirSync(dir).sort(), ['b.json', 'config.json']);
}

test('a 500 that lasts gives up after the retries and writes nothing', async () => {
  await failingSync(status(500), ['--retries', '2'], /HTTP 500 from http:\/\/127\.0\.0\.1:\d+\/posting-api\/job-board\/acme after 2 attempts/);
  assert.equal(requests.length, 2);
});

test('a stalled answer times out and writes nothing', async () => {
  await failingSync(stalled, ['--retries', '1', '--timeout', '1'], /no answer in time/);
});

test('a body cut short is refused and writes nothing', async () => {
  await failingSync(cutShort(api('ashby-jobs.json')), ['--retries', '1'], /cut short/);
});

test('an answer that is not what the source returns names the source and the place it broke', async () => {
  await failingSync(ok('{"jobs": [{"title": "x"'), [], /\/posting-api\/job-board\/acme:1:\d+: not valid JSON: it ends too soon \(the response is cut short\); expected an Ashby job board answer/);
});

test('a config with an unknown source type or a missing board is refused with its place', async () => {
  const dir = workDir({ title: 'T', base: 3, sources: [{ type: 'myspace' }, { type: 'greenhouse' }] });
  const r = await run(['sync', path.join(dir, 'config.json'), '-o', path.join(dir, 'b.json')]);
  assert.equal(r.code, 2);
  assert.match(r.err, /\/sources\/0\/type: expected one of crossref, openalex, arxiv, dblp, orcid, greenhouse, lever, ashby/);
  assert.match(r.err, /\/sources\/1: a greenhouse source needs "board", or saved responses in "files"/);
  assert.match(r.err, /\/base: expected a string/);
});
