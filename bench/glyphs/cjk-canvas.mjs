// Where the canvas's time goes when the browser draws 3,000 new ideographs
// (issue 13): the same rows of 100 drawn with `"Noto Sans", sans-serif`, where
// the browser searches a fallback font for each new character, and with the
// CJK font it falls back to named in the family (what web/pubview/glyphs.js
// does once it has found that font), each on 3,000 characters never drawn
// before in the page, interleaved, at the given em and weight; the time of
// the fillText calls and of the one getImageData that rasterizes them.
// Needs Debian's fonts-noto-cjk (the named font is Noto Sans CJK JP, which
// Chromium's fallback picks on Debian).
//
//   node bench/glyphs/cjk-canvas.mjs [em] [weight] [rounds]
import { launchBrowser } from '../../tests/browser/browser.mjs';

const em = Number(process.argv[2] || 16), weight = Number(process.argv[3] || 400), rounds = Number(process.argv[4] || 3);
const FAMILIES = { 'fallback search': '"Noto Sans", sans-serif', 'named CJK font': '"Noto Sans", "Noto Sans CJK JP", sans-serif' };

const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><meta charset="utf-8"><body>');
  // The browser's first CJK fallback lookup of a page, once, outside the figures.
  await page.evaluate(() => {
    const c = new OffscreenCanvas(8, 8).getContext('2d');
    c.font = '10px "Noto Sans", sans-serif';
    c.fillText('\u56FD', 0, 0);
  });
  let first = 0x4E00;
  for (let round = 0; round < rounds; ++round) {
    for (const [name, family] of Object.entries(FAMILIES)) {
      const r = await page.evaluate(({ family, first, em, weight }) => {
        const perRow = 100, cell = Math.ceil(em) + 2;
        const rows = [];
        for (let i = 0; i < 3000; i += perRow)
          rows.push(Array.from({ length: perRow }, (_, k) => String.fromCodePoint(first + i + k)).join(''));
        const context = new OffscreenCanvas(perRow * cell, rows.length * cell).getContext('2d', { willReadFrequently: true });
        context.font = `${weight} ${em}px ${family}`;
        context.fillStyle = '#fff';
        context.letterSpacing = '2px';
        const start = performance.now();
        rows.forEach((row, i) => context.fillText(row, 0, (i + 1) * cell - 3));
        const drawn = performance.now();
        context.getImageData(0, 0, perRow * cell, rows.length * cell);
        return { fill: drawn - start, read: performance.now() - drawn };
      }, { family, first, em, weight });
      first += 3000;
      console.log(`${name}: fillText ${r.fill.toFixed(0)} ms + getImageData ${r.read.toFixed(0)} ms = ${(r.fill + r.read).toFixed(0)} ms for 3,000 new ideographs at ${em} px, weight ${weight}`);
    }
  }
} finally {
  await browser.close();
}
