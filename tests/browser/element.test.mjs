// <pub-view>, the widget as a custom element: its attributes when set and
// when changed, the widget's methods and events on the element, inside a
// shadow root, created and moved as a framework would, and beside the
// <div class="pubview"> form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serverAndBrowserForThisFile, settle, screenshots } from './browser.mjs';

const shared = serverAndBrowserForThisFile();
const SEED = 'data/most-viewed-2022.json';

// A page of the test server (so pubview.js and the bundle load beside it) with `body`.
async function openElementPage(body) {
  const context = await shared.browser.newContext({ viewport: { width: 1000, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.route('**/element-test.html', (route) => route.fulfill({ contentType: 'text/html',
    body: `<!doctype html><html lang="en"><meta charset="utf-8"><title>pub-view</title><body>${body}` +
      '<script src="pubview.js" defer></script></body></html>' }));
  await page.goto(shared.server.url + 'element-test.html');
  await page.waitForFunction(() => window.PubView, null, { timeout: 30000 });
  return { context, page, errors };
}

// Waits for the element's widget to be ready, then for its frames and HTML list.
async function ready(page, selector) {
  await page.evaluate((s) => document.querySelector(s).ready.then(() => null), selector);
  await settle(page);
}

const inElement = (page, selector, fn, arg) => page.evaluate(([selector, source, arg]) => {
  // eslint-disable-next-line no-new-func
  return new Function('el', 'arg', 'return (' + source + ')(el, arg)')(document.querySelector(selector), arg);
}, [selector, fn.toString(), arg]);

test('<pub-view> reads bundle, view, query, theme and height when it is put on the page', async () => {
  const { page, context, errors } = await openElementPage(
    `<pub-view id="jobs" bundle="${SEED}" view="jobs" query="bengaluru" theme="dark" height="420px"></pub-view>`);
  await ready(page, '#jobs');
  const seen = await inElement(page, '#jobs', (el) => ({
    display: getComputedStyle(el).display,
    state: el.state(),
    rows: el.visible().map((r) => r.kind),
    error: el.error(),
    height: el.pubview.root.getBoundingClientRect().height,
    background: getComputedStyle(el.pubview.root).backgroundColor,
    widgets: PubView.widgets.length,
  }));
  assert.equal(seen.display, 'block');
  assert.equal(seen.error, null);
  assert.equal(seen.state.kind, 'job');
  assert.equal(seen.state.q, 'bengaluru');
  assert.deepEqual(seen.rows, ['job', 'job', 'job', 'job']);
  assert.equal(seen.height, 420);
  assert.equal(seen.background, 'rgb(24, 26, 31)');
  assert.equal(seen.widgets, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('<pub-view> follows its attributes when they change and sends the widget\'s events from the element', async () => {
  const { page, context, errors } = await openElementPage(
    `<pub-view id="list" bundle="${SEED}"></pub-view>` +
    '<script type="application/json" id="tiny">{"pubview":1,"title":"Tiny","jobs":[{"id":"j","title":"Only job",' +
    '"location":{"city":"Oslo"},"description":"d"}]}</script>');
  await ready(page, '#list');
  assert.equal(await inElement(page, '#list', (el) => el.count()), 20);

  // query: a pubview:change event from the element, with the new state.
  const change = await inElement(page, '#list', (el) => new Promise((resolve) => {
    el.addEventListener('pubview:change', (e) => resolve(e.detail), { once: true });
    el.setAttribute('query', 'dynamo');
  }));
  assert.equal(change.q, 'dynamo');
  assert.deepEqual(await inElement(page, '#list', (el) => el.visible().map((r) => r.id)), ['amazon-dynamodb-2022']);

  await inElement(page, '#list', (el) => { el.removeAttribute('query'); el.setAttribute('view', 'publications'); });
  await settle(page);
  const publications = await inElement(page, '#list', (el) => ({ kind: el.state().kind, count: el.count(), q: el.query() }));
  assert.deepEqual(publications, { kind: 'publication', count: 10, q: '' });

  await inElement(page, '#list', (el) => { el.setAttribute('theme', 'dark'); el.setAttribute('height', '300px'); });
  await settle(page);
  const look = await inElement(page, '#list', (el) => ({
    background: getComputedStyle(el.pubview.root).backgroundColor, height: el.pubview.root.getBoundingClientRect().height }));
  assert.deepEqual(look, { background: 'rgb(24, 26, 31)', height: 300 });

  // bundle: the other bundle loads, and pubview:ready says so.
  const loaded = await inElement(page, '#list', (el) => new Promise((resolve) => {
    el.addEventListener('pubview:ready', (e) => resolve({ error: e.detail.error, count: el.count() }), { once: true });
    el.setAttribute('view', 'all');
    el.setAttribute('bundle', '#tiny');
  }));
  assert.deepEqual(loaded, { error: null, count: 1 });

  // lang: the widget starts again in the new language, showing the same view.
  const restarted = await inElement(page, '#list', async (el) => {
    const before = el.pubview;
    el.setQuery('oslo');
    el.setAttribute('lang', 'de');
    await el.ready;
    return { anew: el.pubview !== before, lang: el.pubview.options.lang, q: el.query(), count: el.count(), widgets: PubView.widgets.length };
  });
  assert.deepEqual(restarted, { anew: true, lang: 'de', q: 'oslo', count: 1, widgets: 1 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('<pub-view> inside a shadow root draws, takes typing and finds what is typed', async () => {
  const { page, context, errors } = await openElementPage('<div id="host"></div>');
  await page.evaluate((seed) => {
    const shadow = document.getElementById('host').attachShadow({ mode: 'open' });
    shadow.innerHTML = `<pub-view bundle="${seed}" height="500px"></pub-view>`;
    return shadow.querySelector('pub-view').ready.then(() => null);
  }, SEED);
  await settle(page);
  const inShadow = (fn) => page.evaluate((source) => {
    // eslint-disable-next-line no-new-func
    return new Function('el', 'return (' + source + ')(el)')(document.getElementById('host').shadowRoot.querySelector('pub-view'));
  }, fn.toString());
  assert.deepEqual(await inShadow((el) => ({ drawing: el.pubview.domList.drawing, count: el.count(), error: el.error() })),
    { drawing: true, count: 20, error: null });
  const canvas = page.locator('#host pub-view canvas');  // Playwright's CSS locators pierce open shadow roots
  await canvas.click({ position: { x: 200, y: 20 } });
  await page.keyboard.type('dynamodb', { delay: 10 });
  await settle(page);
  assert.deepEqual(await inShadow((el) => el.visible().map((r) => r.id)), ['amazon-dynamodb-2022']);
  await page.screenshot({ path: path.join(screenshots, 'element-shadow-root.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('<pub-view> made by script mounts when added, stays through a move, and lets its widget go when removed', async () => {
  const { page, context, errors } = await openElementPage(`<div class="pubview" id="div" data-bundle="${SEED}"></div><main></main>`);
  const steps = await page.evaluate(async (seed) => {
    const el = document.createElement('pub-view');
    el.setAttribute('bundle', seed);
    el.setAttribute('view', 'jobs');
    const beforeAdding = el.pubview === undefined;
    document.querySelector('main').append(el);
    await el.ready;
    const widget = el.pubview;
    const count = el.count();
    document.body.prepend(el);  // a framework moving it: out and back in, in one task
    await Promise.resolve();
    const moved = el.pubview === widget && !widget.destroyed;
    const bothMounted = PubView.widgets.length;
    el.remove();
    await new Promise((resolve) => queueMicrotask(resolve));
    return { beforeAdding, count, moved, bothMounted, destroyed: widget.destroyed, left: PubView.widgets.length };
  }, SEED);
  assert.deepEqual(steps, { beforeAdding: true, count: 10, moved: true, bothMounted: 2, destroyed: true, left: 1 });
  // The div form beside it is untouched.
  await page.evaluate(() => document.getElementById('div').pubview.ready.then(() => null));
  assert.equal(await page.evaluate(() => document.getElementById('div').pubview.count()), 20);
  assert.deepEqual(errors, []);
  await context.close();
});
