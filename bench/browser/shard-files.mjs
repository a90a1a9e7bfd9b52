// What a sharded bundle's searches fetch, without a browser: the worker's
// module (build/web/pubview-shards.mjs) under Node opens FOLDER (written by
// `pubview shard`), shows the first rows, then searches the typical queries
// once each with cold files, ROWS rows a search (the panel's first ask), and
// counts the files each kind of file (manifest, files, tables, facets, sortkeys, rows, postings,
// entries) brought, at their .gz sizes: the bytes a browser downloads. Bytes
// and file counts do not depend on the machine's load; the worker's time per
// search, cold and then warm (the same queries again), and the opening's, which reads the tables (CPU of this
// process), are given too. With BENCH_PER_QUERY=1,
// each query's rounds of fetches (the files one answer asks for at once),
// files, bytes by kind and CPU, with the time the browser bench's network
// (40 Mbit/s, 20 ms round trip) would add: a round trip and its bytes' transfer
// a round. Sorted by that time, they show what makes the slowest cold keystrokes.
//
//   node --no-experimental-fetch bench/browser/shard-files.mjs FOLDER QUERIES.json [ROWS] [COUNT]
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { folderFiles, readShardFile } from './shard-folder.mjs';
import { typicalQueries } from './typical-queries.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [folder, queriesFile, rows = '20', count = '50'] = process.argv.slice(2);
const { openShards } = await import(pathToFileURL(path.join(root, 'build/web/pubview-shards.mjs')).href);

const kindOf = (name) => /^[a-z]+/.exec(name)[0];
const inFolder = folderFiles(folder);  // name -> bytes downloaded
const files = (kind) => [...inFolder.keys()].filter((f) => kindOf(f) === kind);
const brought = new Map();  // name -> bytes
let rounds = null;  // the current query's rounds: [names], a round the names asked at once (before a microtask runs)
let roundOpen = false;
const shards = await openShards(async (name) => {
  brought.set(name, inFolder.get(name));
  if (rounds && !roundOpen) {
    rounds.push([]);
    roundOpen = true;
    queueMicrotask(() => { roundOpen = false; });
  }
  rounds?.at(-1).push(name);
  return new Uint8Array(readShardFile(folder, name));
});
const openingStart = process.cpuUsage();
await shards.search({ query: '', limit: Number(rows) });
// The tables, fetched after the first rows, are read once no search runs (in a
// task the wrapper queued when the first rows' search ended): as the widget's
// worker reads them before a visitor's first words, not in the first query.
await new Promise((resolve) => setTimeout(resolve, 0));
const openingUsed = process.cpuUsage(openingStart);
const opening = new Map(brought);
const cpuMs = [];
const perQuery = [];
const NETWORK = { roundTripMs: 20, bytesPerMs: 40e6 / 8 / 1000 };
for (const query of typicalQueries(queriesFile, Number(count))) {
  rounds = [];
  const start = process.cpuUsage();
  await shards.search({ query, limit: Number(rows) });
  const used = process.cpuUsage(start);
  cpuMs.push((used.user + used.system) / 1000);
  const bytesByKind = {};
  for (const name of rounds.flat()) bytesByKind[kindOf(name)] = (bytesByKind[kindOf(name)] || 0) + inFolder.get(name);
  const networkMs = rounds.reduce((sum, round) => sum + NETWORK.roundTripMs +
    round.reduce((bytes, name) => bytes + inFolder.get(name), 0) / NETWORK.bytesPerMs, 0);
  perQuery.push({ query, rounds: rounds.map((round) => round.length), bytesByKind, cpuMs: Math.round(cpuMs.at(-1)),
    networkMs: Math.round(networkMs) });
}
rounds = null;
// The same queries again, every file here: the worker's CPU with warm files.
const warmCpuMs = [];
for (const query of typicalQueries(queriesFile, Number(count))) {
  const start = process.cpuUsage();
  await shards.search({ query, limit: Number(rows) });
  const used = process.cpuUsage(start);
  warmCpuMs.push((used.user + used.system) / 1000);
}
const byKind = {};
for (const kind of ['manifest', 'files', 'tables', 'facets', 'sortkeys', 'rows', 'postings', 'entries']) {
  const names = (m) => [...m.keys()].filter((n) => kindOf(n) === kind);
  const bytes = (list) => list.reduce((sum, n) => sum + brought.get(n), 0);
  const queried = names(brought).filter((n) => !opening.has(n));
  byKind[kind] = { filesInFolder: files(kind).length, openingFiles: names(opening).length, openingBytes: bytes(names(opening)),
    queryFiles: queried.length, queryBytes: bytes(queried) };
}
const spread = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: Math.round(sorted[sorted.length >> 1]), p95: Math.round(sorted[Math.ceil(sorted.length * 0.95) - 1]),
    max: Math.round(sorted.at(-1)) };
};
console.log(JSON.stringify({
  folder, rows: Number(rows), queries: cpuMs.length,
  filesInFolder: inFolder.size,
  queryBytes: Object.values(byKind).reduce((sum, k) => sum + k.queryBytes, 0), byKind,
  openingCpuMs: Math.round((openingUsed.user + openingUsed.system) / 1000),
  workerCpuMs: spread(cpuMs), warmWorkerCpuMs: spread(warmCpuMs),
  ...(process.env.BENCH_PER_QUERY ? { perQuery: perQuery.sort((a, b) => b.networkMs + b.cpuMs - a.networkMs - a.cpuMs) } : {}),
}, null, 1));
shards.close();
