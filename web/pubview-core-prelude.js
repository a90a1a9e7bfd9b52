// Prepended to pubview-core.mjs and pubview-shards.mjs (--extern-pre-js).
// Emscripten 3.1.6's ES-module output still reads the wasm file with CommonJS
// `require` and `__dirname`, which an ES module does not have; under Node they
// are made here. Browsers skip this and fetch the wasm beside the module.
const nodeGlobals = typeof process === 'object' && typeof process.versions?.node === 'string'
  ? await (async () => {
    const { createRequire } = await import('node:module');
    const { dirname } = await import('node:path');
    const { fileURLToPath } = await import('node:url');
    return { require: createRequire(import.meta.url), dirname: dirname(fileURLToPath(import.meta.url)) };
  })()
  : {};
var require = nodeGlobals.require;
var __dirname = nodeGlobals.dirname;

// The heap calls of both modules' wrappers: `bytes`, or `text` as
// NUL-terminated UTF-8, in the heap of `core` for the one call use(pointer,
// length), and freed after it. `who` names the module when its memory is full.
function withHeapBytes(who, core, bytes, use) {
  const pointer = core._malloc(Math.max(1, bytes.length));
  if (!pointer) throw new Error(`${who}: out of memory`);
  try {
    core.HEAPU8.set(bytes, pointer);
    return use(pointer, bytes.length);
  } finally {
    core._free(pointer);
  }
}

function withHeapString(who, core, text, use) {
  const size = core.lengthBytesUTF8(text) + 1;
  const pointer = core._malloc(size);
  if (!pointer) throw new Error(`${who}: out of memory`);
  try {
    core.stringToUTF8(text, pointer, size);
    return use(pointer, size - 1);
  } finally {
    core._free(pointer);
  }
}
