// Sharded bundles in headless Chromium (issue 14): a generated bundle of SIZE
// entries sharded by the native CLI into the site, shown by the widget with
// data-bundle="DIR/" over a network emulated at 40 Mbit/s and 20 ms round
// trip (DevTools Network.emulateNetworkConditions). Prints one JSON object:
// the shard command's time and peak memory; over BENCH_RUNS fresh visits
// (median), the first rows' time and the bytes before them; over the
// generator's typical queries, typed one at a time on the last visit once its
// tables came, the results' time with cold and with warm files (p95), their
// bytes, the longest main-thread task and the widget's heap; on one more
// visit under a DevTools trace (which slows a two-core machine, so apart),
// the longest task's own CPU time. Each warm keystroke's main-thread
// work is also taken as thread CPU time (DevTools Performance metrics'
// TaskDuration in threadTicks), which the machine's load does not inflate.
//
//   bash bench/browser/run.sh builds the site and the CLI; then
//   node bench/browser/shards.mjs [SIZE]      (BENCH_DATA holds corpus-SIZE.json;
//                                              BENCH_SHARD_ARGS more arguments for `pubview shard`;
//                                              BENCH_SHARDED a folder it wrote before, served instead;
//                                              BENCH_FOLDER_NAME its name in the site;
//                                              BENCH_HTTP=2 serves the site over HTTP/2)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, startServer, root } from '../../tests/browser/browser.mjs';
import { startHttp2Server } from './h2-server.mjs';
import { typicalQueries } from './typical-queries.mjs';

const size = Number(process.argv[2] || 100000);
const runs = Number(process.env.BENCH_RUNS || 5);
const queryCount = Number(process.env.BENCH_QUERIES || 50);
const data = process.env.BENCH_DATA || path.join(root, 'build/bench-search');
const corpus = path.join(data, `corpus-${size}.json`);
const folderName = process.env.BENCH_FOLDER_NAME || `bench-shards-${size}`;
const folder = path.join(root, 'build/web/site', folderName);
// BENCH_HTTP=2: the site over HTTP/2 (h2-server.mjs), as static hosts and CDNs serve it; else serve.py's HTTP/1.1.
const http2 = process.env.BENCH_HTTP === '2';
const NETWORK = { offline: false, latency: 20, downloadThroughput: 40e6 / 8, uploadThroughput: 40e6 / 8 };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const round = (x) => Math.round(x * 10) / 10;

fs.rmSync(folder, { recursive: true, force: true });
const shardArgs = (process.env.BENCH_SHARD_ARGS || '').split(' ').filter(Boolean);
let shardSeconds = null, shardKb = null;
if (process.env.BENCH_SHARDED) {  // a folder sharded before (A/B runs of the page on the same files): served through a link
  fs.symlinkSync(path.resolve(process.env.BENCH_SHARDED), folder);
} else {
  const shard = spawnSync('/usr/bin/time', ['-f', '%e %M', path.join(root, 'build/native/pubview'), 'shard', corpus, '--out', folder, ...shardArgs],
    { encoding: 'utf8' });
  if (shard.status !== 0) throw new Error(shard.stderr);
  [shardSeconds, shardKb] = shard.stderr.trim().split('\n').pop().split(' ').map(Number);
}

const queries = typicalQueries(path.join(data, `queries-${size}.json`), queryCount);

const server = http2 ? await startHttp2Server(path.join(root, 'build/web/site')) : await startServer();
const browser = await launchBrowser();

// A fresh visit with the network emulated; `bytes()` the compressed bytes
// every response brought so far (the page's and the worker's).
// The page's main-thread tasks from a DevTools trace (the timeline's RunTask events of
// CrRendererMain): the longest by wall time and by the thread's CPU time, which
// the machine's load does not inflate (a task that waits on the GPU process is
// long on the wall and short on the CPU).
async function startTrace(cdp) {
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => { for (const e of value) if (e.name === 'RunTask' || e.name === 'thread_name') events.push(e); });
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['disabled-by-default-devtools.timeline'] } });
  return async () => {
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await done;
    const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
    const tasks = events.filter((e) => e.name === 'RunTask' && mains.has(`${e.pid}:${e.tid}`));
    return { longestWallMs: Math.max(0, ...tasks.map((t) => (t.dur || 0) / 1000)), longestCpuMs: Math.max(0, ...tasks.map((t) => (t.tdur || 0) / 1000)) };
  };
}

