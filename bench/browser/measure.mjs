// One run of each measurement, on a fresh browser context (empty cache) with
// page-probe.js injected. Every function returns plain numbers: a widget
// object must never cross page.evaluate (it holds the wasm heap).
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile } from './stats.mjs';

export const probeScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'page-probe.js');
const VIEWPORT = { width: 1100, height: 800 };
const LOAD_TIMEOUT_MS = 180000;
const SETTLE_MS = 1000;              // after the first frame, before idling: the widget's settle frames end
const WHEEL_EVENTS = 150;            // wheel events planned for scrolling the whole list
const WHEEL_INTERVAL_MS = 16;        // about one wheel event per frame
const ESTIMATED_ROW_PX = 60;         // a collapsed row's height, generously; scrolling stops at the end anyway
// Queries typed one after another, each erased key by key before the next:
// words that occur in the generated corpora. Their 67 keystrokes give the
// typing p95 some 70 frames or more, so it is a percentile and not one run's
// slowest frame (with the first query alone, 10 keys, it was the maximum).
export const TYPED_QUERIES = ['data model', 'learning network', 'training method'];
export const TYPED_QUERY = TYPED_QUERIES[0];
const TYPING_DELAY_MS = 100;

// What is measured on each page: how to know its first frame is on screen.
const PAGES = {
  pubview: { firstFrame: 'window.PubView && PubView.widgets.length > 0 && PubView.widgets[0].firstRowsAt' },
  baseline: { firstFrame: 'window.baselineFirstFrameAt' },
};

async function openProbedPage(browser) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  await context.addInitScript({ path: probeScript });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp, errors };
}

// ms since navigation start at which `expression` first held; it must evaluate to that time.
async function waitForTime(page, expression) {
  const handle = await page.waitForFunction(expression, null, { timeout: LOAD_TIMEOUT_MS, polling: 50 });
  return handle.jsonValue();
}

async function cpuSeconds(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name) => metrics.find((m) => m.name === name).value;
  return { at: value('Timestamp'), task: value('TaskDuration'), script: value('ScriptDuration') };
}

// Loads `url` (pubview's or the baseline's page) and measures what it
// transfers (compressed, every response but the page itself and the bundle),
// when its first frame is drawn, and its main-thread CPU use while idle.
export async function measureStartup(browser, url, pageKind, idleSeconds) {
  const { context, page, cdp, errors } = await openProbedPage(browser);
  const responses = [];
  page.on('response', (response) => {
    const request = response.request();
    if (request.resourceType() !== 'document' && !new URL(response.url()).pathname.endsWith('.json')) responses.push(response);
  });
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  await page.goto(url);
  const firstFrameMs = await waitForTime(page, PAGES[pageKind].firstFrame);

  // What a file costs compressed: the bytes the server sent where it sent
  // its precompressed copy (serve.py's .gz, zopfli's), else gzip -9 of it,
  // as a host that compresses on the fly would at best.
  const files = {};
  for (const response of responses) {
    const body = await response.body();
    const encoding = await response.headerValue('content-encoding');
    const gzip = encoding === 'gzip' ? (await response.request().sizes()).responseBodySize : gzipSync(body, { level: 9 }).length;
    files[new URL(response.url()).pathname] = { raw: body.length, gzip, served: encoding || 'identity' };
  }

  await page.waitForTimeout(SETTLE_MS);
  await startRecordingFrames(page);
  const before = await cpuSeconds(cdp);
  await page.waitForTimeout(idleSeconds * 1000);
  const after = await cpuSeconds(cdp);
  const idleFrames = await stopRecordingFrames(page);
  const wall = after.at - before.at;
  const contextMs = await page.evaluate(() => Math.max(0, ...__bench.contexts.map((c) => c.duration)));
  await context.close();
  if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
  return {
    files,
    contextMs,
    gzipBytes: Object.values(files).reduce((sum, f) => sum + f.gzip, 0),
    firstFrameMs,
    idleTaskPercent: (100 * (after.task - before.task)) / wall,
    idleScriptPercent: (100 * (after.script - before.script)) / wall,
    idleFrames,
  };
}

