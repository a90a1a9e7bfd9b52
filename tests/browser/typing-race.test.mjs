// The renderer crash of ../shared/repro/renderer-gone-after-enter.mjs: keys typed
// into the widget, Escape, keys again, ArrowDown, Enter. Its cause: a click in
// the same frame as the first typed letter focuses an ImGui window, and
// ImGui 1.86 then drops the search box's focus request; the panel waited for
// that focus for ever, every later key queued behind the letters, and the
// widget drew a frame on every animation frame until the renderer died.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowserForThisFile, openPage } from './browser.mjs';

const shared = serverAndBrowserForThisFile();
const RUNS = 20;

// Resolves to the widget's query once it has drawn every frame its input
// asked for; fails if that never happens (the page hangs or dies).
async function settledQuery(page, widget = 0) {
  const answer = page.evaluate((n) => PubView.widgets[n].settled().then(() => PubView.widgets[n].query()), widget);
  let timer;
  const hang = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('the widget never settled')), 20000); });
  try {
    return await Promise.race([answer, hang]);
  } finally {
    clearTimeout(timer);
  }
}

test('a click and a typed letter in the same frame put the letter in the search box', async () => {
  const { page, context, errors } = await openPage(shared.browser, shared.server.url);
  // Synthetic events, all in one task: they reach the module before its next frame.
  await page.evaluate(() => {
    const canvas = PubView.widgets[0].canvas;
    const box = canvas.getBoundingClientRect();
    const at = { bubbles: true, cancelable: true, clientX: box.left + 5, clientY: box.bottom - 5, button: 0 };
    canvas.dispatchEvent(new MouseEvent('mousedown', at));
    canvas.dispatchEvent(new MouseEvent('mouseup', at));
    for (const key of 'causal') {
      const code = key.toUpperCase().charCodeAt(0);
      canvas.dispatchEvent(new KeyboardEvent('keydown', { key, keyCode: code, bubbles: true, cancelable: true }));
      canvas.dispatchEvent(new KeyboardEvent('keyup', { key, keyCode: code, bubbles: true, cancelable: true }));
    }
  });
  assert.equal(await settledQuery(page), 'causal');
  assert.deepEqual(errors, []);
  await context.close();
});

// The reproduction's sequence on a fresh page, each step waiting on the
// widget's state rather than on the clock. Returns what it found.
async function typeEscapeTypeEnter(pageUrl, widget) {
  const { page, context } = await openPage(shared.browser, pageUrl);
  let died = false;
  page.on('crash', () => { died = true; });
  try {
    const box = await page.evaluate((n) => {
      const canvas = PubView.widgets[n].canvas;
      canvas.scrollIntoView({ block: 'center' });
      const b = canvas.getBoundingClientRect();
      return { x: b.left + 5, y: b.bottom - 5 };
    }, widget);
    await page.mouse.click(box.x, box.y);
    await page.keyboard.press('/');
    await page.keyboard.type('credence');
    const first = await settledQuery(page, widget);
    await page.keyboard.press('Escape');
    const cleared = await settledQuery(page, widget);
    await page.keyboard.press('/');
    await page.keyboard.type('causal');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const second = await settledQuery(page, widget);
    const open = await page.evaluate((n) => PubView.widgets[n].visible().filter((r) => r.expanded).map((r) => r.id), widget);
    return { first, cleared, second, open, died };
  } catch (e) {
    return { error: e.message, died };
  } finally {
    await context.close().catch(() => {});
  }
}

for (const [name, file, widget] of [['the demo page', 'index.html', 0], ['the blog page with two widgets', 'blog.html', 0]]) {
  test(`typing, Escape, typing, ArrowDown and Enter ${RUNS} times on ${name}: the page lives and the row opens`, async () => {
    for (let run = 1; run <= RUNS; ++run) {
      const found = await typeEscapeTypeEnter(shared.server.url + file, widget);
      assert.deepEqual(found, {
        first: 'credence', cleared: '', second: 'causal', open: ['validating-causal-inference-methods-2022'], died: false,
      }, `run ${run} of ${RUNS}`);
    }
  });
}
