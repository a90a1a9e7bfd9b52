// Visitors without JavaScript (and crawlers that do not run it) see every
// entry: the demo pages carry `pubview html`'s static list in each widget's
// element. With JavaScript, the widget takes the list's place at its height.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serverAndBrowserForThisFile, root, screenshots, startWidgets } from './browser.mjs';

const shared = serverAndBrowserForThisFile();
const bundle = JSON.parse(fs.readFileSync(path.join(root, 'data/most-viewed-2022.json'), 'utf8'));
const paperTitles = bundle.publications.map((p) => p.title);
const jobTitles = bundle.jobs.map((j) => j.title);
const VIEWPORT = { width: 1100, height: 800 };

async function openWithoutJavaScript(file, options = {}) {
  const context = await shared.browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, javaScriptEnabled: false, ...options });
  const page = await context.newPage();
  await page.goto(shared.server.url + file);
  return { context, page };
}

// The heading levels in document order, e.g. [1, 2, 2, 3].
const headingLevels = (page) => page.evaluate(() =>
  Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'), (h) => Number(h.tagName[1])));

function assertOutlineSkipsNoLevel(levels) {
  assert.equal(levels[0], 1);
  levels.forEach((level, i) => assert.ok(i === 0 || level <= levels[i - 1] + 1, `h${levels[i - 1]} then h${level}`));
}

test('without JavaScript the demo page shows all twenty titles, a note on what is missing, and a valid outline', async () => {
  const { context, page } = await openWithoutJavaScript('index.html');
  assert.equal(await page.evaluate(() => typeof window.PubView), 'undefined', 'no script ran');
  const text = await page.locator('body').innerText();
  for (const title of [...paperTitles, ...jobTitles]) assert.ok(text.includes(title), `"${title}" is not on the page`);
  assert.match(text, /Search, filters and sorting need JavaScript/);
  const titles = await page.locator('#demo .pubview-static h2').allInnerTexts();
  assert.deepEqual(titles, [...paperTitles, ...jobTitles]);
  assertOutlineSkipsNoLevel(await headingLevels(page));

  // The first abstract opens in place; its link is a real one.
  await page.locator('#demo details summary').first().click();
  await page.waitForFunction(() => document.querySelector('#demo details').open);
  assert.ok(await page.getByText(bundle.publications[0].abstract.split('\n')[0]).isVisible());
  assert.equal(await page.locator('#demo li').first().getByRole('link', { name: 'Paper' }).getAttribute('href'),
    bundle.publications[0].url);
  await page.screenshot({ path: path.join(screenshots, 'no-js-demo.png') });
  await context.close();
});

test('without JavaScript the blog page lists the ten papers in the first widget and the ten jobs in the second', async () => {
  const { context, page } = await openWithoutJavaScript('blog.html', { colorScheme: 'dark' });
  assert.deepEqual(await page.locator('#papers .pubview-static h2').allInnerTexts(), paperTitles);
  assert.deepEqual(await page.locator('#jobs .pubview-static h3').allInnerTexts(), jobTitles);
  assert.equal(await page.locator('#papers .pubview-static li').count(), 10);
  assert.equal(await page.locator('#jobs .pubview-static li').count(), 10);
  assertOutlineSkipsNoLevel(await headingLevels(page));
  // Each list scrolls in the widget's own height, so the article around it keeps its place.
  assert.deepEqual(await page.evaluate(() => ['papers', 'jobs'].map((id) => {
    const box = document.querySelector(`#${id} .pubview-static`);
    return [box.getBoundingClientRect().height, box.scrollHeight > box.clientHeight];
  })), [[520, true], [420, true]]);
  await page.screenshot({ path: path.join(screenshots, 'no-js-blog-dark.png'), fullPage: true });
  await context.close();
});

for (const [file, ids] of [['index.html', ['demo']], ['blog.html', ['papers', 'jobs']]]) {
  test(`with JavaScript the widget replaces the static list on ${file} at the same height`, async () => {
    const context = await shared.browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    const page = await context.newPage();
    // pubview.js is held back until the static list has been measured.
    let release;
    const scriptHeld = new Promise((resolve) => { release = resolve; });
    await page.route('**/pubview.js', async (route) => { await scriptHeld; await route.continue(); });
    const heights = (page) => page.evaluate((ids) => ids.map((id) => document.getElementById(id).getBoundingClientRect().height), ids);

    await page.goto(shared.server.url + file, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.readyState !== 'loading');
    assert.equal(await page.locator('.pubview-static').count(), ids.length);
    assert.ok(await page.locator('.pubview-static').first().isVisible());
    const before = await heights(page);

    release();
    await page.waitForFunction((n) => window.PubView && PubView.widgets.length === n, ids.length, { timeout: 30000 });
    await startWidgets(page);
    assert.deepEqual(await page.evaluate(() => PubView.widgets.map((w) => w.error())), ids.map(() => null));
    assert.equal(await page.locator('.pubview-static').count(), 0, 'the static list is gone');
    const after = await heights(page);
    after.forEach((height, i) => assert.ok(Math.abs(height - before[i]) <= 1, `#${ids[i]}: ${before[i]} px before, ${height} px after`));
    await context.close();
  });
}

// pubview.js keeps the element's own content (the static list) in the
// widget's place until the module has started, its own box hidden meanwhile.
test('while the wasm downloads, the static list is shown and the element keeps its height', async () => {
  const context = await shared.browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  let release;
  const wasmHeld = new Promise((resolve) => { release = resolve; });
  await page.route('**/pubview.wasm', async (route) => { await wasmHeld; await route.continue(); });
  await page.goto(shared.server.url + 'index.html', { waitUntil: 'commit' });
  await page.waitForFunction(() => document.querySelector('#demo canvas'));
  const loading = await page.evaluate(() => document.getElementById('demo').getBoundingClientRect().height);
  assert.ok(await page.locator('#demo .pubview-static').isVisible(), 'the static list is what the visitor sees meanwhile');
  release();
  await page.waitForFunction(() => window.PubView && PubView.widgets.length === 1 && !document.querySelector('.pubview-static'));
  const started = await page.evaluate(() => document.getElementById('demo').getBoundingClientRect().height);
  assert.ok(Math.abs(loading - started) <= 1, `${loading} px while loading, ${started} px once started`);
  await context.close();
});
