// The widget over a representative part of the bad-bundle corpus: each file is
// served as the bundle of a freshly mounted widget (the request is answered by
// page.route with the file's bytes), and the widget either shows the valid
// items, drawn on its canvas, or says what is wrong. The page never throws.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, openPage, settle, root } from './browser.mjs';

const corpus = path.join(root, 'tests/data/bad');

// file -> what the widget should make of it: `error`, a fragment of the message
// it shows instead of a list, or `ids`, valid items it shows (and `count`,
// how many).
const CASES = [
  { file: 'truncated-at-1.json', error: 'end of input' },
  { file: 'truncated-at-16.json', error: 'end of input' },
  { file: 'truncated-at-4096.json', ids: ['amazon-redshift-re-invented-2022'], count: 1 },
  { file: 'truncated-at-44135.json', count: 20 },
  { file: 'invalid-utf8-in-value.json', ids: ['p1'], count: 1 },
  { file: 'bom-utf16le.json', error: 'UTF-16' },
  { file: 'utf16le-without-bom.json', error: 'NUL byte' },
  { file: 'null.json', error: 'null' },
  { file: 'empty.json', error: 'empty' },
  { file: 'html-error-page.json', error: 'web page' },
  { file: 'deep-nesting-200.json', ids: ['p1'], count: 1 },
  { file: 'bidi-override-in-title.json', ids: ['p1', 'p2'], count: 2 },
  { file: 'control-characters-in-title.json', ids: ['p1', 'p2'], count: 2 },
  { file: 'javascript-url.json', ids: ['p1', 'p2', 'p3', 'j4'], count: 4 },
  { file: 'html-in-title-and-bad-url.json', ids: ['p1'], count: 1 },
  { file: 'nul-byte-after-document.json', ids: ['p1', 'p2'], count: 2 },
];

let server, browser, context, page, errors;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ context, page, errors } = await openPage(browser, server.url));
  await page.route('**/bad-corpus/*', (route) => {
    const name = decodeURIComponent(new URL(route.request().url()).pathname.split('/').pop());
    route.fulfill({ status: 200, contentType: 'application/json', body: fs.readFileSync(path.join(corpus, name)) });
  });
});
after(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

// Mounts a widget on a new element for `file`; resolves once it has loaded.
async function mountFor(file) {
  const id = 'bad-' + file.replace(/[^a-z0-9]/gi, '-');
  await page.evaluate(async ({ id, file }) => {
    const el = document.createElement('div');
    el.id = id;
    document.body.prepend(el);
    await PubView.mount(el, { bundle: 'bad-corpus/' + encodeURIComponent(file), height: '400px' }).then(() => null);
  }, { id, file });
  return id;
}

for (const c of CASES) {
  const says = c.error ? `says "${c.error}" in place of the list` : `shows its ${c.count} valid item${c.count === 1 ? "" : "s"}`;
  test(`a widget given ${c.file} ${says}`, async () => {
    const id = await mountFor(c.file);
    await settle(page);
    const state = await page.evaluate((id) => {
      const w = document.getElementById(id).pubview;
      const visible = w.visible();
      return {
        error: w.error(),
        ids: visible.map((r) => r.id),
        titles: visible.map((r) => r.title),
        drawn: visible.length ? w.rowBounds(visible[0].id) !== null : false,
      };
    }, id);
    if (c.error) {
      assert.ok(state.error, 'the widget reports an error');
      assert.ok(state.error.includes(c.error), `"${c.error}" in "${state.error}"`);
    } else {
      assert.equal(state.error, null);
      assert.ok(state.ids.length > 0, 'valid items are shown');
    }
    if (c.ids) for (const want of c.ids) assert.ok(state.ids.includes(want), `${want} is shown (${state.ids.join(', ')})`);
    if (c.count) assert.equal(state.ids.length, c.count);
    if (state.ids.length) assert.ok(state.drawn, 'the first valid row is drawn on the canvas');
    else assert.ok(state.error, 'with nothing to show, the widget says why');
    for (const t of state.titles) assert.doesNotMatch(t, /[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/, 'no control or bidi characters reach the screen');
    assert.deepEqual(errors.filter((e) => !/Failed to load resource/.test(e)), [], 'the page threw nothing');
    await page.evaluate((id) => { document.getElementById(id).pubview.destroy(); document.getElementById(id).remove(); }, id);
  });
}

test('a widget given the 100,000-deep nesting stays responsive and says what is wrong', async () => {
  const body = Buffer.from('{"pubview": 1, "title": "deep", "publications": [' + '['.repeat(100000) + ']'.repeat(100000) + ']}');
  await page.route('**/deep-generated.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  const id = 'deep-generated';
  await page.evaluate(async (id) => {
    const el = document.createElement('div');
    el.id = id;
    document.body.prepend(el);
    await PubView.mount(el, { bundle: 'deep-generated.json', height: '300px' }).then(() => null);
  }, id);
  await settle(page);
  const state = await page.evaluate((id) => {
    const w = document.getElementById(id).pubview;
    return { error: w.error(), count: w.visible().length, warnings: w.warnings().length };
  }, id);
  assert.equal(state.count, 0);
  assert.ok(state.error || state.warnings > 0, 'the widget reports the nesting');
  assert.deepEqual(errors.filter((e) => !/Failed to load resource/.test(e)), []);
});
