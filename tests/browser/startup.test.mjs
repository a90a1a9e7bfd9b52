// How the widget starts on a host page (issue 18): the wasm is compiled once,
// while it downloads, however many widgets the page has; a widget far below
// the fold starts only when the visitor comes near it (or at once, with
// data-start="eager"); the page's static list is what the visitor sees until
// the canvas has rows, and the swap moves nothing; the pages' outline and
// landmarks pass axe-core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serverAndBrowserForThisFile, root, settle, startWidgets } from './browser.mjs';

const shared = serverAndBrowserForThisFile();
const VIEWPORT = { width: 1100, height: 800 };
const axeSource = path.join(root, 'node_modules', 'axe-core', 'axe.min.js');

// Injected before the page's scripts: counts wasm compilations and
// instantiations, WebGL contexts, and sums the page's layout shifts.
function countStartup() {
  const counts = { compiles: 0, streamingCompiles: 0, instances: 0, contexts: 0, layoutShift: 0 };
  window.__startup = counts;
  const wasm = WebAssembly;
  const { compile, compileStreaming, instantiate, instantiateStreaming } = wasm;
  wasm.compile = (...args) => { counts.compiles++; return compile.apply(wasm, args); };
  wasm.compileStreaming = (...args) => { counts.compiles++; counts.streamingCompiles++; return compileStreaming.apply(wasm, args); };
  wasm.instantiateStreaming = (...args) => {
    counts.compiles++;
    counts.streamingCompiles++;
    counts.instances++;
    return instantiateStreaming.apply(wasm, args);
  };
  wasm.instantiate = (source, ...rest) => {
    if (!(source instanceof wasm.Module)) counts.compiles++;
    counts.instances++;
    return instantiate.call(wasm, source, ...rest);
  };
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function countedGetContext(type, ...rest) {
    if (/webgl/.test(type)) counts.contexts++;
    return getContext.call(this, type, ...rest);
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) counts.layoutShift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
}

async function openCounted(file, routes = {}) {
  const context = await shared.browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  await context.addInitScript(countStartup);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  for (const [pattern, handler] of Object.entries(routes)) await page.route(pattern, handler);
  await page.goto(shared.server.url + file);
  await page.waitForFunction(() => window.PubView && PubView.widgets.length > 0, null, { timeout: 30000 });
  return { context, page, errors };
}

const counts = (page) => page.evaluate(() => ({ ...window.__startup }));
const firstReady = (page) => page.evaluate(() => PubView.widgets[0].ready.then(() => null));

