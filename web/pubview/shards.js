// A sharded bundle (a folder written by `pubview shard`) in the widget: a Web
// Worker (pubview-shards-worker.js, beside pubview.js) opens it and runs its
// searches, so the page never waits on the network or on the engine. The
// panel asks for each search (pubviewHost.searchWanted) and shows the answers
// as they come (pv_show_answer); the worker drops a superseded search, its
// fetches with it, and the panel an answer that comes too late.
import { assetUrl } from './assets.js';
import { withCString } from './heap.js';

// Whether a bundle's URL names a sharded bundle: its folder ("…/") or its manifest.json.
export function isShardFolder(source) {
  const path = source.split(/[?#]/)[0];
  return path.endsWith('/') || /(^|\/)manifest\.json$/.test(path);
}

export class ShardSearch {
  constructor(widget, source) {
    this.widget = widget;
    this.source = source;  // the bundle's URL as the page gave it
    const url = new URL(source, document.baseURI).href;
    this.worker = new Worker(assetUrl('pubview-shards-worker.js'), { type: 'module' });
    this.opened = new Promise((resolve, reject) => { this._opening = { resolve, reject }; });
    this.opened.catch(() => {});  // opened at the start, awaited later: loadShards reports its failure
    this.answered = new Promise((resolve) => { this._answered = resolve; });
    this.worker.onmessage = ({ data }) => this._message(data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      this._failed('the search worker could not start (pubview-shards-worker.js: ' + (event.message || 'not loaded') + ').');
    };
    this.worker.postMessage({ type: 'open', url });
  }

  search(request, version) {
    // The same search still on its way (the panel asks again as it starts):
    // its answer is this one's, and the worker is not asked twice.
    const onItsWay = this.pending && request === this._sentRequest;
    this._asked = version;
    if (onItsWay) return;
    this._sentRequest = request;
    this._sent = version;
    this.worker.postMessage({ type: 'search', id: version, request: JSON.parse(request) });
  }
  // The last search asked has not been answered yet (Widget.settled waits for it).
  get pending() { return this._asked !== this._shown; }
  close() { this.worker.terminate(); }

  // A shown answer changes the view: the DOM mirror and the page hear of it (Widget._viewChanged).
  _message(data) {
    const m = this.widget.module;
    if (data.type === 'opened') {
      this._isOpen = true;
      this._opening.resolve(data.header);
    } else if (data.type === 'error') {
      this._failed(data.message);
    } else if (m) {
      const version = data.id === this._sent ? this._asked : data.id;
      const shown = withCString(m, data.result, (p) => m._pv_show_answer(version, p));
      if (shown === 1) {
        this._shown = version;
        this._answered();
        // The first rows are in: the worker may fetch what searches with words read.
        if (!this._restAsked) this.worker.postMessage({ type: 'shown' });
        this._restAsked = true;
      } else if (shown === -1) {
        this._failed('the search worker sent an answer the widget cannot read.');
      }
    }
  }

  _failed(message) {
    this._shown = this._asked;
    if (!this._isOpen) this._opening.reject(new Error(message));  // loadShards' caller shows it
    else this.widget._fail(message);
    this._answered();
  }
}

// Shows the sharded bundle at `url` in `widget`: resolves once its first rows
// are in. `opening` is the ShardSearch the widget's start made for it, whose
// worker fetched the folder's first files while the widget's wasm compiled.
export const loadShards = async (widget, url, opening = null) => {
  const shards = widget._shards = opening || new ShardSearch(widget, url);
  widget._showLoading(0, 0);
  const header = await shards.opened;
  if (widget.destroyed || widget._shards !== shards) return;
  widget.module._pv_show_searched(header.publications, header.jobs);
  widget.setState(widget._initialState());
  await shards.answered;
  requestAnimationFrame(() => setTimeout(() => widget.domList.update(), 0));
};
