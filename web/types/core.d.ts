// pubview/core: the search engine for Node (and browsers) without the panel.
//   import { load } from 'pubview/core';
//   const index = await load(fs.readFileSync('papers.json', 'utf8'));
//   index.search('dynamo', { kind: 'publication', limit: 10 });
import type { EntryKind } from './bundle.js';

export type { Bundle, EntryKind } from './bundle.js';

export interface SearchOptions {
  kind?: EntryKind | null;
  /** How many results (10); Infinity for all. */
  limit?: number;
}

export interface SearchHit {
  id: string;
  kind: EntryKind;
  score: number;
}

export interface SearchResult {
  /** How many entries match, beyond `limit` too. */
  total: number;
  /** Nothing matched every word: these are close matches. */
  fallback: boolean;
  /** Short notes about the query ("unclosed quote", "unknown field 'foo:'"). */
  hints: string[];
  results: SearchHit[];
}

export interface BundleIndex {
  search(query: string, options?: SearchOptions): SearchResult;
  /** The entries in the bundle. */
  count(): number;
  /** Frees the index; it cannot be searched after. */
  close(): void;
}

/** Reads and indexes a bundle: its JSON text, or the bytes of a JSON bundle or a pack. Rejects with the reason it is unusable. */
export declare function load(bundle: string | Uint8Array | ArrayBuffer): Promise<BundleIndex>;
