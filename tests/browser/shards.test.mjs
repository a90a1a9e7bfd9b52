// Sharded bundles in the browser: the Web Worker (web/pubview-shards-worker.js
// with build/web/site/pubview-shards.mjs) searches a folder written by
// `pubview shard` from a generated bundle of a few thousand entries, served
// by serve.py, by `python3 -m http.server` (the .gz copies as they are, read
// through DecompressionStream) and by a server that sends them with
// Content-Encoding: gzip, and gives the same top 10 and totals as the bundle
// in one file. A superseded search answers nothing; a missing file is named.
// The widget shows such a folder (data-bundle="DIR/") with its JS API, deep
// links and DOM mirror.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, launchBrowser, freePort, settle, root, screenshots } from './browser.mjs';
import { ocr, mismatch } from './ocr.mjs';

const SIZE = 3000;
const site = path.join(root, 'build/web/site');
const folderName = `shards-test-${process.pid}`;
const brokenName = `shards-broken-${process.pid}`;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pubview-shards-browser-'));
let browser, whole, queries, abstracts;
const servers = {};

// `python3 -m http.server` over the site: no precompression, no encodings.
async function startPlainServer() {
  const port = await freePort();
  const child = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', site], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  for (;;) {  // until it answers
    const ok = await fetch(url + 'pubview-shards-worker.js').then((r) => r.ok, () => false);
    if (ok) break;
    if (child.exitCode !== null) throw new Error(`http.server exited with ${child.exitCode}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { url, stop: () => new Promise((resolve) => { child.once('exit', resolve); child.kill(); }) };
}

// A host that stores the .gz copies with Content-Encoding: gzip, so the browser decompresses them itself.
async function startEncodingServer() {
  const types = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };
  const server = http.createServer((request, response) => {
    const file = path.join(site, decodeURIComponent(new URL(request.url, 'http://x').pathname));
    if (!file.startsWith(site) || !fs.existsSync(file) || !fs.statSync(file).isFile()) { response.writeHead(404); response.end(); return; }
    const gz = file.endsWith('.gz');
    response.writeHead(200, {
      'Content-Type': types[path.extname(gz ? file.slice(0, -3) : file)] || 'application/octet-stream',
      ...(gz ? { 'Content-Encoding': 'gzip' } : {}),
    });
    response.end(fs.readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, stop: () => new Promise((resolve) => server.close(resolve)) };
}

before(async () => {
  const generated = spawnSync(process.execPath, [path.join(root, 'bench/search/generate-corpus.mjs'), work, String(SIZE)], { encoding: 'utf8' });
  assert.equal(generated.status, 0, generated.stderr);
  const corpus = path.join(work, `corpus-${SIZE}.json`);
  const made = spawnSync(path.join(root, 'build/native/pubview'),
    ['shard', corpus, '--out', path.join(site, folderName), '--posting-bytes', '32768', '--entries-per-file', '64'], { encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  fs.cpSync(path.join(site, folderName), path.join(site, brokenName), { recursive: true });
  for (const name of fs.readdirSync(path.join(site, brokenName)))
    if (name.startsWith('postings-')) fs.rmSync(path.join(site, brokenName, name));
  const { load } = await import(pathToFileURL(path.join(root, 'build/web/pubview-core.mjs')).href);
  whole = await load(fs.readFileSync(corpus, 'utf8'));
  const bundle = JSON.parse(fs.readFileSync(corpus, 'utf8'));
  abstracts = new Map([...bundle.publications, ...bundle.jobs].map((e) => [e.id, e.abstract ?? e.description]));
  const byType = new Map();
  for (const q of JSON.parse(fs.readFileSync(path.join(work, `queries-${SIZE}.json`), 'utf8')))
    if ((byType.get(q.type) ?? []).length < 3) byType.set(q.type, [...(byType.get(q.type) ?? []), q.query]);
  queries = ['', ...[...byType.values()].flat(), '"graph neural"', 'l'];
  servers['serve.py'] = await startServer();
  servers['python3 -m http.server'] = await startPlainServer();
  servers['Content-Encoding: gzip'] = await startEncodingServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  for (const server of Object.values(servers)) await server.stop();
  for (const name of [folderName, brokenName]) fs.rmSync(path.join(site, name), { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
});

// A page of `serverUrl` with a shards worker; answer(id) resolves to its message for that search
// ('open' for the opened or failed message of opening).
const PAGE = `<!doctype html><meta charset="utf-8"><title>shards</title><script>
window.messages = [];
window.worker = new Worker('pubview-shards-worker.js', { type: 'module' });
worker.onmessage = ({ data }) => { messages.push(data.type === 'result' ? { ...data, result: JSON.parse(data.result) } : data); };
window.answer = (id) => new Promise((resolve) => {
  const look = () => {
    const found = messages.find((m) => (id === 'open' ? m.type === 'opened' || m.id === null : m.id === id));
    if (found) resolve(found); else worker.addEventListener('message', look, { once: true });
  };
  look();
});
window.search = (id, query) => { worker.postMessage({ type: 'search', id, request: { query, limit: 10 } }); return answer(id); };
</script>`;

async function openWorkerPage(serverUrl, folderUrl) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/shards-test.html', (route) => route.fulfill({ contentType: 'text/html', body: PAGE }));
  await page.goto(serverUrl + 'shards-test.html');
  const opened = await page.evaluate((url) => { worker.postMessage({ type: 'open', url }); return answer('open'); }, folderUrl);
  return { context, page, errors, opened };
}

for (const host of ['serve.py', 'python3 -m http.server', 'Content-Encoding: gzip']) {
  test(`from ${host}, the worker gives the same top 10 and totals as the bundle in one file, the first rows before any postings`, async () => {
    const url = servers[host].url;
    const { context, page, errors, opened } = await openWorkerPage(url, `${folderName}/`);
    try {
      assert.equal(opened.type, 'opened', opened.message);
      assert.equal(opened.header.entries, SIZE);
      for (const [i, query] of queries.entries()) {
        const { type, result, message } = await page.evaluate(([id, q]) => search(id, q), [i + 1, query]);
        assert.equal(type, 'result', message);
        const expected = whole.search(query, { limit: 10 });
        assert.equal(result.total, expected.total, query);
        assert.deepEqual(result.hits.map((h) => h.id), expected.results.map((r) => r.id), query);
        assert.deepEqual(result.hints, expected.hints, query);
        if (query === '') assert.ok(result.fetched.every((name) => !name.startsWith('postings-')), result.fetched.join(' '));
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('a result\'s rows come from rows files, without abstracts, and an open row\'s whole entry from its entries file', async () => {
  const { context, page } = await openWorkerPage(servers['serve.py'].url, `${folderName}/`);
  try {
    const ask = (id, request) => page.evaluate(([i, r]) => { worker.postMessage({ type: 'search', id: i, request: r }); return answer(i); }, [id, request]);
    const closed = await ask(1, { query: 'graph', limit: 10 });
    assert.equal(closed.type, 'result', closed.message);
    assert.ok(closed.result.fetched.some((name) => name.startsWith('rows-')), closed.result.fetched.join(' '));
    const rows = JSON.parse(closed.result.bundle);
    const shown = [...(rows.publications ?? []), ...(rows.jobs ?? [])];
    assert.equal(shown.length, 10);
    for (const row of shown) assert.equal(row.abstract ?? row.description, '', row.id);
    const openId = closed.result.hits[3].id;
    const opened = await ask(2, { query: 'graph', limit: 10, open: [openId] });
    assert.deepEqual(opened.result.hits, closed.result.hits);
    assert.deepEqual(opened.result.fetched.filter((name) => !name.startsWith('entries-')), [], 'only its entries file');
    assert.equal(opened.result.fetched.length, 1);
    const whole = JSON.parse(opened.result.bundle);
    for (const entry of [...(whole.publications ?? []), ...(whole.jobs ?? [])])
      assert.equal(entry.abstract ?? entry.description, entry.id === openId ? abstracts.get(openId) : '', entry.id);
  } finally {
    await context.close();
  }
});

test('the manifest\'s own URL opens the folder too', async () => {
  const { context, opened } = await openWorkerPage(servers['serve.py'].url, `${folderName}/manifest.json`);
  await context.close();
  assert.equal(opened.type, 'opened', opened.message);
  assert.equal(opened.header.entries, SIZE);
});

test('a superseded search answers nothing, and the one after it the same as in one file', async () => {
  const { context, page } = await openWorkerPage(servers['serve.py'].url, `${folderName}/`);
  try {
    // Three keystrokes at once, on cold files: only the last may answer.
    const last = await page.evaluate(() => {
      for (const [id, query] of [[1, 'gr'], [2, 'grap']]) worker.postMessage({ type: 'search', id, request: { query, limit: 10 } });
      return search(3, 'graph');
    });
    assert.equal(last.type, 'result', last.message);
    assert.deepEqual(last.result.hits.map((h) => h.id), whole.search('graph', { limit: 10 }).results.map((r) => r.id));
    // One more search after it: any answer the first two still had to give would have come by now.
    assert.equal((await page.evaluate(() => search(4, 'stream'))).type, 'result');
    const ids = await page.evaluate(() => messages.filter((m) => m.type !== 'opened').map((m) => m.id));
    assert.deepEqual(ids, [3, 4], 'only the last keystroke and the search after it answered');
  } finally {
    await context.close();
  }
});

test('a missing postings file is named in the answer\'s hints, and a missing folder is refused with a message', async () => {
  const { context, page, opened } = await openWorkerPage(servers['serve.py'].url, `${brokenName}/`);
  try {
    assert.equal(opened.type, 'opened', opened.message);
    const { result } = await page.evaluate(() => search(1, 'graph'));
    assert.equal(result.total, 0);
    assert.match(result.hints.join('\n'), /some results may be missing: postings-[0-9a-f]{16}\.bin: the server answered 404/);
  } finally {
    await context.close();
  }
  const missing = await openWorkerPage(servers['serve.py'].url, 'no-such-folder/');
  await missing.context.close();
  assert.equal(missing.opened.type, 'error');
  assert.equal(missing.opened.message, 'manifest.json: the server answered 404');
});

// A page of serve.py with one widget showing `bundle` (a folder's URL), ready and settled.
async function openWidgetPage(bundle, hash = '', on = browser) {
  const context = await on.newContext({ viewport: { width: 1000, height: 700 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.route('**/shards-widget.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
      <div class="pubview" data-bundle="${bundle}" data-height="600px"></div><script src="pubview.js" defer></script>`,
  }));
  await page.goto(servers['serve.py'].url + 'shards-widget.html' + hash);
  await page.waitForFunction(() => window.PubView && PubView.widgets.length === 1);
  await page.evaluate(() => PubView.widgets[0].ready.then(() => null));
  await settle(page);
  return { context, page, errors };
}

