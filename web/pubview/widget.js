// One mounted widget: its element, the module that draws and searches, the
// bundle's download, and the page glue (size, focus, theme, print, links,
// clipboard, deep links, events). The widget module (C++) owns drawing and
// input on its own canvas; the HTML list is dom-list.js's.
import { compiledWasm, fonts } from './assets.js';
import { hashWith, paramsToState, readHash, stateToParams } from './deep-links.js';
import { DomList } from './dom-list.js';
import { downloadBundle } from './download.js';
import { GlyphQueue } from './glyph-queue.js';
import { applyLanguage, watchLanguage } from './language.js';
import { withBytes, withCString } from './heap.js';
import { whenToStart } from './lazy-start.js';
import { watchFocus, watchPrint, watchShortcut, watchSize } from './page-watch.js';
import { isSafeUrl } from './safe-url.js';
import { ShardSearch, isShardFolder, loadShards } from './shards.js';
import { nextTask } from './tasks.js';
import { TextInput } from './text-input.js';
import { THEMES, cssColorToRgb } from './theme.js';

const DEFAULT_TIMEOUT_MS = 20000;
// The URL hash follows the view once changes pause for this long: writing it
// (history.replaceState) is work in the browser's own process, which on every
// keystroke took the cores the search and the frame wanted.
const HASH_DELAY_MS = 120;

let widgetCounter = 0;
// The mounted widgets, in mounting order (PubView.widgets).
export const widgets = [];

