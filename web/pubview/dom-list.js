// The widget's list as real HTML: hidden while the canvas draws (for screen
// readers, which hear the result count, and for search engines), printed
// with every abstract, and the visible list, with a search box and the kind
// switch, when the canvas cannot draw (no WebGL2, a lost context).
import { headingLevel } from './headings.js';
import { isSafeUrl } from './safe-url.js';
import { THEMES, readableOn } from './theme.js';

// Styles that hide an element from sight but not from screen readers.
const VISUALLY_HIDDEN = 'position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;' +
  'clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0;';
const PRINTED = 'position:static;width:auto;height:auto;overflow:visible;white-space:normal;' +
  'font:11pt/1.45 Georgia,serif;color:#000;';
// The first rows come at once and the rest in slices, one task each: building
// and laying out 500 rows at once was a 150-190 ms task after every large result.
const FIRST_ROWS = 50;
const SLICE_ROWS = 100;
// Changes within this time make one update.
const UPDATE_DELAY_MS = 120;

// A row of the HTML list: a rule between rows, the title over its summary line.
function styleListRow(li, head, heading, summary, body) {
  li.style.cssText = 'border-bottom:1px solid var(--pv-rule);padding:8px 2px;';
  head.style.cssText = 'cursor:pointer;';
  heading.style.cssText = 'display:inline;font-size:1.05em;margin:0;';
  summary.style.cssText = 'margin:2px 0 0;margin-inline-start:1.1em;color:var(--pv-dim);font-size:0.9em;';
  for (const p of body) {
    p.style.margin = '8px 0 0';
    p.style.marginInlineStart = '1.1em';
    for (const a of p.querySelectorAll('a')) a.style.color = 'var(--pv-accent)';
  }
}

export class DomList {
  constructor(widget) {
    this.widget = widget;
    this.drawing = true;  // false: the list is what the visitor sees
    this.printing = false;
    this.colors = Object.assign({ accent: '#2563eb' }, THEMES.light);
    this.fontSize = 15;
    this.pending = false;  // an update waits for its timer
    this._build = 0;  // counts updates, so that an old one stops adding rows
    this._summary = null;
    this._rowsKey = null;
    this.element = document.createElement('div');
    this.element.className = 'pubview-mirror';
    this.status = document.createElement('p');
    this.status.setAttribute('role', 'status');
    this.status.setAttribute('aria-live', 'polite');
    this.list = document.createElement('ul');
    this.element.append(this.status, this.list);
    this._style();
  }

  // Says `text` in the live region ("Copied."); an unchanged count does not replace it.
  announce(text) { this.status.textContent = text; }

  // Says that the list loads; the count that follows is said whatever it is.
  announceLoading() {
    this.status.textContent = this.text.loading_list;
    this._summary = null;
  }

  // The interface's language ({lang, dir, text}: pv_set_language): the
  // list's own words and, for Arabic, its direction; rows are made again.
  setLanguage(ui) {
    this.text = ui.text;
    this.element.lang = ui.lang;
    this.element.dir = ui.dir;
    if (this.controls) this._labelControls();
    this._rowsKey = null;
    // Before the first count (while loading) the status says that it loads.
    if (this._summary === null) {
      if (this.status.textContent) this.status.textContent = this.text.loading_list;
      return;
    }
    this._summary = null;
    this.update();
  }

  // Updates after the changes of the next moments.
  schedule() {
    clearTimeout(this._timer);
    this.pending = true;
    this._timer = setTimeout(() => this.update(), UPDATE_DELAY_MS);
  }

  setDrawing(drawing) {
    this.drawing = drawing;
    if (!drawing && !this.controls) this._buildControls();
    if (this.controls) this.controls.style.display = drawing ? 'none' : 'flex';
    this._style();
    this.update();
  }

  setPrinting(printing) {
    this.printing = printing;
    if (printing) this.update();
    this._style();
  }

  setLook(colors, fontSize) {
    this.colors = colors;
    this.fontSize = fontSize;
    this._style();
  }

  focusSearch() { this.search.focus(); }

  // The entries' heading level (data-heading-level, as `pubview html
  // --heading`), by default one below the page's heading before the widget.
  headingLevel() {
    const options = this.widget.options;
    if (!this._headingLevel) this._headingLevel = headingLevel(options.headingLevel || options.heading, this.widget.element);
    return this._headingLevel;
  }

  // Puts the widget's rows in the list: the result count for screen readers
  // to announce, and each result as text and real links.
  update() {
    const widget = this.widget;
    const module = widget.module;
    if (!module) return;
    clearTimeout(this._timer);
    this.pending = false;
    const asList = !this.drawing;
    // Printed or shown as a list, every row has its text; hidden, only the open ones.
    const mirror = JSON.parse(module.UTF8ToString(module._pv_mirror(this.printing || asList ? 1 : 0)));
    const error = widget.error();
    const summary = error ? this.text.list_error.replace('{0}', error) : mirror.status;
    // The live region speaks on change: an unchanged count is not said again,
    // nor does it replace an announcement such as "Copied." made meanwhile.
    if (summary !== this._summary) {
      this._summary = summary;
      this.status.textContent = summary;
    }
    if (asList) this._updateControls(mirror);
    if (this.more) this.more.style.display = asList && mirror.more ? '' : 'none';
    // A list whose rows are the same keeps its elements, and the focus in
    // them: only the rows' open states follow the widget's.
    const rowsKey = (asList ? 'list\n' : 'mirror\n') + mirror.rows.map((row) => row.id).join('\n');
    if (asList && rowsKey === this._rowsKey) {
      const open = new Map(mirror.rows.map((row) => [row.id, row.expanded]));
      for (const li of this.list.children) {
        const details = li.firstElementChild;
        if (details.open !== open.get(li.dataset.id)) details.open = open.get(li.dataset.id);
      }
      return;
    }
    this._rowsKey = rowsKey;
    const item = (row) => this._item(row, asList);
    // A print needs every row now; a newer update drops the slices still to come.
    const first = this.printing ? mirror.rows.length : FIRST_ROWS;
    const build = ++this._build;
    this.list.replaceChildren(...mirror.rows.slice(0, first).map(item));
    const appendFrom = (from) => {
      if (from >= mirror.rows.length || build !== this._build || widget.destroyed) return;
      this.list.append(...mirror.rows.slice(from, from + SLICE_ROWS).map(item));
      setTimeout(() => appendFrom(from + SLICE_ROWS), 0);
    };
    setTimeout(() => appendFrom(first), 0);
  }

