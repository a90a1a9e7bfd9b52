// Would HTTP range requests on one large file beat a folder of many files?
// (issue 14). The worker's module (build/web/pubview-shards.mjs) under Node
// opens FOLDER (written by `pubview shard`), shows the first rows and searches
// the typical queries once each with cold files, and records what it fetched:
// for each step, its rounds (the files asked for together, before any of them
// came). Then headless Chromium, over a network emulated at 40 Mbit/s and
// 20 ms round trip, fetches that same schedule four ways from a local server:
//   files: each file as its own request, gzip as Content-Encoding (as a host
//          that serves the precompressed copies does);
//   range: one file holding every file's gzip copy end to end, each piece a
//          `Range: bytes=` request, unzipped by DecompressionStream (a range of
//          one file cannot carry a Content-Encoding of its own).
//   rangeKeptZipped: the same ranges, not unzipped: what the requests alone
//          cost, apart from the page's unzipping;
//   rangeNoCache: the ranges unzipped, asked with `cache: 'no-store'`, past
//          the browser's HTTP cache (which lets one request a URL at a time
//          write its entry, so ranges of one file may wait on each other).
// All ask the same bytes in the same rounds. Prints one JSON object; each run
// takes the ways in another order.
//
//   node bench/browser/range-requests.mjs FOLDER QUERIES.json [RUNS] [COUNT]
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser, root } from '../../tests/browser/browser.mjs';
import { typicalQueries } from './typical-queries.mjs';
import { downloadedPath, readShardFile } from './shard-folder.mjs';

const [folder, queriesFile, runs = '5', count = '50'] = process.argv.slice(2);
const NETWORK = { offline: false, latency: 20, downloadThroughput: 40e6 / 8, uploadThroughput: 40e6 / 8 };
const ROWS = 20;  // the panel's first ask

// ---- the schedule: what the worker fetches, in rounds --------------------
// Emscripten 3.1.6's glue loads its wasm with fetch() where there is one,
// which Node's cannot do for a file; Playwright needs Node's fetch: the glue
// runs without it.
const nodeFetch = globalThis.fetch;
globalThis.fetch = undefined;
const { openShards } = await import(pathToFileURL(path.join(root, 'build/web/pubview-shards.mjs')).href);
let round = [];
const schedule = [[]];  // per step (the opening, the first rows, each query): its rounds, each a list of names
const shards = await openShards((name) => {
  if (!round.length) schedule.at(-1).push(round);  // the first ask since the last answer opens a round
  round.push(name);
  return new Promise((resolve) => setImmediate(() => {
    round = [];  // what is asked after an answer came waits for it: a new round
    resolve(new Uint8Array(readShardFile(folder, name)));
  }));
});
globalThis.fetch = nodeFetch;
schedule.push([]);
await shards.search({ query: '', limit: ROWS });
const queries = typicalQueries(queriesFile, Number(count));
for (const query of queries) {
  schedule.push([]);
  await shards.search({ query, limit: ROWS });
}
shards.close();

// ---- one file of every gzip copy, and its index ---------------------------
const index = {};  // name -> [offset, length, gzipped]
const pieces = [];
let offset = 0;
for (const name of new Set(schedule.flat(2))) {
  const file = downloadedPath(folder, name);
  const bytes = fs.readFileSync(file);
  index[name] = [offset, bytes.length, file.endsWith('.gz')];
  pieces.push(bytes);
  offset += bytes.length;
}
const oneFile = Buffer.concat(pieces);

// ---- the server -----------------------------------------------------------
const server = http.createServer((request, response) => {
  const url = new URL(request.url, 'http://localhost');
  const headers = { 'cache-control': 'no-store', 'access-control-allow-origin': '*' };
  if (url.pathname === '/') {
    response.writeHead(200, { ...headers, 'content-type': 'text/html' });
    response.end('<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>ranges</title>');
  } else if (url.pathname.startsWith('/file/')) {
    const name = decodeURIComponent(url.pathname.slice(6));
    const [at, length, gzipped] = index[name];
    response.writeHead(200, { ...headers, 'content-type': 'application/octet-stream', ...(gzipped ? { 'content-encoding': 'gzip' } : {}) });
    response.end(oneFile.subarray(at, at + length));
  } else if (url.pathname === '/one') {
    const [, from, to] = /^bytes=(\d+)-(\d+)$/.exec(request.headers.range || '') || [];
    if (from === undefined) {
      response.writeHead(416, headers);
      response.end();
      return;
    }
    response.writeHead(206, { ...headers, 'content-type': 'application/octet-stream', 'accept-ranges': 'bytes',
      'content-range': `bytes ${from}-${to}/${oneFile.length}` });
    response.end(oneFile.subarray(Number(from), Number(to) + 1));
  } else {
    response.writeHead(404, headers);
    response.end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}/`;

// ---- the page ---------------------------------------------------------------
// Fetches each step's rounds one after the other, the files of a round at
// once; returns each step's time in ms.
async function fetchSchedule(page, way) {
  return page.evaluate(async ({ schedule, index, way }) => {
    const one = async (name) => {
      if (way === 'files') return (await fetch('/file/' + encodeURIComponent(name))).arrayBuffer();
      const [at, length, gzipped] = index[name];
      const response = await fetch('/one', {
        headers: { range: `bytes=${at}-${at + length - 1}` }, cache: way === 'rangeNoCache' ? 'no-store' : 'default',
      });
      if (response.status !== 206) throw new Error(`${name}: ${response.status}`);
      if (way === 'rangeKeptZipped' || !gzipped) return response.arrayBuffer();
      return new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
    };
    const times = [];
    for (const rounds of schedule) {
      const start = performance.now();
      for (const names of rounds) await Promise.all(names.map(one));
      times.push(performance.now() - start);
    }
    return times;
  }, { schedule, index, way });
}

const browser = await launchBrowser();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const ways = ['files', 'range', 'rangeKeptZipped', 'rangeNoCache'];
const results = Object.fromEntries(ways.map((way) => [way, []]));
for (let run = 0; run < Number(runs); ++run) {
  for (const way of [...ways.slice(run % ways.length), ...ways.slice(0, run % ways.length)]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await page.goto(origin);
    const times = await fetchSchedule(page, way);
    results[way].push({ total: times.reduce((a, b) => a + b, 0), firstRows: times[0] + times[1], queries: times.slice(2) });
    await context.close();
  }
}
await browser.close();
server.close();

const summary = (list) => ({
  totalMs: Math.round(median(list.map((r) => r.total))),
  firstRowsMs: Math.round(median(list.map((r) => r.firstRows))),
  queryMedianMs: Math.round(median(list.map((r) => median(r.queries)))),
  queryP95Ms: Math.round(median(list.map((r) => p95(r.queries)))),
});
console.log(JSON.stringify({
  folder, runs: Number(runs), queries: queries.length, network: '40 Mbit/s, 20 ms',
  requests: schedule.flat(2).length, rounds: schedule.reduce((n, s) => n + s.length, 0), bytes: oneFile.length,
  ...Object.fromEntries(ways.map((way) => [way, summary(results[way])])),
}, null, 1));
