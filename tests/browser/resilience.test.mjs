// Failing networks, the offline single file, and memory over many loads:
// the widget always ends in a list or a clear message, never a blank canvas.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, launchBrowser, openPage, settle, root, screenshots } from './browser.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

// A page with one widget on the default bundle's URL, with a short timeout.
const FAULT_PAGE = `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
<div class="pubview" data-bundle="data/most-viewed-2022.json" data-timeout="2000" data-height="400px"></div>
<script src="pubview.js" defer></script>`;

async function widgetUnderFault(fault) {
  const server = await startServer(['--fault', fault]);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('**/fault-test.html', (route) => route.fulfill({ contentType: 'text/html', body: FAULT_PAGE }));
  await page.goto(server.url + 'fault-test.html');
  await page.waitForFunction(() => window.PubView && PubView.widgets.length === 1);
  return { server, context, page };
}

async function settledError(page) {
  await page.evaluate(() => PubView.widgets[0].ready.then(() => null));
  return page.evaluate(() => ({
    error: PubView.widgets[0].error(),
    rows: PubView.widgets[0].visible().length,
    status: document.querySelector('.pubview-mirror [role=status]').textContent,
  }));
}

const faults = [
  ['404', /most-viewed-2022\.json: the server answered 404/],
  ['500', /the server answered 500/],
  ['timeout', /no answer from the server for 2 s/],
  ['truncated', /the download was cut off after \d+ KB of 43 KB/],
  ['html', /the server sent a web page, not a JSON bundle/],
];
for (const [fault, message] of faults) {
  test(`a bundle URL that answers with ${fault} ends in a clear error, not a blank or endless load`, async () => {
    const { server, context, page } = await widgetUnderFault(fault);
    try {
      const started = Date.now();
      const result = await settledError(page);
      assert.match(result.error, message);
      assert.equal(result.rows, 0);
      assert.match(result.status, /could not be loaded/);
      assert.ok(Date.now() - started < 15000, 'it did not hang');
      await page.screenshot({ path: path.join(screenshots, `fault-${fault}.png`) });
    } finally {
      await context.close();
      await server.stop();
    }
  });
}

test('a wasm the browser cannot instantiate (no memory for its heap) ends in a clear error, not an endless start', { timeout: 60000 }, async () => {
  const server = await startServer();
  const context = await browser.newContext();
  await context.addInitScript(() => {
    WebAssembly.instantiate = () => Promise.reject(new RangeError('Out of memory: Cannot allocate Wasm memory for new instance'));
  });
  const page = await context.newPage();
  try {
    await page.route('**/fault-test.html', (route) => route.fulfill({ contentType: 'text/html', body: FAULT_PAGE }));
    await page.goto(server.url + 'fault-test.html');
    await page.waitForFunction(() => window.PubView && PubView.widgets.length === 1);
    await page.evaluate(() => PubView.widgets[0].ready.then(() => null));
    const error = await page.evaluate(() => PubView.widgets[0].error());
    assert.match(error, /Out of memory: Cannot allocate Wasm memory/);
    const message = await page.evaluate(() => PubView.widgets[0].message.textContent);
    assert.match(message, /The list could not start: .*Out of memory/);
    await page.screenshot({ path: path.join(screenshots, 'fault-instantiate.png') });
  } finally {
    await context.close();
    await server.stop();
  }
});

test('a slow trickle shows a progress bar with bytes of the total, then the list', async () => {
  const { server, context, page } = await widgetUnderFault('slow');
  try {
    await page.waitForFunction(() => {
      const p = PubView.widgets[0] && PubView.widgets[0].loading();
      return p && p.received > 0 && p.received < p.total;
    }, null, { timeout: 10000 });
    const progress = await page.evaluate(() => PubView.widgets[0].loading());
    assert.equal(progress.total, fs.statSync(path.join(root, 'data/most-viewed-2022.json')).size);
    const result = await settledError(page);
    assert.equal(result.error, null);
    assert.equal(result.rows, 20);
  } finally {
    await context.close();
    await server.stop();
  }
});

test('retry loads the bundle once the server answers again', async () => {
  const server = await startServer();
  const context = await browser.newContext();
  const page = await context.newPage();
  let failures = 1;
  await page.route('**/data/most-viewed-2022.json', (route) => {
    if (failures-- > 0) return route.fulfill({ status: 503, body: 'busy' });
    return route.continue();
  });
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => window.PubView && PubView.widgets.length === 1);
    const first = await settledError(page);
    assert.match(first.error, /503/);
    await page.evaluate(() => PubView.widgets[0].retry());
    const second = await settledError(page);
    assert.equal(second.error, null);
    assert.equal(second.rows, 20);
  } finally {
    await context.close();
    await server.stop();
  }
});

