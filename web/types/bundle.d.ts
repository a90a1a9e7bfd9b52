// The bundle format, version 1 (data/bundle.schema.json says the same as a
// JSON Schema). Unknown fields are ignored; an item with a missing or
// mistyped required field, or a duplicate id, is skipped with a warning.

/** Only http, https and mailto links are kept; others are dropped with a warning. */
export type BundleUrl = string;

export interface Bundle {
  /** The format version. */
  pubview: 1;
  /** What the list is, e.g. the page heading. */
  title: string;
  description?: string;
  source?: { name?: string; url?: BundleUrl };
  publications?: Publication[];
  jobs?: Job[];
}

export interface Publication {
  /** Unique among all publications and jobs of the bundle. */
  id: string;
  title: string;
  /** May be empty. Paragraphs are separated by a blank line. */
  abstract: string;
  /** The source showed only part of the abstract. */
  abstract_truncated?: boolean;
  /** 1 and up. */
  rank?: number;
  authors?: string[];
  venue?: string;
  /** 1900 to 2100. */
  year?: number;
  tags?: string[];
  url?: BundleUrl;
  doi?: string;
  arxiv?: string;
  award?: string;
  related?: { title?: string; summary?: string; url?: BundleUrl }[];
}

/** Where a job is: at least one of the three. */
export type JobLocation =
  | { country: string; region?: string; city?: string }
  | { country?: string; region: string; city?: string }
  | { country?: string; region?: string; city: string };

export interface Job {
  /** Unique among all publications and jobs of the bundle. */
  id: string;
  title: string;
  location: JobLocation;
  /** Paragraphs separated by a blank line; a paragraph's first line ending in ':' is a heading; '- ' starts a list item. */
  description: string;
  team?: string;
  url?: BundleUrl;
  tags?: string[];
}

export type EntryKind = 'publication' | 'job';
