// Appended to pubview-shards.mjs (--extern-post-js): a sharded bundle's search
// over the C exports of src/platform/shards_module.cpp, with the files fetched
// by the caller (web/pubview-shards-worker.js in the browser, fs in tests).
//
//   import { openShards } from './pubview-shards.mjs';
//   const shards = await openShards(getFile);  // getFile(name, signal) -> Promise<Uint8Array>
//     // openShards(getFile, {holdRest: true}): the tables and the listing of
//     // files wait for shards.fetchRest() (or a search that needs them)
//   shards.header;  // {title, description, entries}
//   await shards.search({ query: 'graphs', kind: null, sort: 'relevance', limit: 10 }, signal);
//     // request.open: ids whose whole entries the answer holds (the others: their rows' fields)
//     // -> {total, fallback, hints, publications, jobs, hits: [{entry, id, score}], bundle,
//     //     fetched: the files this search fetched, rounds}
//
// getFile rejects with an Error whose message says why a file cannot be had;
// a search answers without that file's entries and a hint names it. An
// aborted signal ends the search with an AbortError: the files that came in
// meanwhile are kept for the next search.

let shardsCorePromise = null;
// A search reads postings, then the rows (and entries) they point at: a few rounds.
const MAX_ROUNDS = 16;

function shardsCore() {
  // Under Node the wasm is read here: Emscripten 3.1.6 would fetch() its path.
  shardsCorePromise ??= createPubviewShards(nodeGlobals.dirname
    ? { wasmBinary: nodeGlobals.require('node:fs').readFileSync(`${nodeGlobals.dirname}/pubview-shards.wasm`) }
    : { locateFile: (file) => new URL(file, import.meta.url).href });
  return shardsCorePromise;
}

// withHeapString comes from pubview-core-prelude.js.
const withCString = (core, text, use) => withHeapString('pubview-shards', core, text, use);

function putFile(core, handle, name, bytes) {
  const room = withCString(core, name, (n) => core._pv_shards_file_room(handle, n, bytes.length));
  if (!room) throw new Error('pubview-shards: out of memory');
  core.HEAPU8.set(bytes, room);  // HEAPU8 read after the call: the heap may have grown in it
}

// Fetches `name`: {name, bytes}, or {name, error} saying why it cannot be had.
function fetchOne(name, getFile, signal) {
  return getFile(name, signal).then((bytes) => ({ name, bytes }), (error) => {
    if (signal?.aborted) throw error;
    return { name, error };
  });
}

// Hands a fetched file to the module, or tells it why the file cannot be had.
function putOne(core, handle, { name, bytes, error }) {
  if (bytes) putFile(core, handle, name, bytes);
  else withCString(core, name, (n) => withCString(core, String(error?.message || error), (w) => core._pv_shards_missing(handle, n, w)));
}

// Fetches `names` at once; those on their way already (`coming`) are waited for, not fetched again.
async function bring(core, handle, names, getFile, signal, coming = new Map()) {
  await Promise.all(names.map((name) => coming.get(name) ?? fetchOne(name, getFile, signal).then((file) => putOne(core, handle, file))));
  signal?.throwIfAborted();
}

const plainName = (name) => typeof name === 'string' && name !== '' && !name.includes('/');

export async function openShards(getFile, { holdRest = false } = {}) {
  // The manifest while the module compiles, and the first rows file as soon
  // as the manifest names it: the first rows need only these two.
  const coreCame = shardsCore();
  const manifestFetched = getFile('manifest.json');
  let manifest = null;
  const firstRowsFetched = manifestFetched.then((bytes) => {
    try { manifest = JSON.parse(new TextDecoder().decode(bytes)); } catch { /* the module says what is wrong */ }
    const name = manifest?.first_rows?.file;
    return plainName(name) ? fetchOne(name, getFile, null) : null;
  });
  firstRowsFetched.catch(() => {});  // awaited below
  const core = await coreCame;
  const handle = core._pv_shards_new();
  const asked = () => JSON.parse(core.UTF8ToString(core._pv_shards_asked(handle)));
  const coming = new Map();  // the tables and the listing, once asked for
  // Frees the module's bundle once nothing on its way can put a file into it.
  const free = () => Promise.allSettled(coming.values()).then(() => core._pv_shards_free(handle));
  try {
    putFile(core, handle, 'manifest.json', await manifestFetched);
    const firstRows = await firstRowsFetched;
    if (firstRows) putOne(core, handle, firstRows);
  } catch (error) {
    free();
    throw new Error(`manifest.json: ${error?.message || error}`);
  }
  const problem = JSON.parse(core.UTF8ToString(core._pv_shards_open(handle)));
  if (problem) {
    free();
    throw new Error(problem);
  }
  let open = true;
  // The tables are read once they and the listing came and no search runs (the
  // first rows' search does not wait on it; a search that needs them reads them itself).
  let searching = 0, tablesUnread = false;
  const readTables = () => {
    if (!open || !tablesUnread || searching > 0) return;
    tablesUnread = false;
    core._pv_shards_tables_came(handle);
  };
  // Only searches with words need the tables and the listing of the other
  // files, so they are fetched together, after the first rows file (or, with
  // holdRest, once the caller's first rows are shown: they would share the
  // network with the page's own files), or at the first search that asks for either.
  const rest = [manifest?.tables, manifest?.files].filter(plainName);
  const fetchRest = () => {
    if (coming.size > 0 || rest.length === 0) return;
    for (const name of rest) coming.set(name, fetchOne(name, getFile, null).then((file) => putOne(core, handle, file)));
    Promise.all(coming.values()).then(() => { tablesUnread = true; readTables(); }, () => {});
  };
  if (!holdRest) fetchRest();
  return {
    header: JSON.parse(core.UTF8ToString(core._pv_shards_header(handle))),
    fetchRest,
    async search(request, signal = null) {
      const text = JSON.stringify(request);
      const fetched = [];
      ++searching;
      try {
        for (let round = 0; ; ++round) {
          if (!open) throw new Error('pubview-shards: the bundle was closed');
          const answer = JSON.parse(withCString(core, text, (r) => core.UTF8ToString(core._pv_shards_search(handle, r))));
          if (answer.error) throw new Error(answer.error);
          const wanted = asked();
          // heapBytes: the worker's own memory, beside the page's (the bench's widget heap counts both).
          if (wanted.length === 0 || round === MAX_ROUNDS) return Object.assign(answer, { fetched, rounds: round + 1, heapBytes: core.HEAPU8.length });
          if (wanted.some((name) => rest.includes(name))) fetchRest();
          fetched.push(...wanted);
          await bring(core, handle, wanted, getFile, signal, coming);
        }
      } finally {
        --searching;
        if (tablesUnread) setTimeout(readTables, 0);  // after the answer is posted
      }
    },
    close() {
      if (open) free();
      open = false;
    },
  };
}