async function startRecordingFrames(page) {
  await page.evaluate(() => { __bench.frames = []; __bench.recording = true; });
}

async function stopRecordingFrames(page) {
  const work = await page.evaluate(() => { __bench.recording = false; return __bench.frames.map((f) => f.work); });
  // The sum as well: a percentile moves with the number of cheap frames
  // (a caret's blink, a key's release) that a tree draws between keys.
  return { frames: work.length, p50Ms: percentile(work, 0.5), p95Ms: percentile(work, 0.95), maxMs: Math.max(0, ...work),
    totalMs: work.reduce((sum, ms) => sum + ms, 0) };
}

// Wheels the list from its top to its bottom, one event per frame or so;
// returns the number of wheel events.
export async function scrollToBottom(page, count) {
  const box = await page.evaluate(() => {
    const r = PubView.widgets[0].canvas.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height * 0.6 };
  });
  await page.mouse.move(box.x, box.y);
  const deltaY = Math.ceil((count * ESTIMATED_ROW_PX) / WHEEL_EVENTS);
  let events = 0;
  for (; events < 4 * WHEEL_EVENTS; events++) {
    await page.mouse.wheel(0, deltaY);
    await page.waitForTimeout(WHEEL_INTERVAL_MS);
    if (!(await page.evaluate(() => __bench.wheelTaken))) break;
  }
  return events;
}

// Loads a large bundle into the widget (served as the default bundle at
// `url`) and measures loading, scrolling, typing and memory.
export async function measureBundle(browser, url, bundleBytes) {
  const { context, page, errors } = await openProbedPage(browser);
  await page.goto(url);
  const rowsShownMs = await waitForTime(page, PAGES.pubview.firstFrame);
  const loaded = await page.evaluate((rowsShownAt) => {
    const widget = PubView.widgets[0];
    const during = __bench.longTasks.filter((t) => t.start < rowsShownAt);
    // The task that created the WebGL context, and all the others.
    const holdsContext = (t) => __bench.contexts.some((c) => c.start >= t.start && c.start < t.start + t.duration);
    return {
      readyMs: __bench.readyAt,
      longestBlockMs: Math.max(0, ...during.filter((t) => !holdsContext(t)).map((t) => t.duration)),
      contextTaskMs: Math.max(0, ...during.filter(holdsContext).map((t) => t.duration)),
      count: widget.count(),
      error: widget.error(),
      heapBytes: widget.module.HEAPU8.length,
    };
  }, rowsShownMs);
  if (loaded.error) throw new Error(`the widget failed to load the bundle: ${loaded.error}`);
  await page.waitForTimeout(SETTLE_MS);

  await startRecordingFrames(page);
  const wheelEvents = await scrollToBottom(page, loaded.count);
  await page.waitForTimeout(SETTLE_MS);
  const scrolling = await stopRecordingFrames(page);

  await page.evaluate(() => { PubView.widgets[0].focus(); });
  await page.waitForTimeout(SETTLE_MS);
  await startRecordingFrames(page);
  let typed = '';
  for (const [i, query] of TYPED_QUERIES.entries()) {
    if (i > 0) {
      for (let k = 0; k < typed.length; k++) await page.keyboard.press('Backspace', { delay: TYPING_DELAY_MS });
    }
    await page.keyboard.type(query, { delay: TYPING_DELAY_MS });
    await page.waitForTimeout(SETTLE_MS);
    typed = await page.evaluate(() => PubView.widgets[0].query());
    if (typed !== query) break;
  }
  const typing = await stopRecordingFrames(page);
  await context.close();
  const last = TYPED_QUERIES.at(-1);
  if (typed !== last) throw new Error(`typing reached the search box as "${typed}"`);
  if (errors.length) throw new Error(errors.join('; '));
  return {
    rowsShownMs, ...loaded, heapPerBundleByte: loaded.heapBytes / bundleBytes,
    wheelEvents, scrolling, typing,
  };
}
