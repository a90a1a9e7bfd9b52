// Shared set-up for the browser tests: serve.py on a free port, and headless
// Debian Chromium (WebGL2 through SwiftShader) driven by playwright-core.
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const screenshots = path.join(root, 'build', 'screenshots');

// The Chromium switches every test and benchmark runs with (bench/browser/lighthouse.mjs too).
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic',
];

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

// Starts `python3 serve.py --no-build` with extra arguments; resolves to
// {url, output, stop}: the URL it says it serves on, and what it printed.
export async function startServer(extraArgs = [], port = null) {
  port ??= await freePort();
  const child = spawn('python3', ['serve.py', '--no-build', '--port', String(port), ...extraArgs], {
    cwd: root, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (d) => { output += d; });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('serve.py did not start:\n' + output)), 30000);
    child.stdout.on('data', (d) => {
      output += d;
      const serving = /pubview at (http:\S+\/) /.exec(output);
      if (serving) { clearTimeout(timer); resolve(serving[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve.py exited with ${code}:\n${output}`)); });
  });
  return {
    url,
    output: () => output,
    stop: () => new Promise((resolve) => { child.once('exit', resolve); child.kill(); }),
  };
}

// `extraArgs`: more Chromium switches, e.g. --disable-3d-apis for a browser without WebGL.
export async function launchBrowser(extraArgs = []) {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs] });
}

// Starts every widget of the page as a visitor would, by scrolling to each
// in turn (a widget starts when it comes near the viewport), waits until each
// is ready, and scrolls back to the top.
export async function startWidgets(page) {
  await page.evaluate(async () => {
    for (const widget of PubView.widgets) {
      widget.element.scrollIntoView({ block: 'center' });
      await widget.ready;
    }
    window.scrollTo(0, 0);
  });
}

// Opens `pageUrl` and waits until every widget on it is started and ready.
export async function openPage(browser, pageUrl, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, deviceScaleFactor: 1, ...contextOptions });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(pageUrl);
  await page.waitForFunction(() => window.PubView && PubView.widgets.length > 0, null, { timeout: 30000 });
  await startWidgets(page);
  return { context, page, errors };
}

// Opens `name`-test.html, a page of the test server made of `html`, whose
// widget reads `bundle` (served as `name`-bundle.json), and waits until that
// widget is ready and settled (drawn glyphs come in slices, a frame each:
// none waits once it is settled). `contextOptions` as for browser.newContext.
export async function openBundlePage(browser, serverUrl, { name, html, bundle, contextOptions = {} }) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 600 }, deviceScaleFactor: 1, ...contextOptions });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route(`**/${name}-test.html`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.route(`**/${name}-bundle.json`, (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(bundle) }));
  await page.goto(`${serverUrl}${name}-test.html`);
  await page.waitForFunction(() => window.PubView && PubView.widgets.length > 0);
  await page.evaluate(() => PubView.widgets[0].ready.then(() => null));
  await settle(page);
  return { context, page, errors };
}

// Waits until every widget has drawn every frame its input asked for, and its
// DOM mirror shows the last change: the state itself, however slow the machine.
export async function settle(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.evaluate(() => Promise.all((window.PubView ? PubView.widgets : []).map((w) => w.settled())).then(() => null));
}

// One serve.py and one browser for all the tests of a file: returns an object
// whose `server` and `browser` are set before the first test runs.
export function serverAndBrowserForThisFile(browserArgs = []) {
  const shared = { server: null, browser: null };
  before(async () => {
    fs.mkdirSync(screenshots, { recursive: true });
    shared.server = await startServer();
    shared.browser = await launchBrowser(browserArgs);
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.stop();
  });
  return shared;
}
