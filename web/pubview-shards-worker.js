// The Web Worker that searches a sharded bundle (docs/DESIGN.md, "Sharded
// bundles in the browser"): the page never waits on the network or the
// engine. Messages in:
//   {type: 'open', url}                  the folder ("…/shards/") or its manifest.json
//   {type: 'search', id, request}        {query, kind, sort, limit}; supersedes the last search
//   {type: 'shown'}                      the page shows the first rows: the tables may come now
// Messages out:
//   {type: 'opened', header} | {type: 'result', id, result} | {type: 'error', id, message}
//   (result as JSON text: the page hands it to the widget's wasm as it is)
// A superseded search is aborted, its fetches with it, and answers nothing.
import { openShards } from './pubview-shards.mjs';

let folder = null;     // the folder's URL, ending in '/'
let shards = null;     // a promise of the open bundle
let running = null;    // the AbortController of the search under way
// Whether the host has the .gz copies `pubview shard` writes: unknown until
// the first file (the manifest, a tenth of a megabyte gzipped at a million
// entries and four times that plain), then asked for the same way every time.
let gzipCopies = null;

function folderOf(url) {
  const absolute = new URL(url, self.location.href);
  const path = absolute.pathname;
  if (path.endsWith('/')) return absolute.href;
  return path.endsWith('.json') ? new URL('.', absolute).href : absolute.href + '/';
}

async function bytesOf(response) {
  return new Uint8Array(await response.arrayBuffer());
}

// A .gz copy as fetched: gzip bytes where the server sent the file as it is
// (python3 -m http.server, serve.py), or already decompressed by the browser
// where the server said Content-Encoding: gzip.
async function gunzipped(bytes) {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return await bytesOf(new Response(stream));
  } catch {
    return bytes;  // plain bytes that only began like gzip: the module checks their hash
  }
}

async function fetchOk(url, signal) {
  let response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new Error('it could not be fetched (the network failed or the host refused it)');
  }
  return response;
}

// One file's bytes, decompressed; rejects with the reason it cannot be had.
async function getFile(name, signal) {
  const url = new URL(name, folder).href;
  if (gzipCopies !== false) {
    const response = await fetchOk(url + '.gz', signal);
    if (response.ok) { gzipCopies = true; return gunzipped(await bytesOf(response)); }
    if (gzipCopies === true) throw new Error(`the server answered ${response.status} for ${name}.gz`);
    gzipCopies = false;  // a folder written without compressed copies (the WebAssembly CLI)
  }
  const response = await fetchOk(url, signal);
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  return bytesOf(response);
}

async function search(id, request) {
  running?.abort();
  const controller = running = new AbortController();
  try {
    const result = await (await shards).search(request, controller.signal);
    if (!controller.signal.aborted) postMessage({ type: 'result', id, result: JSON.stringify(result) });
  } catch (error) {
    if (!controller.signal.aborted) postMessage({ type: 'error', id, message: String(error?.message || error) });
  }
}

self.onmessage = async ({ data }) => {
  if (data.type === 'open') {
    folder = folderOf(data.url);
    // The tables and the listing of files wait until the page has shown its
    // first rows, so as not to share the network with the page's own files.
    shards = openShards(getFile, { holdRest: true });
    try {
      postMessage({ type: 'opened', header: (await shards).header });
    } catch (error) {
      postMessage({ type: 'error', id: null, message: String(error?.message || error) });
    }
  } else if (data.type === 'search') {
    search(data.id, data.request);
  } else if (data.type === 'shown') {
    shards?.then((open) => open.fetchRest(), () => {});
  }
};
