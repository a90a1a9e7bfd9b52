/*
 * pubview.js: mounts pubview widgets (a Dear ImGui panel compiled to
 * WebAssembly) on any page. One script tag, one global (PubView):
 *
 *   <div class="pubview" data-bundle="bundle.json"></div>
 *   <script src="pubview.js" defer></script>
 *
 * This file owns everything that is the page's business: finding the
 * elements, fetching the bundle and the fonts, sizing the canvas, the
 * clipboard, links, deep links in the URL hash, the hidden DOM mirror for
 * screen readers and print, and the events the element emits. The widget
 * module (C++) owns drawing and input on its own canvas.
 */
(function () {
  'use strict';

  // The Emscripten glue is spliced in here at build time (cmake/splice_glue.cmake);
  // it defines createPubviewModule inside this closure, not on window.
  /*@EMSCRIPTEN_GLUE@*/

  const VERSION = '0.1.0';
  const scriptUrl = document.currentScript && document.currentScript.src;
  const baseUrl = new URL('.', scriptUrl || document.baseURI);
  const SAFE_SCHEMES = ['http:', 'https:', 'mailto:'];
  const FACETS = ['year', 'venue', 'author', 'tag', 'country', 'city', 'team'];
  const DEFAULT_TIMEOUT_MS = 20000;
  // The module's heap may grow to 2 GB (cmake/web.cmake); loading needs about
  // three times the bundle's size (the text, the model and the index).
  const MAX_BUNDLE_BYTES = 600 * 1024 * 1024;
  // Long work (reading a download, copying it into the module) gives the page
  // a turn after this long, so no task blocks it for much more.
  const SLICE_MS = 40;
  // The DOM mirror gets its first rows at once and the rest in slices, one
  // task each: building and laying out 500 rows at once was a 150-190 ms task
  // after every large result.
  const MIRROR_FIRST_ROWS = 50;
  const MIRROR_SLICE_ROWS = 100;

  // ---- assets shared by all widgets: the wasm is compiled once and the fonts
  // fetched once, however many widgets the page mounts. A standalone page
  // (pubview-standalone.html) carries them inline, in <script> elements.
  function inlineAsset(id) {
    const el = document.getElementById(id);
    if (!el) return null;
    const binary = atob(el.textContent.trim());
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; ++i) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  let wasmPromise = null;
  function compiledWasm() {
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
  function fonts() {
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

  function isSafeUrl(url) {
    try {
      return SAFE_SCHEMES.includes(new URL(url, document.baseURI).protocol);
    } catch (e) {
      return false;
    }
  }

  // Calls fn(pointer, length) with `text` as a NUL-terminated UTF-8 string in the module's heap.
  function withCString(module, text, fn) {
    return withBytes(module, new TextEncoder().encode(text + '\0'), (pointer, size) => fn(pointer, size - 1));
  }

  function withBytes(module, bytes, fn) {
    const pointer = mallocOrThrow(module, bytes.length);
    try {
      module.HEAPU8.set(bytes, pointer);
      return fn(pointer, bytes.length);
    } finally {
      module._free(pointer);
    }
  }

  function mallocOrThrow(module, size) {
    const pointer = module._malloc(Math.max(1, size));
    if (!pointer) throw new Error('out of memory for ' + Math.round(size / 1048576) + ' MB');
    return pointer;
  }

  // Resolves in a task of its own (a message-channel task: no timer clamp),
  // after the page has had its turn.
  function nextTask() {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(0);
    });
  }

  // Calls `await yieldIfLong()` in a long loop: it gives the page a turn once SLICE_MS have passed.
  function sliceTimer() {
    let sliceStart = performance.now();
    return async () => {
      if (performance.now() - sliceStart < SLICE_MS) return;
      await nextTask();
      sliceStart = performance.now();
    };
  }

  function cssColorToRgb(color, fallback) {
    const text = (color || '').trim();
    const m = /^#([0-9a-f]{6})$/i.exec(text) || /^#([0-9a-f]{3})$/i.exec(text);
    if (!m) return fallback;
    const hex = m[1].length === 3 ? m[1].replace(/./g, '$&$&') : m[1];
    return parseInt(hex, 16);
  }

  function kilobytes(n) { return Math.round(n / 1024) + ' KB'; }

  // Near-black or white, whichever reads better on `color` (#rrggbb): the panel's readable_on (src/ui/panel.cpp).
  function readableOn(color) {
    const rgb = cssColorToRgb(color, 0x2563eb);
    const luminance = (0.2126 * (rgb >> 16) + 0.7152 * ((rgb >> 8) & 0xff) + 0.0722 * (rgb & 0xff)) / 255;
    return luminance > 0.5 ? '#111827' : '#ffffff';
  }

  // A row of the HTML list: a rule between rows, the title over its summary line.
  function styleListRow(li, head, heading, summary, body) {
    li.style.cssText = 'border-bottom:1px solid var(--pv-rule);padding:8px 2px;';
    head.style.cssText = 'cursor:pointer;';
    heading.style.cssText = 'display:inline;font-size:1.05em;margin:0;';
    summary.style.cssText = 'margin:2px 0 0 1.1em;color:var(--pv-dim);font-size:0.9em;';
    for (const p of body) {
      p.style.margin = '8px 0 0 1.1em';
      for (const a of p.querySelectorAll('a')) a.style.color = 'var(--pv-accent)';
    }
  }

  // ---- deep links: each widget keeps its view in the URL hash under its own
  // name, e.g. #pv1:q=dynamo&kind=publication&open=amazon-dynamodb-2022;pv2:q=seattle
  function readHash() {
    const parts = new Map();
    // URLSearchParams encodes ';' and ':' inside values, so they only ever separate.
    for (const part of location.hash.slice(1).split(';')) {
      const colon = part.indexOf(':');
      if (colon > 0) parts.set(part.slice(0, colon), new URLSearchParams(part.slice(colon + 1)));
    }
    return parts;
  }

  function hashWith(name, params) {
    const parts = readHash();
    if (params.toString()) parts.set(name, params);
    else parts.delete(name);
    const text = Array.from(parts, ([key, value]) => key + ':' + value.toString()).join(';');
    return text ? '#' + text : '';
  }

  function stateToParams(state, openId) {
    const params = new URLSearchParams();
    if (state.q) params.set('q', state.q);
    if (state.kind) params.set('kind', state.kind);
    if (state.sort && state.sort !== 'relevance') params.set('sort', state.sort);
    for (const facet of FACETS) for (const value of (state.filters && state.filters[facet]) || []) params.append(facet, value);
    const open = openId !== undefined ? openId : state.open;
    if (open) params.set('open', open);
    return params;
  }

  function paramsToState(params) {
    const filters = {};
    for (const facet of FACETS) if (params.getAll(facet).length) filters[facet] = params.getAll(facet);
    return {
      q: params.get('q') || '',
      kind: params.get('kind') === 'job' || params.get('kind') === 'publication' ? params.get('kind') : null,
      sort: params.get('sort') || 'relevance',
      filters,
      open: params.get('open') || '',
    };
  }

  // Styles that hide an element from sight but not from screen readers.
  const VISUALLY_HIDDEN = 'position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;' +
    'clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0;';
  const PRINTED = 'position:static;width:auto;height:auto;overflow:visible;white-space:normal;' +
    'font:11pt/1.45 Georgia,serif;color:#000;';
  // The panel's colors (src/ui/theme.cpp), for the list drawn as HTML when the canvas cannot draw.
  const THEMES = {
    light: { background: '#ffffff', text: 'rgb(28,30,36)', dim: 'rgb(92,99,112)', frame: 'rgb(245,245,246)', rule: 'rgb(228,229,231)' },
    dark: { background: '#181a1f', text: 'rgb(230,232,236)', dim: 'rgb(160,166,178)', frame: 'rgb(45,47,52)', rule: 'rgb(58,60,66)' },
  };

  let widgetCounter = 0;

  class Widget {
    constructor(element, options) {
      this.element = element;
      this.options = options;
      this.number = ++widgetCounter;
      this.name = 'pv' + this.number;
      this.module = null;
      this._error = null;
      this._loading = null;
      this._destroyed = false;
      this._mirrorBuild = 0;  // counts mirror updates, so that an old one stops adding rows
      this._mirrorQueued = false;  // a mirror update waits for its timer
      this._drawing = true;  // the canvas draws; false: no WebGL2 (or a lost context), the list is HTML
      this._cleanups = [];
      this._buildDom();
    }

    // ---- the public API ------------------------------------------------------
    setQuery(text) { this._call((m) => withCString(m, String(text), (p) => m._pv_set_query(p))); }
    query() { return this.module ? this.module.UTF8ToString(this.module._pv_query()) : ''; }
    count() { return this.module ? this.module._pv_count() : 0; }
    visible() { return this.module ? JSON.parse(this.module.UTF8ToString(this.module._pv_visible())) : []; }
    expand(id, open = true) {
      return this.module ? withCString(this.module, String(id), (p) => this.module._pv_expand(p, open ? 1 : 0) === 1) : false;
    }
    state() { return this.module ? JSON.parse(this.module.UTF8ToString(this.module._pv_state())) : null; }
    setState(state) { this._call((m) => withCString(m, JSON.stringify(state), (p) => m._pv_set_state(p))); }
    // Where the row of `id` is drawn, relative to the element: {x, y, width, height}, or null when off screen.
    rowBounds(id) {
      if (!this.module) return null;
      const b = withCString(this.module, String(id), (p) => JSON.parse(this.module.UTF8ToString(this.module._pv_row_bounds(p))));
      return b && { x: b[0], y: b[1], width: b[2], height: b[3] };
    }
    error() { return this._error || (this.module ? this._problems().error : null); }
    warnings() { return this.module ? this._problems().warnings : []; }
    loading() { return this._loading && Object.assign({}, this._loading); }
    // A link to this view with `id` open (or the view as it is).
    link(id) {
      const state = this.state() || {};
      return location.href.split('#')[0] + hashWith(this.name, stateToParams(state, id));
    }
    focus() {
      if (!this._drawing) { this.listSearch.focus(); return; }
      this.canvas.focus();
      this._call((m) => m._pv_focus_search());
    }
    // Resolves once the widget has drawn every frame its last input asked for
    // and its DOM mirror (or HTML list) shows the last change (before a
    // screenshot, or in a test).
    settled() {
      return new Promise((resolve) => {
        const busy = () => this.module && (this.module._pv_busy() || this._mirrorQueued);
        const check = () => (busy() ? requestAnimationFrame(check) : resolve());
        check();
      });
    }
    setTheme(theme) {
      this.options.theme = theme;
      this._applyTheme();
    }
    // Loads the bundle again (what the error view's "Try again" button does).
    retry() { return this._loadBundle().then(() => this); }
    // Shows another bundle (a URL or an object) in place of the current one.
    setBundle(bundle) {
      this.options.bundle = bundle;
      return this._loadBundle().then(() => this);
    }
    destroy() {
      if (this._destroyed) return;
      this._destroyed = true;
      if (this._abort) this._abort.abort();
      if (this.module) this.module._pv_stop();
      this.module = null;
      this._cleanups.forEach((fn) => fn());
      this.root.remove();
      for (const node of this._fallback) this.element.appendChild(node);
      delete this.element.pubview;
      const at = PubView.widgets.indexOf(this);
      if (at >= 0) PubView.widgets.splice(at, 1);
    }

    // ---- mounting --------------------------------------------------------------
    _buildDom() {
      const el = this.element;
      // The page author's own content (a static list from `pubview html`, a
      // <noscript>) stays in the widget's place until the widget runs, and
      // comes back if it cannot; the widget's box waits hidden meanwhile, so
      // the element keeps its height. Scripts (the list's JSON-LD) stay.
      this._fallback = Array.from(el.childNodes).filter((node) => node.nodeName !== 'SCRIPT');
      const shown = this._fallback.some((node) => (node.nodeType === Node.ELEMENT_NODE && node.nodeName !== 'NOSCRIPT') ||
        (node.nodeType === Node.TEXT_NODE && node.textContent.trim()));
      this.root = document.createElement('div');
      this.root.style.cssText = 'position:relative;width:100%;overflow:hidden;user-select:none;-webkit-user-select:none;' +
        'height:' + (this.options.height || '600px') + ';' + (shown ? 'display:none;' : '');
      this.canvas = document.createElement('canvas');
      this.canvas.id = 'pubview-canvas-' + this.number;
      this.canvas.tabIndex = 0;
      this.canvas.setAttribute('role', 'application');
      this.canvas.setAttribute('aria-label', 'Publications and jobs. Type to search; the results follow as a list.');
      this.canvas.style.cssText = 'display:block;width:100%;height:100%;outline:none;touch-action:pan-x pan-y pinch-zoom;';
      this.message = document.createElement('div');
      this.message.setAttribute('role', 'alert');
      this.message.style.cssText = 'position:absolute;inset:0;padding:16px;font:15px system-ui,sans-serif;display:none;';
      // The on-screen keyboard of a phone opens only for a real <input>.
      this.textInput = document.createElement('input');
      this.textInput.type = 'search';
      this.textInput.setAttribute('aria-label', 'Search');
      this.textInput.setAttribute('autocomplete', 'off');
      this.textInput.tabIndex = -1;
      this.textInput.style.cssText = 'position:absolute;left:0;top:0;width:100%;height:40px;font-size:16px;opacity:0;' +
        'border:0;padding:0;pointer-events:none;';
      this.mirror = document.createElement('div');
      this.mirror.className = 'pubview-mirror';
      this.mirror.style.cssText = VISUALLY_HIDDEN;
      this.status = document.createElement('p');
      this.status.setAttribute('role', 'status');
      this.status.setAttribute('aria-live', 'polite');
      this.mirrorList = document.createElement('ul');
      this.mirror.append(this.status, this.mirrorList);
      this.root.append(this.canvas, this.textInput, this.message, this.mirror);
      el.appendChild(this.root);
    }

    async start() {
      // The bundle downloads while the wasm compiles: neither waits for the other.
      const source = this.options.bundle;
      const early = typeof source === 'string' && source && !source.startsWith('#') ? this._download(source) : null;
      if (early) early.catch(() => {});  // its error is reported by _loadBundle
      const [wasm, [regular, bold]] = await Promise.all([compiledWasm(), fonts()]);
      const module = await createPubviewModule({
        canvas: this.canvas,
        pubviewHost: {
          openUrl: (url, id) => this._openUrl(url, id),
          copyText: (text) => this._copyText(text),
          copyLink: (id) => this._copyText(this.link(id)),
          viewChanged: () => this._viewChanged(),
          retry: () => this.retry(),
          focusTextInput: () => this._focusTextInput(),
          rowsShown: () => this._rowsShown(),
          setCursor: (cursor) => { this.canvas.style.cursor = cursor; },
          drawingChanged: (drawing) => this._setDrawing(drawing),
          takeBundleBytes: (pointer, capacity) => this._takeBundleBytes(pointer, capacity),
          nextTask,
        },
        instantiateWasm(imports, receive) {
          WebAssembly.instantiate(wasm, imports).then((instance) => receive(instance, wasm));
          return {};
        },
        print: () => {},
        printErr: (text) => console.warn('pubview:', text),
      });
      if (this._destroyed) return this;
      const started = withBytes(module, regular, (pr, nr) => withBytes(module, bold, (pb, nb) =>
        withCString(module, '#' + this.canvas.id, (sel) => module._pv_start(sel, pr, nr, pb, nb))));
      this.module = module;
      this._fallback.forEach((node) => node.remove());
      this.root.style.display = '';
      // Without WebGL2 the module still loads and searches: the list is shown as HTML.
      if (started !== 0) this._setDrawing(false);
      this._watchSize();
      this._watchFocus();
      this._watchShortcut();
      this._watchPrint();
      this._applyTheme();
      this._listen(this.canvas, 'paste', (event) => {
        const text = event.clipboardData && event.clipboardData.getData('text/plain');
        if (text) withCString(module, text, (p) => module._pv_paste(p));
        event.preventDefault();
      });
      this._listen(this.textInput, 'input', () => this.setQuery(this.textInput.value));
      this._listen(this.textInput, 'keydown', (event) => {
        if (event.key === 'Enter') this.textInput.blur();
        if (event.key === 'Escape') { this.textInput.value = ''; this.setQuery(''); }
      });
      await this._loadBundle(early);
      return this;
    }

    // The view the widget opens with: the page's hash, else the element's attributes.
    _initialState() {
      const fromHash = readHash().get(this.name);
      if (fromHash) return paramsToState(fromHash);
      const kinds = { publications: 'publication', jobs: 'job' };
      return { q: this.options.query || '', kind: kinds[this.options.view] || null, sort: 'relevance', filters: {}, open: '' };
    }

    // Loads options.bundle; `download` is its download if one already started.
    async _loadBundle(download) {
      const source = this.options.bundle;
      this._error = null;
      this.status.textContent = 'Loading the list\u2026';
      this._summary = null;
      try {
        if (source && typeof source === 'object') await this._loadBytes([new TextEncoder().encode(JSON.stringify(source))]);
        else if (typeof source === 'string' && source.startsWith('#')) await this._loadInline(source);
        else if (source) await this._loadBytes(await (download || this._download(source)));
        else throw new Error('No bundle given: set data-bundle on the element or pass {bundle} to PubView.mount().');
      } catch (e) {
        this._fail(e && e.message ? e.message : String(e));
      }
      this._loading = null;
      this._ready();
    }

    // A bundle inside the page: data-bundle="#id" names a <script type="application/json">.
    _loadInline(selector) {
      const el = document.getElementById(selector.slice(1));
      if (!el) throw new Error('No element ' + selector + ' holds the bundle.');
      return this._loadBytes([new TextEncoder().encode(el.textContent)]);
    }

    // Fetches the bundle with a progress bar and a timeout that restarts with
    // every chunk, so a slow but live download goes on and a dead one ends.
    // Resolves to the chunks as they came (joining them would copy it once more).
    async _download(source) {
      const url = new URL(source, document.baseURI);
      const timeoutMs = Number(this.options.timeout) || DEFAULT_TIMEOUT_MS;
      const abort = new AbortController();
      this._abort = abort;
      let timer = 0;
      const restartTimer = () => {
        clearTimeout(timer);
        timer = setTimeout(() => abort.abort(), timeoutMs);
      };
      const name = url.pathname.split('/').pop() || source;
      this._loading = { received: 0, total: 0 };
      if (this.module) this.module._pv_show_loading(0, 0);
      restartTimer();
      try {
        const response = await fetch(url, { signal: abort.signal });
        if (!response.ok) throw new Error(name + ': the server answered ' + response.status + ' ' + response.statusText + '.');
        const type = response.headers.get('content-type') || '';
        if (/text\/html/.test(type)) throw new Error(name + ': the server sent a web page, not a JSON bundle. Is the URL right?');
        // A compressed response's length is not the length of what it reads as.
        const total = response.headers.get('content-encoding') ? 0 : Number(response.headers.get('content-length')) || 0;
        if (total > MAX_BUNDLE_BYTES) throw new Error(name + ' is ' + kilobytes(total) + '; the widget can show bundles up to ' + kilobytes(MAX_BUNDLE_BYTES) + '.');
        const chunks = [];
        let received = 0;
        const reader = response.body.getReader();
        const yieldIfLong = sliceTimer();  // reads of chunks already here resolve with no task between them
        for (;;) {
          let chunk;
          try {
            chunk = await reader.read();
          } catch (e) {
            if (abort.signal.aborted) throw e;
            throw new Error(name + ': the download was cut off after ' + kilobytes(received) + (total ? ' of ' + kilobytes(total) : '') + '.');
          }
          if (chunk.done) break;
          restartTimer();
          chunks.push(chunk.value);
          received += chunk.value.length;
          if (received > MAX_BUNDLE_BYTES) throw new Error(name + ' is larger than ' + kilobytes(MAX_BUNDLE_BYTES) + ', the most the widget can show.');
          this._loading = { received, total };
          if (this.module) this.module._pv_show_loading(received, total);
          await yieldIfLong();
        }
        const start = chunks.length ? chunks[0].subarray(0, 64) : new Uint8Array(0);
        if (/^\s*</.test(new TextDecoder().decode(start))) {
          throw new Error(name + ': the server sent a web page, not a JSON bundle. Is the URL right?');
        }
        return chunks;
      } catch (e) {
        if (abort.signal.aborted && !this._destroyed) throw new Error(name + ': no answer from the server for ' + Math.round(timeoutMs / 1000) + ' s.');
        throw e;
      } finally {
        clearTimeout(timer);
        this._abort = null;
      }
    }

    // Reads and indexes a bundle, JSON or pack, given as a list of byte
    // arrays (the chunks of its download). The module takes the bytes as it
    // needs them (takeBundleBytes) and gives the page turns while it works
    // (pv_load awaits between slices), so loads queue up, one at a time.
    _loadBytes(chunks) {
      const load = (this._lastLoad || Promise.resolve()).then(async () => {
        const m = this.module;
        if (!m || this._destroyed) return;
        const size = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
        this._handingOver = { chunks, next: 0, offset: 0 };
        let usable = 0;
        try {
          usable = await m.ccall('pv_load', 'number', ['number'], [size], { async: true });
        } finally {
          this._handingOver = null;
        }
        if (this._destroyed) return;
        this.setState(this._initialState());
        // The rows go on screen first and the DOM mirror follows the frame; a
        // bundle that could not be read has no rows, and its message is said at once.
        if (usable) requestAnimationFrame(() => setTimeout(() => this._mirrorNow(), 0));
        else this._mirrorNow();
      });
      this._lastLoad = load.catch(() => {});
      return load;
    }

    // Copies up to `capacity` bytes of the bundle being loaded into the
    // module's heap at `pointer`; a chunk is let go once it is copied.
    _takeBundleBytes(pointer, capacity) {
      const from = this._handingOver;
      let copied = 0;
      while (from && copied < capacity && from.next < from.chunks.length) {
        const chunk = from.chunks[from.next];
        const piece = chunk.subarray(from.offset, from.offset + capacity - copied);
        this.module.HEAPU8.set(piece, pointer + copied);  // HEAPU8 is new after the heap grows: read it each time
        copied += piece.length;
        from.offset += piece.length;
        if (from.offset === chunk.length) {
          from.chunks[from.next++] = null;
          from.offset = 0;
        }
      }
      return copied;
    }

    _fail(message) {
      this._error = message;
      if (this.module) withCString(this.module, message.slice(0, 2000).replace(/[\u0000-\u001f]/g, ' '), (p) => this.module._pv_show_error(p));
      this._mirrorNow();
    }

    _ready() {
      this.element.dispatchEvent(new CustomEvent('pubview:ready', { detail: { widget: this, error: this.error() } }));
    }

    // ---- page glue -------------------------------------------------------------
    _call(fn) { if (this.module) fn(this.module); }

    _problems() { return JSON.parse(this.module.UTF8ToString(this.module._pv_problems())); }

    _listen(target, type, handler, options) {
      target.addEventListener(type, handler, options);
      this._cleanups.push(() => target.removeEventListener(type, handler, options));
    }

    _showMessage(text) {
      this.message.textContent = text;
      this.message.style.display = 'block';
      this.canvas.style.visibility = 'hidden';
    }

    _watchSize() {
      const resize = () => {
        const box = this.root.getBoundingClientRect();
        if (this.module && box.width > 0) this.module._pv_resize(box.width, box.height, window.devicePixelRatio || 1);
      };
      const observer = new ResizeObserver(resize);
      observer.observe(this.root);
      this._cleanups.push(() => observer.disconnect());
      resize();
    }

    // A visible focus ring while the widget has keyboard focus.
    _watchFocus() {
      this._listen(this.canvas, 'focus', () => {
        if (this.canvas.matches(':focus-visible')) this.root.style.boxShadow = 'inset 0 0 0 2px ' + this._accentCss;
      });
      this._listen(this.canvas, 'blur', () => { this.root.style.boxShadow = ''; });
    }

    // A page-wide key (data-shortcut="/", the page owner's choice: an embed
    // takes no key of the page unless asked) focuses the search box, unless it
    // is typed into one of the page's own fields or with a modifier.
    _watchShortcut() {
      const key = this.options.shortcut;
      if (!key) return;
      this._listen(document, 'keydown', (event) => {
        if (event.key !== key || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
        const target = event.target;
        if (this.root.contains(target) || (target.closest && target.closest('input,textarea,select,[contenteditable]'))) return;
        event.preventDefault();  // Firefox's quick find also listens for "/"
        this.focus();  // which scrolls the widget into view if it is not
      });
    }

    // Printing shows the results as text with every abstract, not the canvas.
    _watchPrint() {
      const print = window.matchMedia('print');
      const apply = (printing) => {
        this._printing = printing;
        if (printing) this._mirrorNow();
        this._styleMirror();
        this.canvas.style.display = printing || !this._drawing ? 'none' : 'block';
        this.root.style.height = printing ? 'auto' : (this.options.height || '600px');
      };
      this._listen(print, 'change', (event) => apply(event.matches));
      this._listen(window, 'beforeprint', () => apply(true));
      this._listen(window, 'afterprint', () => apply(false));
    }

    _applyTheme() {
      if (!this.module) return;
      const style = getComputedStyle(this.element);
      const mode = this.options.theme || 'auto';
      if (!this._darkQuery) {
        this._darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
        this._listen(this._darkQuery, 'change', () => this._applyTheme());
      }
      const dark = mode === 'dark' || (mode === 'auto' && this._darkQuery.matches);
      const accent = cssColorToRgb(style.getPropertyValue('--pubview-accent'), dark ? 0x60a5fa : 0x2563eb);
      const fontSize = parseFloat(style.getPropertyValue('--pubview-font-size')) || 15;
      this._accentCss = '#' + accent.toString(16).padStart(6, '0');
      this.module._pv_set_theme(dark ? 1 : 0, accent, fontSize);
      this._fontSize = fontSize;
      this.root.style.background = dark ? '#181a1f' : '#ffffff';
      this.root.style.colorScheme = dark ? 'dark' : 'light';
      this._colors = Object.assign({ accent: this._accentCss }, THEMES[dark ? 'dark' : 'light']);
      this._styleMirror();
    }

    _focusTextInput() {
      this.textInput.value = this.query();
      this.textInput.style.pointerEvents = 'auto';
      this.textInput.focus({ preventScroll: true });
      this.textInput.addEventListener('blur', () => { this.textInput.style.pointerEvents = 'none'; }, { once: true });
    }

    _openUrl(url, id) {
      if (!isSafeUrl(url)) {
        console.warn('pubview: refused to open a link that is not http, https or mailto:', url);
        return;
      }
      window.open(url, '_blank', 'noopener,noreferrer');
      this.element.dispatchEvent(new CustomEvent('pubview:open', { detail: { id, url } }));
    }

    _copyText(text) {
      const announce = (what) => { this.status.textContent = what; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(() => announce('Copied.'), (e) => {
          console.warn('pubview: copy failed:', e);
          announce('Copying was not allowed.');
        });
      }
    }

    _viewChanged() {
      if (this._changeQueued) return;
      this._changeQueued = true;
      // Several changes in one frame make one event, sent after the frame.
      Promise.resolve().then(() => {
        this._changeQueued = false;
        if (!this.module) return;
        const state = this.state();
        const hash = hashWith(this.name, stateToParams(state));
        if (hash !== location.hash && !(hash === '' && location.hash === '#')) {
          history.replaceState(history.state, '', location.href.split('#')[0] + hash);
        }
        this.element.dispatchEvent(new CustomEvent('pubview:change', { detail: state }));
        clearTimeout(this._mirrorTimer);
        this._mirrorQueued = true;
        this._mirrorTimer = setTimeout(() => this._mirrorNow(), 120);
      });
    }

    // Keeps the DOM mirror in step with the list: the result count for screen
    // readers to announce, and each result as text and real links. Hidden
    // while the canvas draws; the visible list, rows opening as <details>,
    // when it cannot (no WebGL2, a lost context).
    _mirrorNow() {
      if (!this.module) return;
      clearTimeout(this._mirrorTimer);
      this._mirrorQueued = false;
      const asList = !this._drawing;
      // Printed or shown as a list, every row has its text; hidden, only the open ones.
      const mirror = JSON.parse(this.module.UTF8ToString(this.module._pv_mirror(this._printing || asList ? 1 : 0)));
      const error = this.error();
      const summary = error ? 'The list could not be loaded: ' + error
        : mirror.count === 1 ? '1 result' : mirror.count.toLocaleString('en-US') + ' results';
      // The live region speaks on change: an unchanged count is not said again,
      // nor does it replace an announcement such as "Copied." made meanwhile.
      if (summary !== this._summary) {
        this._summary = summary;
        this.status.textContent = summary;
      }
      if (asList) this._updateListControls(mirror);
      // A list whose rows are the same keeps its elements, and the focus in
      // them: only the rows' open states follow the widget's.
      const rowsKey = (asList ? 'list\n' : 'mirror\n') + mirror.rows.map((row) => row.id).join('\n');
      if (asList && rowsKey === this._mirrorRowsKey) {
        const open = new Map(mirror.rows.map((row) => [row.id, row.expanded]));
        for (const li of this.mirrorList.children) {
          const details = li.firstElementChild;
          if (details.open !== open.get(li.dataset.id)) details.open = open.get(li.dataset.id);
        }
        return;
      }
      this._mirrorRowsKey = rowsKey;
      const item = (row) => {
        const li = document.createElement('li');
        li.dataset.id = row.id;
        const heading = document.createElement('h' + this._headingLevel());
        heading.textContent = row.title;
        const summary = document.createElement('p');
        summary.textContent = (row.kind === 'job' ? 'Job' : 'Paper') + ' · ' + row.summary.replace(/\s+·\s+/g, ' · ');
        const body = [];
        if (row.body !== undefined) {
          for (const paragraph of row.body.split(/\n\n+/)) {
            const p = document.createElement('p');
            p.textContent = paragraph;
            p.style.whiteSpace = 'pre-line';
            body.push(p);
          }
        }
        const links = document.createElement('p');
        for (const link of row.links) {
          if (!isSafeUrl(link.url)) continue;
          const a = document.createElement('a');
          a.href = link.url;
          a.target = '_blank';
          a.rel = 'noopener noreferrer';
          a.textContent = link.label + ': ' + row.title;
          if (links.childNodes.length) links.append(' · ');
          links.appendChild(a);
        }
        if (links.childNodes.length) body.push(links);
        if (!asList) {
          li.append(heading, summary, ...body);
          return li;
        }
        const details = document.createElement('details');
        details.open = row.expanded;
        const head = document.createElement('summary');
        head.append(heading, summary);
        details.append(head, ...body);
        details.addEventListener('toggle', () => this.expand(row.id, details.open));
        styleListRow(li, head, heading, summary, body);
        li.appendChild(details);
        return li;
      };
      // A print needs every row now; a newer update drops the slices still to come.
      const first = this._printing ? mirror.rows.length : MIRROR_FIRST_ROWS;
      const build = ++this._mirrorBuild;
      this.mirrorList.replaceChildren(...mirror.rows.slice(0, first).map(item));
      const appendFrom = (from) => {
        if (from >= mirror.rows.length || build !== this._mirrorBuild || this._destroyed) return;
        this.mirrorList.append(...mirror.rows.slice(from, from + MIRROR_SLICE_ROWS).map(item));
        setTimeout(() => appendFrom(from + MIRROR_SLICE_ROWS), 0);
      };
      setTimeout(() => appendFrom(first), 0);
    }

    // The entries' heading level in the DOM list (data-heading, as `pubview html
    // --heading`): 2 under the page's <h1>, 3 in a section under an <h2>.
    _headingLevel() {
      const level = Number(this.options.heading) || 2;
      return Math.min(6, Math.max(2, Math.round(level)));
    }

    // ---- the list as HTML, when the canvas cannot draw ---------------------------
    _setDrawing(drawing) {
      this._drawing = drawing;
      if (!drawing && !this.listControls) this._buildListControls();
      if (!drawing && document.activeElement === this.canvas) this.listSearch.focus();
      this.canvas.style.display = drawing && !this._printing ? 'block' : 'none';
      this.listControls.style.display = drawing ? 'none' : 'flex';
      this._styleMirror();
      this._mirrorNow();
    }

    // The search box and the kind switch above the HTML list.
    _buildListControls() {
      this.listControls = document.createElement('div');
      this.listControls.setAttribute('role', 'search');
      this.listControls.style.cssText = 'display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin-bottom:4px;';
      this.listSearch = document.createElement('input');
      this.listSearch.type = 'search';
      this.listSearch.setAttribute('aria-label', 'Search the list');
      this.listSearch.setAttribute('autocomplete', 'off');
      this.listSearch.style.cssText = 'flex:1 1 100%;box-sizing:border-box;font:inherit;padding:6px 10px;border-radius:6px;' +
        'border:1px solid var(--pv-rule);background:var(--pv-frame);color:inherit;';
      this._listen(this.listSearch, 'input', () => this.setQuery(this.listSearch.value));
      this.kindButtons = [['All', null], ['Publications', 'publication'], ['Jobs', 'job']].map(([label, kind]) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset.label = label;
        button.style.cssText = 'font:inherit;padding:3px 10px;border-radius:6px;border:1px solid var(--pv-rule);cursor:pointer;';
        this._listen(button, 'click', () => this.setState(Object.assign(this.state(), { kind, open: '' })));
        return { button, kind };
      });
      const kinds = document.createElement('div');
      kinds.setAttribute('role', 'group');
      kinds.setAttribute('aria-label', 'Kind');
      kinds.style.cssText = 'display:flex;gap:4px;';
      kinds.append(...this.kindButtons.map((k) => k.button));
      this.listControls.append(this.listSearch, kinds);
      this.mirror.insertBefore(this.listControls, this.status);
    }

    _updateListControls(mirror) {
      this.listSearch.placeholder = mirror.hint || 'Search';
      if (document.activeElement !== this.listSearch && this.listSearch.value !== this.query()) this.listSearch.value = this.query();
      const current = (this.state() || {}).kind || null;
      for (const { button, kind } of this.kindButtons) {
        const active = kind === current;
        button.textContent = button.dataset.label + ' ' + mirror.kinds[kind || 'all'].toLocaleString('en-US');
        button.setAttribute('aria-pressed', String(active));
        button.style.background = active ? 'var(--pv-accent)' : 'var(--pv-frame)';
        button.style.color = active ? 'var(--pv-on-accent)' : 'inherit';
      }
    }

    // Hidden while the canvas draws, printed as text, or the visible list.
    _styleMirror() {
      if (this._printing) this.mirror.style.cssText = PRINTED;
      else if (this._drawing) this.mirror.style.cssText = VISUALLY_HIDDEN;
      else {
        const c = this._colors || Object.assign({ accent: '#2563eb' }, THEMES.light);
        this.mirror.style.cssText = 'position:absolute;inset:0;overflow:auto;box-sizing:border-box;padding:12px 16px;' +
          'font:' + (this._fontSize || 15) + 'px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;' +
          'background:' + c.background + ';color:' + c.text + ';--pv-dim:' + c.dim + ';--pv-frame:' + c.frame +
          ';--pv-rule:' + c.rule + ';--pv-accent:' + c.accent + ';--pv-on-accent:' + readableOn(c.accent) + ';';
      }
      this.status.style.cssText = this._drawing || this._printing ? '' : 'margin:6px 0;color:var(--pv-dim);font-size:0.9em;';
      this.mirrorList.style.cssText = this._drawing || this._printing ? '' : 'list-style:none;margin:0;padding:0;';
    }

    _rowsShown() {
      this.firstRowsAt = performance.now();
      this.element.dispatchEvent(new CustomEvent('pubview:rows', { detail: { at: this.firstRowsAt } }));
    }
  }

  function optionsFromElement(element) {
    const d = element.dataset;
    return {
      bundle: d.bundle, view: d.view, theme: d.theme, query: d.query, height: d.height, timeout: d.timeout, shortcut: d.shortcut,
      heading: d.heading,
    };
  }

  // Mounts a widget on `element`; resolves to the widget once its bundle is
  // loaded (or failed to load: see widget.error()).
  function mount(element, options) {
    if (typeof element === 'string') element = document.querySelector(element);
    if (!element) return Promise.reject(new Error('PubView.mount: no such element'));
    if (element.pubview) return element.pubview.ready;
    const widget = new Widget(element, Object.assign(optionsFromElement(element), options || {}));
    element.pubview = widget;
    PubView.widgets.push(widget);
    widget.ready = widget.start().catch((e) => {
      widget._error = e && e.message ? e.message : String(e);
      widget._showMessage('The list could not start: ' + widget._error);
      widget._ready();
      return widget;
    });
    return widget.ready;
  }

  function mountAll(root) {
    return Promise.all(Array.from((root || document).querySelectorAll('.pubview')).map((el) => mount(el)));
  }

  const PubView = { version: VERSION, widgets: [], mount, mountAll };
  window.PubView = PubView;

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => mountAll());
  else mountAll();
})();
