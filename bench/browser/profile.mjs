// Where the widget's main-thread time goes while it loads a large bundle,
// while the list is scrolled to its end and while a query is typed: CDP
// Profiler samples, summed by function.
//
//   node bench/browser/profile.mjs SITE_DIR [SIZE]   (profile.sh builds SITE_DIR)
//
// SIZE is a generated bundle's number of entries (default 100000), `seed` for
// the demo's own 20-entry bundle, or a bundle or pack file.
// SITE_DIR holds a pubview.js and pubview.wasm linked with --profiling-funcs
// (so wasm frames have names); they replace the served site's two files.
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, root } from '../../tests/browser/browser.mjs';
import { TYPED_QUERY, probeScript, scrollToBottom } from './measure.mjs';

const [siteDir, sizeArgument] = process.argv.slice(2);
const size = sizeArgument || '100000';
const corpusDir = process.env.BENCH_DATA || path.join(root, 'build', 'bench-search');
const bundleFile = fs.existsSync(size) ? size : path.join(corpusDir, `corpus-${size}.json`);
const serverArgs = size === 'seed' ? [] : ['--bundle', bundleFile];
const bundleName = size === 'seed' ? 'the seed bundle' : fs.existsSync(size) ? path.basename(size) : `${size} entries`;
const SAMPLING_INTERVAL_US = 500;
// PROFILE_UNDER=NAME counts only the samples with that function on their stack
// (e.g. pv::platform::Widget::on_animation_frame: the frames alone).
const under = process.env.PROFILE_UNDER || null;
const TOP = Number(process.env.PROFILE_TOP || 25);

// A C++ name without its template arguments and parameters:
// "std::__2::unordered_map<…>::try_emplace<…>" rather than 600 characters.
function shortName(name) {
  if (name.startsWith('(')) return name;  // (program), (garbage collector)
  let short = name.replaceAll('std::__2::', 'std::').replaceAll('operator()', 'operator#call');
  for (let previous = ''; previous !== short;) {
    previous = short;
    short = short.replace(/<[^<>]*>/g, '#args').replace(/\([^()]*\)/g, '');
  }
  return short.replaceAll('#args', '<…>').replaceAll('operator#call', 'operator()');
}

// Self and inclusive time per function name (a function counted once per sample however deep it recurses).
function summarize(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children || []) parent.set(child, node.id);
  const name = (node) => shortName(node.callFrame.functionName) || `(anonymous ${path.basename(node.callFrame.url) || 'native'})`;
  const self = new Map();
  const inclusive = new Map();
  const add = (map, key, ms) => map.set(key, (map.get(key) || 0) + ms);
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] || 0) / 1000;
    const leaf = byId.get(id);
    if (leaf.callFrame.functionName === '(idle)') return;
    if (under) {
      let nodeId = id;
      while (nodeId !== undefined && name(byId.get(nodeId)) !== under) nodeId = parent.get(nodeId);
      if (nodeId === undefined) return;
    }
    total += ms;
    add(self, name(leaf), ms);
    const seen = new Set();
    for (let nodeId = id; nodeId !== undefined; nodeId = parent.get(nodeId)) {
      const key = name(byId.get(nodeId));
      if (!seen.has(key)) { seen.add(key); add(inclusive, key, ms); }
    }
  });
  return { total, self, inclusive };
}

function printSummary(title, { total, self, inclusive }) {
  const top = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, TOP);
  console.log(`\n## ${title}: ${total.toFixed(0)} ms of busy main thread${under ? ` under ${under}` : ''}\n`);
  console.log('| inclusive ms | % | function | | self ms | % | function |');
  console.log('| ---: | ---: | --- | --- | ---: | ---: | --- |');
  const left = top(inclusive).filter(([key]) => key !== '(root)');
  const right = top(self);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const cell = (entry) => (entry ? `${entry[1].toFixed(0)} | ${((100 * entry[1]) / total).toFixed(1)} | ${entry[0]}` : ' | | ');
    console.log(`| ${cell(left[i])} | | ${cell(right[i])} |`);
  }
}

async function profiled(cdp, action) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  await cdp.send('Profiler.start');
  await action();
  const { profile } = await cdp.send('Profiler.stop');
  return summarize(profile);
}

async function main() {
  for (const file of ['pubview.js', 'pubview.wasm']) {
    if (!fs.existsSync(path.join(siteDir, file))) throw new Error(`${siteDir} has no ${file}: run bench/browser/profile.sh`);
  }
  const server = await startServer(serverArgs);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, deviceScaleFactor: 1 });
    await context.addInitScript({ path: probeScript });  // scrollToBottom reads it
    for (const file of ['pubview.js', 'pubview.wasm']) {
      await context.route(`**/${file}`, (route) => route.fulfill({ path: path.join(siteDir, file) }));
    }
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    // A same-origin page first, so the renderer that loads the widget is the one being profiled.
    await page.goto(new URL('profile-start', server.url).href);
    const loading = await profiled(cdp, async () => {
      await page.goto(server.url);
      await page.waitForFunction(() => window.PubView && PubView.widgets.length > 0 && PubView.widgets[0].firstRowsAt,
        null, { timeout: 300000, polling: 100 });
    });
    printSummary(`Loading ${bundleName}, navigation → rows shown`, loading);
    await page.waitForTimeout(1000);
    const count = await page.evaluate(() => PubView.widgets[0].count());
    const scrolling = await profiled(cdp, async () => {
      await scrollToBottom(page, count);
      await page.waitForTimeout(1000);
    });
    printSummary(`Wheel-scrolling ${count} entries from top to bottom`, scrolling);
    await page.evaluate(() => { PubView.widgets[0].focus(); });
    await page.waitForTimeout(500);
    const typing = await profiled(cdp, async () => {
      await page.keyboard.type(TYPED_QUERY, { delay: 100 });
      await page.waitForTimeout(1000);
    });
    printSummary(`Typing "${TYPED_QUERY}" over ${bundleName}`, typing);
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
