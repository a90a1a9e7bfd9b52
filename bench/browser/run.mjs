// Runs the browser benchmark (see README.md) and prints two Markdown tables:
// each figure is the median of BENCH_RUNS runs, pubview next to the bare
// Dear ImGui baseline where the baseline has that figure; then, for each of
// BENCH_SHARD_SIZES, shards.mjs's sharded bundle beside the pack of that size
// (shard-table.mjs). run.sh builds what this needs; the raw runs go to
// build/bench-browser/results.json.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, launchBrowser, root } from '../../tests/browser/browser.mjs';
import { measureStartup, measureBundle, TYPED_QUERIES } from './measure.mjs';
import { med } from './stats.mjs';
import { kb, mb, ms, pct, longTask, verdict } from './format.mjs';
import { printShardTable } from './shard-table.mjs';

const runs = Number(process.env.BENCH_RUNS || 5);
const sizes = (process.env.BENCH_SIZES ?? '10000 100000').split(/\s+/).filter(Boolean).map(Number);
const shardSizes = (process.env.BENCH_SHARD_SIZES ?? '100000 1000000').split(/\s+/).filter(Boolean).map(Number);
const idleSeconds = Number(process.env.BENCH_IDLE_SECONDS || 10);
const corpusDir = process.env.BENCH_DATA || path.join(root, 'build', 'bench-search');
const outputDir = path.join(root, 'build', 'bench-browser');
const baselineSite = path.join(outputDir, 'baseline', 'site');

const TARGETS = {
  gzipBytes: 300 * 1024,
  firstFrameVsBaseline: 1.5,
  idlePercent: 1,
  loadMs: 2000,
  longestBlockMs: 100,
  frameMs: 16,
  heapPerBundleByte: 2.5,
};

const log = (...args) => console.error(...args);

// A static server for the baseline's page (it has no bundle and needs no serve.py switches).
async function serveBaseline() {
  const child = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', baselineSite],
    { stdio: ['ignore', 'pipe', 'ignore'] });
  const port = await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
      const match = /port (\d+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`the baseline's server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() };
}

// shards.mjs for `size` entries in a child process (it shards the bundle into
// the site and runs its own server and browser); resolves to the JSON it prints.
function measureShards(size) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bench/browser/shards.mjs'), String(size)], {
      env: { ...process.env, BENCH_DATA: corpusDir, BENCH_RUNS: String(runs) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(output)) : reject(new Error(`shards.mjs ${size} exited with ${code}`))));
  });
}

async function repeat(label, measureOnce) {
  const results = [];
  for (let run = 1; run <= runs; run++) {
    log(`${label}: run ${run} of ${runs}`);
    results.push(await measureOnce());
  }
  return results;
}

function startupRows(pubview, baseline) {
  const gzip = med(pubview, (r) => r.gzipBytes);
  const first = med(pubview, (r) => r.firstFrameMs);
  const baselineFirst = med(baseline, (r) => r.firstFrameMs);
  const idle = med(pubview, (r) => r.idleTaskPercent);
  const files = (results) => Object.entries(results[0].files).map(([name, f]) => `${path.basename(name)} ${kb(f.gzip)}`).join(', ');
  return [
    ['Transfer, gzip (as served), all but the page and the bundle', kb(gzip), kb(med(baseline, (r) => r.gzipBytes)), '≤ 300 KB', verdict(gzip, TARGETS.gzipBytes)],
    ['  of which', files(pubview), files(baseline), '', ''],
    ['First frame with content, from navigation start', ms(first), ms(baselineFirst),
      `≤ 1.5× baseline (is ${(first / baselineFirst).toFixed(2)}×)`, verdict(first / baselineFirst, TARGETS.firstFrameVsBaseline)],
    [`Idle main-thread CPU over ${idleSeconds} s (TaskDuration)`, pct(idle), pct(med(baseline, (r) => r.idleTaskPercent)),
      '< 1 % of a core', idle < TARGETS.idlePercent ? 'met' : verdict(idle, TARGETS.idlePercent)],
    [`  of which script (ScriptDuration)`, pct(med(pubview, (r) => r.idleScriptPercent)), pct(med(baseline, (r) => r.idleScriptPercent)), '', ''],
    ['Frames drawn while idle', String(med(pubview, (r) => r.idleFrames.frames)), String(med(baseline, (r) => r.idleFrames.frames)), '', ''],
    ['Creating the WebGL2 context (one getContext call)', ms(med(pubview, (r) => r.contextMs)), ms(med(baseline, (r) => r.contextMs)), '', ''],
  ];
}

// The baseline's frame work p50 / p95 while it idles: what one frame of a
// one-window ImGui page costs on this machine, to read the widget's frames by.
const baselineFrames = (baseline) =>
  `${med(baseline, (r) => r.idleFrames.p50Ms).toFixed(1)} / ${med(baseline, (r) => r.idleFrames.p95Ms).toFixed(1)} ms (one window, idle loop)`;

function bundleRows(size, bundleBytes, results, baseline) {
  const scrollP95 = med(results, (r) => r.scrolling.p95Ms);
  const typingP95 = med(results, (r) => r.typing.p95Ms);
  const frames = (pick) => `${med(results, (r) => pick(r).p50Ms).toFixed(1)} / ${med(results, (r) => pick(r).p95Ms).toFixed(1)} ms` +
    ` (max ${med(results, (r) => pick(r).maxMs).toFixed(0)}, ${med(results, (r) => pick(r).frames)} frames, ${med(results, (r) => pick(r).totalMs).toFixed(0)} ms in all)`;
  const n = `${size / 1000}k`;
  return [
    ...loadRows(n, bundleBytes, results),
    [`${n}: frame work p50 / p95, wheel-scrolling top to bottom`, frames((r) => r.scrolling), baselineFrames(baseline), 'p95 ≤ 16 ms', verdict(scrollP95, TARGETS.frameMs)],
    [`${n}: frame work p50 / p95, typing ${TYPED_QUERIES.map((q) => `"${q}"`).join(', ')}`, frames((r) => r.typing), baselineFrames(baseline), 'p95 ≤ 16 ms', verdict(typingP95, TARGETS.frameMs)],
  ];
}

// Loading figures of one bundle (`label`: "10k", or "10k pack"); the heap is
// compared with the JSON bundle's size in both cases.
function loadRows(label, bundleBytes, results) {
  const load = med(results, (r) => r.rowsShownMs);
  const block = med(results, (r) => r.longestBlockMs);
  const heapRatio = med(results, (r) => r.heapPerBundleByte);
  return [
    [`${label}: load + index, navigation → rows shown (→ pubview:ready)`, `${ms(load)} (${ms(med(results, (r) => r.readyMs))})`, '', '≤ 2 s', verdict(load, TARGETS.loadMs)],
    [`${label}: longest main-thread task while loading, but for the WebGL context's`, longTask(block), '', '≤ 100 ms', verdict(block, TARGETS.longestBlockMs)],
    [`${label}: the task that creates the WebGL context`, ms(med(results, (r) => r.contextTaskMs)), '(see above)', '', ''],
    [`${label}: wasm heap / JSON bundle size`, `${mb(med(results, (r) => r.heapBytes))} / ${mb(bundleBytes)} = ${heapRatio.toFixed(2)}×`, '', '≤ 2.5×', verdict(heapRatio, TARGETS.heapPerBundleByte)],
  ];
}

