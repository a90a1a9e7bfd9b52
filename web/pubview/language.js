// The language of a widget's own words: data-lang, else the lang of the
// element or the nearest element around it (the page's <html lang>), else
// English; followed when any of them changes. The module carries English
// only: another language's phrases are fetched (assets.js) and handed to it.
import { languageFile } from './assets.js';
import { withCString } from './heap.js';

function languageTag(widget) {
  const around = widget.element.closest('[lang]');
  return widget.options.lang || (around && around.getAttribute('lang')) || 'en';
}

// Sets the widget's language ({lang, dir, text} from pv_set_language): the
// module's, the canvas's and the hidden input's labels, and the HTML list's.
// Resolves once it is set.
export const applyLanguage = async (widget) => {
  if (!widget.module) return;
  const m = widget.module;
  const tag = languageTag(widget);
  widget.appliedLanguageTag = tag;
  const set = (asked, phrases) => withCString(m, asked, (t) => withCString(m, phrases,
    (p) => JSON.parse(m.UTF8ToString(m._pv_set_language(t, p)))));
  let ui = set(tag, '');
  if (ui.lang !== ui.wanted) {
    const phrases = await languageFile(ui.wanted);
    if (!widget.module || widget.appliedLanguageTag !== tag) return;  // destroyed, or asked for another meanwhile
    ui = set(tag, phrases);
    if (ui.lang !== ui.wanted) ui = set('en', '');
  }
  widget.lang = ui.lang;
  widget.dir = ui.dir;
  widget.text = ui.text;
  widget.canvas.setAttribute('aria-label', ui.text.canvas_label);
  widget.textInput.setAttribute('aria-label', ui.text.search);
  widget.textInput.dir = ui.dir;
  widget.domList.setLanguage(ui);
};

// A change of data-lang, or of the lang of the element or of any element around it, changes the widget's.
export function watchLanguage(widget) {
  let dataLang = widget.element.dataset.lang || '';
  const observer = new MutationObserver(() => {
    const asked = widget.element.dataset.lang || '';
    if (asked !== dataLang) widget.options.lang = asked;  // else setLanguage() may have chosen another
    dataLang = asked;
    if (languageTag(widget) !== widget.appliedLanguageTag) applyLanguage(widget);
  });
  for (let node = widget.element; node; node = node.parentElement) {
    observer.observe(node, { attributes: true, attributeFilter: node === widget.element ? ['lang', 'data-lang'] : ['lang'] });
  }
  widget._cleanups.push(() => observer.disconnect());
}
