// Many CJK glyphs are drawn in a worker (web/pubview/glyph-queue.js), off the
// main thread. They must look as the main thread draws them, which it
// still does where a page may not make workers (a content security policy);
// and a page built into one file (tools/make_standalone.py), opened from
// disk, draws them too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serverAndBrowserForThisFile, openBundlePage, settle, root, screenshots } from './browser.mjs';
import { decodePng } from '../browsers/png.mjs';

const shared = serverAndBrowserForThisFile();
// 40 titles of 15 ideographs, 600 distinct, and an author in kana and Hangul.
const bundle = {
  pubview: 1,
  title: 'Forty Chinese titles',
  publications: Array.from({ length: 40 }, (_, i) => ({
    id: 'zh-' + i,
    title: Array.from({ length: 15 }, (_, k) => String.fromCodePoint(0x5000 + i * 15 + k)).join(''),
    authors: ['やまだ 한국'],
    year: 2020,
    abstract: '摘要',
  })),
};
const distinct = new Set([...JSON.stringify(bundle)].filter((c) => c.codePointAt(0) > 0x2FFF)).size;

async function openCJKPage(name, head = '') {
  const html = `<!doctype html><meta charset="utf-8">${head}<link rel="icon" href="data:,"><body style="margin:0">
    <div class="pubview" data-bundle="${name}-bundle.json" data-height="600px"></div><script src="pubview.js" defer></script>`;
  const { context, page, errors } = await openBundlePage(shared.browser, shared.server.url, { name, html, bundle });
  const glyphs = await page.evaluate(() => PubView.widgets[0].glyphs);
  const shot = await page.locator('canvas').screenshot({ path: path.join(screenshots, `glyphs-${name}.png`) });
  await context.close();
  return { glyphs, shot, errors };
}

test('CJK glyphs drawn in the worker look as the main thread draws them where workers are forbidden', async () => {
  const inWorker = await openCJKPage('worker');
  const forbidden = await openCJKPage('no-worker', `<meta http-equiv="Content-Security-Policy" content="worker-src 'none'">`);
  for (const { glyphs, errors } of [inWorker, forbidden]) {
    assert.ok(glyphs.count >= distinct, `${glyphs.count} glyphs for ${distinct} characters`);
    assert.deepEqual(errors, []);
  }
  assert.ok(inWorker.glyphs.workerMs > 0, `the worker drew: ${JSON.stringify(inWorker.glyphs)}`);
  assert.ok(forbidden.glyphs.canvasMs > 0 && forbidden.glyphs.workerMs === 0, `the main thread drew: ${JSON.stringify(forbidden.glyphs)}`);
  // The glyphs are the same; they sit elsewhere in the atlas (they come in
  // another order), and the texture's filtering there differs by at most 1 of 255.
  const [a, b] = [inWorker.shot, forbidden.shot].map(decodePng);
  assert.equal(a.pixels.length, b.pixels.length);
  let largest = 0;
  for (let i = 0; i < a.pixels.length; ++i) largest = Math.max(largest, Math.abs(a.pixels[i] - b.pixels[i]));
  assert.ok(largest <= 1, `the drawings differ by up to ${largest} of 255 (build/screenshots/glyphs-worker.png, glyphs-no-worker.png)`);
});