test('data-bundle="DIR/" shows the folder in the widget: its first rows, the same answers as one file, the DOM mirror and deep links', async () => {
  const { context, page, errors } = await openWidgetPage(`${folderName}/`);
  try {
    const first = await page.evaluate(() => { const w = PubView.widgets[0]; return { error: w.error(), count: w.count(), ids: w.visible().map((r) => r.id) }; });
    assert.equal(first.error, null);
    assert.equal(first.count, SIZE);
    assert.deepEqual(first.ids.slice(0, 10), whole.search('', { limit: 10 }).results.map((r) => r.id));
    for (const query of queries.slice(1, 8)) {
      const shown = await page.evaluate(async (q) => {
        const w = PubView.widgets[0];
        w.setQuery(q);
        await w.settled();
        return { count: w.count(), ids: w.visible().slice(0, 10).map((r) => r.id) };
      }, query);
      const expected = whole.search(query, { limit: 10 });
      assert.equal(shown.count, expected.total, query);
      assert.deepEqual(shown.ids, expected.results.map((r) => r.id), query);
    }
    // Three keystrokes at once: the list shows the last one's answer.
    const typed = await page.evaluate(async () => {
      const w = PubView.widgets[0];
      for (const q of ['gr', 'grap', 'graph']) w.setQuery(q);
      await w.settled();
      return { query: w.query(), count: w.count(), ids: w.visible().slice(0, 10).map((r) => r.id) };
    });
    const graph = whole.search('graph', { limit: 10 });
    assert.deepEqual(typed, { query: 'graph', count: graph.total, ids: graph.results.map((r) => r.id) });
    // The DOM mirror lists the rows the canvas shows.
    await page.waitForFunction(() => {
      const w = PubView.widgets[0];
      return w.domList.element.textContent.includes(w.visible()[0].title);
    });
    // A deep link to an open entry opens it once the answer that holds it comes.
    const link = await page.evaluate((id) => PubView.widgets[0].link(id), graph.results[3].id);
    await page.screenshot({ path: path.join(screenshots, 'shards-widget.png') });
    assert.deepEqual(errors, []);
    await context.close();
    const linked = await openWidgetPage(`${folderName}/`, new URL(link).hash);
    const opened = await linked.page.evaluate(() => {
      const w = PubView.widgets[0];
      return { state: w.state(), rows: w.visible().filter((r) => r.expanded).map((r) => r.id) };
    });
    assert.equal(opened.state.q, 'graph');
    assert.equal(opened.state.open, graph.results[3].id);
    assert.deepEqual(opened.rows, [graph.results[3].id]);
    // Its abstract came with it (the rows around it have none): the DOM mirror shows it.
    const abstract = abstracts.get(graph.results[3].id).slice(0, 60);
    await linked.page.waitForFunction((text) => PubView.widgets[0].domList.element.textContent.includes(text), abstract);
    await settle(linked.page);
    await linked.page.screenshot({ path: path.join(screenshots, 'shards-widget-open.png') });
    assert.deepEqual(linked.errors, []);
    await linked.context.close();
  } finally {
    await context.close().catch(() => {});
  }
});

