// Appended to pubview-core.mjs (--extern-post-js): the module's JS API over the
// C exports of src/platform/core_module.cpp. (The module's default export stays
// Emscripten's factory, createPubviewCore; `nodeGlobals`, withHeapBytes and
// withHeapString come from pubview-core-prelude.js.)
//
//   import { load } from './pubview-core.mjs';
//   const index = await load(bundleJsonText);  // or the bytes of a bundle or a pack (a Uint8Array)
//   index.search('dynamodb', { kind: 'publication', limit: 10 });
//     // -> { total, fallback, hints, results: [{ id, kind, score }] }
//   index.count();  // entries in the bundle
//   index.close();  // frees the index

let corePromise = null;

const KINDS = { publication: 0, job: 1 };

const withBytes = (core, bytes, use) => withHeapBytes('pubview-core', core, bytes, use);
const withString = (core, text, use) => withHeapString('pubview-core', core, text, use);

export async function load(bundle) {
  // Under Node the wasm is read here: Emscripten 3.1.6 would fetch() its path
  // when Node has fetch (as Node 18 and later do), which fails for a path.
  corePromise ??= createPubviewCore(nodeGlobals.dirname
    ? { wasmBinary: nodeGlobals.require('node:fs').readFileSync(`${nodeGlobals.dirname}/pubview-core.wasm`) }
    : { locateFile: (file) => new URL(file, import.meta.url).href });
  const core = await corePromise;
  const loadFrom = (pointer, size) => core._pv_core_load(pointer, size);
  const handle = bundle instanceof Uint8Array || bundle instanceof ArrayBuffer
    ? withBytes(core, new Uint8Array(bundle), loadFrom)
    : withString(core, String(bundle), loadFrom);
  if (!handle) throw new Error(`pubview-core: ${core.UTF8ToString(core._pv_core_load_error())}`);
  let open = true;
  const live = () => {
    if (!open) throw new Error('pubview-core: the index was closed');
    return handle;
  };
  return {
    search(query, { kind, limit = 10 } = {}) {
      const kindCode = kind === undefined || kind === null ? -1 : KINDS[kind];
      if (kindCode === undefined) throw new Error(`pubview-core: kind is 'publication' or 'job', not '${kind}'`);
      const json = withString(core, String(query), (pointer) =>
        core.UTF8ToString(core._pv_core_search(live(), pointer, kindCode, limit === Infinity ? -1 : limit)));
      return JSON.parse(json);
    },
    count() {
      return core._pv_core_count(live());
    },
    close() {
      if (open) core._pv_core_free(handle);
      open = false;
    },
  };
}