async function visit(traced = false) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 }, deviceScaleFactor: 1, ignoreHTTPSErrors: http2 });
  await context.addInitScript({ path: path.join(root, 'bench/browser/page-probe.js') });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  let bytes = 0, requests = 0;
  const byKind = {};  // the shards' bytes by kind of file (postings, rows, entries, …)
  const responses = [];  // {endedAt (ms since the epoch), bytes} of each response as it ends
  const unfinished = new Set();
  page.on('request', (request) => unfinished.add(request));
  page.on('requestfailed', (request) => unfinished.delete(request));
  page.on('requestfinished', async (request) => {
    const sizes = await request.sizes().catch(() => null);
    unfinished.delete(request);
    if (!sizes) return;
    const timing = request.timing();
    responses.push({ endedAt: timing.startTime + timing.responseEnd, bytes: sizes.responseBodySize + sizes.responseHeadersSize });
    bytes += sizes.responseBodySize + sizes.responseHeadersSize;
    requests += 1;
    const kind = request.url().includes(`/${folderName}/`) && /([a-z]+)[^/]*$/.exec(request.url())[1];
    if (kind) byKind[kind] = (byKind[kind] || 0) + sizes.responseBodySize;
  });
  await page.route('**/bench-shards.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
      <div class="pubview" data-bundle="${folderName}/" data-height="600px" data-start="eager"></div><script src="pubview.js" defer></script>`,
  }));
  const endTrace = traced ? await startTrace(cdp) : null;
  await page.goto(server.url + 'bench-shards.html');
  const firstRowsMs = await (await page.waitForFunction(() => window.PubView && PubView.widgets[0] && PubView.widgets[0].firstRowsAt,
    null, { timeout: 120000, polling: 20 })).jsonValue();
  const error = await page.evaluate(() => PubView.widgets[0].error());
  if (error) throw new Error(error);
  // What came before the first rows: the responses that had ended by then, once
  // every request begun so far has ended (those that end while this side hears
  // of the first rows are not theirs).
  const firstRowsAt = await page.evaluate(() => performance.timeOrigin + PubView.widgets[0].firstRowsAt);
  const begun = [...unfinished];
  for (const deadline = Date.now() + 120000; begun.some((request) => unfinished.has(request));) {
    if (Date.now() > deadline) throw new Error('requests begun before the first rows never ended');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const before = responses.filter((r) => r.endedAt <= firstRowsAt);
  return { context, page, cdp, endTrace, firstRowsMs, bytesBeforeFirstRows: before.reduce((sum, r) => sum + r.bytes, 0),
    requestsBeforeFirstRows: before.length, bytes: () => bytes, requests: () => requests, byKind: () => ({ ...byKind }) };
}

// The page's main-thread CPU time so far, in ms.
const mainThreadMs = async (cdp) => 1000 * (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;

// Each query's times from setQuery: to its answer in the panel (the worker's
// answer shown), to the frame that draws it on screen (an animation frame asked
// for as the answer is shown runs after the widget's own, which draws it), to
// the answer drawn and the widget idle (the frame after which it has nothing
// more to draw: ImGui's settling frames), and to settled() (the DOM mirror
// updated, which waits 120 ms for more changes); and the main thread's CPU time meanwhile.
async function typeEach(v, list) {
  await v.cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const times = { answer: [], onScreen: [], drawn: [], settled: [], cpu: [] };
  for (const query of list) {
    const before = await mainThreadMs(v.cdp);
    const t = await v.page.evaluate(async (q) => {
      const w = PubView.widgets[0];
      const start = performance.now();
      let answer = null;
      const onScreen = new Promise((resolve) => {
        const heard = (event) => queueMicrotask(() => {  // after the widget's own handler showed it
          if (event.data.result) window.__bench.workerAnswer = event.data.result;  // read for its heapBytes at the end
          if (answer !== null || w._shards.pending) return;
          answer = performance.now() - start;
          w._shards.worker.removeEventListener('message', heard);
          requestAnimationFrame(() => resolve(performance.now() - start));
        });
        w._shards.worker.addEventListener('message', heard);
      });
      w.setQuery(q);
      if (!w._shards.pending) answer = 0;  // nothing asked (the query shown already): no answer to hear
      const drawn = await new Promise((resolve) => {
        const check = () => (w._shards.pending || w.module._pv_busy() ? requestAnimationFrame(check) : resolve(performance.now() - start));
        check();
      });
      await w.settled();
      return { answer, onScreen: answer === 0 ? 0 : await onScreen, drawn, settled: performance.now() - start };
    }, query);
    times.cpu.push(await mainThreadMs(v.cdp) - before);
    for (const key of ['answer', 'onScreen', 'drawn', 'settled']) times[key].push(t[key]);
  }
  await v.cdp.send('Performance.disable');
  return times;
}

// The median and p95 of each of typeEach's times, cold and warm.
const summary = (cold, warm, key) => ({ coldMedianMs: round(median(cold[key])), coldP95Ms: round(p95(cold[key])),
  warmMedianMs: round(median(warm[key])), warmP95Ms: round(p95(warm[key])) });

const visits = [];
for (let run = 0; run < runs; ++run) {
  const v = await visit();
  visits.push({ firstRowsMs: v.firstRowsMs, bytes: v.bytesBeforeFirstRows, requests: v.requestsBeforeFirstRows });
  if (run < runs - 1) { await v.context.close(); continue; }
  // The queries start once the tables, which the folder's opening fetches after
  // the first rows, have come: their bytes are the opening's, not the queries'.
  for (const deadline = Date.now() + 120000; !v.byKind().tables;) {
    if (Date.now() > deadline) throw new Error('the tables never came');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const before = v.bytes(), kindsBefore = v.byKind();
  const cold = await typeEach(v, queries);
  const queryBytes = v.bytes() - before;
  const queryBytesByKind = Object.fromEntries(Object.entries(v.byKind()).map(([k, n]) => [k, n - (kindsBefore[k] || 0)]));
  const warm = await typeEach(v, queries);
  // The longest task, and the longest but the one that creates the WebGL context (the browser makes
  // the page wait for its GPU process there, whatever the page does) and the longest after the first rows.
  const probe = await v.page.evaluate(() => ({
    longestTaskMs: Math.max(0, ...window.__bench.longTasks.map((t) => t.duration)),
    longestButContextMs: Math.max(0, ...window.__bench.longTasks.filter((t) => !window.__bench.contexts
      .some((c) => c.start >= t.start && c.start <= t.start + t.duration)).map((t) => t.duration)),
    longestAfterFirstRowsMs: Math.max(0, ...window.__bench.longTasks
      .filter((t) => t.start >= PubView.widgets[0].firstRowsAt).map((t) => t.duration)),
    heapBytes: PubView.widgets[0].module.HEAPU8.length,
    workerHeapBytes: JSON.parse(window.__bench.workerAnswer).heapBytes,  // memory only grows: the last answer's is the most
  }));
  await v.context.close();
  // One more visit, traced, for the longest task's own CPU time over the same
  // load and cold queries: a DevTools trace costs the browser CPU (on two cores
  // it slowed the keystrokes above), so they are taken without one.
  const traced = await visit(true);
  await typeEach(traced, queries);
  const trace = await traced.endTrace();
  await traced.context.close();
  console.log(JSON.stringify({
    size, machine: `${process.arch}, ${(await import('node:os')).cpus().length} cores`, network: '40 Mbit/s, 20 ms RTT', protocol: http2 ? 'HTTP/2' : 'HTTP/1.1 (serve.py)',
    shard: { seconds: shardSeconds, peakMB: shardKb && Math.round(shardKb / 1024), args: shardArgs.join(' '), sharded: process.env.BENCH_SHARDED, files: fs.readdirSync(folder).length },
    firstRowsMs: round(median(visits.map((x) => x.firstRowsMs))),
    bytesBeforeFirstRows: median(visits.map((x) => x.bytes)),
    requestsBeforeFirstRows: median(visits.map((x) => x.requests)),
    queries: queries.length,
    coldP95Ms: round(p95(cold.settled)), coldMedianMs: round(median(cold.settled)),
    warmP95Ms: round(p95(warm.settled)), warmMedianMs: round(median(warm.settled)),
    answer: summary(cold, warm, 'answer'), onScreen: summary(cold, warm, 'onScreen'), drawn: summary(cold, warm, 'drawn'),
    mainThreadCpuPerKeystroke: summary(cold, warm, 'cpu'),
    bytesForQueries: queryBytes, bytesForQueriesByKind: queryBytesByKind,
    longestTaskMs: round(probe.longestTaskMs), longestTaskButContextMs: round(probe.longestButContextMs),
    longestTaskAfterFirstRowsMs: round(probe.longestAfterFirstRowsMs),
    longestTaskTraced: { wallMs: round(trace.longestWallMs), threadCpuMs: round(trace.longestCpuMs) }, widgetHeapMB: round((probe.heapBytes + probe.workerHeapBytes) / 1048576),
    pageHeapMB: round(probe.heapBytes / 1048576), workerHeapMB: round(probe.workerHeapBytes / 1048576),
  }, null, 1));
}
await browser.close();
await server.stop();
fs.rmSync(folder, { recursive: true, force: true });
