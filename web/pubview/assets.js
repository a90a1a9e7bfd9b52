// The assets all widgets of a page share: the wasm, compiled once, and the
// fonts, fetched once. A standalone page (pubview-standalone.html) carries them
// inline, in <script> elements.

// Where pubview.js was loaded from (defined by tools/assemble_pubview.mjs: the
// script's src, or the ES module's URL): the wasm and fonts are beside it.
const scriptUrl = PUBVIEW_SCRIPT_URL;
const baseUrl = new URL('.', scriptUrl || document.baseURI);

// The URL of a file beside pubview.js.
export function assetUrl(name) { return new URL(name, baseUrl).href; }

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
      const url = new URL('fonts/pubview-' + name + '.ttf', baseUrl);
      // Without its regular font the canvas cannot draw (the list is shown as
      // HTML); without the bold one, bold text is drawn regular.
      const missing = (why) => {
        const outcome = name === 'regular' ? 'the list is shown as HTML' : 'bold text is drawn regular';
        console.warn(`pubview: ${url} could not be read (${why}): ${outcome}`);
        return new Uint8Array(0);
      };
      return fetch(url)
        .then((r) => (r.ok ? r.arrayBuffer().then((buffer) => new Uint8Array(buffer)) : missing('HTTP ' + r.status)))
        .catch((error) => missing(error.message));
    };
    fontsPromise = Promise.all([load('regular'), load('bold')]);
  }
  return fontsPromise;
}

// A language's phrases of the interface (i18n/TAG.json beside pubview.js,
// written by the build; the wasm carries English only), fetched once a page;
// '' when they cannot be had, and the widget speaks English.
const languageFiles = new Map();
export function languageFile(tag) {
  if (!languageFiles.has(tag)) {
    languageFiles.set(tag, fetch(new URL('i18n/' + tag + '.json', baseUrl))
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error('the server answered ' + response.status))))
      .catch((e) => {
        console.warn('pubview: the phrases in ' + tag + ' could not be fetched (' + e.message + '); the widget speaks English.');
        return '';
      }));
  }
  return languageFiles.get(tag);
}
