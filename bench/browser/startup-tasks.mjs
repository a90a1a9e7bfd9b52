// The main-thread tasks of the widget's start on a slow phone (issue 18):
// each demo page opened on a 412 × 823 phone screen (DPR 1.75) with the CPU
// slowed 4× by DevTools (Emulation.setCPUThrottlingRate, what Lighthouse's
// mobile setting simulates), traced until every widget in the first screen
// shows rows and the page is quiet; lists every task over 50 ms with what
// ran in it (CPU profile samples in the task's time, by function).
//
//   node bench/browser/startup-tasks.mjs [RUNS] [PAGE...]   (default 3 runs of / and /blog.html)
//
// ST_SITE=a folder with a pubview.js and pubview.wasm to serve in place of
// the built site's (a build linked with --profiling-funcs names the wasm's
// functions). ST_URL=where a server already serves a site (otherwise serve.py
// serves build/web/site). ST_RATE sets the slowdown (4).
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, startServer } from '../../tests/browser/browser.mjs';
import { median } from './stats.mjs';

const [runsArgument, ...pageArguments] = process.argv.slice(2);
const runs = Number(runsArgument || 3);
const pages = pageArguments.length ? pageArguments : ['/', '/blog.html'];
const rate = Number(process.env.ST_RATE || 4);
const site = process.env.ST_SITE || null;
if (site && !fs.existsSync(path.join(site, 'pubview.wasm'))) throw new Error(`ST_SITE ${site} has no pubview.wasm`);
const LONG_US = 50000;
const QUIET_MS = 1500;
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };
const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'];

// A C++ or JS name without its template arguments and parameters.
function shortName(name) {
  let short = name.replaceAll('std::__2::', 'std::');
  for (let previous = ''; previous !== short;) {
    previous = short;
    short = short.replace(/<[^<>]*>/g, '').replace(/\([^()]*\)/g, '');
  }
  return short;
}

// The functions on the stack of each profile sample, by the sample's time (µs, the trace's clock).
function samplesOf(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children || []) parent.set(child, node.id);
  const stacks = [];
  let time = profile.startTime;
  profile.samples.forEach((id, i) => {
    time += profile.timeDeltas[i] || 0;
    const names = [];
    for (let nodeId = id; nodeId !== undefined; nodeId = parent.get(nodeId)) {
      const frame = byId.get(nodeId).callFrame;
      const name = frame.functionName ? shortName(frame.functionName) : frame.url ? `(anonymous ${path.basename(frame.url)})` : '';
      if (name && name !== '(root)') names.push(name);
    }
    stacks.push({ time, names });
  });
  return stacks;
}

// What ran in [start, end): the functions most samples had on their stack
// (inclusive) and at its top (self), as "name ms" strings.
function causes(stacks, start, end, intervalUs) {
  const inclusive = new Map();
  const self = new Map();
  const add = (map, name) => map.set(name, (map.get(name) || 0) + intervalUs / 1000);
  for (const sample of stacks) {
    if (sample.time < start || sample.time >= end) continue;
    for (const name of new Set(sample.names)) add(inclusive, name);
    add(self, sample.names[0] || '(program)');
  }
  const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, ms]) => `${name} ${ms.toFixed(0)}`);
  return { inclusive: top(inclusive, 10), self: top(self, 4) };
}

// The renderer's main thread is the one that ran pubview.js.
function mainThreadTasks(events) {
  const script = events.find((e) => e.name === 'EvaluateScript' && /pubview/.test(e.args?.data?.url || ''))
    || events.find((e) => e.name === 'FunctionCall' && /pubview/.test(e.args?.data?.url || ''));
  if (!script) throw new Error('the trace has no pubview.js');
  const navigation = events.find((e) => e.name === 'navigationStart' && e.pid === script.pid && e.args?.data?.isLoadingMainFrame
    && /^http/.test(e.args.data.documentLoaderURL || ''));
  const nested = events.filter((e) => e.pid === script.pid && e.tid === script.tid && e.ph === 'X'
    && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const tasks = [];  // the outermost of tasks nested in each other
  for (const e of nested) if (!tasks.length || e.ts >= tasks.at(-1).ts + tasks.at(-1).dur) tasks.push(e);
  return { tasks, origin: navigation ? navigation.ts : tasks[0].ts, scriptStart: script.ts };
}

async function traced(page, cdp, action) {
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: TRACE_CATEGORIES }, transferMode: 'ReportEvents' });
  await action();
  await cdp.send('Tracing.end');
  await done;
  return events;
}