  _item(row, asList) {
    const li = document.createElement('li');
    li.dataset.id = row.id;
    const heading = document.createElement('h' + this.headingLevel());
    heading.textContent = row.title;
    heading.dir = 'auto';  // a Hebrew or Arabic title reads right to left, as the canvas draws it
    const summary = document.createElement('p');
    summary.textContent = (row.kind === 'job' ? this.text.kind_job : this.text.kind_paper) + ' · ' + row.summary.replace(/\s+·\s+/g, ' · ');
    const body = [];
    if (row.body !== undefined) {
      for (const paragraph of row.body.split(/\n\n+/)) {
        const p = document.createElement('p');
        p.textContent = paragraph;
        p.dir = 'auto';
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
    details.addEventListener('toggle', () => this.widget.expand(row.id, details.open));
    styleListRow(li, head, heading, summary, body);
    li.appendChild(details);
    return li;
  }

  // The search box and the kind switch above the visible list.
  _buildControls() {
    const widget = this.widget;
    this.controls = document.createElement('div');
    this.controls.setAttribute('role', 'search');
    this.controls.style.cssText = 'display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin-bottom:4px;';
    this.search = document.createElement('input');
    this.search.type = 'search';
    this.search.setAttribute('autocomplete', 'off');
    this.search.style.cssText = 'flex:1 1 100%;box-sizing:border-box;font:inherit;padding:6px 10px;border-radius:6px;' +
      'border:1px solid var(--pv-rule);background:var(--pv-frame);color:inherit;';
    widget.listen(this.search, 'input', () => widget.setQuery(this.search.value));
    this.kindButtons = [['kind_all', null], ['kind_publications', 'publication'], ['kind_jobs', 'job']].map(([phrase, kind]) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.phrase = phrase;
      button.style.cssText = 'font:inherit;padding:3px 10px;border-radius:6px;border:1px solid var(--pv-rule);cursor:pointer;';
      widget.listen(button, 'click', () => widget.setState(Object.assign(widget.state(), { kind, open: '' })));
      return { button, kind };
    });
    this.kinds = document.createElement('div');
    this.kinds.setAttribute('role', 'group');
    this.kinds.style.cssText = 'display:flex;gap:4px;';
    this.kinds.append(...this.kindButtons.map((k) => k.button));
    this.controls.append(this.search, this.kinds);
    this.element.insertBefore(this.controls, this.status);
    // A sharded bundle's rows come a screen at a time: the list asks for more.
    this.more = document.createElement('button');
    this.more.type = 'button';
    this.more.style.cssText = 'display:none;font:inherit;margin:8px 2px;padding:4px 12px;border-radius:6px;' +
      'border:1px solid var(--pv-rule);background:var(--pv-frame);color:inherit;cursor:pointer;';
    widget.listen(this.more, 'click', () => widget.module && widget.module._pv_want_more_rows());
    this.element.append(this.more);
    this._labelControls();
  }

  _labelControls() {
    this.search.setAttribute('aria-label', this.text.search_the_list);
    this.kinds.setAttribute('aria-label', this.text.kind);
    this.more.textContent = this.text.more_results;
  }

  _updateControls(mirror) {
    const widget = this.widget;
    this.search.placeholder = mirror.hint || this.text.search;
    if (document.activeElement !== this.search && this.search.value !== widget.query()) this.search.value = widget.query();
    const current = (widget.state() || {}).kind || null;
    for (const { button, kind } of this.kindButtons) {
      const active = kind === current;
      button.textContent = this.text[button.dataset.phrase] + ' ' + mirror.kindCounts[kind || 'all'];
      button.setAttribute('aria-pressed', String(active));
      button.style.background = active ? 'var(--pv-accent)' : 'var(--pv-frame)';
      button.style.color = active ? 'var(--pv-on-accent)' : 'inherit';
    }
  }

  // Hidden while the canvas draws, printed as text, or the visible list.
  _style() {
    const listed = !this.drawing && !this.printing;
    if (this.printing) this.element.style.cssText = PRINTED;
    else if (this.drawing) this.element.style.cssText = VISUALLY_HIDDEN;
    else {
      const c = this.colors;
      this.element.style.cssText = 'position:absolute;inset:0;overflow:auto;box-sizing:border-box;padding:12px 16px;' +
        'font:' + this.fontSize + 'px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;' +
        'background:' + c.background + ';color:' + c.text + ';--pv-dim:' + c.dim + ';--pv-frame:' + c.frame +
        ';--pv-rule:' + c.rule + ';--pv-accent:' + c.accent + ';--pv-on-accent:' + readableOn(c.accent) + ';';
    }
    this.status.style.cssText = listed ? 'margin:6px 0;color:var(--pv-dim);font-size:0.9em;' : '';
    this.list.style.cssText = listed ? 'list-style:none;margin:0;padding:0;' : '';
  }
}
