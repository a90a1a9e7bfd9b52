// The widget's hidden <input>. A phone's on-screen keyboard opens only for a
// real input, and types the query into it. On a desktop it takes the
// keyboard while the canvas's search box is edited, so that input methods
// (Chinese, Japanese, Korean, dead keys) compose in it: the module takes its
// keys as the canvas's, shows what is composed (pv_set_preedit) and takes
// what is committed as typed text (pv_paste).
import { withCString } from './heap.js';

export class TextInput {
  constructor(widget) {
    this.widget = widget;
    this.mode = null;  // 'touch' or 'desktop': who last gave it the focus
    this.composing = false;
    this.box = [0, 0, 0, 0];  // where the input was last laid (x, y, width, height): a frame that moves nothing writes no style
    const input = document.createElement('input');
    input.id = 'pubview-input-' + widget.number;
    input.type = 'search';
    input.setAttribute('aria-label', 'Search');
    input.setAttribute('autocomplete', 'off');
    input.tabIndex = -1;
    input.style.cssText = 'position:absolute;left:0;top:0;width:100%;height:40px;font-size:16px;opacity:0;' +
      'border:0;padding:0;pointer-events:none;';
    this.element = input;
  }

  watch() {
    const { widget, element: input } = this;
    const m = widget.module;
    const preedit = (text) => withCString(m, text, (p) => m._pv_set_preedit(p));
    const type = (text) => { if (text) withCString(m, text, (p) => m._pv_paste(p)); };
    widget.listen(input, 'input', (event) => {
      if (this.mode === 'touch') { widget.setQuery(input.value); return; }
      if (event.isComposing || this.composing) return;
      type(input.value);  // text that came without a key the module took: a paste, a dead key's letter
      input.value = '';
    });
    widget.listen(input, 'compositionstart', () => { this.composing = this.mode !== 'touch'; });
    widget.listen(input, 'compositionupdate', (event) => { if (this.composing) preedit(event.data || ''); });
    widget.listen(input, 'compositionend', (event) => {
      if (!this.composing) return;
      this.composing = false;
      preedit('');
      type(event.data || '');
      input.value = '';
    });
    widget.listen(input, 'keydown', (event) => {
      if (this.mode !== 'touch') return;
      if (event.key === 'Enter') input.blur();
      if (event.key === 'Escape') { input.value = ''; widget.setQuery(''); }
    });
  }

  // After each frame the module says whether its search box is edited: on a
  // desktop the keyboard then moves from the canvas to the input, laid over
  // the box (where an input method puts its candidates), and back when the
  // box is left. Returns whether it took the focus now.
  followSearchBox(editing, x, y, width, height) {
    const { widget, element: input } = this;
    const active = document.activeElement;
    const box = this.box;
    if (editing && height > 0 && (x !== box[0] || y !== box[1] || width !== box[2] || height !== box[3])) {
      box[0] = x, box[1] = y, box[2] = width, box[3] = height;
      input.style.left = x + 'px';
      input.style.top = y + 'px';
      input.style.width = width + 'px';
      input.style.height = height + 'px';
    }
    if (editing && active === widget.canvas) {
      this.mode = 'desktop';
      input.value = '';
      input.focus({ preventScroll: true });
      return true;
    }
    if (!editing && active === input && this.mode === 'desktop') {
      widget.canvas.focus({ preventScroll: true });  // a composition left unfinished ends (compositionend)
    }
    return false;
  }

  // A tap in the search box: the phone's keyboard types the query here.
  focusForTouch() {
    const input = this.element;
    this.mode = 'touch';
    input.value = this.widget.query();
    input.style.pointerEvents = 'auto';
    input.focus({ preventScroll: true });
    input.addEventListener('blur', () => { input.style.pointerEvents = 'none'; }, { once: true });
  }
}
