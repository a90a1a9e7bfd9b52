// Redraw on demand: a frame that would draw what the canvas already shows
// makes no WebGL call (src/platform/webgl_renderer.h), and the canvas keeps
// showing it; such a frame ends the frames that settle an input; a change is
// drawn, and so is a canvas its size cleared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowserForThisFile, settle } from './browser.mjs';

const shared = serverAndBrowserForThisFile();

// Counts the WebGL calls that draw.
function countDraws() {
  window.drawing = { frames: 0, clear: 0, bufferData: 0, drawElements: 0 };
  for (const name of ['clear', 'bufferData', 'drawElements']) {
    const native = WebGL2RenderingContext.prototype[name];
    WebGL2RenderingContext.prototype[name] = function counted(...args) {
      window.drawing[name] += 1;
      return native.apply(this, args);
    };
  }
}

// Counts the widget's frames: each ends by telling the page where its search
// box is (js_text_input), whether it drew or not. (The page's own animation
// frames, such as settle()'s, would count in a count of them all.)
function countFrames() {
  const typing = PubView.widgets[0].typing;
  const followSearchBox = typing.followSearchBox.bind(typing);
  typing.followSearchBox = (...args) => {
    window.drawing.frames += 1;
    return followSearchBox(...args);
  };
}

async function openCountedPage() {
  const context = await shared.browser.newContext({ viewport: { width: 1100, height: 800 }, deviceScaleFactor: 1 });
  await context.addInitScript(countDraws);
  const page = await context.newPage();
  await page.goto(shared.server.url);
  await page.waitForFunction(() => window.PubView && PubView.widgets.length > 0 && PubView.widgets[0].firstRowsAt, null,
    { timeout: 60000 });
  await page.evaluate(countFrames);
  await settle(page);
  return { context, page };
}

const counts = (page) => page.evaluate(() => ({ ...window.drawing }));

// A point inside the first row, in page coordinates.
async function insideFirstRow(page) {
  return page.evaluate(() => {
    const widget = PubView.widgets[0];
    const row = widget.rowBounds(widget.visible()[0].id);
    const canvas = widget.canvas.getBoundingClientRect();
    return { x: canvas.left + row.x + 60, y: canvas.top + row.y + 20 };
  });
}

// Waits until the widget has drawn `more` frames after `from`, and has settled.
async function framesAfter(page, from, more) {
  await page.waitForFunction(([frames, more]) => window.drawing.frames >= frames + more, [from.frames, more], { timeout: 30000 });
  await settle(page);
}

test('frames that would draw what the canvas shows make no WebGL call, and the canvas keeps showing it', async () => {
  const { context, page } = await openCountedPage();
  const point = await insideFirstRow(page);
  await page.mouse.move(point.x, point.y);
  await settle(page);
  const shot = await page.screenshot();
  const before = await counts(page);
  // The pointer moves within the row it is over: frames are asked for, and nothing they draw changes.
  await page.mouse.move(point.x + 9, point.y + 3);
  await framesAfter(page, before, 2);
  const after = await counts(page);
  // The first frame after an input, and one that settles: drawing what the
  // canvas shows, it ends the settling (src/platform/widget.cpp).
  assert.equal(after.frames, before.frames + 2, 'two frames');
  assert.equal(after.clear, before.clear, 'no clear');
  assert.equal(after.bufferData, before.bufferData, 'no upload');
  assert.equal(after.drawElements, before.drawElements, 'no draw call');
  assert.ok(shot.equals(await page.screenshot()), 'the canvas shows the same pixels');

  // A change is drawn: the pointer leaves the row, whose hover background goes.
  await page.mouse.move(point.x, 5);
  await framesAfter(page, after, 1);
  const changed = await counts(page);
  assert.ok(changed.drawElements > after.drawElements && changed.bufferData === after.bufferData + 2,
    `the change was drawn, in one vertex and one index upload (${JSON.stringify(changed)})`);
  assert.ok(!shot.equals(await page.screenshot()), 'the canvas shows the change');
  await context.close();
});

test('a canvas whose size is set again is drawn again, though the frame is the same', async () => {
  const { context, page } = await openCountedPage();
  await page.mouse.move(5, 5);
  await settle(page);
  const shot = await page.screenshot();
  const before = await counts(page);
  // Setting a canvas's size, even to the one it has, clears it.
  await page.evaluate(() => {
    const { module, canvas } = PubView.widgets[0];
    const ratio = canvas.width / canvas.clientWidth;
    module._pv_resize(canvas.clientWidth, canvas.clientHeight, ratio);
  });
  await framesAfter(page, before, 1);
  const after = await counts(page);
  assert.equal(after.clear, before.clear + 1, 'the cleared canvas was drawn once');
  assert.ok(shot.equals(await page.screenshot()), 'and shows the rows as before');
  await context.close();
});
