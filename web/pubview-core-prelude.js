// Prepended to pubview-core.mjs (--extern-pre-js). Emscripten 3.1.6's ES-module
// output still reads the wasm file with CommonJS `require` and `__dirname`,
// which an ES module does not have; under Node they are made here. Browsers
// skip this and fetch the wasm beside the module.
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
