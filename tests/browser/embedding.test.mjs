// The widget as a guest on other people's pages: two widgets in a blog post,
// the host's own inputs, themes, deep links, the clipboard, keyboard, touch,
// the hidden DOM mirror, print, events and a strict Content-Security-Policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serverAndBrowserForThisFile, openPage, settle, screenshots, startWidgets } from './browser.mjs';

const shared = serverAndBrowserForThisFile();

const widget = (page, n, fn, arg) => page.evaluate(([n, source, arg]) => {
  // eslint-disable-next-line no-new-func
  return new Function('w', 'arg', 'return (' + source + ')(w, arg)')(PubView.widgets[n], arg);
}, [n, fn.toString(), arg]);

// Waits for the widget to announce a finished copy, then reads the clipboard.
async function copied(page) {
  const status = () => document.querySelector('.pubview-mirror [role=status]').textContent;
  await page.waitForFunction((source) => /Copied/.test(eval(source)()), status.toString(), { timeout: 10000 }).catch(async () => {
    const state = await page.evaluate(() => JSON.stringify(PubView.widgets[0].state()));
    throw new Error(`no "Copied" announced; the status says "${await page.evaluate(status)}", the view is ${state}`);
  });
  const text = await page.evaluate(() => navigator.clipboard.readText());
  await page.evaluate(() => { document.querySelector('.pubview-mirror [role=status]').textContent = ''; });
  return text;
}

async function rowCenter(page, n, id) {
  return page.evaluate(([n, id]) => {
    const w = PubView.widgets[n];
    const b = w.rowBounds(id);
    const c = w.canvas.getBoundingClientRect();
    return b && { x: c.left + b.x + 60, y: c.top + b.y + 12 };
  }, [n, id]);
}

test('the blog page mounts two widgets that search independently', async () => {
  const { page, context, errors } = await openPage(shared.browser, shared.server.url + 'blog.html');
  assert.equal(await page.evaluate(() => PubView.widgets.length), 2);
  const [papers, jobs] = [await widget(page, 0, (w) => w.visible()), await widget(page, 1, (w) => w.visible())];
  assert.equal(papers.length, 10);
  assert.ok(papers.every((r) => r.kind === 'publication'));
  assert.equal(jobs.length, 10);
  assert.ok(jobs.every((r) => r.kind === 'job'));

  await widget(page, 0, (w) => w.setQuery('dynamo'));
  await widget(page, 1, (w) => w.setQuery('bengaluru'));
  assert.deepEqual(await widget(page, 0, (w) => w.visible().map((r) => r.id)), ['amazon-dynamodb-2022']);
  assert.equal((await widget(page, 1, (w) => w.visible())).length, 4);

  // Typing into the second widget leaves the first alone.
  await page.locator('#jobs canvas').focus();
  await page.keyboard.press('/');
  await page.keyboard.press('Escape');
  await page.keyboard.type('boston', { delay: 10 });
  await settle(page);
  assert.equal(await widget(page, 1, (w) => w.query()), 'boston');
  assert.equal(await widget(page, 0, (w) => w.query()), 'dynamo');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the host page keeps its input, textarea and Tab order', async () => {
  const { page, context } = await openPage(shared.browser, shared.server.url + 'blog.html');
  await page.locator('#papers canvas').click();
  await page.fill('#reader-name', '');
  await page.click('#reader-name');
  await page.keyboard.type('Ada/');
  await page.keyboard.press('Backspace');
  assert.equal(await page.inputValue('#reader-name'), 'Ada');
  await page.click('#reader-note');
  await page.keyboard.type('Fix the title\nplease');
  await page.keyboard.press('Backspace');
  assert.equal(await page.inputValue('#reader-note'), 'Fix the title\npleas');
  assert.equal(await widget(page, 0, (w) => w.query()), '');

  await page.locator('#papers canvas').focus();
  await page.keyboard.press('Tab');
  const active = await page.evaluate(() => document.activeElement && document.activeElement.id);
  assert.notEqual(active, 'pubview-canvas-1', 'Tab moved focus out of the widget');
  await context.close();
});