test('a page built into one file, opened from disk, draws many CJK glyphs', async () => {
  const bundleFile = path.join(screenshots, 'glyphs-standalone.json');
  const out = path.join(screenshots, 'glyphs-standalone.html');
  fs.writeFileSync(bundleFile, JSON.stringify(bundle));
  const made = spawnSync('python3', ['serve.py', '--no-build', '--standalone', bundleFile, '--output', out], { cwd: root, encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  const context = await shared.browser.newContext({ viewport: { width: 1000, height: 600 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(out).href);
  await page.waitForFunction(() => window.PubView && PubView.widgets.length === 1);
  await page.evaluate(() => PubView.widgets[0].ready.then(() => null));
  await settle(page);
  const glyphs = await page.evaluate(() => PubView.widgets[0].glyphs);
  assert.ok(glyphs && glyphs.count >= distinct, `glyphs: ${JSON.stringify(glyphs)}`);
  assert.ok(glyphs.workerMs > 0, `drawn in the worker: ${JSON.stringify(glyphs)}`);
  await page.locator('canvas').screenshot({ path: path.join(screenshots, 'glyphs-standalone.png') });
  assert.deepEqual(errors, []);
  await context.close();
  fs.rmSync(out);
});

// Neither the workers nor the page can draw (a browser whose 2D canvas fails,
// in workers and on the page): the glyphs stay missing, drawn as the fallback
// box, with a warning in the console, and the widget settles; it never waits for them.
const NO_2D_CANVAS = `<script>
  const refuse = (get) => function (type, ...rest) {
    if (type === '2d') throw new Error('no 2D canvas here');
    return get.call(this, type, ...rest);
  };
  HTMLCanvasElement.prototype.getContext = refuse(HTMLCanvasElement.prototype.getContext);
  OffscreenCanvas.prototype.getContext = refuse(OffscreenCanvas.prototype.getContext);
  const PageWorker = Worker;
  window.Worker = class extends PageWorker {
    constructor(url, options) {
      const refused = 'OffscreenCanvas.prototype.getContext = () => { throw new Error("no 2D canvas in this worker"); };';
      super(URL.createObjectURL(new Blob([refused + 'importScripts(' + JSON.stringify(String(url)) + ');'])), options);
    }
  };
</script>`;

test('where neither the workers nor the page can draw glyphs, they stay missing and the widget settles', { timeout: 180000 }, async () => {
  const html = `<!doctype html><meta charset="utf-8">${NO_2D_CANVAS}<link rel="icon" href="data:,"><body style="margin:0">
    <div class="pubview" data-bundle="no-canvas-bundle.json" data-height="600px"></div><script src="pubview.js" defer></script>`;
  const context = await shared.browser.newContext({ viewport: { width: 1000, height: 600 } });
  const page = await context.newPage();
  const errors = [], warnings = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.route('**/no-canvas-test.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.route('**/no-canvas-bundle.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(bundle) }));
  await page.goto(`${shared.server.url}no-canvas-test.html`);
  await page.waitForFunction(() => window.PubView && PubView.widgets.length === 1);
  await page.evaluate(() => PubView.widgets[0].ready.then(() => null));
  await settle(page);
  assert.ok(warnings.some((w) => w.includes('glyphs not drawn')), `a warning: ${JSON.stringify(warnings)}`);
  assert.deepEqual(errors, []);
  // The panel is drawn all the same: the Latin text and the boxes of the missing glyphs.
  const shot = decodePng(await page.locator('canvas').screenshot({ path: path.join(screenshots, 'glyphs-no-canvas.png') }));
  const colours = new Set();
  for (let i = 0; i + 3 <= shot.pixels.length && colours.size < 3; i += 3) colours.add(shot.pixels.readUIntBE(i, 3));
  assert.ok(colours.size >= 3, 'the canvas is not blank (build/screenshots/glyphs-no-canvas.png)');
  await context.close();
});

// Each character is drawn in the weight its text is drawn in: a title's in
// bold, an abstract's in regular; one in both gets both, and one needed in
// the other weight later (typed into the search box) is drawn in it then.
test('a CJK title drawn bold and the same characters in its opened abstract drawn regular both get their glyphs', async () => {
  const ideographs = (from, count) => Array.from({ length: count }, (_, k) => String.fromCodePoint(from + k)).join('');
  const title = ideographs(0x6000, 30);                       // 30 in bold
  const abstract = title.slice(0, 20) + ideographs(0x7000, 10); // 20 of them, and 10 more, in regular
  const weights = { pubview: 1, title: 'Weights', publications: [{ id: 'weights', title, authors: ['Ada Lovelace'], year: 2020, abstract }] };
  const html = `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><body style="margin:0">
    <div class="pubview" data-bundle="weights-bundle.json" data-height="600px"></div><script src="pubview.js" defer></script>`;
  const { context, page, errors } = await openBundlePage(shared.browser, shared.server.url, { name: 'weights', html, bundle: weights });
  const drawn = () => page.evaluate(() => PubView.widgets[0].glyphs);
  // The interface draws a few glyphs of its own beyond the Latin fonts, in regular.
  const loaded = await drawn();
  assert.ok(loaded.bold >= 30 && loaded.bold < 40, `the title's 30 in bold, not the abstract's own 10: ${JSON.stringify(loaded)}`);
  assert.ok(loaded.regular >= 30 && loaded.regular < 40, `the abstract's 30 in regular, not the title's own 10: ${JSON.stringify(loaded)}`);
  assert.equal(await page.evaluate(() => PubView.widgets[0].expand('weights')), true);
  await settle(page);
  const opened = await drawn();
  assert.deepEqual([opened.regular, opened.bold], [loaded.regular, loaded.bold], 'opening the row needs no glyph not drawn already');
  await page.locator('canvas').screenshot({ path: path.join(screenshots, 'glyphs-weights-open.png') });
  // A character of the title alone, typed: needed in regular (the search box) now.
  const titleOnly = title[25];
  await page.evaluate((q) => PubView.widgets[0].setQuery(q), titleOnly);
  await settle(page);
  const typed = await drawn();
  assert.equal(typed.regular, loaded.regular + 1, `the typed character drawn regular: ${JSON.stringify(typed)}`);
  assert.equal(typed.bold, loaded.bold, `and not again in bold: ${JSON.stringify(typed)}`);
  await page.locator('canvas').screenshot({ path: path.join(screenshots, 'glyphs-weights-typed.png') });
  assert.deepEqual(errors, []);
  await context.close();
});
