// The interface in the visitor's language: data-lang, else the lang of the
// page around the widget, else English; the canvas, the DOM mirror and the
// widget's accessible state all say it, and follow a change. (Non-Latin
// letters are drawn by the glyphs work; here Chinese, Japanese and Arabic are
// checked through the DOM mirror and the accessible state.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serverAndBrowserForThisFile, settle, screenshots } from './browser.mjs';

const shared = serverAndBrowserForThisFile();

// The demo's bundle (10 publications, 10 jobs) on a page in `pageLang`, with `dataLang` if given.
function languagePage(pageLang, dataLang) {
  const lang = dataLang ? ` data-lang="${dataLang}"` : '';
  return `<!doctype html><html lang="${pageLang}"><head><meta charset="utf-8"><title>pubview</title>
<link rel="icon" href="data:,"></head><body style="margin:0">
<div class="pubview" data-bundle="data/most-viewed-2022.json" data-height="560px"${lang}></div>
<script src="pubview.js" defer></script></body></html>`;
}

async function openWith(url, pageLang, dataLang, withoutFiles = false) {
  const context = await shared.browser.newContext({ viewport: { width: 1000, height: 600 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const fetched = [];
  page.on('request', (r) => { if (/\/i18n\//.test(r.url())) fetched.push(new URL(r.url()).pathname); });
  if (withoutFiles) await page.route('**/i18n/*', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.route('**/languages-test.html', (route) => route.fulfill({ contentType: 'text/html', body: languagePage(pageLang, dataLang) }));
  await page.goto(url);
  await page.waitForFunction(() => window.PubView && PubView.widgets.length > 0);
  await page.evaluate(() => PubView.widgets[0].ready.then(() => null));
  await settle(page);
  return { page, context, errors, fetched };
}

// What a screen reader and a search engine get: the mirror's language, direction and status, the canvas's label.
function spoken(page) {
  return page.evaluate(() => {
    const w = PubView.widgets[0];
    const mirror = w.domList.element;
    const first = mirror.querySelector('li p');
    return {
      language: w.language(), lang: mirror.lang, dir: mirror.dir, status: w.domList.status.textContent,
      label: w.canvas.getAttribute('aria-label'), summary: first ? first.textContent.split(' · ')[0] : null,
    };
  });
}

async function waitForStatus(page, status) {
  await page.waitForFunction((s) => PubView.widgets[0].domList.status.textContent === s, status, { timeout: 20000 });
}

test('data-lang="de": the canvas and the DOM mirror speak German, with German numbers', async () => {
  const { page, context, errors, fetched } = await openWith(shared.server.url + 'languages-test.html', 'en', 'de');
  assert.deepEqual(fetched, ['/i18n/de.json'], 'the phrases of German, and only those, are fetched');
  await page.evaluate(() => PubView.widgets[0].expand(PubView.widgets[0].visible()[0].id));
  await settle(page);
  const said = await spoken(page);
  assert.deepEqual(said.language, { lang: 'de', dir: 'ltr' });
  assert.equal(said.status, '20 Ergebnisse');
  assert.equal(said.dir, 'ltr');
  assert.match(said.label, /^Publikationen und Stellen\. Tippen Sie/);
  assert.equal(said.summary, 'Publikation');
  await page.screenshot({ path: path.join(screenshots, 'ui-de.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a page in Arabic without data-lang: the DOM mirror reads right to left and the widget says so', async () => {
  const { page, context, errors } = await openWith(shared.server.url + 'languages-test.html', 'ar');
  const said = await spoken(page);
  assert.deepEqual(said.language, { lang: 'ar', dir: 'rtl' });
  assert.equal(said.dir, 'rtl');
  assert.equal(said.lang, 'ar');
  assert.equal(said.status, '20 نتيجة');  // 11 to 99 take the singular ("many")
  assert.equal(said.summary, 'بحث');
  await page.evaluate(() => PubView.widgets[0].setQuery('maps'));
  await waitForStatus(page, 'نتيجة واحدة');  // one
  await page.screenshot({ path: path.join(screenshots, 'ui-ar.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the interface follows a change of data-lang, then the page\'s lang; a language not shipped is English', async () => {
  const { page, context, errors } = await openWith(shared.server.url + 'languages-test.html', 'fr');
  await waitForStatus(page, '20 résultats');
  await page.evaluate(() => { PubView.widgets[0].element.dataset.lang = 'es'; });
  await waitForStatus(page, '20 resultados');
  await page.evaluate(() => { delete PubView.widgets[0].element.dataset.lang; });
  await waitForStatus(page, '20 résultats');
  await page.evaluate(() => { document.documentElement.lang = 'ja'; });
  await waitForStatus(page, '20 件の結果');
  assert.equal((await spoken(page)).summary, '論文');
  await page.evaluate(() => { document.documentElement.lang = 'zh-CN'; });
  await waitForStatus(page, '20 条结果');
  assert.deepEqual((await spoken(page)).language, { lang: 'zh-Hans', dir: 'ltr' });
  await page.evaluate(() => { document.documentElement.lang = 'ru'; });
  await waitForStatus(page, '20 results');
  await page.evaluate(() => PubView.widgets[0].setLanguage('de'));
  await waitForStatus(page, '20 Ergebnisse');
  // The view is the visitor's: a new language keeps the query and makes no change event.
  assert.equal(await page.evaluate(() => PubView.widgets[0].query()), '');
  assert.deepEqual(errors, []);
  await context.close();
});

test('without WebGL the visible HTML list is in the language too: search box, kind buttons, counts', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1000, height: 600 } });
  await context.addInitScript(() => {
    const get = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) { return type === 'webgl2' ? null : get.call(this, type, ...rest); };
  });
  const page = await context.newPage();
  await page.route('**/languages-test.html', (route) => route.fulfill({ contentType: 'text/html', body: languagePage('en', 'es') }));
  await page.goto(shared.server.url + 'languages-test.html');
  await page.waitForFunction(() => window.PubView && PubView.widgets.length > 0);
  await page.evaluate(() => PubView.widgets[0].ready.then(() => null));
  await settle(page);
  const controls = await page.evaluate(() => {
    const list = PubView.widgets[0].domList;
    return { drawing: list.drawing, placeholder: list.search.placeholder, label: list.search.getAttribute('aria-label'),
      buttons: list.kindButtons.map((k) => k.button.textContent) };
  });
  assert.deepEqual(controls, { drawing: false, placeholder: 'Buscar en 10 publicaciones y 10 empleos', label: 'Buscar en la lista',
    buttons: ['Todo 20', 'Publicaciones 10', 'Empleos 10'] });
  await context.close();
});

test('an English page fetches no phrases; a language whose file cannot be had is English, with a warning', async () => {
  const english = await openWith(shared.server.url + 'languages-test.html', 'en-GB');
  assert.deepEqual(english.fetched, []);
  assert.deepEqual((await spoken(english.page)).language, { lang: 'en', dir: 'ltr' });
  await english.context.close();
  const { page, context, errors } = await openWith(shared.server.url + 'languages-test.html', 'ja', undefined, true);
  const said = await spoken(page);
  assert.deepEqual(said.language, { lang: 'en', dir: 'ltr' });
  assert.equal(said.status, '20 results');
  assert.deepEqual(errors, []);
  await context.close();
});
