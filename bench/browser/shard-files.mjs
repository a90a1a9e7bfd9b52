// What a sharded bundle's searches fetch, without a browser: the worker's
// module (build/web/pubview-shards.mjs) under Node opens FOLDER (written by
// `pubview shard`), shows the first rows, then searches the typical queries
// once each with cold files, ROWS rows a search (the panel's first ask), and
// counts the files each kind of file (manifest, files, tables, facets, sortkeys, rows, postings,
// entries) brought, at their .gz sizes: the bytes a browser downloads. Bytes
// and file counts do not depend on the machine's load; the worker's time per
// search (thread CPU of this process) is given too.
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
const shards = await openShards(async (name) => {
  brought.set(name, inFolder.get(name));
  return new Uint8Array(readShardFile(folder, name));
});
await shards.search({ query: '', limit: Number(rows) });
const opening = new Map(brought);
const cpuMs = [];
for (const query of typicalQueries(queriesFile, Number(count))) {
  const start = process.cpuUsage();
  await shards.search({ query, limit: Number(rows) });
  const used = process.cpuUsage(start);
  cpuMs.push((used.user + used.system) / 1000);
}
const byKind = {};
for (const kind of ['manifest', 'files', 'tables', 'facets', 'sortkeys', 'rows', 'postings', 'entries']) {
  const names = (m) => [...m.keys()].filter((n) => kindOf(n) === kind);
  const bytes = (list) => list.reduce((sum, n) => sum + brought.get(n), 0);
  const queried = names(brought).filter((n) => !opening.has(n));
  byKind[kind] = { filesInFolder: files(kind).length, openingFiles: names(opening).length, openingBytes: bytes(names(opening)),
    queryFiles: queried.length, queryBytes: bytes(queried) };
}
const sorted = [...cpuMs].sort((a, b) => a - b);
console.log(JSON.stringify({
  folder, rows: Number(rows), queries: cpuMs.length,
  filesInFolder: inFolder.size,
  queryBytes: Object.values(byKind).reduce((sum, k) => sum + k.queryBytes, 0), byKind,
  workerCpuMs: { median: sorted[sorted.length >> 1], p95: sorted[Math.ceil(sorted.length * 0.95) - 1], max: sorted.at(-1) },
}, null, 1));
shards.close();