// One load of `url`: its long tasks [{at, ms, causes}] (ms from navigation).
async function measure(browser, url) {
  const context = await browser.newContext(PHONE);
  if (site) for (const file of ['pubview.js', 'pubview.wasm']) await context.route(`**/${file}`, (route) => route.fulfill({ path: path.join(site, file) }));
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // A same-origin page first, so the renderer traced and profiled is the one that loads the widget.
  await page.goto(new URL('startup-tasks-start', url).href);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await cdp.send('Profiler.enable');
  const intervalUs = 500;
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  let profile = null;
  const events = await traced(page, cdp, async () => {
    await cdp.send('Profiler.start');
    await page.goto(url);
    // Every widget that starts in the first screen shows rows; the others wait for a scroll.
    await page.waitForFunction(() => window.PubView && PubView.widgets.length > 0 && PubView.widgets[0].firstRowsAt, null, { timeout: 120000, polling: 100 });
    await page.evaluate((quiet) => new Promise((resolve) => {
      let last = performance.now();
      new PerformanceObserver(() => { last = performance.now(); }).observe({ type: 'longtask' });
      const check = () => (performance.now() - last > quiet ? resolve() : setTimeout(check, 100));
      check();
    }), QUIET_MS);
    ({ profile } = await cdp.send('Profiler.stop'));
  });
  await context.close();
  const stacks = samplesOf(profile);
  const { tasks, origin, scriptStart } = mainThreadTasks(events);
  return tasks.filter((t) => t.dur > LONG_US).map((t) => ({
    at: (t.ts - origin) / 1000, ms: t.dur / 1000, causes: causes(stacks, t.ts, t.ts + t.dur, intervalUs),
    widget: t.ts + t.dur > scriptStart,  // from the task that runs pubview.js on; before it, the page's own
  }));
}

const server = process.env.ST_URL ? { url: process.env.ST_URL, stop: async () => {} } : await startServer();
const browser = await launchBrowser();
try {
  for (const pagePath of pages) {
    const url = new URL(pagePath, server.url).href;
    const all = [];
    for (let run = 1; run <= runs; ++run) {
      const long = (await measure(browser, url)).filter((t) => t.widget);
      all.push(long);
      console.log(`\n### ${pagePath}, run ${run} of ${runs} (CPU ${rate}× slower): ${long.length} tasks over 50 ms from pubview.js's on, ` +
        `${long.reduce((sum, t) => sum + t.ms, 0).toFixed(0)} ms in all, blocking ${long.reduce((sum, t) => sum + t.ms - 50, 0).toFixed(0)} ms\n`);
      console.log('| at ms | task ms | functions on the stack (ms of CPU samples) | at the top |\n| ---: | ---: | --- | --- |');
      for (const t of long) console.log(`| ${t.at.toFixed(0)} | ${t.ms.toFixed(0)} | ${t.causes.inclusive.join(', ')} | ${t.causes.self.join(', ')} |`);
    }
    const blocking = all.map((long) => long.reduce((sum, t) => sum + t.ms - 50, 0));
    console.log(`\n${pagePath}: the widget's blocking time (each task's time over 50 ms, from pubview.js's task on), median of ${runs}: ` +
      `${median(blocking).toFixed(0)} ms (runs: ${blocking.map((b) => b.toFixed(0)).join(', ')}); ` +
      `tasks over 50 ms, median: ${median(all.map((l) => l.length))}; longest task, median: ${median(all.map((l) => Math.max(0, ...l.map((t) => t.ms)))).toFixed(0)} ms`);
  }
} finally {
  await browser.close();
  await server.stop();
}
