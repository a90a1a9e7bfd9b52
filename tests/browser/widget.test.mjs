// The widget end to end in headless Chromium: the demo page loads the seed
// bundle, searches, expands rows by mouse and keyboard, and leaves the host
// page's own inputs alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serverAndBrowserForThisFile, openPage, settle, screenshots, startWidgets } from './browser.mjs';

const shared = serverAndBrowserForThisFile();

// Clicks the middle of a row's header, as a visitor would.
async function clickRow(page, id) {
  const box = await page.evaluate((id) => {
    const w = PubView.widgets[0];
    const b = w.rowBounds(id);
    const c = w.canvas.getBoundingClientRect();
    return b && { x: c.left + b.x + 40, y: c.top + b.y + 12 };
  }, id);
  assert.ok(box, `row ${id} is on screen`);
  await page.mouse.click(box.x, box.y);
}

test('the demo page shows all 20 entries of the seed bundle without errors', async () => {
  const { page, errors, context } = await openPage(shared.browser, shared.server.url);
  await settle(page);
  const rows = await page.evaluate(() => PubView.widgets[0].visible());
  assert.equal(rows.length, 20);
  assert.equal(rows.filter((r) => r.kind === 'publication').length, 10);
  assert.equal(rows.filter((r) => r.kind === 'job').length, 10);
  assert.equal(rows[0].title, 'Amazon Redshift Re-invented');
  assert.equal(await page.evaluate(() => PubView.widgets[0].error()), null);
  assert.deepEqual(await page.evaluate(() => PubView.widgets[0].warnings()), []);
  assert.ok(await page.evaluate(() => PubView.widgets[0].rowBounds('amazon-redshift-re-invented-2022') !== null),
    'the first row was drawn on the canvas');
  assert.deepEqual(errors, []);
  await page.screenshot({ path: path.join(screenshots, 'demo.png') });
  await context.close();
});

test("once loaded, the widget readies its search for a query's first keystroke, a letter per idle turn, and then stops", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1100, height: 800 } });
  await context.addInitScript(() => {
    window.idleTurnsAsked = 0;
    const nativeRequestIdleCallback = window.requestIdleCallback.bind(window);
    window.requestIdleCallback = (callback, options) => {
      window.idleTurnsAsked += 1;
      return nativeRequestIdleCallback(callback, options);
    };
  });
  const page = await context.newPage();
  await page.goto(shared.server.url);
  await page.waitForFunction(() => window.PubView && PubView.widgets.length > 0);
  await startWidgets(page);
  // a to z: the first turn asked when the bundle is ready, each next one by
  // the step before it, and the 27th to learn that none is left.
  await page.waitForFunction(() => window.idleTurnsAsked >= 27, null, { timeout: 30000 });
  assert.equal(await page.evaluate(() => PubView.widgets[0].module._pv_prepare_search()), 0, 'no step is left');
  await settle(page);
  assert.equal(await page.evaluate(() => window.idleTurnsAsked), 27, 'no idle turn is asked once the letters are done');
  await context.close();
});

test('setQuery narrows the list to the DynamoDB paper', async () => {
  const { page, context } = await openPage(shared.browser, shared.server.url);
  const ids = await page.evaluate(() => {
    PubView.widgets[0].setQuery('dynamo');
    return PubView.widgets[0].visible().map((r) => r.id);
  });
  assert.deepEqual(ids, ['amazon-dynamodb-2022']);
  assert.equal(await page.evaluate(() => PubView.widgets[0].query()), 'dynamo');
  await context.close();
});

test('pressing / and typing on the keyboard searches', async () => {
  const { page, context } = await openPage(shared.browser, shared.server.url);
  await page.focus('canvas');
  await page.keyboard.press('/');
  await settle(page);
  await page.keyboard.type('auctiongym', { delay: 20 });
  await settle(page);
  assert.equal(await page.evaluate(() => PubView.widgets[0].query()), 'auctiongym');
  const ids = await page.evaluate(() => PubView.widgets[0].visible().map((r) => r.id));
  assert.equal(ids[0], 'learning-to-bid-with-2022');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await settle(page);
  assert.equal(await page.evaluate(() => PubView.widgets[0].query()), 'auctiong');
  await page.keyboard.press('Escape');
  await settle(page);
  assert.equal(await page.evaluate(() => PubView.widgets[0].query()), '');
  assert.equal(await page.evaluate(() => PubView.widgets[0].count()), 20);
  await context.close();
});

test('clicking into the search box and typing narrows the list', async () => {
  const { page, context } = await openPage(shared.browser, shared.server.url);
  await settle(page);
  const canvas = await page.locator('canvas').boundingBox();
  await page.mouse.click(canvas.x + 200, canvas.y + 24);  // the search box spans the top of the panel
  await settle(page);
  await page.keyboard.type('bengaluru', { delay: 20 });
  await settle(page);
  const rows = await page.evaluate(() => PubView.widgets[0].visible());
  assert.equal(rows.length, 4);
  assert.ok(rows.every((r) => r.kind === 'job'));
  await context.close();
});

