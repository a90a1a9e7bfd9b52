// The bundle's typed links, a posting's age and closing day, and a
// publication's type, in the panel: the row's actions and summary (in the DOM
// mirror and on the canvas), the Type filter, and a closed posting hidden
// until asked for. Dates are written relative to the browser's today.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serverAndBrowserForThisFile, openBundlePage, settle, screenshots } from './browser.mjs';

const shared = serverAndBrowserForThisFile();

const DAY = 24 * 60 * 60 * 1000;
const dayText = (offset) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

const BUNDLE = {
  pubview: 1,
  title: 'A lab',
  source: { name: 'Lab' },
  publications: [
    { id: 'paper', title: 'Typed links for lab pages', abstract: 'A paper with its PDF, code and a talk.', year: 2024,
      type: 'conference paper', featured: true, url: 'https://example.org/paper',
      links: [{ url: 'https://example.org/paper.pdf', kind: 'pdf' }, { url: 'https://github.com/lab/code', kind: 'code' },
              { label: 'Talk', url: 'https://example.org/talk', kind: 'video' }] },
    { id: 'thesis', title: 'A thesis on ranking', abstract: 'Long.', year: 2020, type: 'thesis' },
  ],
  jobs: [
    { id: 'open-role', title: 'Research engineer', description: 'Build things.', location: { city: 'Paris' },
      date_posted: dayText(-3), valid_through: dayText(30), remote: true },
    { id: 'closed-role', title: 'Closed role', description: 'Gone.', location: { city: 'Paris' },
      date_posted: dayText(-60), valid_through: dayText(-2) },
  ],
};

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>fields</title>
<link rel="icon" href="data:,"></head><body style="margin:0">
<div class="pubview" data-bundle="fields-bundle.json" data-height="560px"></div>
<script src="pubview.js" defer></script></body></html>`;

const openFieldsPage = () => openBundlePage(shared.browser, shared.server.url, { name: 'fields', html: PAGE, bundle: BUNDLE });

const ids = (page) => page.evaluate(() => PubView.widgets[0].visible().map((r) => r.id));

// What the DOM mirror shows of a row: its summary line and its links' labels.
const mirrorRow = (page, id) => page.evaluate((id) => {
  const li = PubView.widgets[0].element.querySelector(`li[data-id="${id}"]`);
  if (!li) return null;
  return { summary: li.querySelector('p').textContent, links: [...li.querySelectorAll('a')].map((a) => a.textContent.split(':')[0]) };
}, id);

test('a closed posting is hidden, a posting shows its age and an open row its typed links', async () => {
  const { page, context, errors } = await openFieldsPage();
  assert.deepEqual(await ids(page), ['paper', 'thesis', 'open-role']);
  const job = await mirrorRow(page, 'open-role');
  assert.match(job.summary, /Remote · Posted 3 days ago/);
  await page.evaluate(() => PubView.widgets[0].expand('paper'));
  await settle(page);
  const paper = await mirrorRow(page, 'paper');
  assert.deepEqual(paper.links, ['Paper', 'PDF', 'Code', 'Talk']);
  assert.match(paper.summary, /Selected/);
  assert.ok(await page.evaluate(() => PubView.widgets[0].rowBounds('paper') !== null), 'the open row is drawn');
  await page.screenshot({ path: path.join(screenshots, 'fields-typed-links.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the closed postings come back when asked for, marked closed, and the state says so', async () => {
  const { page, context } = await openFieldsPage();
  await page.evaluate(() => PubView.widgets[0].setState({ ...PubView.widgets[0].state(), closed: true }));
  await settle(page);
  assert.deepEqual(await ids(page), ['paper', 'thesis', 'open-role', 'closed-role']);
  assert.match((await mirrorRow(page, 'closed-role')).summary, /Posted 60 days ago · Closed/);
  assert.equal(await page.evaluate(() => PubView.widgets[0].state().closed), true);
  assert.match(await page.evaluate(() => location.hash), /closed=1/);
  await context.close();
});

test('the Type filter narrows the list to a type', async () => {
  const { page, context } = await openFieldsPage();
  await page.evaluate(() => PubView.widgets[0].setState({ ...PubView.widgets[0].state(), kind: 'publication', filters: { type: ['thesis'] } }));
  await settle(page);
  assert.deepEqual(await ids(page), ['thesis']);
  await page.screenshot({ path: path.join(screenshots, 'fields-type-filter.png') });
  await context.close();
});
