// <pub-view>: the widget as a custom element, for site generators, framework
// templates (React, Vue, Svelte) and shadow roots:
//
//   <pub-view bundle="papers.json" view="jobs" theme="dark" query="dynamo" height="600px" lang="de"></pub-view>
//
// The attributes are read when the element is put on the page and again when
// they change. The element carries the widget's methods (element.setQuery(),
// element.state(), ...), `element.pubview` is the widget itself and
// `element.ready` its mount promise, and the widget's events (pubview:ready,
// pubview:change, pubview:open, pubview:rows) are sent from the element.

const ATTRIBUTES = ['bundle', 'view', 'theme', 'query', 'height', 'lang'];
const METHODS = ['setQuery', 'query', 'count', 'visible', 'expand', 'state', 'setState', 'rowBounds', 'error',
  'warnings', 'loading', 'link', 'focus', 'settled', 'setTheme', 'retry', 'setBundle'];
// view="publications" | "jobs" (anything else: both kinds) as the kind the widget filters by.
const KINDS = { publications: 'publication', jobs: 'job' };

// Registers <pub-view>, which mounts with `mount` (mount.js), once a page:
// the classic script and the ES module may both be on it.
export function defineElement(mount) {
  if (typeof customElements === 'undefined' || customElements.get('pub-view')) return;
  let sheet = null;  // one for every <pub-view> of the page

  class PubViewElement extends HTMLElement {
    static get observedAttributes() { return ATTRIBUTES; }

    constructor() {
      super();
      // A block by default (custom elements are inline), which any page style
      // overrides; the widget's own box is a child of the element, shown
      // through the slot. (A constructed sheet: no inline style for a CSP to refuse.)
      const shadow = this.attachShadow({ mode: 'open' });
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(':host{display:block}:host([hidden]){display:none}');
      }
      shadow.adoptedStyleSheets = [sheet];
      shadow.append(document.createElement('slot'));
    }

    get ready() {
      return this.pubview ? this.pubview.ready : Promise.reject(new Error('<pub-view> is not on the page yet'));
    }

    connectedCallback() {
      if (!this.pubview) mount(this, this._options());
    }

    // A framework that moves the element takes it out and puts it back in
    // the same turn: only an element still out at the next microtask lets
    // its widget go.
    disconnectedCallback() {
      queueMicrotask(() => {
        if (!this.isConnected && this.pubview) this.pubview.destroy();
      });
    }

    attributeChangedCallback(name, before, value) {
      const widget = this.pubview;
      if (!widget || before === value) return;  // not mounted yet: read when it is
      widget.options[name] = value === null ? undefined : value;
      if (name === 'bundle') widget.setBundle(value);
      else if (name === 'theme') widget.setTheme(value || undefined);
      else if (name === 'query') widget.setQuery(value || '');
      else if (name === 'view') widget.setState(Object.assign(widget.state() || {}, { kind: KINDS[value] || null }));
      else if (name === 'height') widget.root.style.height = value || '600px';
      else if (name === 'lang') this._remount();
    }

    // The options the attributes give (those set; data-* attributes give the rest).
    _options() {
      const options = {};
      for (const name of ATTRIBUTES) if (this.hasAttribute(name)) options[name] = this.getAttribute(name);
      return options;
    }

    // The widget again, with the element's attributes, keeping what it shows.
    _remount() {
      const state = this.pubview.state();
      this.pubview.destroy();
      mount(this, this._options()).then((widget) => { if (state) widget.setState(state); });
    }
  }

  for (const name of METHODS) {
    PubViewElement.prototype[name] = function (...args) {
      if (!this.pubview) throw new Error(`<pub-view>.${name}(): the element is not on the page yet`);
      return this.pubview[name](...args);
    };
  }
  customElements.define('pub-view', PubViewElement);
}