export class Widget {
  constructor(element, options) {
    this.element = element;
    this.options = options;
    this.number = ++widgetCounter;
    this.name = 'pv' + this.number;
    this.module = null;
    this._error = null;
    this._loading = null;
    this._starting = false;  // the start has begun and the module is not there yet
    this._hashState = null;  // the view the URL hash is yet to show (_scheduleHash)
    this.destroyed = false;
    this._cleanups = [];
    this._glyphQueue = new GlyphQueue(() => this._call((m) => m._pv_glyphs_came()));
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
  // The text an input method is composing in the search box, before it is committed.
  preedit() { return this.module ? this.module.UTF8ToString(this.module._pv_preedit()) : ''; }
  focus() {
    if (!this.domList.drawing) { this.domList.focusSearch(); return; }
    this.canvas.focus();
    this._call((m) => m._pv_focus_search());
  }
  // Resolves once the widget has drawn every frame its last input asked for
  // and its DOM mirror (or HTML list) and the URL hash show the last change (before a
  // screenshot, or in a test); over a sharded bundle, once its last search is answered.
  // A widget that waits to come near the viewport has nothing to draw yet.
  settled() {
    return new Promise((resolve) => {
      const busy = () => (this.module ? this.module._pv_busy() || this.domList.pending || this._glyphQueue.pending || this._hashState !== null
        || (this._shards && this._shards.pending)
        : this._starting && !this.destroyed);
      const check = () => (busy() ? requestAnimationFrame(check) : resolve());
      check();
    });
  }
  setTheme(theme) {
    this.options.theme = theme;
    this._applyTheme();
  }
  // The interface's language: a BCP 47 tag ("de", "zh-Hans", "ar"), or null
  // to follow the page's lang again. Languages not shipped fall back to English.
  setLanguage(tag) {
    this.options.lang = tag || '';
    applyLanguage(this);
  }
  // {lang, dir}: the language the interface speaks now, and its direction.
  language() { return { lang: this.lang, dir: this.dir }; }
  // Loads the bundle again (what the error view's "Try again" button does).
  retry() { return this._loadBundle().then(() => this); }
  // Shows another bundle (a URL or an object) in place of the current one.
  setBundle(bundle) {
    this.options.bundle = bundle;
    return this._loadBundle().then(() => this);
  }
  destroy() {
    if (this.destroyed) return;
    this._writeHash();
    this.destroyed = true;
    if (this._abort) this._abort.abort();
    if (this._shards) this._shards.close();
    if (this.module) this.module._pv_stop();
    this.module = null;
    this._cleanups.forEach((fn) => fn());
    this.root.remove();
    for (const node of this._fallback) this.element.appendChild(node);
    delete this.element.pubview;
    const at = widgets.indexOf(this);
    if (at >= 0) widgets.splice(at, 1);
  }

  // ---- mounting --------------------------------------------------------------
  _buildDom() {
    const el = this.element;
    // The page author's own content (a static list from `pubview html`, a
    // <noscript>) stays in the widget's place until the widget runs, and
    // comes back if it cannot; the widget's box waits hidden meanwhile, so
    // the element keeps its height. Scripts (the list's JSON-LD) stay.
    this._fallback = Array.from(el.childNodes).filter((node) => node.nodeName !== 'SCRIPT');
    const shown = this._fallbackShown = this._fallback.some((node) => (node.nodeType === Node.ELEMENT_NODE && node.nodeName !== 'NOSCRIPT') ||
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
    this.typing = new TextInput(this);
    this.textInput = this.typing.element;
    this.domList = new DomList(this);
    this.root.append(this.canvas, this.textInput, this.message, this.domList.element);
    // First: while the widget starts, its box lies under the page's content (see _startUnderFallback).
    el.insertBefore(this.root, el.firstChild);
  }

  // Starts the widget once the page has painted and its element comes near
  // the viewport (or at once: options.start "eager"); resolves to the widget
  // once its bundle is loaded.
  async start() {
    await whenToStart(this.element, this.options.start, this._cleanups);
    if (this.destroyed) return this;
    this._starting = true;
    try {
      return await this._startNow();
    } finally {
      this._starting = false;
    }
  }

  async _startNow() {
    // The bundle downloads while the wasm compiles: neither waits for the
    // other. A sharded bundle's worker opens it meanwhile (destroy() ends it).
    const source = this.options.bundle;
    const remote = typeof source === 'string' && source && !source.startsWith('#');
    const early = !remote ? null : isShardFolder(source) ? (this._shards = new ShardSearch(this, source)) : this._download(source);
    if (early instanceof Promise) early.catch(() => {});  // its error is reported by _loadBundle
    const [wasm, [regular, bold]] = await Promise.all([compiledWasm(), fonts()]);
    // The glue waits for receive() and knows nothing of a failed
    // instantiation (say, no memory for the heap): that failure ends the start.
    let instantiationFailed;
    const failed = new Promise((resolve, reject) => { instantiationFailed = reject; });
    const module = await Promise.race([failed, createPubviewModule({
      canvas: this.canvas,
      pubviewHost: {
        openUrl: (url, id) => this._openUrl(url, id),
        copyText: (text) => this._copyText(text),
        copyLink: (id) => this._copyText(this.link(id)),
        viewChanged: () => this._viewChanged(),
        retry: () => this.retry(),
        focusTextInput: () => this.typing.focusForTouch(),
        textInput: (editing, x, y, width, height) => this.typing.followSearchBox(editing, x, y, width, height),
        rowsShown: () => this._rowsShown(),
        setCursor: (cursor) => { this.canvas.style.cursor = cursor; },
        drawingChanged: (drawing) => this._setDrawing(drawing),
        takeBundleBytes: (pointer, capacity) => this._takeBundleBytes(pointer, capacity),
        askGlyphs: (codes, count, em, bold) => this._glyphQueue.ask(this.module, codes, count, em, bold),
        takeGlyphs: () => this._glyphQueue.take(this.module),
        glyphsAdded: (regular, bold, left, urgentLeft, ms, width, height) => this._glyphsAdded(regular, bold, left, urgentLeft, ms, width, height),
        searchWanted: (request, version) => this._shards && this._shards.search(request, version),
        nextTask,
      },
      instantiateWasm(imports, receive) {
        WebAssembly.instantiate(wasm, imports).then((instance) => receive(instance, wasm), instantiationFailed);
        return {};
      },
      print: () => {},
      printErr: (text) => console.warn('pubview:', text),
    })]);
    // Each step of the start is a task of its own: the page's input and
    // rendering go on between them.
    await nextTask();
    if (this.destroyed) return this;
    // The module finds its canvas and hidden input by selector; inside a shadow
    // root (a <pub-view> in a component) document.querySelector would not.
    module.specialHTMLTargets['#' + this.canvas.id] = this.canvas;
    module.specialHTMLTargets['#' + this.textInput.id] = this.textInput;
    withBytes(module, regular, (pr, nr) => withBytes(module, bold, (pb, nb) =>
      withCString(module, '#' + this.canvas.id, (canvas) => withCString(module, '#' + this.textInput.id,
        (input) => module._pv_start(canvas, input, pr, nr, pb, nb)))));
    this.module = module;
    this._startUnderFallback();
    await nextTask();
    if (this.destroyed) return this;
    await applyLanguage(this);  // the page's own list stays until the widget speaks the page's language
    if (this.destroyed) return this;
    watchLanguage(this);
    await nextTask();
    if (this.destroyed) return this;
    // Without WebGL2 the module still loads and searches: the list is shown as HTML.
    if (module._pv_start_drawing() !== 0) this._setDrawing(false);
    watchSize(this);
    watchFocus(this);
    watchShortcut(this);
    watchPrint(this);
    this._applyTheme();
    this.listen(this.canvas, 'paste', (event) => {
      const text = event.clipboardData && event.clipboardData.getData('text/plain');
      if (text) withCString(module, text, (p) => module._pv_paste(p));
      event.preventDefault();
    });
    this.typing.watch();
    await nextTask();
    if (this.destroyed) return this;
    await this._loadBundle(early);
    return this;
  }

  // The page's own content (the static list) stays what the visitor sees
  // until the canvas shows rows: the widget's box lies under it meanwhile,
  // hidden and taking no room of its own (a negative margin as tall as it
  // is), so that it has its size for the first frames.
  _startUnderFallback() {
    this.root.style.display = '';
    if (!this._fallbackShown) return;
    this.root.style.visibility = 'hidden';
    this.root.style.marginBottom = 'calc(-1 * (' + this.root.style.height + '))';
  }

  // The widget's box takes the place of the page's content: when the
  // canvas first shows rows, or when the load ended (an error, no WebGL);
  // not before the widget has started (a setBundle() while it waits).
  _replaceFallback() {
    if (!this.module) return;
    this._fallbackShown = false;
    this._fallback.forEach((node) => node.remove());
    this.root.style.visibility = '';
    this.root.style.marginBottom = '';
  }

  // The view the widget opens with: the page's hash, else the element's attributes.
  _initialState() {
    this._writeHash();
    const fromHash = readHash().get(this.name);
    if (fromHash) return paramsToState(fromHash);
    const kinds = { publications: 'publication', jobs: 'job' };
    return { q: this.options.query || '', kind: kinds[this.options.view] || null, sort: 'relevance', filters: {}, open: '' };
  }

  // Loads options.bundle; `early` is its download, or its ShardSearch, if the start began it.
  async _loadBundle(early) {
    const source = this.options.bundle;
    const opening = early instanceof ShardSearch && early.source === source && early === this._shards ? early : null;
    this._error = null;
    if (this.module) this.domList.announceLoading();  // before the start, the page's list stays as it is
    if (this._shards && this._shards !== opening) this._shards.close();
    this._shards = null;
    try {
      if (source && typeof source === 'object') await this._loadBytes([new TextEncoder().encode(JSON.stringify(source))]);
      else if (typeof source === 'string' && source.startsWith('#')) await this._loadInline(source);
      else if (typeof source === 'string' && isShardFolder(source)) await loadShards(this, source, opening);
      else if (source) await this._loadBytes(await (early instanceof Promise ? early : this._download(source)));
      else throw new Error('No bundle given: set data-bundle on the element or pass {bundle} to PubView.mount().');
    } catch (e) {
      this._fail(e && e.message ? e.message : String(e));
    }
    this._loading = null;
    this._replaceFallback();
    this._ready();
  }

  // A bundle inside the page: data-bundle="#id" names a <script type="application/json">.
  _loadInline(selector) {
    const el = document.getElementById(selector.slice(1));
    if (!el) throw new Error('No element ' + selector + ' holds the bundle.');
    return this._loadBytes([new TextEncoder().encode(el.textContent)]);
  }

  // Fetches the bundle with a progress bar (download.js); destroy() aborts it.
  async _download(source) {
    const abort = new AbortController();
    this._abort = abort;
    const progress = (received, total) => this._showLoading(received, total);
    try {
      return await downloadBundle(source, Number(this.options.timeout) || DEFAULT_TIMEOUT_MS, abort, progress, () => this.destroyed);
    } finally {
      this._abort = null;
    }
  }

  // The bytes of the bundle received so far, of `total` (0 when unknown): loading() and the panel's bar.
  _showLoading(received, total) {
    this._loading = { received, total };
    if (this.module) this.module._pv_show_loading(received, total);
  }

  // Reads and indexes a bundle, JSON or pack, given as a list of byte
  // arrays (the chunks of its download). The module takes the bytes as it
  // needs them (takeBundleBytes) and gives the page turns while it works
  // (pv_load awaits between slices), so loads queue up, one at a time.
  _loadBytes(chunks) {
    const load = (this._lastLoad || Promise.resolve()).then(async () => {
      const m = this.module;
      if (!m || this.destroyed) return;
      const size = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
      this._handingOver = { chunks, next: 0, offset: 0 };
      let usable = 0;
      try {
        usable = await m.ccall('pv_load', 'number', ['number'], [size], { async: true });
      } finally {
        this._handingOver = null;
      }
      if (this.destroyed) return;
      this.setState(this._initialState());
      // The rows go on screen first and the DOM mirror follows the frame; a
      // bundle that could not be read has no rows, and its message is said at once.
      if (usable) requestAnimationFrame(() => setTimeout(() => this.domList.update(), 0));
      else this.domList.update();
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
    this.domList.update();
  }

  _ready() {
    this.element.dispatchEvent(new CustomEvent('pubview:ready', { detail: { widget: this, error: this.error() } }));
    // Then, while the page is idle, the search readies itself for the first keystroke, a step a turn.
    const idle = window.requestIdleCallback || ((step) => setTimeout(step, 50));
    const step = () => { if (this.module && this.module._pv_prepare_search()) idle(step); };
    idle(step);
  }

  // ---- page glue -------------------------------------------------------------
  _call(fn) { if (this.module) fn(this.module); }

  _problems() { return JSON.parse(this.module.UTF8ToString(this.module._pv_problems())); }

  listen(target, type, handler, options) {
    target.addEventListener(type, handler, options);
    this._cleanups.push(() => target.removeEventListener(type, handler, options));
  }

  _showMessage(text) {
    this.message.textContent = text;
    this.message.style.display = 'block';
    this.canvas.style.visibility = 'hidden';
  }

  _applyTheme() {
    if (!this.module) return;
    const style = getComputedStyle(this.element);
    const mode = this.options.theme || 'auto';
    if (!this._darkQuery) {
      this._darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
      this.listen(this._darkQuery, 'change', () => this._applyTheme());
    }
    const dark = mode === 'dark' || (mode === 'auto' && this._darkQuery.matches);
    const accent = cssColorToRgb(style.getPropertyValue('--pubview-accent'), dark ? 0x60a5fa : 0x2563eb);
    const fontSize = parseFloat(style.getPropertyValue('--pubview-font-size')) || 15;
    this._accentCss = '#' + accent.toString(16).padStart(6, '0');
    this.module._pv_set_theme(dark ? 1 : 0, accent, fontSize);
    this.root.style.background = dark ? '#181a1f' : '#ffffff';
    this.root.style.colorScheme = dark ? 'dark' : 'light';
    this.domList.setLook(Object.assign({ accent: this._accentCss }, THEMES[dark ? 'dark' : 'light']), fontSize);
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
    const announce = (what) => this.domList.announce(what);
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(() => announce(this.text.copied), (e) => {
        console.warn('pubview: copy failed:', e);
        announce(this.text.copy_refused);
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
      this._scheduleHash(state);
      this.element.dispatchEvent(new CustomEvent('pubview:change', { detail: state }));
      this.domList.schedule();
    });
  }

  _scheduleHash(state) {
    clearTimeout(this._hashTimer);
    this._hashState = state;
    this._hashTimer = setTimeout(() => this._writeHash(), HASH_DELAY_MS);
  }

  // Writes the last view change into the URL hash now if it waits: before
  // the widget reads the hash again (another bundle) or goes.
  _writeHash() {
    clearTimeout(this._hashTimer);
    const state = this._hashState;
    if (state === null) return;
    this._hashState = null;
    const hash = hashWith(this.name, stateToParams(state));
    if (hash !== location.hash && !(hash === '' && location.hash === '#')) {
      history.replaceState(history.state, '', location.href.split('#')[0] + hash);
    }
  }

  // The canvas stopped or started again drawing (no WebGL2, a lost or
  // restored context): the HTML list is shown meanwhile (domList.drawing
  // is the one record of which).
  _setDrawing(drawing) {
    const hadFocus = document.activeElement === this.canvas;
    this.canvas.style.display = drawing && !this._printing ? 'block' : 'none';
    this.domList.setDrawing(drawing);
    if (!drawing && hadFocus) this.domList.focusSearch();
  }

  // A slice of glyphs the browser drew went into the atlas (`count` in all;
  // `left` characters wait, `urgentLeft` of them on screen; the slice took
  // `ms` on the main thread; the worker's drawing is `workerMs`). Once none
  // waits: `glyphs` and the pubview:glyphs event.
  _glyphsAdded(regular, bold, left, urgentLeft, ms, width, height) {
    const now = performance.now();
    const work = this._glyphWork ||= { startedAt: now - ms, slices: 0, ms: 0, canvasMs: 0, workerMs: 0, longestSliceMs: 0, onScreenMs: null };
    const queue = this._glyphQueue;
    work.slices += 1;
    work.ms += ms;
    work.canvasMs += queue.canvasMs;
    work.workerMs += queue.workerMs;
    work.longestSliceMs = Math.max(work.longestSliceMs, ms);
    queue.canvasMs = queue.workerMs = 0;
    if (urgentLeft === 0 && work.onScreenMs === null) work.onScreenMs = now - work.startedAt;
    if (left > 0) return;
    this._glyphWork = null;
    this.glyphs = {
      count: regular + bold, regular, bold, ms: work.ms, canvasMs: work.canvasMs, workerMs: work.workerMs, slices: work.slices, longestSliceMs: work.longestSliceMs,
      onScreenMs: work.onScreenMs, startedAt: work.startedAt, wallMs: now - work.startedAt, atlas: { width, height },
    };
    this.element.dispatchEvent(new CustomEvent('pubview:glyphs', { detail: this.glyphs }));
  }

  _rowsShown() {
    this._replaceFallback();
    this.firstRowsAt = performance.now();
    this.element.dispatchEvent(new CustomEvent('pubview:rows', { detail: { at: this.firstRowsAt } }));
  }
}
