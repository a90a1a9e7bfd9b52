// Appended to pubview-shards.mjs (--extern-post-js): a sharded bundle's search
// over the C exports of src/platform/shards_module.cpp, with the files fetched
// by the caller (web/pubview-shards-worker.js in the browser, fs in tests).
//
//   import { openShards } from './pubview-shards.mjs';
//   const shards = await openShards(getFile);  // getFile(name, signal) -> Promise<Uint8Array>
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

// withHeapString and withHeapBytes come from pubview-core-prelude.js.
const withCString = (core, text, use) => withHeapString('pubview-shards', core, text, use);

function putFile(core, handle, name, bytes) {
  withHeapBytes('pubview-shards', core, bytes,
    (pointer, length) => withCString(core, name, (n) => core._pv_shards_put(handle, n, pointer, length)));
}

// Fetches `name` and hands it to the module, or says why it cannot be had.
function bringOne(core, handle, name, getFile, signal) {
  return getFile(name, signal).then(
    (bytes) => putFile(core, handle, name, bytes),
    (error) => {
      if (signal?.aborted) throw error;
      withCString(core, name, (n) => withCString(core, String(error?.message || error), (w) => core._pv_shards_missing(handle, n, w)));
    });
}

// Fetches `names` at once; those on their way already (`coming`) are waited for, not fetched again.
async function bring(core, handle, names, getFile, signal, coming = new Map()) {
  await Promise.all(names.map((name) => coming.get(name) ?? bringOne(core, handle, name, getFile, signal)));
  signal?.throwIfAborted();
}

export async function openShards(getFile) {
  const manifestFetched = getFile('manifest.json');  // while the module compiles
  manifestFetched.catch(() => {});  // awaited below
  const core = await shardsCore();
  const handle = core._pv_shards_new();
  const asked = () => JSON.parse(core.UTF8ToString(core._pv_shards_asked(handle)));
  const coming = new Map();  // the tables, fetched after the first rows file and not waited for by the first rows
  // Frees the module's bundle once nothing on its way can put a file into it.
  const free = () => Promise.allSettled(coming.values()).then(() => core._pv_shards_free(handle));
  let tablesCame = null;
  try {
    const manifestBytes = await manifestFetched;
    putFile(core, handle, 'manifest.json', manifestBytes);
    let manifest = null;
    try { manifest = JSON.parse(new TextDecoder().decode(manifestBytes)); } catch { /* the module says what is wrong */ }
    const plain = (name) => typeof name === 'string' && !name.includes('/');
    // The first rows file: the first rows are the empty query's, in bundle order.
    const firstRows = bring(core, handle, [manifest?.rows?.files?.[0]].filter(plain), getFile, null);
    if (plain(manifest?.tables)) {
      // Only searches with words need the tables: they follow the first rows
      // file rather than share the network with it.
      tablesCame = firstRows.catch(() => {}).then(() => bringOne(core, handle, manifest.tables, getFile, null));
      tablesCame.catch(() => {});  // a search that asks for them hears why
      coming.set(manifest.tables, tablesCame);
    }
    await firstRows;
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
  // The tables are read once they came and no search runs (the first rows'
  // search does not wait on it; a search that needs them reads them itself).
  let searching = 0, tablesUnread = false;
  const readTables = () => {
    if (!open || !tablesUnread || searching > 0) return;
    tablesUnread = false;
    core._pv_shards_tables_came(handle);
  };
  tablesCame?.then(() => { tablesUnread = true; readTables(); }, () => {});
  return {
    header: JSON.parse(core.UTF8ToString(core._pv_shards_header(handle))),
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
          if (wanted.length === 0 || round === MAX_ROUNDS) return Object.assign(answer, { fetched, rounds: round + 1 });
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
