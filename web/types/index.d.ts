// The pubview widget's JavaScript API: `import { mount } from 'pubview'`, the
// classic script's global `PubView`, the <pub-view> element and the events.
import type { Bundle, EntryKind } from './bundle.js';

export type { Bundle, BundleUrl, EntryKind, Job, JobLocation, Publication } from './bundle.js';

/** Which entries the widget opens on: both kinds, or one. */
export type View = 'all' | 'publications' | 'jobs';
export type Theme = 'auto' | 'light' | 'dark';
export type FacetField = 'kind' | 'year' | 'venue' | 'author' | 'tag' | 'country' | 'city' | 'team' | 'type';

export interface MountOptions {
  /** A URL (JSON bundle or .pvpack), "#id" of a <script type="application/json"> on the page, or the bundle itself. */
  bundle?: string | Bundle;
  view?: View;
  theme?: Theme;
  /** The search the widget opens with. */
  query?: string;
  /** CSS height of the widget's box (600px when not given). */
  height?: string;
  /** The language of the widget's own words (a BCP 47 tag). */
  lang?: string;
  /** Milliseconds without a byte of the download before it is given up (20000). */
  timeout?: number | string;
  /** A key that focuses the search box from anywhere on the page, e.g. "/". */
  shortcut?: string;
  /** The heading level of the static list's entries, 2 to 6. */
  heading?: number | string;
}

/** What the widget shows: the same as its deep link. */
export interface ViewState {
  q: string;
  kind: EntryKind | null;
  filters: Partial<Record<FacetField, string[]>>;
  sort: 'relevance' | 'rank' | 'year' | 'title';
  /** The id of the entry shown open, or "". */
  open: string;
  /** Postings past their valid_through are listed too (hidden by default). */
  closed: boolean;
}

export interface VisibleRow {
  id: string;
  kind: EntryKind;
  title: string;
  expanded: boolean;
}

export interface RowBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LoadingProgress {
  received: number;
  /** 0 when the server did not say. */
  total: number;
}

export interface Widget {
  readonly element: HTMLElement;
  readonly options: MountOptions;
  /** Resolves to the widget once its bundle is loaded or failed to load (see error()). */
  readonly ready: Promise<Widget>;
  setQuery(text: string): void;
  query(): string;
  /** How many entries the current search and filters find. */
  count(): number;
  visible(): VisibleRow[];
  /** Opens (or closes) the entry; false when there is no such entry. */
  expand(id: string, open?: boolean): boolean;
  state(): ViewState | null;
  setState(state: Partial<ViewState>): void;
  rowBounds(id: string): RowBounds | null;
  /** Why the bundle could not be shown, or null. */
  error(): string | null;
  /** One line per problem of the bundle: "bundle: /pointer: message". */
  warnings(): string[];
  loading(): LoadingProgress | null;
  /** A link to this view with `id` open (or the view as it is). */
  link(id?: string): string;
  focus(): void;
  /** Resolves once the widget has drawn what its last input asked for. */
  settled(): Promise<void>;
  setTheme(theme: Theme): void;
  retry(): Promise<Widget>;
  setBundle(bundle: string | Bundle): Promise<Widget>;
  destroy(): void;
}

/** Mounts a widget on an element (or the first element a selector finds); data-* attributes give options too. */
export declare function mount(element: HTMLElement | string, options?: MountOptions): Promise<Widget>;
/** Mounts every `.pubview` element under `root` (the document). */
export declare function mountAll(root?: ParentNode): Promise<Widget[]>;

export interface PubViewApi {
  readonly version: string;
  /** The mounted widgets, in mounting order. */
  readonly widgets: Widget[];
  mount: typeof mount;
  mountAll: typeof mountAll;
}
export declare const PubView: PubViewApi;

// ---- events, sent from the widget's element -----------------------------------
export interface ReadyDetail {
  widget: Widget;
  error: string | null;
}
export interface OpenDetail {
  id: string;
  url: string;
}
export interface RowsDetail {
  /** performance.now() of the first frame with rows on screen. */
  at: number;
}
export interface GlyphsDetail {
  /** Glyphs the browser drew for characters beyond the panel's Latin fonts, now in the atlas. */
  count: number;
  /** Milliseconds that drawing them and adding them to the atlas took, in `slices` slices (the longest
   * `longestSliceMs`); `canvasMs` of them the drawing. */
  ms: number;
  canvasMs: number;
  slices: number;
  longestSliceMs: number;
  /** Milliseconds from the first slice (at `startedAt`, performance.now()) until the glyphs of the rows on
   * screen were in; `wallMs` until all were. */
  onScreenMs: number | null;
  startedAt: number;
  wallMs: number;
  atlas: { width: number; height: number };
}
export interface PubViewEventMap {
  'pubview:ready': CustomEvent<ReadyDetail>;
  'pubview:change': CustomEvent<ViewState>;
  'pubview:open': CustomEvent<OpenDetail>;
  'pubview:rows': CustomEvent<RowsDetail>;
  'pubview:glyphs': CustomEvent<GlyphsDetail>;
}

// ---- <pub-view> ----------------------------------------------------------------
type WidgetMethods = Pick<Widget, 'setQuery' | 'query' | 'count' | 'visible' | 'expand' | 'state' | 'setState' |
  'rowBounds' | 'error' | 'warnings' | 'loading' | 'link' | 'focus' | 'settled' | 'setTheme' | 'retry' | 'setBundle'>;

/** <pub-view bundle="papers.json" view="jobs" theme="dark" query="dynamo" height="600px" lang="de"> */
export interface PubViewElement extends HTMLElement, WidgetMethods {
  /** The widget, once the element is on the page. */
  readonly pubview: Widget | undefined;
  /** Resolves like mount() does. */
  readonly ready: Promise<Widget>;
  focus(): void;
  addEventListener<K extends keyof PubViewEventMap>(type: K, listener: (this: PubViewElement, event: PubViewEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof PubViewEventMap>(type: K, listener: (this: PubViewElement, event: PubViewEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'pub-view': PubViewElement;
  }
  interface HTMLElement {
    /** The widget mounted on this element, if any. */
    pubview?: Widget;
  }
  interface Window {
    PubView: PubViewApi;
  }
}