test('the standalone file works opened from disk with no server', async () => {
  const file = path.join(root, 'build/web/site/pubview-standalone.html');
  assert.ok(fs.existsSync(file), 'the standalone target was built');
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => errors.push('request failed: ' + r.url()));
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction(() => window.PubView && PubView.widgets.length === 1);
  await page.evaluate(() => PubView.widgets[0].ready.then(() => null));
  await settle(page);
  assert.equal(await page.evaluate(() => PubView.widgets[0].visible().length), 20);
  assert.ok(await page.evaluate(() => PubView.widgets[0].rowBounds('amazon-redshift-re-invented-2022') !== null));
  await page.evaluate(() => PubView.widgets[0].setQuery('cedric archambeau'));
  assert.equal(await page.evaluate(() => PubView.widgets[0].visible()[0].id), 'automatic-termination-for-hyperparameter-2022');
  assert.deepEqual(errors, []);
  await context.close();
});

test('loading a bundle twenty times, or mounting and destroying twenty widgets, does not keep memory', async () => {
  const server = await startServer();
  try {
    const { page, context } = await openPage(browser, server.url);
    const heaps = await page.evaluate(async () => {
      const bundle = await (await fetch('data/most-viewed-2022.json')).json();
      const w = PubView.widgets[0];
      const sizes = [];
      for (let i = 0; i < 20; ++i) {
        await w.setBundle(bundle);
        sizes.push(w.module.HEAPU8.length);
      }
      return sizes;
    });
    assert.equal(await page.evaluate(() => PubView.widgets[0].count()), 20);
    assert.equal(heaps[19], heaps[4], `the heap stopped growing: ${heaps.join(', ')}`);

    const left = await page.evaluate(async () => {
      for (let i = 0; i < 20; ++i) {
        const el = document.createElement('div');
        document.body.appendChild(el);
        const w = await PubView.mount(el, { bundle: 'data/most-viewed-2022.json', height: '200px' });
        if (w.count() !== 20) throw new Error('mount ' + i + ' showed ' + w.count());
        w.destroy();
        el.remove();
      }
      return { widgets: PubView.widgets.length, canvases: document.querySelectorAll('canvas').length };
    });
    assert.deepEqual(left, { widgets: 1, canvases: 1 });
    await context.close();
  } finally {
    await server.stop();
  }
});

test('serve.py sends the precompressed script, wasm, fonts and bundle with their own types to browsers that accept gzip', async () => {
  const server = await startServer();
  try {
    const files = [['pubview.js', 'text/javascript; charset=utf-8'], ['pubview.wasm', 'application/wasm'],
      ['fonts/pubview-regular.ttf', 'font/ttf'], ['data/most-viewed-2022.json', 'application/json; charset=utf-8']];
    for (const [file, type] of files) {
      const response = await fetch(server.url + file, { headers: { 'accept-encoding': 'gzip' } });
      assert.equal(response.headers.get('content-encoding'), 'gzip', file);
      assert.equal(response.headers.get('content-type'), type, file);
      const compressed = Number(response.headers.get('content-length'));
      const body = Buffer.from(await response.arrayBuffer());  // fetch undoes the gzip
      assert.ok(body.equals(fs.readFileSync(path.join(root, 'build/web/site', file))), `${file} reads as the file itself`);
      assert.ok(compressed < body.length, `${file} goes over the wire smaller (${compressed} < ${body.length} bytes)`);
    }
  } finally {
    await server.stop();
  }
});

// Issues 12 and 13: the script, the wasm and the Latin fonts the seed page
// downloads stay within 294 KB over the wire.
const SEED_PAGE_BUDGET = 294000;
test(`the seed page's script, wasm and fonts go over the wire in at most ${SEED_PAGE_BUDGET} bytes`, async () => {
  const server = await startServer();
  try {
    const sizes = {};
    for (const file of ['pubview.js', 'pubview.wasm', 'fonts/pubview-regular.ttf', 'fonts/pubview-bold.ttf']) {
      const response = await fetch(server.url + file, { headers: { 'accept-encoding': 'gzip' } });
      assert.equal(response.headers.get('content-encoding'), 'gzip', file);
      sizes[file] = Number(response.headers.get('content-length'));
      await response.arrayBuffer();
    }
    const total = Object.values(sizes).reduce((sum, n) => sum + n, 0);
    assert.ok(total <= SEED_PAGE_BUDGET, `${total} bytes: ${JSON.stringify(sizes)}`);
  } finally {
    await server.stop();
  }
});
