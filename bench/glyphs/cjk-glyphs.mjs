// Adding 3,000 CJK glyphs to the atlas (issue 13), measured: a bundle of 200
// Chinese titles with 3,000 distinct ideographs (U+4E00 on, 15 a title),
// loaded into the widget in headless Chromium at device pixel ratios 1 and 2.
// The widget reports (`pubview:glyphs`) how many glyphs the browser drew, in
// how many slices, what the slices cost the main thread in all (of which the
// canvas on the main thread) and the longest one, what the glyph worker
// spent drawing, when the glyphs of the rows on screen were in, and the
// atlas's size; the page's Long Tasks observer gives the longest main-thread
// task while they came in (none over 50 ms is the target); the network log
// gives the font bytes fetched (as sent, gzipped).
//
// A CPU profile of the main thread (the DevTools protocol's Profiler) over
// the glyphs' coming in gives the main thread's busy time in that span (every
// sample not idle, program or garbage collector included) and the functions
// that took most of it (`--profile`).
//
// Each run is a page of its own; its figures are its own `pubview:glyphs`
// events (after the interface's few glyphs of before the bundle), and a run
// whose events do not add up to the bundle's characters stops the bench.
//
// Given site folders (built pubview.js, pubview.wasm and fonts), it measures
// each in turn, interleaved, run by run (A/B); else build/web/site.
// Needs the site built (build/web/site: the server and pages come from it).
//
//   node bench/glyphs/cjk-glyphs.mjs [runs] [--profile] [--ratio=1|2] [SITE_DIR ...]
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser } from '../../tests/browser/browser.mjs';

const args = process.argv.slice(2);
const runs = Number(args.find((a) => /^\d+$/.test(a)) || 3);
const profile = args.includes('--profile');
const ratios = (args.find((a) => a.startsWith('--ratio=')) || '--ratio=1,2').slice(8).split(',').map(Number);
const sites = args.filter((a) => !/^\d+$/.test(a) && !a.startsWith('--'));
const publications = Array.from({ length: 200 }, (_, i) => ({
  id: 'zh-' + i,
  title: Array.from({ length: 15 }, (_, k) => String.fromCodePoint(0x4E00 + i * 15 + k)).join(''),
  authors: ['王小明'],
  year: 2020,
  abstract: '摘要',
}));
const bundle = JSON.stringify({ pubview: 1, title: '200 Chinese titles', publications });
// The characters beyond the panel's fonts: each needs its glyph, in the
// weight it is drawn in (the titles bold, the rest regular; before
// 2026-11-30's glyphweight branch, every one in both).
const distinct = new Set([...bundle].filter((c) => c.codePointAt(0) > 0x2FFF)).size;

