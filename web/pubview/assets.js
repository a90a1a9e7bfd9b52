// The assets all widgets of a page share: the wasm, compiled once, and the
// fonts, fetched once. A standalone page (pubview-standalone.html) carries them
// inline, in <script> elements.

// Where pubview.js was loaded from (defined by tools/assemble_pubview.mjs: the
// script's src, or the ES module's URL): the wasm and fonts are beside it.
const scriptUrl = PUBVIEW_SCRIPT_URL;
const baseUrl = new URL('.', scriptUrl || document.baseURI);

function inlineAsset(id) {
  const el = document.getElementById(id);
  if (!el) return null;
  const binary = atob(el.textContent.trim());
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; ++i) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

let wasmPromise = null;
export function compiledWasm() {
  if (!wasmPromise) {
    const inline = inlineAsset('pubview-wasm');
    wasmPromise = inline ? WebAssembly.compile(inline) : fetch(new URL('pubview.wasm', baseUrl)).then((response) => {
      if (!response.ok) throw new Error('pubview.wasm: the server answered ' + response.status);
      if (WebAssembly.compileStreaming && /wasm/.test(response.headers.get('content-type') || '')) {
        return WebAssembly.compileStreaming(response);
      }
      return response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
    });
  }
  return wasmPromise;
}

let fontsPromise = null;
export function fonts() {
  if (!fontsPromise) {
    const load = (name) => {
      const inline = inlineAsset('pubview-font-' + name);
      if (inline) return Promise.resolve(inline);
      return fetch(new URL('fonts/pubview-' + name + '.ttf', baseUrl))
        .then((r) => (r.ok ? r.arrayBuffer() : new ArrayBuffer(0)))
        .then((buffer) => new Uint8Array(buffer))
        .catch(() => new Uint8Array(0));  // the module falls back to ImGui's built-in font
    };
    fontsPromise = Promise.all([load('regular'), load('bold')]);
  }
  return fontsPromise;
}