test('clicking a row expands it in place and clicking again folds it', async () => {
  const { page, context } = await openPage(shared.browser, shared.server.url);
  await settle(page);
  await clickRow(page, 'amazon-dynamodb-2022');
  await settle(page);
  let rows = await page.evaluate(() => PubView.widgets[0].visible());
  assert.deepEqual(rows.filter((r) => r.expanded).map((r) => r.id), ['amazon-dynamodb-2022']);
  const bounds = await page.evaluate(() => PubView.widgets[0].rowBounds('amazon-dynamodb-2022'));
  assert.ok(bounds.height > 150, `the expanded row shows the abstract (height ${bounds.height})`);
  await page.screenshot({ path: path.join(screenshots, 'demo-expanded.png') });
  await clickRow(page, 'amazon-dynamodb-2022');
  await settle(page);
  rows = await page.evaluate(() => PubView.widgets[0].visible());
  assert.equal(rows.filter((r) => r.expanded).length, 0);
  await context.close();
});

test('the keyboard alone selects and expands a row', async () => {
  const { page, context } = await openPage(shared.browser, shared.server.url);
  await page.focus('canvas');
  await page.keyboard.press('/');
  await page.keyboard.type('causal', { delay: 20 });
  await settle(page);
  await page.keyboard.press('ArrowDown');
  await settle(page);
  await page.keyboard.press('Enter');
  await settle(page);
  const rows = await page.evaluate(() => PubView.widgets[0].visible());
  assert.equal(rows[0].id, 'validating-causal-inference-methods-2022');
  assert.equal(rows[0].expanded, true);
  await context.close();
});

test('an input of the host page still receives Backspace and typing while the widget is on the page', async () => {
  const { page, context } = await openPage(shared.browser, shared.server.url);
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.id = 'host-input';
    document.querySelector('header').appendChild(input);
  });
  await page.click('canvas');  // the widget had focus before
  await page.click('#host-input');
  await page.keyboard.type('hello/');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  assert.equal(await page.inputValue('#host-input'), 'hell');
  assert.equal(await page.evaluate(() => PubView.widgets[0].query()), '', 'the widget did not take the keys');
  await context.close();
});

test('the wheel scrolls the list while it can and the page once it is at the end', async () => {
  const { page, context } = await openPage(shared.browser, shared.server.url, { viewport: { width: 1000, height: 600 } });
  await page.evaluate(() => { document.body.style.paddingBottom = '2000px'; });
  await settle(page);
  const canvas = await page.locator('canvas').boundingBox();
  await page.mouse.move(canvas.x + 300, canvas.y + canvas.height - 60);
  await page.mouse.wheel(0, 200);
  await settle(page);
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the list scrolled, not the page');
  for (let i = 0; i < 40; ++i) await page.mouse.wheel(0, 400);
  await settle(page);
  assert.ok(await page.evaluate(() => window.scrollY) > 0, 'at the end of the list the page scrolls');
  await context.close();
});

test('a bundle that fails to load shows its error inside the widget', async () => {
  const { page, context } = await openPage(shared.browser, shared.server.url);
  await page.evaluate(async () => {
    const el = document.createElement('div');
    el.id = 'broken';
    document.body.appendChild(el);
    await PubView.mount(el, { bundle: 'data/no-such-bundle.json', height: '300px' }).then(() => null);
  });
  const error = await page.evaluate(() => document.getElementById('broken').pubview.error());
  assert.match(error, /404/);
  await context.close();
});

test('a search highlights its words in the titles and abstracts it shows', async () => {
  const { page, context } = await openPage(shared.browser, shared.server.url);
  await page.evaluate(() => {
    PubView.widgets[0].setQuery('database');
    PubView.widgets[0].expand('amazon-dynamodb-2022');
  });
  await settle(page);
  const ids = await page.evaluate(() => PubView.widgets[0].visible().map((r) => r.id));
  assert.ok(ids.includes('amazon-dynamodb-2022'), ids.join());
  // The highlight color (light theme: #fde68a) is on screen.
  const shot = await page.screenshot({ path: path.join(screenshots, 'readme.png') });
  const marked = await page.evaluate(async (png) => {
    const image = new Image();
    image.src = 'data:image/png;base64,' + png;
    await image.decode();
    const canvas = new OffscreenCanvas(image.width, image.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    const data = ctx.getImageData(0, 0, image.width, image.height).data;
    let count = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] === 253 && data[i + 1] === 230 && data[i + 2] === 138) ++count;
    return count;
  }, shot.toString('base64'));
  assert.ok(marked > 200, `highlight pixels on screen: ${marked}`);
  await context.close();
});

test('on the demo page, which opts in with data-shortcut="/", / on a fresh page focuses the search box', async () => {
  const { page, context } = await openPage(shared.browser, shared.server.url);
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true, 'nothing has focus yet');
  await page.keyboard.press('/');
  await page.keyboard.type('dynamo');
  await page.evaluate(() => PubView.widgets[0].settled());
  assert.equal(await page.evaluate(() => PubView.widgets[0].query()), 'dynamo');
  assert.deepEqual(await page.evaluate(() => PubView.widgets[0].visible().map((r) => r.id)), ['amazon-dynamodb-2022']);
  await context.close();
});

test("a page that does not opt in keeps its / key: the blog page's widgets take no key until focused", async () => {
  const { page, context } = await openPage(shared.browser, shared.server.url + 'blog.html');
  await page.keyboard.press('/');
  await page.keyboard.type('dynamo');
  await page.evaluate(() => Promise.all(PubView.widgets.map((w) => w.settled())).then(() => null));
  assert.deepEqual(await page.evaluate(() => PubView.widgets.map((w) => w.query())), ['', '']);
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
  await context.close();
});
