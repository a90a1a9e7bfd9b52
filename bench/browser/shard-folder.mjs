// A sharded bundle's folder as the benchmarks read it: `pubview shard` keeps
// each file as its .gz copy (the manifest also plain; every file plain with
// --plain or from the WebAssembly CLI, which compresses nothing).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

// The file a browser downloads for `name`: its .gz copy where there is one.
export function downloadedPath(folder, name) {
  const gz = path.join(folder, `${name}.gz`);
  return fs.existsSync(gz) ? gz : path.join(folder, name);
}

// A file's contents, as the worker has them once decompressed.
export function readShardFile(folder, name) {
  const file = downloadedPath(folder, name);
  const bytes = fs.readFileSync(file);
  return file.endsWith('.gz') ? zlib.gunzipSync(bytes) : bytes;
}

// The folder's files by name (manifest.json, postings-….bin), each with the size a browser downloads.
export function folderFiles(folder) {
  const files = new Map();
  for (const entry of fs.readdirSync(folder)) {
    if (entry.endsWith('.br')) continue;
    const name = entry.endsWith('.gz') ? entry.slice(0, -3) : entry;
    if (!files.has(name)) files.set(name, fs.statSync(downloadedPath(folder, name)).size);
  }
  return files;
}