function printTable(rows) {
  console.log(`| figure (median of ${runs} runs) | pubview | baseline | target | verdict |`);
  console.log('| --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

function printLoad(loadAverages) {
  console.log(`\nThe machine's 1-minute load average: ${loadAverages.map((l) => l.toFixed(1)).join(' at the start, ')} at the end` +
    ` (${os.cpus().length} CPUs; other work on the machine slows every figure).`);
}

async function main() {
  const loadAverages = [os.loadavg()[0]];
  const browser = await launchBrowser();
  const servers = [];
  try {
    const site = await startServer();
    servers.push(site);
    const baselineServer = await serveBaseline();
    servers.push(baselineServer);
    const pubview = await repeat('pubview, seed bundle', () => measureStartup(browser, site.url, 'pubview', idleSeconds));
    const baseline = await repeat('baseline', () => measureStartup(browser, baselineServer.url, 'baseline', idleSeconds));
    const rows = startupRows(pubview, baseline);
    const raw = { runs, idleSeconds, loadAverages, pubview, baseline, bundles: {}, shards: {} };

    for (const size of sizes) {
      const corpus = path.join(corpusDir, `corpus-${size}.json`);
      const bundleBytes = fs.statSync(corpus).size;
      const server = await startServer(['--bundle', corpus]);
      servers.push(server);
      const results = await repeat(`pubview, ${size} entries`, () => measureBundle(browser, server.url, bundleBytes));
      await server.stop();
      servers.pop();
      rows.push(...bundleRows(size, bundleBytes, results, baseline));
      raw.bundles[size] = { bundleBytes, results };

      // The same bundle as a pack (`pubview pack`, made by run.sh).
      const pack = path.join(corpusDir, `corpus-${size}.pvpack`);
      const packServer = await startServer(['--bundle', pack]);
      servers.push(packServer);
      const packResults = await repeat(`pubview, ${size} entries, pack`, () => measureBundle(browser, packServer.url, bundleBytes));
      await packServer.stop();
      servers.pop();
      rows.push(...loadRows(`${size / 1000}k pack (${mb(fs.statSync(pack).size)})`, bundleBytes, packResults));
      raw.bundles[`${size}-pack`] = { bundleBytes, packBytes: fs.statSync(pack).size, results: packResults };
    }
    for (const size of shardSizes) {
      log(`pubview, ${size} entries, sharded: shards.mjs`);
      raw.shards[size] = await measureShards(size);
    }
    loadAverages.push(os.loadavg()[0]);
    fs.mkdirSync(outputDir, { recursive: true });
    fs.writeFileSync(path.join(outputDir, 'results.json'), JSON.stringify(raw, null, 1));
    printTable(rows);
    printShardTable(raw.shards, raw.bundles, runs);
    printLoad(loadAverages);
  } finally {
    await browser.close();
    for (const server of servers) await server.stop();
  }
}

await main();
