// Where a large bundle's load goes in Chromium, phase by phase (issue 12's
// pack load): from navigation, the first contentful paint, when the wasm and
// the bundle were fetched, the wasm's pv_load (its span, its calls: one more
// than the turns it gave the page, each call's time, and the time inside them), the animation
// frames drawn before the rows, and when the rows were on screen.
//
//   node bench/browser/load-phases.mjs BUNDLE [RUNS] [ROOT]
//
// ROOT: a tree with serve.py and a built build/web/site (default this one);
// another tree's built site can be measured so, read-only. One JSON line a run.
// JS_FLAGS gives V8 flags: JS_FLAGS=--no-liftoff runs every wasm function
// optimized from its first call, which tells a difference in the work done
// from one in when V8 optimizes the functions that do it (bench/RESULTS.md).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, launchBrowser, root as thisRoot } from '../../tests/browser/browser.mjs';

const [bundle, runsArgument, rootArgument] = process.argv.slice(2);
if (!bundle) throw new Error('usage: node bench/browser/load-phases.mjs BUNDLE [RUNS] [ROOT]');
const treeRoot = path.resolve(rootArgument || thisRoot);
const probe = path.join(path.dirname(fileURLToPath(import.meta.url)), 'load-phases-probe.js');
// The glue calls each export by a minified name: `_pv_load=function(){return(X._pv_load=X.asm.NAME)`.
const glue = fs.readFileSync(path.join(treeRoot, 'build/web/site/pubview.js'), 'utf8');
const exportName = (/_pv_load=function\(\)\{return\(\w+\._pv_load=\w+\.asm\.(\w+)\)/.exec(glue) || [null, 'pv_load'])[1];

const port = await freePort();
const server = spawn('python3', ['serve.py', '--no-build', '--port', String(port), '--bundle', path.resolve(bundle)],
  { cwd: treeRoot, stdio: ['ignore', 'pipe', 'ignore'] });
await new Promise((resolve) => server.stdout.on('data', (d) => { if (/pubview at/.test(String(d))) resolve(); }));
const browser = await launchBrowser(process.env.JS_FLAGS ? [`--js-flags=${process.env.JS_FLAGS}`] : []);
try {
  for (let run = 0; run < Number(runsArgument || 3); run++) {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, deviceScaleFactor: 1 });
    await context.addInitScript({ content: `window.__pvLoadExport = ${JSON.stringify(exportName)};` });
    await context.addInitScript({ path: probe });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    const rows = await (await page.waitForFunction('window.PubView && PubView.widgets.length > 0 && PubView.widgets[0].firstRowsAt',
      null, { timeout: 180000, polling: 50 })).jsonValue();
    console.log(JSON.stringify(await page.evaluate((rowsAt) => {
      const round = (ms) => Math.round(ms);
      const sum = (list) => round(list.reduce((total, x) => total + x, 0));
      const fetched = (pattern) => {
        const entry = performance.getEntriesByType('resource').find((r) => pattern.test(r.name));
        return entry ? [round(entry.startTime), round(entry.responseEnd)] : null;
      };
      const { load, turns } = window.__phases;
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      const loadEnd = load.length ? load.at(-1).start + load.at(-1).ms : 0;
      return {
        firstPaint: paint ? round(paint.startTime) : null,
        wasm: fetched(/\.wasm/), bundle: fetched(/\/data\//),
        loadSpan: load.length ? [round(load[0].start), round(loadEnd)] : null,
        loadCalls: load.length, loadWorkMs: sum(load.map((c) => c.ms)), callMs: load.map((c) => round(c.ms)),
        turnsDuringLoad: turns.filter((t) => load.length && t.at >= load[0].start && t.at < loadEnd).length,
        waitedDuringLoadMs: sum(turns.filter((t) => load.length && t.at >= load[0].start && t.at < loadEnd).map((t) => t.waited)),
        rowsShown: round(rowsAt), afterLoadMs: round(rowsAt - loadEnd),
      };
    }, rows)));
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