// Busy main-thread time within [from, to] (ms, the page's clock) and the
// functions with most self time in it.
function summarize(cpu, from, to, origin) {
  const byId = new Map(cpu.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let busy = 0, t = cpu.startTime;
  cpu.samples.forEach((id, i) => {
    t += cpu.timeDeltas[i];
    const at = t / 1000 - origin;
    if (at < from || at > to) return;
    const dt = (cpu.timeDeltas[i + 1] ?? 0) / 1000;
    const f = byId.get(id).callFrame;
    if (f.functionName === '(idle)') return;
    busy += dt;
    const name = (f.functionName || '(anonymous)') + (f.url ? ' ' + path.basename(f.url) + ':' + f.lineNumber : '');
    self.set(name, (self.get(name) || 0) + dt);
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([n, ms]) => `${ms.toFixed(0).padStart(6)} ms  ${n}`);
  return { busy, top };
}

const server = await startServer();
const browser = await launchBrowser();
try {
  for (const ratio of ratios) {
    for (let run = 0; run < runs; ++run) {
      for (const site of sites.length ? sites : [null]) {
        const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, deviceScaleFactor: ratio });
        const page = await context.newPage();
        let fontBytes = 0;
        page.on('response', async (r) => {
          if (!/\.(ttf|otf|woff2?)$/.test(new URL(r.url()).pathname)) return;
          const length = Number(r.headers()['content-length']);
          fontBytes += length || (await r.body().catch(() => Buffer.alloc(0))).length;
        });
        if (site) {
          await page.route(/\/(pubview\.js|pubview\.wasm|fonts\/[^/]+)$/, (route) => {
            const file = path.join(site, new URL(route.request().url()).pathname.replace(/^.*?\/(pubview\.|fonts\/)/, '$1'));
            const type = file.endsWith('.wasm') ? 'application/wasm' : file.endsWith('.js') ? 'text/javascript' : 'font/ttf';
            route.fulfill({ contentType: type, body: fs.readFileSync(file) });
          });
        }
        await page.addInitScript(() => {
          window.glyphEvents = [];
          document.addEventListener('pubview:glyphs', (e) => window.glyphEvents.push(e.detail), true);
          window.longTasks = [];
          new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, ms: e.duration }))))
            .observe({ type: 'longtask', buffered: true });
        });
        await page.route('**/cjk-bench.html', (route) => route.fulfill({
          contentType: 'text/html',
          body: '<!doctype html><meta charset="utf-8"><div class="pubview" data-bundle="cjk.json" data-height="700px"></div><script src="pubview.js" defer></script>',
        }));
        await page.route('**/cjk.json', (route) => route.fulfill({ contentType: 'application/json', body: bundle }));
        const cdp = profile ? await context.newCDPSession(page) : null;
        if (cdp) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
          await cdp.send('Profiler.start');
        }
        await page.goto(server.url + 'cjk-bench.html');
        await page.waitForFunction(() => window.PubView && PubView.widgets.length === 1);
        // The glyphs come in slices, a frame each: once the widget is settled none waits.
        await page.evaluate(() => PubView.widgets[0].ready.then(() => PubView.widgets[0].settled()));
        // This page's own glyphs, from its own events. Builds before 2026-11-30's
        // glyphs13 said all were in once every character had come in one weight,
        // and again when the last bold batch came, in a slice of its own: the
        // events are summed, from the first one's start to the last one's end.
        // Glyphs the interface needs before the bundle is in (two, drawn on the
        // main thread) come in an event of their own, before: not counted.
        const all = await page.evaluate(() => window.glyphEvents);
        const events = all.slice(Math.max(0, all.findIndex((e) => e.count >= distinct)));
        const first = events[0], last = events[events.length - 1];
        const sum = (key) => events.reduce((total, e) => total + (e[key] || 0), 0);
        const g = {
          ...last, startedAt: first.startedAt, wallMs: last.startedAt + last.wallMs - first.startedAt, onScreenMs: first.onScreenMs,
          ms: sum('ms'), canvasMs: sum('canvasMs'), workerMs: sum('workerMs'), slices: sum('slices'),
          longestSliceMs: Math.max(...events.map((e) => e.longestSliceMs)),
        };
        // A run that did not draw this page's characters, or whose slices add up to less than its span: not reported.
        if (g.count < distinct || !(g.workerMs + g.canvasMs > 0) || !(g.wallMs >= g.ms)) {
          throw new Error(`run ${run + 1} at ratio ${ratio}${site ? ' of ' + site : ''} did not measure this page's ` +
            `${distinct} characters coming in: ${JSON.stringify(all)}`);
        }
        // Long tasks that overlap the glyph work.
        const longest = await page.evaluate(({ from, to }) => Math.max(0, ...window.longTasks
          .filter((t) => t.start + t.ms > from && t.start < to).map((t) => t.ms)), { from: g.startedAt, to: g.startedAt + g.wallMs });
        // Builds before glyphweight said how many characters, each drawn in both weights.
        const regular = g.regular ?? g.count, bold = g.bold ?? g.count;
        console.log(`${site ? site + ' ' : ''}ratio ${ratio} run ${run + 1}: ${regular + bold} glyphs (${regular} regular, ${bold} bold) in ${g.slices} slices, ${g.ms.toFixed(0)} ms of main-thread work ` +
          `(canvas ${g.canvasMs.toFixed(0)} ms; worker ${(g.workerMs || 0).toFixed(0)} ms), mean slice ${(g.ms / g.slices).toFixed(1)} ms, ` +
          `longest slice ${g.longestSliceMs.toFixed(1)} ms, longest task ${longest.toFixed(0)} ms; ` +
          `rows on screen done after ${g.onScreenMs === null ? '-' : g.onScreenMs.toFixed(0)} ms, all after ${g.wallMs.toFixed(0)} ms; ` +
          `atlas ${g.atlas.width}x${g.atlas.height}; font bytes fetched ${fontBytes}; pubview:glyphs events ${events.length} (of ${all.length})`);
        if (cdp) {
          // The profile's clock is another than the page's performance.now(): the
          // profile ends just after `now`, which aligns them within a few ms.
          const now = await page.evaluate(() => performance.now());
          const { profile: cpu } = await cdp.send('Profiler.stop');
          const s = summarize(cpu, g.startedAt, g.startedAt + g.wallMs, cpu.endTime / 1000 - now);
          console.log(`  main thread busy ${s.busy.toFixed(0)} ms while the glyphs came in; most self time:\n    ${s.top.join('\n    ')}`);
        }
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
