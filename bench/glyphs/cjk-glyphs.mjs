// Option (b) of issue 13, measured: a bundle of 200 Chinese titles with 3,000
// distinct ideographs (U+4E00 on, 15 a title), loaded into the widget in
// headless Chromium at device pixel ratios 1 and 2. The widget reports (event
// `pubview:glyphs`) how many glyphs the browser drew, how long drawing them
// and rebuilding the atlas took, and the atlas's size; the network log gives
// the bytes fetched for fonts (none beyond the two Latin subsets).
// Needs the site built (build/web/site) and fonts-noto-cjk.
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
        if (/\.(ttf|otf|woff2?)$/.test(new URL(r.url()).pathname)) fontBytes += Number(r.headers()['content-length'] || 0);
      });
      await page.route('**/cjk-bench.html', (route) => route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><meta charset="utf-8"><div class="pubview" data-bundle="cjk.json" data-height="700px"></div><script src="pubview.js" defer></script>',
      }));
      await page.route('**/cjk.json', (route) => route.fulfill({ contentType: 'application/json', body: bundle }));
      await page.goto(server.url + 'cjk-bench.html');
      await page.waitForFunction(() => window.PubView && PubView.widgets.length === 1);
      const handle = await page.waitForFunction(() => PubView.widgets[0].glyphs, null, { timeout: 60000 });
      const glyphs = await handle.jsonValue();
      console.log(`ratio ${ratio} run ${run + 1}: ${glyphs.count} glyphs drawn and put in the atlas in ${glyphs.ms.toFixed(1)} ms (canvas ${glyphs.canvasMs.toFixed(1)} ms); ` +
        `atlas ${glyphs.atlas.width}x${glyphs.atlas.height}; font bytes fetched ${fontBytes}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
