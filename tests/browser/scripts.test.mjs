// Every script: a bundle whose titles and authors are in Russian, Greek,
// Chinese, Japanese, Korean, Vietnamese, Arabic and Hebrew, and a title of
// Greek letters and mathematical symbols. The canvas draws every character
// (glyphs the fonts lack come from the browser), Arabic joined and the
// right-to-left lines in the browser's order. Optical character recognition
// (tesseract) reads each title back from the widget's drawing, and from the
// browser's own rendering of the same title, which must read as well.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { serverAndBrowserForThisFile, settle, root, screenshots } from './browser.mjs';
import { ocr, mismatch } from './ocr.mjs';

const shared = serverAndBrowserForThisFile();
const bundleFile = path.join(root, 'tests/data/scripts/eight-scripts.json');
const bundle = JSON.parse(fs.readFileSync(bundleFile, 'utf8'));
const entry = (id) => bundle.publications.find((p) => p.id === id);
// tesseract's language for each entry (Debian's tesseract-ocr-* packages).
const LANGUAGES = { ru: 'rus', el: 'ell', zh: 'chi_sim', ja: 'jpn', ko: 'kor', vi: 'vie', ar: 'ara', he: 'heb', math: 'eng+ell' };

async function openScriptsPage(file = bundleFile, options = {}) {
  const context = await shared.browser.newContext({ viewport: { width: 900, height: 1000 }, deviceScaleFactor: 2, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.route('**/scripts-test.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><body style="margin:0">
      <div class="pubview" data-bundle="eight-scripts.json" data-height="1000px"></div><script src="pubview.js" defer></script>`,
  }));
  await page.route('**/eight-scripts.json', (route) => route.fulfill({ contentType: 'application/json', body: fs.readFileSync(file) }));
  await page.goto(shared.server.url + 'scripts-test.html');
  await page.waitForFunction(() => window.PubView && PubView.widgets.length === 1);
  await page.evaluate(() => PubView.widgets[0].ready.then(() => null));
  // The bundle's glyphs come in slices, a frame each: once the widget is
  // settled none waits, and it has reported them (pubview:glyphs).
  await settle(page);
  const glyphs = await page.evaluate(() => PubView.widgets[0].glyphs);
  assert.ok(glyphs, 'the widget reported the glyphs it added');
  return { context, page, errors, glyphs };
}

test('the eight scripts, Greek letters and math symbols are drawn, with no question marks', async () => {
  const { context, page, errors, glyphs } = await openScriptsPage();
  const shot = path.join(screenshots, 'scripts-eight.png');
  await page.locator('canvas').screenshot({ path: shot });
  // Every character outside the panel's Latin font came from the browser, at both weights, in one atlas.
  const distinct = new Set([...JSON.stringify(bundle)].filter((c) => c.codePointAt(0) > 0x24F && !/[\u2010-\u205E]/.test(c)));
  assert.ok(glyphs.count >= distinct.size, `${glyphs.count} glyphs drawn for ${distinct.size} characters`);
  assert.ok(glyphs.atlas.width <= 4096 && glyphs.atlas.height <= 4096, JSON.stringify(glyphs.atlas));
  // The DOM mirror carries each title and author untouched.
  const mirror = await page.locator('.pubview').textContent();
  for (const p of bundle.publications) {
    assert.ok(mirror.includes(p.title), p.title);
    for (const a of p.authors) assert.ok(mirror.includes(a), a);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('searches in Arabic, Hebrew and Chinese find their entries and mark the words in the drawn lines', async () => {
  const { context, page, errors } = await openScriptsPage();
  for (const [query, id] of [['العربية', 'ar'], ['לעברית', 'he'], ['中文', 'zh']]) {
    await page.evaluate((q) => PubView.widgets[0].setQuery(q), query);
    await settle(page);
    const ids = await page.evaluate(() => PubView.widgets[0].visible().map((r) => r.id));
    assert.deepEqual(ids, [id], query);
    await page.locator('canvas').screenshot({ path: path.join(screenshots, `scripts-search-${id}.png`) });
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('OCR reads every title from the widget about as well as from the browser drawing it itself', async () => {
  const { context, page, errors } = await openScriptsPage();
  const widgetShot = path.join(screenshots, 'scripts-ocr-widget.png');
  await page.locator('canvas').screenshot({ path: widgetShot });
  // The browser's own rendering of the same titles, at the widget's title size and weight.
  const reference = await context.newPage();
  await reference.setContent(`<!doctype html><meta charset="utf-8"><body style="margin:24px;font:700 17px 'Noto Sans',sans-serif">` +
    bundle.publications.map((p) => `<p dir="auto">${p.title}</p>`).join(''));
  const browserShot = path.join(screenshots, 'scripts-ocr-browser.png');
  await reference.screenshot({ path: browserShot, fullPage: true });
  // A title drawn as question marks, reversed or with unjoined Arabic reads far worse than the browser's.
  const readsBadly = (fromWidget, fromBrowser) => fromWidget > Math.max(0.25, fromBrowser + 0.15);
  const failures = [];
  const browserReading = {};
  for (const [id, language] of Object.entries(LANGUAGES)) {
    const title = entry(id).title;
    const fromWidget = mismatch(title, ocr(widgetShot, language));
    const fromBrowser = browserReading[id] = mismatch(title, ocr(browserShot, language));
    console.log(`${id}: widget ${fromWidget.toFixed(2)}, browser ${fromBrowser.toFixed(2)} mismatch for "${title}"`);
    if (readsBadly(fromWidget, fromBrowser)) failures.push(`${id}: ${fromWidget.toFixed(2)} vs ${fromBrowser.toFixed(2)}`);
  }
  assert.deepEqual(failures, []);
  // The comparison catches a broken drawing: ideographs as question marks,
  // Arabic (with a zero-width non-joiner between its letters) and Hebrew in
  // logical order, left to right.
  const isolated = (text) => [...text].join('\u200C');
  const broken = [['zh', entry('zh').title.replace(/[^ -~]/g, '?')], ['ar', isolated(entry('ar').title)], ['he', entry('he').title]];
  await reference.setContent(`<!doctype html><meta charset="utf-8"><body style="margin:24px;font:700 17px 'Noto Sans',sans-serif">` +
    broken.map(([, text]) => `<p style="direction:ltr;unicode-bidi:bidi-override">${text}</p>`).join(''));
  const brokenShot = path.join(screenshots, 'scripts-ocr-broken.png');
  await reference.screenshot({ path: brokenShot, fullPage: true });
  for (const [id] of broken) {
    const fromBroken = mismatch(entry(id).title, ocr(brokenShot, LANGUAGES[id]));
    console.log(`${id}: a broken drawing ${fromBroken.toFixed(2)} mismatch`);
    assert.ok(readsBadly(fromBroken, browserReading[id]), `${id}: the broken drawing read too well (${fromBroken.toFixed(2)})`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

// Devanagari and Thai need a shaping engine beyond joining (vowel signs before
// their consonant, conjuncts, stacked marks): each character has a glyph but
// they are drawn one by one. Persian takes its joined forms like Arabic.
test('Devanagari, Thai and Persian titles draw a glyph for every character', async () => {
  const file = path.join(root, 'tests/data/scripts/shaped-scripts.json');
  const shaped = JSON.parse(fs.readFileSync(file, 'utf8'));
  const { context, page, errors, glyphs } = await openScriptsPage(file);
  await page.locator('canvas').screenshot({ path: path.join(screenshots, 'scripts-shaped.png') });
  const distinct = new Set([...JSON.stringify(shaped)].filter((c) => c.codePointAt(0) > 0x24F && !/[\u2010-\u205E]/.test(c)));
  assert.ok(glyphs.count >= distinct.size, `${glyphs.count} glyphs drawn for ${distinct.size} characters`);
  assert.deepEqual(errors, []);
  await context.close();
});

// Pixels of a PNG far from grey (the panel's text and lines are grey scale;
// an emoji of a colour font is not), counted by the page.
function colourfulPixels(page, png) {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = 'data:image/png;base64,' + base64;
    await image.decode();
    const context = new OffscreenCanvas(image.width, image.height).getContext('2d');
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, image.width, image.height).data;
    let count = 0;
    for (let i = 0; i < data.length; i += 4)
      if (Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]) > 100) ++count;
    return count;
  }, png.toString('base64'));
}

// Beyond the Basic Multilingual Plane: emoji and mathematical letters (𝔼, 𝒪)
// are one code point each, two UTF-16 units in the page. Drawn as U+FFFD, or
// as the fonts' question mark, the title would look like the same title with
// those characters replaced: it must not. The emoji keep their own colours
// (the system has a colour emoji font: fonts-noto-color-emoji).
test('a title with emoji and mathematical letters beyond the BMP draws them, not U+FFFD or ?', async () => {
  // β: every version of the title has a glyph the browser draws, which the page waits for.
  const title = 'β-bounds on 𝔼[𝒪(n)] for agents 🙂🚀';
  const beyond = [...title].filter((c) => c.codePointAt(0) > 0xFFFF);
  assert.equal(beyond.length, 4);
  const shots = {}, colourful = {};
  for (const [name, text] of [['beyond', title], ['replacement', title.replace(/[^\u0000-\uFFFF]/gu, '\uFFFD')], ['question', title.replace(/[^\u0000-\uFFFF]/gu, '?')]]) {
    const file = path.join(screenshots, `scripts-${name}.json`);
    fs.mkdirSync(screenshots, { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ pubview: 1, title: 'Beyond the BMP', publications: [{ id: 'b', title: text, authors: ['Ann Author'], year: 2024, abstract: 'Bounds.' }] }));
    const { context, page, errors, glyphs } = await openScriptsPage(file);
    if (name === 'beyond') assert.ok(glyphs.count >= beyond.length, `${glyphs.count} glyphs drawn`);
    shots[name] = path.join(screenshots, `scripts-${name}.png`);
    colourful[name] = await colourfulPixels(page, await page.locator('canvas').screenshot({ path: shots[name] }));
    if (name === 'beyond') assert.ok((await page.locator('.pubview').textContent()).includes(title), 'the DOM mirror carries the title');
    assert.deepEqual(errors, []);
    await context.close();
  }
  assert.notDeepEqual(fs.readFileSync(shots.beyond), fs.readFileSync(shots.replacement), 'drawn as U+FFFD');
  assert.notDeepEqual(fs.readFileSync(shots.beyond), fs.readFileSync(shots.question), 'drawn as ?');
  // Two emoji at 2x are a few hundred coloured pixels; the same page without them has almost none.
  assert.ok(colourful.beyond > colourful.question + 300, `colourful pixels: ${JSON.stringify(colourful)}`);
});

test('the static list of `pubview html` carries every title and author untouched', () => {
  const r = spawnSync(path.join(root, 'build/native/pubview'), ['html', bundleFile], { encoding: 'utf8', timeout: 60000 });
  assert.equal(r.status, 0, r.stderr);
  for (const p of bundle.publications) {
    assert.ok(r.stdout.includes(p.title.replace(/&/g, '&amp;')), p.title);
    for (const a of p.authors) assert.ok(r.stdout.includes(a), a);
  }
});
