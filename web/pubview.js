/*
 * pubview.js: mounts pubview widgets (a Dear ImGui panel compiled to
 * WebAssembly) on any page. One script tag, one global (PubView):
 *
 *   <div class="pubview" data-bundle="bundle.json"></div>
 *   <script src="pubview.js" defer></script>
 *
 * This file owns everything that is the page's business: finding the
 * elements, fetching the bundle and the fonts, sizing the canvas, the
 * clipboard, opening links and the events the element emits. The widget
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

  // ---- shared downloads: the wasm is compiled once and the fonts fetched once,
  // however many widgets the page mounts.
  let wasmPromise = null;
  function compiledWasm() {
    if (!wasmPromise) {
      const url = new URL('pubview.wasm', baseUrl);
      wasmPromise = fetch(url)
        .then((response) => {
          if (!response.ok) throw new Error('pubview.wasm: HTTP ' + response.status);
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
      const load = (name) => fetch(new URL('fonts/' + name, baseUrl))
        .then((r) => (r.ok ? r.arrayBuffer() : new ArrayBuffer(0)))
        .catch(() => new ArrayBuffer(0));  // the module falls back to ImGui's built-in font
      fontsPromise = Promise.all([load('pubview-regular.ttf'), load('pubview-bold.ttf')]);
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

  // Calls fn(pointer) with `text` as a NUL-terminated UTF-8 string in the module's heap.
  function withCString(module, text, fn) {
    const size = module.lengthBytesUTF8(text) + 1;
    const pointer = module._malloc(size);
    try {
      module.stringToUTF8(text, pointer, size);
      return fn(pointer, size - 1);
    } finally {
      module._free(pointer);
    }
  }

  function withBytes(module, bytes, fn) {
    const pointer = module._malloc(Math.max(1, bytes.length));
    try {
      module.HEAPU8.set(bytes, pointer);
      return fn(pointer, bytes.length);
    } finally {
      module._free(pointer);
    }
  }

  function cssColorToRgb(color, fallback) {
    const m = /^#([0-9a-f]{6})$/i.exec((color || '').trim()) || /^#([0-9a-f]{3})$/i.exec((color || '').trim());
    if (!m) return fallback;
    const hex = m[1].length === 3 ? m[1].replace(/./g, '$&$&') : m[1];
    return parseInt(hex, 16);
  }

  let widgetCounter = 0;

  class Widget {
    constructor(element, options) {
      this.element = element;
      this.options = options;
      this.number = ++widgetCounter;
      this.module = null;
      this._error = null;
      this._destroyed = false;
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
    // Where the row of `id` is drawn, relative to the element: {x, y, width, height}, or null when off screen.
    rowBounds(id) {
      if (!this.module) return null;
      const b = withCString(this.module, String(id), (p) => JSON.parse(this.module.UTF8ToString(this.module._pv_row_bounds(p))));
      return b && { x: b[0], y: b[1], width: b[2], height: b[3] };
    }
    state() { return this.module ? JSON.parse(this.module.UTF8ToString(this.module._pv_state())) : null; }
    setState(state) { this._call((m) => withCString(m, JSON.stringify(state), (p) => m._pv_set_state(p))); }
    error() { return this._error || (this.module ? this._problems().error : null); }
    warnings() { return this.module ? this._problems().warnings : []; }
    focus() { this.canvas.focus(); this._call((m) => m._pv_focus_search()); }
    setTheme(theme) {
      this.options.theme = theme;
      this._applyTheme();
    }
    destroy() {
      if (this._destroyed) return;
      this._destroyed = true;
      if (this.module) this.module._pv_stop();
      this.module = null;
      this._cleanups.forEach((fn) => fn());
      this.root.remove();
      for (const node of this._fallback) this.element.appendChild(node);
      const list = PubView.widgets;
      const at = list.indexOf(this);
      if (at >= 0) list.splice(at, 1);
    }

    // ---- mounting --------------------------------------------------------------
    _buildDom() {
      const el = this.element;
      // The page author's own content (a <noscript> or fallback list) is kept
      // aside and put back by destroy().
      this._fallback = Array.from(el.childNodes);
      this._fallback.forEach((node) => node.remove());
      this.root = document.createElement('div');
      this.root.style.cssText = 'position:relative;width:100%;overflow:hidden;user-select:none;-webkit-user-select:none;' +
        'height:' + (this.options.height || '600px') + ';';
      this.canvas = document.createElement('canvas');
      this.canvas.id = 'pubview-canvas-' + this.number;
      this.canvas.tabIndex = 0;
      this.canvas.setAttribute('aria-label', 'Publications and jobs: type to search');
      this.canvas.style.cssText = 'display:block;width:100%;height:100%;outline:none;touch-action:pan-x pinch-zoom;';
      this.message = document.createElement('div');
      this.message.setAttribute('role', 'status');
      this.message.style.cssText = 'position:absolute;inset:0;padding:16px;font:15px system-ui,sans-serif;display:none;';
      this.root.append(this.canvas, this.message);
      el.appendChild(this.root);
    }

    async start() {
      const [wasm, [regular, bold]] = await Promise.all([compiledWasm(), fonts()]);
      const widget = this;
      const module = await createPubviewModule({
        canvas: this.canvas,
        pubviewHost: {
          openUrl: (url, id) => widget._openUrl(url, id),
          copyText: (text) => widget._copyText(text),
          viewChanged: () => widget._viewChanged(),
          rowsShown: () => widget._rowsShown(),
          setCursor: (cursor) => { widget.canvas.style.cursor = cursor; },
        },
        instantiateWasm(imports, receive) {
          WebAssembly.instantiate(wasm, imports).then((instance) => receive(instance, wasm));
          return {};
        },
        print: () => {},
        printErr: (text) => console.warn('pubview:', text),
      });
      if (this._destroyed) return this;
      const started = withBytes(module, new Uint8Array(regular), (pr, nr) =>
        withBytes(module, new Uint8Array(bold), (pb, nb) =>
          withCString(module, '#' + this.canvas.id, (sel) => module._pv_start(sel, pr, nr, pb, nb))));
      if (started !== 0) {
        this._showMessage('This browser cannot show the list: WebGL2 is not available.');
        this._error = 'WebGL2 is not available';
        return this;
      }
      this.module = module;
      this._watchSize();
      this._applyTheme();
      this._listen(this.canvas, 'paste', (event) => {
        const text = event.clipboardData && event.clipboardData.getData('text/plain');
        if (text) withCString(module, text, (p) => module._pv_paste(p));
        event.preventDefault();
      });
      await this._loadBundle();
      const kinds = { publications: 'publication', jobs: 'job' };
      if (kinds[this.options.view]) this.setState(Object.assign(this.state(), { kind: kinds[this.options.view] }));
      if (this.options.query) this.setQuery(this.options.query);
      return this;
    }

    async _loadBundle() {
      const source = this.options.bundle;
      if (source && typeof source === 'object') {
        this._loadText(JSON.stringify(source));
        return;
      }
      if (!source) {
        this._fail('No bundle given: set data-bundle on the element or pass {bundle} to PubView.mount().');
        return;
      }
      try {
        const response = await fetch(new URL(source, document.baseURI));
        if (!response.ok) throw new Error(source + ': the server answered ' + response.status + ' ' + response.statusText);
        const total = Number(response.headers.get('content-length')) || 0;
        const chunks = [];
        let received = 0;
        const reader = response.body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          chunks.push(value);
          received += value.length;
          if (this.module) this.module._pv_show_loading(received, total);
        }
        const bytes = new Uint8Array(received);
        let at = 0;
        for (const chunk of chunks) { bytes.set(chunk, at); at += chunk.length; }
        this._loadBytes(bytes);
      } catch (e) {
        this._fail(e && e.message ? e.message : String(e));
      }
    }

    _loadText(text) { this._loadBytes(new TextEncoder().encode(text)); }

    _loadBytes(bytes) {
      if (!this.module) return;
      const m = this.module;
      withBytes(m, bytes, (p, n) => m._pv_load(p, n));
      this._ready();
    }

    _fail(message) {
      this._error = message;
      if (this.module) this.module._pv_show_error(message.slice(0, 2000)
        .replace(/[\u0000-\u001f]/g, ' '));
      this._ready();
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
        if (this.module) this.module._pv_resize(box.width, box.height, window.devicePixelRatio || 1);
      };
      const observer = new ResizeObserver(resize);
      observer.observe(this.root);
      this._cleanups.push(() => observer.disconnect());
      resize();
    }

    _applyTheme() {
      if (!this.module) return;
      const style = getComputedStyle(this.element);
      const mode = this.options.theme || 'auto';
      const query = window.matchMedia('(prefers-color-scheme: dark)');
      if (!this._darkQuery) {
        this._darkQuery = query;
        this._listen(query, 'change', () => this._applyTheme());
      }
      const dark = mode === 'dark' || (mode === 'auto' && query.matches);
      const accent = cssColorToRgb(style.getPropertyValue('--pubview-accent'), dark ? 0x60a5fa : 0x2563eb);
      const fontSize = parseFloat(style.getPropertyValue('--pubview-font-size')) || 15;
      this.module._pv_set_theme(dark ? 1 : 0, accent, fontSize);
      this.root.style.background = dark ? '#181a1f' : '#ffffff';
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
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).catch((e) => console.warn('pubview: copy failed:', e));
      }
    }

    _viewChanged() {
      if (this._changeQueued) return;
      this._changeQueued = true;
      // Several changes in one frame make one event, sent after the frame.
      Promise.resolve().then(() => {
        this._changeQueued = false;
        if (!this.module) return;
        this.element.dispatchEvent(new CustomEvent('pubview:change', { detail: this.state() }));
      });
    }

    _rowsShown() {
      this.firstRowsAt = performance.now();
      this.element.dispatchEvent(new CustomEvent('pubview:rows', { detail: { at: this.firstRowsAt } }));
    }
  }

  function optionsFromElement(element) {
    const d = element.dataset;
    return { bundle: d.bundle, view: d.view, theme: d.theme, query: d.query, height: d.height };
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
