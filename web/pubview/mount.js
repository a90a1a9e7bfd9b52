/*
 * pubview.js: mounts pubview widgets (a Dear ImGui panel compiled to
 * WebAssembly) on any page. One script tag, one global (PubView):
 *
 *   <div class="pubview" data-bundle="bundle.json"></div>
 *   <script src="pubview.js" defer></script>
 *
 * This is the entry module: tools/assemble_pubview.mjs puts it, the modules it
 * imports and the Emscripten glue into one closure, build/web/site/pubview.js.
 */
import { defineElement } from './element.js';
import { Widget, widgets } from './widget.js';

// package.json's version, which tools/assemble_pubview.mjs defines.
const VERSION = PUBVIEW_VERSION;

function optionsFromElement(element) {
  const d = element.dataset;
  return {
    bundle: d.bundle, view: d.view, theme: d.theme, query: d.query, height: d.height, timeout: d.timeout, shortcut: d.shortcut,
    headingLevel: d.headingLevel, heading: d.heading, start: d.start,
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
  widgets.push(widget);
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

const PubView = { version: VERSION, widgets, mount, mountAll };
window.PubView = PubView;

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => mountAll());
else mountAll();

// <pub-view bundle="papers.json"></pub-view> (element.js).
defineElement(mount);
// What `import { mount } from 'pubview'` gets (the ES module build, dist/pubview.mjs).
export { PubView, mount, mountAll };