test('light and dark themes follow the system and setTheme', async () => {
  const { page, context } = await openPage(shared.browser, shared.server.url + 'blog.html', { colorScheme: 'light' });
  await settle(page);
  const background = () => page.evaluate(() => PubView.widgets[0].root.style.background);
  assert.match(await background(), /255, 255, 255|#ffffff/);
  await page.screenshot({ path: path.join(screenshots, 'blog-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await settle(page);
  assert.match(await background(), /24, 26, 31|#181a1f/, 'auto follows the system live');
  await page.screenshot({ path: path.join(screenshots, 'blog-dark.png') });
  await widget(page, 0, (w) => w.setTheme('light'));
  await settle(page);
  assert.match(await background(), /255, 255, 255|#ffffff/);
  await context.close();
});

test('a deep link restores the query and the open row, and the hash follows changes', async () => {
  const url = shared.server.url + 'blog.html#pv1:q=dynamo&open=amazon-dynamodb-2022;pv2:q=boston';
  const { page, context } = await openPage(shared.browser, url);
  await settle(page);
  const state = await widget(page, 0, (w) => w.state());
  assert.equal(state.q, 'dynamo');
  assert.equal(state.open, 'amazon-dynamodb-2022');
  assert.deepEqual(await widget(page, 0, (w) => w.visible().filter((r) => r.expanded).map((r) => r.id)), ['amazon-dynamodb-2022']);
  assert.ok(await widget(page, 0, (w) => w.rowBounds('amazon-dynamodb-2022')), 'the open row is on screen');
  assert.equal(await widget(page, 1, (w) => w.query()), 'boston');

  const historyLength = await page.evaluate(() => history.length);
  await widget(page, 0, (w) => { w.setQuery('causal'); w.expand('validating-causal-inference-methods-2022'); });
  await settle(page);
  const hash = await page.evaluate(() => decodeURIComponent(location.hash));
  assert.match(hash, /pv1:q=causal/);
  assert.match(hash, /open=validating-causal-inference-methods-2022/);
  assert.match(hash, /pv2:q=boston/);
  assert.equal(await page.evaluate(() => history.length), historyLength, 'replaceState, not a new history entry');
  await context.close();
});

test('the URL hash is written once typing pauses, not at every keystroke, and shows the last query', async () => {
  const { page, context } = await openPage(shared.browser, shared.server.url + 'blog.html');
  await settle(page);
  await page.evaluate(() => {
    window.hashWrites = [];
    const replaceState = history.replaceState.bind(history);
    history.replaceState = (state, title, url) => { window.hashWrites.push(String(url)); return replaceState(state, title, url); };
  });
  // Five queries, each in a task of its own, as keystrokes come.
  await widget(page, 0, async (w) => {
    for (const query of ['c', 'ca', 'cau', 'caus', 'causal']) {
      w.setQuery(query);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  });
  await settle(page);
  const writes = await page.evaluate(() => window.hashWrites.map((url) => decodeURIComponent(url.split('#')[1] || '')));
  assert.equal(writes.length, 1, writes.join(' | '));
  assert.match(writes[0], /pv1:q=causal(&|;|$)/);
  await context.close();
});

test('copy citation, copy link and the search box shortcuts reach the system clipboard', async () => {
  const { page, context } = await openPage(shared.browser, shared.server.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.locator('canvas').focus();
  await page.keyboard.press('/');
  await page.keyboard.type('dynamodb', { delay: 10 });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');  // open the row
  await settle(page);
  // The actions of the open row: Paper, Copy citation, Copy BibTeX, Copy title, Copy link.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  const citation = await copied(page);
  assert.match(citation, /Mostafa Elhemali/);
  assert.match(citation, /Amazon DynamoDB: A Scalable, Predictably Performant, and Fully Managed NoSQL Database Service/);
  assert.match(citation, /USENIX ATC 2022/);

  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  assert.match(await copied(page), /^@\w+\{amazon-dynamodb-2022,/);

  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  const link = await copied(page);
  assert.match(decodeURIComponent(link), /#pv1:q=dynamodb&open=amazon-dynamodb-2022$/);

  // Ctrl+A, Ctrl+C in the search box copy the query; Ctrl+V pastes.
  await page.keyboard.press('/');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  assert.equal(await copied(page), 'dynamodb');
  await page.keyboard.press('Escape');  // clears the box and leaves it focused
  await page.evaluate(() => navigator.clipboard.writeText('redshift'));
  await page.keyboard.press('Control+V');
  await settle(page);
  assert.equal(await widget(page, 0, (w) => w.query()), 'redshift');
  await context.close();
});

test('Enter on a focused link opens it in a new tab, only for http(s), and says so in an event', async () => {
  const { page, context } = await openPage(shared.browser, shared.server.url);
  await page.evaluate(() => {
    window.opened = [];
    window.open = (url, target, features) => { window.opened.push([url, target, features]); return null; };
    document.getElementById('demo').addEventListener('pubview:open', (e) => { window.openEvent = e.detail; });
  });
  await page.locator('canvas').focus();
  await page.keyboard.press('/');
  await page.keyboard.type('redshift', { delay: 10 });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowRight');  // "Paper"
  await page.keyboard.press('Enter');
  await settle(page);
  const opened = await page.evaluate(() => window.opened);
  assert.deepEqual(opened, [['https://www.amazon.science/publications/amazon-redshift-re-invented', '_blank', 'noopener,noreferrer']]);
  assert.deepEqual(await page.evaluate(() => window.openEvent),
    { id: 'amazon-redshift-re-invented-2022', url: 'https://www.amazon.science/publications/amazon-redshift-re-invented' });
  await context.close();
});

test('on a phone a long title takes a second line instead of being cut, and a short one keeps one', async () => {
  const { page, context } = await openPage(shared.browser, shared.server.url, { viewport: { width: 390, height: 760 } });
  await settle(page);
  const heights = () => widget(page, 0, (w) => ['alexatm-20b-2022', 'amazon-redshift-re-invented-2022'].map((id) => w.rowBounds(id).height));
  const [longOnPhone, shortOnPhone] = await heights();
  await page.setViewportSize({ width: 1100, height: 760 });
  await settle(page);
  const [longWide, shortWide] = await heights();
  // One title line more: about 1.07 × 1.12 × the font size (16 px here).
  assert.ok(longOnPhone - longWide > 15 && longOnPhone - longWide < 25, `the long title's row: ${longOnPhone} px on a phone, ${longWide} px wide`);
  assert.equal(shortOnPhone, shortWide, 'a title that fits keeps one line');
  assert.equal(longWide, shortWide, 'wide, every collapsed row has one title line');
  await context.close();
});

// A phone page with one widget, its canvas box, and the top of the 4th row (null off screen).
async function phoneList() {
  const { page, context } = await openPage(shared.browser, shared.server.url, {
    viewport: { width: 390, height: 760 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true,
  });
  await settle(page);
  const cdp = await context.newCDPSession(page);
  const canvas = await page.locator('canvas').boundingBox();
  const rowY = () => widget(page, 0, (w) => { const b = w.rowBounds(w.visible()[3].id); return b ? b.y : null; });
  return { page, context, cdp, x: canvas.x + 150, from: canvas.y + canvas.height - 60, rowY };
}

test('a flick keeps the list moving after the finger lifts', async () => {
  const { page, context, cdp, x, from, rowY } = await phoneList();
  const before = await rowY();
  // Chromium's own touch gesture: 150 px at 1,500 px/s, lifted while moving.
  await cdp.send('Input.synthesizeScrollGesture', { x, y: from, yDistance: -150, speed: 1500, gestureSourceType: 'touch', preventFling: true });
  await settle(page);
  const after = await rowY();
  assert.ok(after === null || before - after > 150 + 40, `the list moved on after the lift: ${before} -> ${after} for a 150 px flick`);
  await context.close();
});

test('a drag that rests before the finger lifts stops where the finger stopped', async () => {
  const { page, context, cdp, x, from, rowY } = await phoneList();
  const touch = (type, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  const before = await rowY();
  await touch('touchStart', from);
  for (let i = 1; i <= 6; i++) await touch('touchMove', from - 25 * i);
  // The finger rests: the lift comes once the page's clock is well past the
  // widget's 100 ms "still moving" window after the last move.
  const lastMove = await page.evaluate(() => performance.now());
  await page.waitForFunction((at) => performance.now() - at > 250, lastMove, { timeout: 30000 });
  await touch('touchEnd');
  await settle(page);
  const after = await rowY();
  assert.ok(Math.abs(before - 150 - after) < 20, `the list followed the finger (${before} -> ${after}) and stopped`);
  await context.close();
});

test('a tap expands a row and a tap in the search box opens the on-screen keyboard input', async () => {
  const { page, context } = await openPage(shared.browser, shared.server.url, {
    viewport: { width: 390, height: 760 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true,
  });
  await settle(page);
  await page.screenshot({ path: path.join(screenshots, 'demo-phone.png') });
  const row = await rowCenter(page, 0, 'translating-images-into-maps-2022');
  assert.ok(row);
  await page.touchscreen.tap(row.x, row.y);
  await settle(page);
  assert.deepEqual(await widget(page, 0, (w) => w.visible().filter((r) => r.expanded).map((r) => r.id)), ['translating-images-into-maps-2022']);

  const canvas = await page.locator('canvas').boundingBox();
  await page.touchscreen.tap(canvas.x + 100, canvas.y + 24);
  const focused = await page.evaluate(() => document.activeElement.tagName + ':' + document.activeElement.type);
  assert.equal(focused, 'INPUT:search');
  await page.keyboard.type('maps');
  await settle(page);
  assert.equal(await widget(page, 0, (w) => w.query()), 'maps');
  await context.close();
});

test('the hidden DOM mirror lists the same rows as visible() and announces the count', async () => {
  const { page, context } = await openPage(shared.browser, shared.server.url);
  await settle(page);
  const mirrorIds = () => page.evaluate(() => Array.from(document.querySelectorAll('.pubview-mirror li')).map((li) => li.dataset.id));
  const status = () => page.evaluate(() => document.querySelector('.pubview-mirror [role=status]').textContent);
  assert.deepEqual(await mirrorIds(), await widget(page, 0, (w) => w.visible().map((r) => r.id)));
  assert.equal(await status(), '20 results');
  await widget(page, 0, (w) => w.setQuery('year:2022 venue:kdd'));
  await settle(page);
  assert.deepEqual(await mirrorIds(), await widget(page, 0, (w) => w.visible().map((r) => r.id)));
  assert.equal((await mirrorIds()).length, 2);
  assert.equal(await status(), '2 results');
  // Links are real links, text is text.
  const links = await page.evaluate(() => Array.from(document.querySelectorAll('.pubview-mirror a')).map((a) => [a.protocol, a.rel]));
  assert.ok(links.length > 0);
  assert.ok(links.every(([protocol, rel]) => protocol === 'https:' && rel === 'noopener noreferrer'));
  await context.close();
});

test('printing shows the results as text with their abstracts, not the canvas', async () => {
  const { page, context } = await openPage(shared.browser, shared.server.url);
  await page.emulateMedia({ media: 'print' });
  await settle(page);
  const printed = await page.evaluate(() => {
    const mirror = document.querySelector('.pubview-mirror');
    return { position: getComputedStyle(mirror).position, canvas: getComputedStyle(document.querySelector('canvas')).display,
      text: mirror.innerText };
  });
  assert.equal(printed.position, 'static');
  assert.equal(printed.canvas, 'none');
  assert.match(printed.text, /Amazon DynamoDB is a NoSQL cloud database service/);
  assert.match(printed.text, /Personalized Complementary Product Recommendation/);
  await page.emulateMedia({ media: 'screen' });
  await settle(page);
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('canvas')).display), 'block');
  await context.close();
});

test('pubview:change carries the new state, and destroy() gives the page its content back', async () => {
  const { page, context } = await openPage(shared.browser, shared.server.url + 'blog.html');
  const detail = await page.evaluate(() => new Promise((resolve) => {
    document.getElementById('papers').addEventListener('pubview:change', (e) => resolve(e.detail), { once: true });
    PubView.widgets[0].expand('alexatm-20b-2022');
  }));
  assert.equal(detail.open, 'alexatm-20b-2022');
  const after = await page.evaluate(() => {
    PubView.widgets[0].destroy();
    const el = document.getElementById('papers');
    return { widgets: PubView.widgets.length, canvas: !!el.querySelector('canvas'), text: el.textContent };
  });
  assert.equal(after.widgets, 1);
  assert.equal(after.canvas, false);
  assert.match(after.text, /Amazon Redshift Re-invented\s+SIGMOD 2022[\s\S]*AlexaTM 20B/);
  await context.close();
});

test('pubview.js adds no global but PubView and runs under a strict Content-Security-Policy', async () => {
  const context = await shared.browser.newContext();
  const page = await context.newPage();
  const violations = [];
  page.on('console', (m) => { if (/Content.Security.Policy|Refused/i.test(m.text())) violations.push(m.text()); });
  await page.route('**/blog.html', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy':
      "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:" } });
  });
  await page.addInitScript(() => { window.keysBefore = Object.keys(window); });
  await page.goto(shared.server.url + 'blog.html');
  await page.waitForFunction(() => window.PubView && PubView.widgets.length === 2);
  await startWidgets(page);
  assert.equal(await page.evaluate(() => PubView.widgets[0].count()), 10);
  assert.equal(await page.evaluate(() => PubView.widgets[0].error()), null);
  const added = await page.evaluate(() => Object.keys(window).filter((k) => !window.keysBefore.includes(k) && k !== 'keysBefore'));
  assert.deepEqual(added, ['PubView']);
  assert.deepEqual(violations, []);
  await context.close();
});
