// Adding 3,000 CJK glyphs to the atlas (issue 13), measured: a bundle of 200
// Chinese titles with 3,000 distinct ideographs (U+4E00 on, 15 a title),
// loaded into the widget in headless Chromium at device pixel ratios 1 and 2.
// The widget reports (`pubview:glyphs`) how many glyphs the browser drew, in
// how many slices, what they cost in all and the longest one, when the
// glyphs of the rows on screen were in, and the atlas's size; the page's
// Long Tasks observer gives the longest main-thread task while they came in
// (none over 50 ms is the target); the network log gives the font bytes
// fetched (as sent, gzipped).
// Needs the site built (build/web/site).
//
//   node bench/glyphs/cjk-glyphs.mjs [runs]
import { startServer, launchBrowser } from '../../tests/browser/browser.mjs';

const runs = Number(process.argv[2] || 3);
const publications = Array.from({ length: 200 }, (_, i) => ({
  id: 'zh-' + i,
  title: Array.from({ length: 15 }, (_, k) => String.fromCodePoint(0x4E00 + i * 15 + k)).join(''),
  authors: ['王小明'],
  year: 2020,
  abstract: '摘要',
}));
const bundle = JSON.stringify({ pubview: 1, title: '200 Chinese titles', publications });

const server = await startServer();
const browser = await launchBrowser();
try {
  for (const ratio of [1, 2]) {
    for (let run = 0; run < runs; ++run) {
      const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, deviceScaleFactor: ratio });
      const page = await context.newPage();
      let fontBytes = 0;
      page.on('response', async (r) => {
        if (!/\.(ttf|otf|woff2?)$/.test(new URL(r.url()).pathname)) return;
        const length = Number(r.headers()['content-length']);
        fontBytes += length || (await r.body().catch(() => Buffer.alloc(0))).length;
      });
      await page.addInitScript(() => {
        window.longTasks = [];
        new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, ms: e.duration }))))
          .observe({ type: 'longtask', buffered: true });
      });
      await page.route('**/cjk-bench.html', (route) => route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><meta charset="utf-8"><div class="pubview" data-bundle="cjk.json" data-height="700px"></div><script src="pubview.js" defer></script>',
      }));
      await page.route('**/cjk.json', (route) => route.fulfill({ contentType: 'application/json', body: bundle }));
      await page.goto(server.url + 'cjk-bench.html');
      await page.waitForFunction(() => window.PubView && PubView.widgets.length === 1);
      // The glyphs come in slices, a frame each: once the widget is settled none waits.
      const g = await page.evaluate(() => PubView.widgets[0].ready.then(() => PubView.widgets[0].settled()).then(() => PubView.widgets[0].glyphs));
      // Long tasks that overlap the glyph work.
      const longest = await page.evaluate(({ from, to }) => Math.max(0, ...window.longTasks
        .filter((t) => t.start + t.ms > from && t.start < to).map((t) => t.ms)), { from: g.startedAt, to: g.startedAt + g.wallMs });
      console.log(`ratio ${ratio} run ${run + 1}: ${g.count} glyphs in ${g.slices} slices, ${g.ms.toFixed(0)} ms of work ` +
        `(canvas ${g.canvasMs.toFixed(0)} ms), mean slice ${(g.ms / g.slices).toFixed(1)} ms, longest slice ${g.longestSliceMs.toFixed(1)} ms, ` +
        `longest task ${longest.toFixed(0)} ms; ` +
        `rows on screen done after ${g.onScreenMs === null ? '-' : g.onScreenMs.toFixed(0)} ms, all after ${g.wallMs.toFixed(0)} ms; ` +
        `atlas ${g.atlas.width}x${g.atlas.height}; font bytes fetched ${fontBytes}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
