// Typing in any language on a desktop: while the search box is edited the
// widget's hidden <input> has the keyboard, so an input method composes in
// it. Chromium's DevTools protocol drives one (Input.imeSetComposition, then
// Input.insertText to commit); the pre-edit shows in the search box (the
// widget's preedit()) and the committed text becomes the query. Dead keys
// and AltGr arrive as the characters they make.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serverAndBrowserForThisFile, openBundlePage, settle, screenshots } from './browser.mjs';

const shared = serverAndBrowserForThisFile();

const BUNDLE = {
  pubview: 1,
  title: 'Titles in four languages',
  source: { name: 'Lab' },
  publications: [
    { id: 'ja', title: '日本語 の 質問応答', authors: ['山田 太郎'], year: 2023, abstract: '日本語 の 文書 を 検索 する。' },
    { id: 'zh', title: '中文 信息 检索', authors: ['王 伟'], year: 2022, abstract: '中文 文本 的 检索 方法。' },
    { id: 'ko', title: '한국어 음성 인식', authors: ['김 민준'], year: 2021, abstract: '한국어 음성 을 인식 한다.' },
    { id: 'fr', title: 'Café culture and ranking', authors: ['Zoë Martin'], year: 2020, abstract: 'Mail to team@example.org.' },
  ],
};

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>input methods</title>
<link rel="icon" href="data:,"></head><body style="margin:0"><button id="before">before</button>
<div class="pubview" data-bundle="ime-bundle.json" data-height="500px"></div>
<script src="pubview.js" defer></script></body></html>`;

async function openImePage() {
  const { page, context, errors } = await openBundlePage(shared.browser, shared.server.url, { name: 'ime', html: PAGE, bundle: BUNDLE });
  const cdp = await context.newCDPSession(page);
  return { page, context, errors, cdp };
}

// Clicks the search box; resolves once the hidden <input> has the keyboard.
async function editSearchBox(page) {
  const box = await page.evaluate(() => {
    const r = PubView.widgets[0].canvas.getBoundingClientRect();
    return { x: r.left + 120, y: r.top + 22 };
  });
  await page.mouse.click(box.x, box.y);
  await page.waitForFunction(() => document.activeElement === PubView.widgets[0].textInput, null, { timeout: 20000 });
}

const widgetState = (page) => page.evaluate(() => {
  const w = PubView.widgets[0];
  return w.settled().then(() => ({ query: w.query(), preedit: w.preedit(), ids: w.visible().map((r) => r.id) }));
});

for (const [language, steps, committed, id] of [
  ['Japanese', ['に', 'にほ', 'にほんご', '日本語'], '日本語', 'ja'],
  ['Chinese', ['zh', 'zhong', 'zhongwen', '中文'], '中文', 'zh'],
  ['Korean', ['ㅎ', '하', '한', '한국', '한국어'], '한국어', 'ko'],
]) {
  test(`a ${language} input method: the pre-edit shows in the search box, and the committed text is the query and finds the entry`, async () => {
    const { page, context, errors, cdp } = await openImePage();
    await editSearchBox(page);
    for (const text of steps) {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
      await page.waitForFunction((t) => PubView.widgets[0].preedit() === t, text, { timeout: 20000 });
    }
    const composing = await widgetState(page);
    assert.equal(composing.query, '', 'nothing is searched while the text is composed');
    assert.equal(composing.preedit, steps[steps.length - 1]);
    await cdp.send('Input.insertText', { text: committed });
    await page.waitForFunction((t) => PubView.widgets[0].query() === t, committed, { timeout: 20000 });
    assert.deepEqual(await widgetState(page), { query: committed, preedit: '', ids: [id] });
    // The keys of the panel still work in the box: Escape clears it and gives the keyboard back to the canvas.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => PubView.widgets[0].query() === '' && document.activeElement === PubView.widgets[0].canvas,
      null, { timeout: 20000 });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('typing goes on in the box after a composition, and Backspace, ArrowDown and Enter act as before', async () => {
  const { page, context, errors, cdp } = await openImePage();
  await editSearchBox(page);
  await page.keyboard.type('caf');
  await cdp.send('Input.imeSetComposition', { text: '´', selectionStart: 1, selectionEnd: 1 });  // a dead key, as macOS composes it
  await page.waitForFunction(() => PubView.widgets[0].preedit() === '´', null, { timeout: 20000 });
  await settle(page);
  await page.screenshot({ path: path.join(screenshots, 'input-method-preedit.png'), clip: { x: 0, y: 20, width: 500, height: 60 } });
  await cdp.send('Input.insertText', { text: 'é' });
  await page.keyboard.type(' culturx');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('e');
  await page.waitForFunction(() => PubView.widgets[0].query() === 'café culture', null, { timeout: 20000 });
  assert.deepEqual((await widgetState(page)).ids, ['fr']);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => PubView.widgets[0].visible().some((r) => r.expanded), null, { timeout: 20000 });
  assert.equal(await page.evaluate(() => document.activeElement === PubView.widgets[0].canvas), true, 'the list has the keyboard');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a dead key (Linux, Windows) and an AltGr character arrive as the characters they make', async () => {
  const { page, context, errors, cdp } = await openImePage();
  await editSearchBox(page);
  const key = (params) => cdp.send('Input.dispatchKeyEvent', params);
  // A dead acute accent, then e: the second key brings "é".
  await key({ type: 'rawKeyDown', key: 'Dead', code: 'Equal', windowsVirtualKeyCode: 187 });
  await key({ type: 'keyUp', key: 'Dead', code: 'Equal', windowsVirtualKeyCode: 187 });
  await key({ type: 'keyDown', key: 'é', code: 'KeyE', text: 'é', unmodifiedText: 'é', windowsVirtualKeyCode: 69 });
  await key({ type: 'keyUp', key: 'é', code: 'KeyE', windowsVirtualKeyCode: 69 });
  // AltGr+Q on a German keyboard is "@": Chromium reports it with Ctrl and Alt held (modifiers 1 | 2).
  await key({ type: 'keyDown', modifiers: 3, key: '@', code: 'KeyQ', text: '@', unmodifiedText: '@', windowsVirtualKeyCode: 81 });
  await key({ type: 'keyUp', modifiers: 3, key: '@', code: 'KeyQ', windowsVirtualKeyCode: 81 });
  await page.waitForFunction(() => PubView.widgets[0].query() === 'é@', null, { timeout: 20000 });
  assert.deepEqual(errors, []);
  await context.close();
});