test('the widget\'s worker opens the folder while the widget\'s own wasm downloads: its first rows file comes before the wasm does, one search shows them, and the tables wait for them', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 }, deviceScaleFactor: 1 });
  try {
    // Counts the searches the page posts to workers, and notes when a worker opened its folder.
    await context.addInitScript(() => {
      window.__searchesPosted = 0;
      window.__workerOpened = false;
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (message, ...rest) {
        if (message && message.type === 'search') window.__searchesPosted += 1;
        if (!this.__watched) {
          this.__watched = true;
          this.addEventListener('message', ({ data }) => { if (data?.type === 'opened') window.__workerOpened = true; });
        }
        return post.call(this, message, ...rest);
      };
    });
    const page = await context.newPage();
    await page.route('**/shards-widget.html', (route) => route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
        <div class="pubview" data-bundle="${folderName}/" data-height="600px"></div><script src="pubview.js" defer></script>`,
    }));
    // The widget's wasm is held back until the first rows file is asked for
    // (or 30 s went by) and the worker has opened the folder.
    let rowsAsked;
    const rowsFile = new Promise((resolve) => { rowsAsked = resolve; });
    const asked = [];  // [kind of file, whether the wasm was let through]
    const rest = () => asked.filter(([kind]) => kind !== 'rows');
    let restAsked;  // resolved once the tables and the listing of files were asked for
    const restCame = new Promise((resolve) => { restAsked = resolve; });
    let wasmLetThrough = false;
    page.on('request', (request) => {
      const kind = /\/(rows|tables|files)-[0-9a-f]+\.(json|bin)/.exec(request.url())?.[1];
      if (kind) asked.push([kind, wasmLetThrough]);
      if (kind === 'rows') rowsAsked(true);
      if (rest().length === 2) restAsked();
    });
    await page.route('**/pubview.wasm', async (route) => {
      await Promise.race([rowsFile, new Promise((resolve) => setTimeout(() => resolve(false), 30000))]);
      await page.waitForFunction(() => window.__workerOpened, null, { timeout: 30000 }).catch(() => {});
      wasmLetThrough = true;
      await route.continue();
    });
    await page.goto(servers['serve.py'].url + 'shards-widget.html');
    assert.equal(await Promise.race([rowsFile, new Promise((resolve) => setTimeout(() => resolve(false), 30000))]), true,
      'the first rows file was not asked for while the wasm was held');
    await page.waitForFunction(() => window.PubView && PubView.widgets.length === 1);
    const shown = await page.evaluate(async () => {
      const w = PubView.widgets[0];
      await w.ready;
      await w.settled();
      return { error: w.error(), count: w.count(), ids: w.visible().slice(0, 10).map((r) => r.id), searches: window.__searchesPosted };
    });
    // The panel asks for the first rows twice as it starts (its source, then its state): the worker searches once.
    assert.deepEqual(shown, { error: null, count: SIZE, ids: whole.search('', { limit: 10 }).results.map((r) => r.id), searches: 1 });
    // The tables and the listing of files came only once the page could show
    // its rows (its wasm let through): before, they shared the network with it.
    assert.equal(await Promise.race([restCame.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 30000))]), true,
      'the tables and the listing of files were not both asked for within 30 s');
    assert.deepEqual(rest().sort(), [['files', true], ['tables', true]]);
    const graph = await page.evaluate(async () => {
      const w = PubView.widgets[0];
      w.setQuery('graph');
      await w.settled();
      return w.visible().slice(0, 10).map((r) => r.id);
    });
    assert.deepEqual(graph, whole.search('graph', { limit: 10 }).results.map((r) => r.id));
  } finally {
    await context.close();
  }
});

test('in the widget, a search shows its first rows, and scrolling to the end of them brings the next ones in order', async () => {
  const { context, page, errors } = await openWidgetPage(`${folderName}/`);
  try {
    const expected = whole.search('', { limit: 60 }).results.map((r) => r.id);
    const first = await page.evaluate(() => PubView.widgets[0].visible().map((r) => r.id));
    assert.ok(first.length >= 10 && first.length < 60, `${first.length} rows at first`);
    assert.deepEqual(first, expected.slice(0, first.length));
    const canvas = await page.locator('canvas').boundingBox();
    await page.mouse.move(canvas.x + 300, canvas.y + canvas.height - 60);
    // Wheel down until 60 rows are in: each time the list nears its last row, more are asked for.
    for (let turn = 0; turn < 200 && await page.evaluate(() => PubView.widgets[0].visible().length) < 60; ++turn) {
      await page.mouse.wheel(0, 400);
      await settle(page);
    }
    const more = await page.evaluate(() => PubView.widgets[0].visible().map((r) => r.id));
    assert.ok(more.length >= 60, `${more.length} rows after scrolling`);
    assert.deepEqual(more.slice(0, 60), expected);
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'the list scrolled, not the page');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('in the widget, a search holds the rows of a screen and a half, not more: each is a rows file over the network', async () => {
  const { context, page, errors } = await openWidgetPage(`${folderName}/`);
  try {
    const expected = whole.search('graph', { limit: 60 });
    assert.ok(expected.total >= 60, `${expected.total} hits for graph`);
    const seen = await page.evaluate(async () => {
      const w = PubView.widgets[0];
      w.setQuery('graph');
      await w.settled();
      const ids = w.visible().map((r) => r.id);
      return { ids, onScreen: ids.filter((id) => w.rowBounds(id)).length };
    });
    assert.deepEqual(seen.ids, expected.results.slice(0, seen.ids.length).map((r) => r.id));
    assert.ok(seen.onScreen >= 5, `${seen.onScreen} rows on screen`);
    assert.ok(seen.ids.length > seen.onScreen && seen.ids.length <= Math.ceil(1.5 * seen.onScreen) + 2,
      `${seen.ids.length} rows held for ${seen.onScreen} on screen`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('without WebGL a sharded bundle is an HTML list whose "More results" brings the next rows in order', async () => {
  const withoutWebGL = await launchBrowser(['--disable-3d-apis']);
  try {
    const { page, errors } = await openWidgetPage(`${folderName}/`, '', withoutWebGL);
    const expected = whole.search('', { limit: 60 }).results.map((r) => r.id);
    const listed = () => page.evaluate(() => Array.from(document.querySelectorAll('.pubview-mirror li')).map((li) => li.dataset.id));
    const first = await listed();
    assert.ok(first.length >= 10 && first.length < 60, `${first.length} rows at first`);
    assert.deepEqual(first, expected.slice(0, first.length));
    const more = page.getByRole('button', { name: 'More results' });
    for (let press = 0; press < 10 && (await listed()).length < 60; ++press) {
      const before = (await listed()).length;
      await more.click();
      await page.waitForFunction((n) => document.querySelectorAll('.pubview-mirror li').length > n, before, { timeout: 30000 });
    }
    assert.deepEqual((await listed()).slice(0, 60), expected);
    await page.getByRole('searchbox', { name: 'Search the list' }).fill('"graph neural"');
    await page.waitForFunction(() => PubView.widgets[0].query() === '"graph neural"');
    await page.evaluate(() => PubView.widgets[0].settled());
    const phrase = whole.search('"graph neural"', { limit: 100 });
    const rows = await listed();
    assert.deepEqual(rows, phrase.results.slice(0, rows.length).map((r) => r.id));
    assert.equal(await more.isVisible(), phrase.total > rows.length, `${phrase.total} hits, ${rows.length} listed`);
    assert.deepEqual(errors, []);
  } finally {
    await withoutWebGL.close();
  }
});

test('in the widget, a missing postings file is said in the panel, and a missing folder gives a message, not a blank canvas', async () => {
  const broken = await openWidgetPage(`${brokenName}/`);
  try {
    const shown = await broken.page.evaluate(async () => {
      const w = PubView.widgets[0];
      w.setQuery('graph');
      await w.settled();
      return { error: w.error(), count: w.count() };
    });
    assert.deepEqual(shown, { error: null, count: 0 });
    const image = path.join(screenshots, 'shards-missing-postings.png');
    await broken.page.screenshot({ path: image });
    assert.ok(mismatch('some results may be missing', ocr(image, 'eng')) < 0.2, 'the panel says that results may be missing');
  } finally {
    await broken.context.close();
  }
  const missing = await openWidgetPage('no-such-folder/');
  try {
    const shown = await missing.page.evaluate(() => ({ error: PubView.widgets[0].error(), count: PubView.widgets[0].count() }));
    assert.equal(shown.error, 'manifest.json: the server answered 404');
    assert.equal(shown.count, 0);
    const image = path.join(screenshots, 'shards-missing-folder.png');
    await missing.page.screenshot({ path: image });
    assert.ok(mismatch('manifest.json: the server answered 404', ocr(image, 'eng')) < 0.2, 'the panel shows the message');
  } finally {
    await missing.context.close();
  }
});
