// Two built trees' widgets on the same large bundle, alternated run by run
// (A B, B A, A B, ...), so that a machine's drift falls on both alike: the
// large-bundle figures of measure.mjs (rows shown, the load's longest task,
// scrolling and typing frames, the heap) for each run, then each figure's
// median for A and B and how much A differs from B. What issue 12's limit
// ("no figure more than 5% worse than before") is checked with; run.sh's
// table is one tree's at a time.
//
//   node bench/browser/ab.mjs ROUNDS NAME=ROOT:BUNDLE NAME=ROOT:BUNDLE
//
// ROOT is a tree with serve.py and a built build/web/site (served with
// --no-build, read-only); BUNDLE the bundle or pack it serves (each tree's
// own pack: the format may differ between them). The measuring code is this
// tree's, for both.
import fs from 'node:fs';
import { spawn } from 'node:child_process';
import { launchBrowser, freePort } from '../../tests/browser/browser.mjs';
import { measureBundle } from './measure.mjs';

const [roundsArgument, ...treeArguments] = process.argv.slice(2);
const rounds = Number(roundsArgument);
if (!(rounds > 0) || treeArguments.length !== 2)
  throw new Error('usage: node bench/browser/ab.mjs ROUNDS NAME=ROOT:BUNDLE NAME=ROOT:BUNDLE');
const trees = treeArguments.map((argument) => {
  const [, name, root, bundle] = /^([^=]+)=([^:]+):(.+)$/.exec(argument) || [];
  if (!bundle) throw new Error(`not NAME=ROOT:BUNDLE: ${argument}`);
  return { name, root, bundle, bytes: fs.statSync(bundle).size, runs: [] };
});

async function serve(root, bundle) {
  const port = await freePort();
  const child = spawn('python3', ['serve.py', '--no-build', '--port', String(port), '--bundle', bundle],
    { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
  await new Promise((resolve) => {
    let output = '';
    child.stdout.on('data', (d) => { output += d; if (/pubview at/.test(output)) resolve(); });
  });
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b), middle = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const FIGURES = {
  'rows shown (ms)': (m) => m.rowsShownMs,
  'longest load task (ms)': (m) => m.longestBlockMs,
  'scrolling p50 (ms)': (m) => m.scrolling.p50Ms,
  'scrolling p95 (ms)': (m) => m.scrolling.p95Ms,
  'scrolling, all frames (ms)': (m) => m.scrolling.totalMs,
  'scrolling frames': (m) => m.scrolling.frames,
  'wheel events': (m) => m.wheelEvents,
  'typing p50 (ms)': (m) => m.typing.p50Ms,
  'typing p95 (ms)': (m) => m.typing.p95Ms,
  'typing, all frames (ms)': (m) => m.typing.totalMs,
  'typing frames': (m) => m.typing.frames,
  'heap (MB)': (m) => m.heapBytes / 2 ** 20,
};

for (const tree of trees) tree.server = await serve(tree.root, tree.bundle);
const browser = await launchBrowser();
try {
  for (let round = 0; round < rounds; round++) {
    for (const tree of round % 2 ? [...trees].reverse() : trees) {
      // The bundle's size in JSON is what heapPerBundleByte divides by; not reported here.
      const measured = await measureBundle(browser, tree.server.url, tree.bytes);
      tree.runs.push(measured);
      console.log(tree.name, round, Object.entries(FIGURES).map(([name, of]) => `${name} ${of(measured).toFixed(1)}`).join(', '));
    }
  }
  const [a, b] = trees;
  console.log(`\n| figure (median of ${rounds}) | ${a.name} | ${b.name} | ${a.name} against ${b.name} |\n| --- | --- | --- | --- |`);
  for (const [name, of] of Object.entries(FIGURES)) {
    const ofA = median(a.runs.map(of)), ofB = median(b.runs.map(of));
    console.log(`| ${name} | ${ofA.toFixed(1)} | ${ofB.toFixed(1)} | ${ofB ? ((100 * (ofA - ofB)) / ofB).toFixed(1) + '%' : '-'} |`);
  }
} finally {
  await browser.close();
  for (const tree of trees) tree.server.stop();
}