test('the blog page compiles the wasm once, while it downloads, for its two widgets', async () => {
  const { context, page, errors } = await openCounted('blog.html');
  await startWidgets(page);
  const c = await counts(page);
  assert.equal(c.compiles, 1, 'one compilation for the page');
  assert.equal(c.streamingCompiles, 1, 'compiled while it streams (serve.py sends application/wasm)');
  assert.equal(c.instances, 2, 'one instance per widget');
  assert.deepEqual(await page.evaluate(() => PubView.widgets.map((w) => w.count())), [10, 10]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a widget far below the fold starts only when the visitor scrolls to it', async () => {
  const { context, page, errors } = await openCounted('blog.html');
  await firstReady(page);
  await settle(page);
  const before = await page.evaluate(() => ({
    jobsTop: document.getElementById('jobs').getBoundingClientRect().top,
    count: PubView.widgets[1].count(),
  }));
  assert.ok(before.jobsTop > VIEWPORT.height + 400, `the jobs widget is far below the fold (${before.jobsTop} px)`);
  assert.deepEqual(await counts(page).then((c) => [c.instances, c.contexts]), [1, 1], 'only the first widget started');
  assert.equal(before.count, 0);
  assert.ok(await page.locator('#jobs .pubview-static').isVisible(), 'its static list is still in its place');
  // A new bundle given while it waits is for when it starts: the static list stays.
  await page.evaluate(() => PubView.widgets[1].setBundle('data/most-viewed-2022.json').then(() => null));
  assert.ok(await page.locator('#jobs .pubview-static').isVisible(), 'setBundle() did not put an empty box in its place');
  assert.equal((await counts(page)).instances, 1);

  await page.locator('#jobs').scrollIntoViewIfNeeded();
  await page.evaluate(() => PubView.widgets[1].ready.then(() => null));
  const after = await counts(page);
  assert.deepEqual([after.compiles, after.instances, after.contexts], [1, 2, 2]);
  assert.equal(await page.evaluate(() => PubView.widgets[1].count()), 10);
  assert.equal(await page.locator('#jobs .pubview-static').count(), 0, 'the widget took its static list\'s place');
  assert.deepEqual(errors, []);
  await context.close();
});

test('data-start="eager" starts a widget far below the fold without a scroll; data-heading still sets its headings', async () => {
  const eagerPage = `<!doctype html><html lang="en"><meta charset="utf-8"><title>eager</title><link rel="icon" href="data:,">
    <div style="height:3000px">Far above the widget.</div>
    <div class="pubview" data-bundle="data/most-viewed-2022.json" data-height="400px" data-start="eager" data-heading="4"></div>
    <script src="pubview.js" defer></script></html>`;
  const { context, page, errors } = await openCounted('eager-test.html', {
    '**/eager-test.html': (route) => route.fulfill({ contentType: 'text/html', body: eagerPage }),
  });
  await firstReady(page);
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  assert.equal(await page.evaluate(() => PubView.widgets[0].count()), 20);
  // data-heading, data-heading-level's older name, still sets the entries' heading level.
  await page.waitForFunction(() => document.querySelector('.pubview-mirror li'));
  assert.equal(await page.evaluate(() => document.querySelector('.pubview-mirror li > *').tagName), 'H4');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the static list stays in sight until the canvas has rows, and the swap shifts nothing', async () => {
  let release;
  const bundleHeld = new Promise((resolve) => { release = resolve; });
  const { context, page, errors } = await openCounted('index.html', {
    '**/data/most-viewed-2022.json': async (route) => { await bundleHeld; await route.continue(); },
  });
  // The module has started (its WebGL context exists) but has no rows to draw yet.
  await page.waitForFunction(() => window.__startup.contexts === 1 && !!PubView.widgets[0].module);
  await settle(page);
  assert.ok(await page.locator('#demo .pubview-static').isVisible(), 'the static list is what the visitor sees');
  assert.equal(await page.locator('#demo canvas').isVisible(), false, 'the canvas waits under it');
  release();
  await firstReady(page);
  await settle(page);
  assert.equal(await page.locator('#demo .pubview-static').count(), 0);
  assert.ok(await page.locator('#demo canvas').isVisible());
  assert.equal((await counts(page)).layoutShift, 0, 'no layout shift');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the blog page shifts nothing while its widgets start as the visitor scrolls', async () => {
  const { context, page, errors } = await openCounted('blog.html');
  await startWidgets(page);
  await settle(page);
  assert.equal((await counts(page)).layoutShift, 0);
  assert.deepEqual(errors, []);
  await context.close();
});

// axe-core's findings on the page as it is now, as "rule: target" lines.
async function axeFindings(page) {
  if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ path: axeSource });
  return page.evaluate(async () => {
    const result = await axe.run(document);
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
}

for (const file of ['index.html', 'blog.html']) {
  test(`axe-core finds nothing on ${file}, before and after every widget started`, async () => {
    const { context, page, errors } = await openCounted(file);
    await firstReady(page);
    await settle(page);
    assert.deepEqual(await axeFindings(page), [], 'as the page opens');
    await startWidgets(page);
    await settle(page);
    assert.deepEqual(await axeFindings(page), [], 'with every widget started');
    // The entries' headings sit one level below the page's heading before each widget.
    await page.waitForFunction(() => PubView.widgets.every((w) => w.element.querySelector('.pubview-mirror li')));
    const levels = await page.evaluate(() => PubView.widgets.map((w) => w.element.querySelector('.pubview-mirror li > *').tagName));
    assert.deepEqual(levels, file === 'blog.html' ? ['H2', 'H3'] : ['H2']);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
