// Packs (`pubview pack`): the widget reads a bundle with its index built from
// the bytes it downloads, tells a pack from JSON by itself, reads a large one
// in slices, and refuses a damaged one with a message that says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, launchBrowser, settle, root, screenshots } from './browser.mjs';

const cli = path.join(root, 'build/native/pubview');
const seedJson = path.join(root, 'data/most-viewed-2022.json');
let browser, server, dir;

function pack(jsonFile, packFile) {
  const r = spawnSync(cli, ['pack', jsonFile, '-o', packFile], { encoding: 'utf8', timeout: 60000 });
  assert.equal(r.status, 0, r.stderr);
  return fs.readFileSync(packFile);
}

// n publications with shared authors, venues and years, as a bundle file.
function writeGeneratedBundle(file, n) {
  const publications = Array.from({ length: n }, (_, i) => ({
    id: 'g-' + i,
    title: `Study ${i} of graphs and streams`,
    authors: ['Author ' + (i % 500), 'Coauthor ' + (i % 77)],
    year: 2000 + (i % 25),
    venue: 'Venue ' + (i % 40),
    abstract: `We measure systems under load number ${i}. Words about latency, throughput and indexing for entry ${i}.`,
  }));
  fs.writeFileSync(file, JSON.stringify({ pubview: 1, title: 'Generated', publications }));
}

const files = {};
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pubview-pack-'));
  files.seed = pack(seedJson, path.join(dir, 'seed.pvpack'));
  writeGeneratedBundle(path.join(dir, 'big.json'), 60000);
  files.big = pack(path.join(dir, 'big.json'), path.join(dir, 'big.pvpack'));
  files.damaged = Buffer.from(files.seed);
  files.damaged[files.damaged.length >> 1] ^= 0x20;
  fs.mkdirSync(screenshots, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

// A page whose one widget loads `list.pvpack`, answered with `bytes`.
async function pageWithPack(bytes) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.route('**/pack-test.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
      <div class="pubview" data-bundle="list.pvpack" data-height="600px"></div><script src="pubview.js" defer></script>`,
  }));
  await page.route('**/list.pvpack', (route) => route.fulfill({ contentType: 'application/octet-stream', body: bytes }));
  await page.route('**/big.pvpack', (route) => route.fulfill({ contentType: 'application/octet-stream', body: files.big }));
  await page.goto(server.url + 'pack-test.html');
  await page.waitForFunction(() => window.PubView && PubView.widgets.length === 1);
  return { context, page, errors };
}

test('a pack loads into the widget and shows the same list and answers as its JSON bundle', async () => {
  const { context, page, errors } = await pageWithPack(files.seed);
  const list = () => page.evaluate(async () => {
    const w = PubView.widgets[0];
    await w.ready;
    const shown = { count: w.count(), error: w.error(), ids: w.visible().map((r) => r.id) };
    w.setQuery('dynamodb');
    await w.settled();
    shown.dynamodb = w.visible().map((r) => r.id);
    w.setQuery('');
    await w.settled();
    return shown;
  });
  const fromPack = await list();
  assert.equal(fromPack.error, null);
  assert.equal(fromPack.count, 20);
  assert.deepEqual(fromPack.dynamodb, ['amazon-dynamodb-2022']);
  await page.evaluate(() => PubView.widgets[0].setBundle('data/most-viewed-2022.json'));
  assert.deepEqual(await list(), fromPack);
  await settle(page);
  await page.screenshot({ path: path.join(screenshots, 'pack-seed.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 60,000-entry pack is read in slices: the page gets turns while it loads', async () => {
  const { context, page, errors } = await pageWithPack(files.seed);
  const outcome = await page.evaluate(async () => {
    const w = PubView.widgets[0];
    await w.ready;
    let turns = 0;
    let running = true;
    const tick = () => { if (running) { turns += 1; setTimeout(tick, 0); } };
    setTimeout(tick, 0);
    const started = performance.now();
    await w.setBundle('big.pvpack');
    running = false;
    const ms = performance.now() - started;
    w.setQuery('study 59999');
    await w.settled();
    return { turns, ms, count: w.count(), error: w.error(), first: w.visible()[0].id };
  });
  assert.equal(outcome.error, null);
  assert.equal(outcome.first, 'g-59999');
  assert.ok(outcome.turns >= 5, `the page had ${outcome.turns} turns in the ${Math.round(outcome.ms)} ms the pack took to load`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a damaged pack ends in a message that says it is damaged and what to do', async () => {
  const { context, page } = await pageWithPack(files.damaged);
  const shown = await page.evaluate(async () => {
    const w = PubView.widgets[0];
    await w.ready.catch(() => null);
    return { error: w.error(), rows: w.visible().length, status: document.querySelector('.pubview-mirror [role=status]').textContent };
  });
  assert.match(shown.error, /this pack is damaged: its checksum does not match its contents; copy or download it again/);
  assert.equal(shown.rows, 0);
  assert.match(shown.status, /could not be loaded/);
  await settle(page);
  await page.screenshot({ path: path.join(screenshots, 'pack-damaged.png') });
  await context.close();
});

test('serve.py --bundle serves a pack as bytes, not as JSON text', async () => {
  const packServer = await startServer(['--bundle', path.join(dir, 'seed.pvpack')]);
  try {
    const response = await fetch(packServer.url + 'data/most-viewed-2022.json');
    assert.equal(response.headers.get('content-type'), 'application/octet-stream');
    assert.deepEqual(Buffer.from(await response.arrayBuffer()), files.seed);
  } finally {
    await packServer.stop();
  }
});
