// A query in Arabic or Hebrew reads in the search box as it does in the rows:
// right to left, Arabic joined, typed through the hidden <input> (an input
// method's pre-edit too). Optical character recognition (tesseract) reads the
// box back; the same words drawn by the browser in logical order, left to
// right and unjoined (what an ImGui text box shows by itself), fail the same
// check. Clicks put
// the caret where they point: at the left end of a right-to-left query is its
// logical end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serverAndBrowserForThisFile, openBundlePage, settle, screenshots } from './browser.mjs';
import { ocr, mismatch } from './ocr.mjs';

const shared = serverAndBrowserForThisFile();

const BUNDLE = {
  pubview: 1,
  title: 'Right-to-left queries',
  publications: [
    { id: 'ar', title: 'معالجة اللغة العربية الطبيعية', authors: ['أحمد علي'], year: 2023, abstract: 'نموذج لغوي.' },
    { id: 'he', title: 'עיבוד שפה טבעית לעברית', authors: ['דוד לוי'], year: 2022, abstract: 'מודל שפה.' },
  ],
};

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head>
<body style="margin:0"><div class="pubview" data-bundle="rtl-bundle.json" data-height="400px"></div>
<script src="pubview.js" defer></script></body></html>`;

async function openPage() {
  // Twice the pixels, so that OCR reads the box's small text well.
  const { page, context, errors } = await openBundlePage(shared.browser, shared.server.url, { name: 'rtl', html: PAGE, bundle: BUNDLE, contextOptions: { viewport: { width: 700, height: 450 }, deviceScaleFactor: 3 } });
  const cdp = await context.newCDPSession(page);
  // Editing: the hidden <input> lies over the search box and has the keyboard.
  const canvas = await page.evaluate(() => { const r = PubView.widgets[0].canvas.getBoundingClientRect(); return { x: r.left, y: r.top }; });
  await page.mouse.click(canvas.x + 120, canvas.y + 22);
  await page.waitForFunction(() => document.activeElement === PubView.widgets[0].textInput, null, { timeout: 20000 });
  const box = await page.evaluate(() => {
    const r = PubView.widgets[0].textInput.getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  });
  return { page, context, errors, cdp, box };
}

// A click in the box: the canvas takes the keyboard, and hands it back to the
// hidden <input> after the frame (text typed before would be lost).
async function clickBox(page, x, y) {
  await page.mouse.click(x, y);
  await page.waitForFunction(() => document.activeElement === PubView.widgets[0].textInput, null, { timeout: 20000 });
  await settle(page);
}

// Every letter typed here is in the bundle: its glyph is in the atlas already.
async function typed(page, query, preedit = '') {
  await page.waitForFunction(([q, p]) => PubView.widgets[0].query() === q && PubView.widgets[0].preedit() === p, [query, preedit], { timeout: 20000 });
  await settle(page);
}

async function readBox(page, box, name, language) {
  const shot = path.join(screenshots, name);
  await page.screenshot({ path: shot, clip: box });
  return ocr(shot, language, 7).replace(/\s+/g, '');
}

for (const [query, language, id, name] of [['العربية الطبيعية', 'ara', 'ar', 'an Arabic query reads right to left and joined'],
  ['שפה טבעית', 'heb', 'he', 'a Hebrew query reads right to left']]) {
  test(`${name} in the search box, and finds its entry`, async () => {
    const { page, context, errors, cdp, box } = await openPage();
    await cdp.send('Input.insertText', { text: query });
    await typed(page, query);
    const read = await readBox(page, box, `rtl-query-${id}.png`, language);
    assert.equal(await page.evaluate(() => PubView.widgets[0].count()), 1, 'the query finds its entry');
    // Read as the word it is, and not as its letters in logical order left to right.
    const reversed = [...query].reverse().join('');
    console.log(`${id}: read "${read}": ${mismatch(query, read).toFixed(2)} from the query, ${mismatch(reversed, read).toFixed(2)} from it reversed`);
    const readsRight = (text) => mismatch(query, text) <= 0.3 && mismatch(query, text) < mismatch(reversed, text);
    assert.ok(readsRight(read), `the box reads "${read}"`);
    // What a text box drawing glyph by glyph in logical order shows (letters
    // unjoined, left to right), drawn by the browser at the box's size, fails the same check.
    const broken = await context.newPage();
    await broken.setContent(`<!doctype html><meta charset="utf-8"><body style="margin:0;background:#f5f5f5">` +
      `<p style="margin:0;padding:8px;font:400 15px 'Noto Sans',sans-serif;direction:ltr;unicode-bidi:bidi-override">` +
      `${[...query].join('\u200C')}</p>`);
    const brokenShot = path.join(screenshots, `rtl-query-${id}-broken.png`);
    await broken.screenshot({ path: brokenShot, clip: { x: 0, y: 0, width: box.width, height: box.height } });
    const brokenRead = ocr(brokenShot, language, 7).replace(/\s+/g, '');
    console.log(`${id}: logical order read "${brokenRead}"`);
    assert.ok(!readsRight(brokenRead), `the query in logical order read right: "${brokenRead}"`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('an Arabic pre-edit reads right to left and joined in the search box while it is composed', async () => {
  const { page, context, errors, cdp, box } = await openPage();
  const composed = 'العربية';
  await cdp.send('Input.imeSetComposition', { text: composed, selectionStart: composed.length, selectionEnd: composed.length });
  await typed(page, '', composed);
  const read = await readBox(page, box, 'rtl-query-preedit.png', 'ara');
  console.log(`pre-edit: read "${read}"`);
  assert.ok(mismatch(composed, read) <= 0.3, `the box reads "${read}"`);
  await cdp.send('Input.insertText', { text: composed });
  await typed(page, composed);
  assert.deepEqual(errors, []);
  await context.close();
});

test('clicks at either end of a Hebrew query put the caret at its logical end and start', async () => {
  const { page, context, errors, cdp, box } = await openPage();
  await cdp.send('Input.insertText', { text: 'שפה' });
  await typed(page, 'שפה');
  // The query is aligned right: its left end is the last letter typed.
  await clickBox(page, box.x + 4, box.y + box.height / 2);
  await cdp.send('Input.insertText', { text: 'ט' });
  await typed(page, 'שפהט');
  await clickBox(page, box.x + box.width - 6, box.y + box.height / 2);
  await cdp.send('Input.insertText', { text: 'ב' });
  await typed(page, 'בשפהט');
  // Backspace takes the letter before the caret, the one just typed.
  await page.keyboard.press('Backspace');
  await typed(page, 'שפהט');
  assert.deepEqual(errors, []);
  await context.close();
});
