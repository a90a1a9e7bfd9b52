// A visitor whose browser has no WebGL2 (blocked GPU, some virtual machines),
// or whose context is lost, gets the list as HTML: the same rows, searched by
// the same engine in the wasm, the same kind switch, rows that open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serverAndBrowserForThisFile, launchBrowser, openPage, screenshots } from './browser.mjs';

const withoutWebGL = serverAndBrowserForThisFile(['--disable-3d-apis']);

const settled = (page) => page.evaluate(() => Promise.all(PubView.widgets.map((w) => w.settled())).then(() => null));
// The titles of the list's rows that are on screen, read from what the page lays out.
const titlesOnScreen = (page) => page.evaluate(() => Array.from(document.querySelectorAll('.pubview-mirror li h2'))
  .filter((h) => { const b = h.getBoundingClientRect(); return b.height > 0 && b.top < innerHeight && b.bottom > 0; })
  .map((h) => h.textContent));

test('without WebGL the demo page shows all 20 entries as a visible, readable HTML list', async () => {
  const { page, errors, context } = await openPage(withoutWebGL.browser, withoutWebGL.server.url);
  await settled(page);
  assert.equal(await page.evaluate(() => PubView.widgets[0].error()), null);
  assert.equal(await page.evaluate(() => !!document.createElement('canvas').getContext('webgl2')), false, 'this browser has no WebGL2');
  assert.equal(await page.locator('.pubview canvas').isVisible(), false, 'no empty canvas');
  assert.equal(await page.locator('.pubview-mirror li').count(), 20);
  const shown = await titlesOnScreen(page);
  assert.equal(shown[0], 'Amazon Redshift Re-invented');
  assert.ok(shown.length >= 5, `rows on screen: ${shown.length}`);
  // The list is the element's height: the page did not grow or jump.
  const box = await page.locator('.pubview').boundingBox();
  const list = await page.locator('.pubview-mirror').boundingBox();
  assert.ok(Math.abs(list.height - box.height) <= 2, `list ${list.height} px in an element of ${box.height} px`);
  await page.screenshot({ path: path.join(screenshots, 'no-webgl.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('without WebGL typing in the search box narrows the list with the same engine', async () => {
  const { page, context } = await openPage(withoutWebGL.browser, withoutWebGL.server.url);
  await page.getByRole('searchbox', { name: 'Search the list' }).click();
  await page.keyboard.type('bengaluru');
  await settled(page);
  assert.equal(await page.evaluate(() => PubView.widgets[0].query()), 'bengaluru');
  assert.equal(await page.locator('.pubview-mirror li').count(), 4);
  assert.match(await page.locator('.pubview-mirror [role=status]').textContent(), /^4 results$/);
  await page.keyboard.press('Escape');  // a search input clears itself
  await settled(page);
  assert.equal(await page.locator('.pubview-mirror li').count(), 20);
  await context.close();
});

test('without WebGL the kind switch and an opened row work, and the view goes into the URL', async () => {
  const { page, context } = await openPage(withoutWebGL.browser, withoutWebGL.server.url);
  await page.getByRole('button', { name: /^Jobs 10$/ }).click();
  await settled(page);
  assert.equal(await page.locator('.pubview-mirror li').count(), 10);
  assert.equal(await page.getByRole('button', { name: /^Jobs 10$/ }).getAttribute('aria-pressed'), 'true');
  const first = page.locator('.pubview-mirror li').first();
  const id = await first.getAttribute('data-id');
  await first.locator('summary').click();
  // The details element's toggle event, which opens the row in the widget,
  // comes in a task of its own after the click: wait for the row itself.
  await page.waitForFunction((id) => PubView.widgets[0].visible().some((r) => r.expanded && r.id === id), id);
  await settled(page);
  assert.deepEqual(await page.evaluate(() => PubView.widgets[0].visible().filter((r) => r.expanded).map((r) => r.id)), [id]);
  assert.ok((await first.locator('details p').nth(1).boundingBox()).height > 0, 'the description is on screen');
  await page.waitForFunction((id) => location.hash.includes('open=' + id), id);
  assert.match(await page.evaluate(() => location.hash), /kind=job/);
  await context.close();
});

test('a lost WebGL context shows the HTML list, and a restored one brings the canvas back with its state', async () => {
  const browser = await launchBrowser();
  try {
    const { page, context } = await openPage(browser, withoutWebGL.server.url);
    await page.evaluate(() => { PubView.widgets[0].setQuery('causal'); PubView.widgets[0].expand('validating-causal-inference-methods-2022'); });
    await settled(page);
    assert.ok(await page.evaluate(() => PubView.widgets[0].rowBounds('validating-causal-inference-methods-2022')), 'drawn on the canvas');
    await page.evaluate(() => {
      window.loseContext = document.querySelector('.pubview canvas').getContext('webgl2').getExtension('WEBGL_lose_context');
      window.loseContext.loseContext();
    });
    await page.locator('.pubview-mirror li').first().waitFor({ state: 'visible' });
    assert.equal(await page.locator('.pubview canvas').isVisible(), false);
    assert.equal(await page.getByRole('searchbox', { name: 'Search the list' }).inputValue(), 'causal');
    assert.equal(await page.locator('.pubview-mirror details[open] h2').textContent(), 'Validating Causal Inference Methods');
    await page.evaluate(() => window.loseContext.restoreContext());
    await page.locator('.pubview canvas').waitFor({ state: 'visible' });
    await settled(page);
    assert.equal(await page.evaluate(() => PubView.widgets[0].query()), 'causal');
    const bounds = await page.evaluate(() => PubView.widgets[0].rowBounds('validating-causal-inference-methods-2022'));
    assert.ok(bounds && bounds.height > 150, 'the open row is drawn again on the canvas');
    assert.equal(await page.locator('.pubview-mirror li').first().isVisible(), false, 'the HTML list is hidden again');
    await page.screenshot({ path: path.join(screenshots, 'webgl-restored.png') });
    await context.close();
  } finally {
    await browser.close();
  }
});

test('a font file that does not arrive shows the HTML list, and the console names the file', async () => {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, deviceScaleFactor: 1 });
    await context.route('**/fonts/pubview-regular.ttf', (route) => route.fulfill({ status: 404, body: 'not here' }));
    const page = await context.newPage();
    const warnings = [];
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(withoutWebGL.server.url);
    await page.waitForFunction(() => window.PubView && PubView.widgets.length > 0);
    await page.evaluate(() => PubView.widgets[0].ready);
    await settled(page);
    await page.locator('.pubview-mirror li').first().waitFor({ state: 'visible' });
    assert.equal(await page.locator('.pubview canvas').isVisible(), false, 'no canvas without letters');
    assert.equal(await page.locator('.pubview-mirror li').count(), 20);
    assert.equal((await titlesOnScreen(page))[0], 'Amazon Redshift Re-invented');
    assert.ok(warnings.some((w) => /fonts\/pubview-regular\.ttf could not be read \(HTTP 404\): the list is shown as HTML/.test(w)), warnings.join('\n'));
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await browser.close();
  }
});
