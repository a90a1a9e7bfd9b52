// Issue 16's "done when": `pubview sync` builds a bundle from responses
// ORCID, Crossref, arXiv and Greenhouse really gave (tests/data/api/recorded/)
// and a hand-written base, the second run gives the same bytes, and the demo
// page shows every entry of that bundle. Crossref, arXiv and Greenhouse are
// fetched from a local server playing those APIs; ORCID is read from saved
// files (a works summary and one work's details), as its bulk details
// endpoint has no recorded answer to play.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ApiServer, api, apiFile, ok, run, workDir } from '../cli/api-server.mjs';
import { startServer, launchBrowser, openPage, settle, screenshots } from './browser.mjs';

const handWritten = {
  pubview: 1, title: 'Holography and publishing lab',
  publications: [{
    id: 'binfield-reputation-2009', title: 'Reputation, authority and incentives', abstract: 'Our own summary.',
    venue: 'Nature Precedings', year: 2009, doi: '10.1038/npre.2009.2801',
  }],
  jobs: [{ id: 'lab-manager', title: 'Lab manager', location: { city: 'Aberystwyth', country: 'GB' }, description: 'Runs the luminescence lab.' }],
};

const apis = new ApiServer();
let synced;  // {first, second, out, bytes}
let site;
let browser;

before(async () => {
  await apis.start();
  apis.route('/works/10.7554/elife.01567?mailto=lab%40example.org', ok(api('recorded/crossref-work-elife.json')));
  apis.route('/works/10.1021/acs.orglett.9b00971?mailto=lab%40example.org', ok(api('recorded/crossref-work-orglett.json')));
  apis.route('/api/query?search_query=au:wubben&start=0&max_results=100&sortBy=submittedDate&sortOrder=descending',
    ok(api('recorded/arxiv-1707.08567.atom'), 'application/atom+xml'));
  apis.route('/v1/boards/vaulttec/jobs?content=true', ok(api('recorded/greenhouse-docs-jobs-content.json')));
  const dir = workDir({ base: 'base.json', title: 'Holography and publishing lab', sources: [
    { type: 'orcid', files: [apiFile('recorded/orcid-works-0000-0002-9341-7985.json'), apiFile('recorded/orcid-work-77226586.json')] },
    { type: 'crossref', dois: ['10.7554/elife.01567', '10.1021/acs.orglett.9b00971'] },
    { type: 'arxiv', query: 'au:wubben' },
    { type: 'greenhouse', board: 'vaulttec' },
  ] }, handWritten);
  const out = path.join(dir, 'bundle.json');
  const args = ['sync', path.join(dir, 'config.json'), '-o', out, '--api-base', apis.base, '--mailto', 'lab@example.org'];
  const first = await run(args);
  const bytes = fs.readFileSync(out);
  const second = await run(args);
  synced = { first, second, out, bytes };
  site = await startServer(['--bundle', out]);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.stop();
  apis.stop();
});

test('sync merges the recorded answers with the hand-written base, and a second run changes nothing, byte for byte', () => {
  assert.equal(synced.first.code, 0, synced.first.err);
  assert.equal(synced.second.code, 0, synced.second.err);
  assert.match(synced.second.out, /0 added, 0 updated, 0 removed/);
  assert.deepEqual(fs.readFileSync(synced.out), synced.bytes);
  const bundle = JSON.parse(synced.bytes);
  const titles = [...bundle.publications, ...bundle.jobs].map((e) => e.title);
  // Every recorded work and posting is there, by the title its answer gives.
  const summary = JSON.parse(api('recorded/orcid-works-0000-0002-9341-7985.json'));
  const orcidTitles = summary.group.map((g) => g['work-summary'][0].title.title.value).filter((t) => !t.startsWith('Reputation'));
  for (const t of orcidTitles) assert.ok(titles.includes(t), t);
  assert.ok(titles.includes(JSON.parse(api('recorded/orcid-work-77226586.json')).title.title.value));
  for (const f of ['recorded/crossref-work-elife.json', 'recorded/crossref-work-orglett.json'])
    assert.ok(titles.includes(JSON.parse(api(f)).message.title[0]), f);
  assert.ok(titles.includes('Proceedings of Workshop AEW10: Concepts in Information Theory and Communications'));
  assert.ok(titles.includes(JSON.parse(api('recorded/greenhouse-docs-jobs-content.json')).jobs[0].title));
  // The ORCID work and the hand-written one share a DOI: one entry, the hand-written title and venue kept.
  const binfield = bundle.publications.filter((p) => p.doi === '10.1038/npre.2009.2801');
  assert.equal(binfield.length, 1);
  assert.equal(binfield[0].title, 'Reputation, authority and incentives');
  assert.equal(binfield[0].venue, 'Nature Precedings');
  assert.equal(bundle.publications.length, orcidTitles.length + 1 + 1 + 2 + 1);  // ORCID summary, its detail-only work, the base, Crossref, arXiv
  assert.equal(bundle.jobs.length, 2);
});

test('the demo page shows every entry of the synced bundle, drawn and without warnings', async () => {
  const { page, errors, context } = await openPage(browser, site.url);
  await settle(page);
  const bundle = JSON.parse(synced.bytes);
  const rows = await page.evaluate(() => PubView.widgets[0].visible());
  assert.deepEqual(rows.map((r) => r.title).sort(), [...bundle.publications, ...bundle.jobs].map((e) => e.title).sort());
  assert.equal(rows.filter((r) => r.kind === 'job').length, bundle.jobs.length);
  assert.equal(await page.evaluate(() => PubView.widgets[0].error()), null);
  assert.deepEqual(await page.evaluate(() => PubView.widgets[0].warnings()), []);
  assert.ok(await page.evaluate((id) => PubView.widgets[0].rowBounds(id) !== null, rows[0].id), 'the first row was drawn on the canvas');
  assert.deepEqual(errors, []);
  fs.mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, 'sync-recorded.png') });
  await context.close();
});

// What the DOM mirror shows of a row: its summary line and its links' labels.
const mirrorRow = (page, id) => page.evaluate((id) => {
  const li = PubView.widgets[0].element.querySelector(`li[data-id="${id}"]`);
  return { summary: li.querySelector('p').textContent, links: [...li.querySelectorAll('a')].map((a) => a.textContent.split(':')[0]) };
}, id);

test('the synced postings show their age and the arXiv paper its PDF as a typed link', async () => {
  const { page, context } = await openPage(browser, site.url);
  await settle(page);
  const rows = await page.evaluate(() => PubView.widgets[0].visible());
  const greenhouse = JSON.parse(api('recorded/greenhouse-docs-jobs-content.json')).jobs[0];
  const job = rows.find((r) => r.title === greenhouse.title);
  assert.match((await mirrorRow(page, job.id)).summary, /Posted [^·]+ ago/);
  const paper = rows.find((r) => r.title.startsWith('Proceedings of Workshop AEW10'));
  await page.evaluate((id) => PubView.widgets[0].expand(id), paper.id);
  await settle(page);
  assert.ok((await mirrorRow(page, paper.id)).links.includes('PDF'));
  await context.close();
});
