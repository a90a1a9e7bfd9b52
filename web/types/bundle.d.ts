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
  type?: PublicationType;
  /** ISO 8601, finer than `year` ("2024-05-17"); its year agrees with `year`. */
  date?: string;
  /** The venue's short name, e.g. "NeurIPS". */
  venue_short?: string;
  /** The lab picked it: shown with a mark. */
  featured?: boolean;
  links?: TypedLink[];
}

export type PublicationType =
  | 'article' | 'conference paper' | 'preprint' | 'thesis' | 'book' | 'chapter' | 'patent' | 'dataset' | 'software';

export interface TypedLink {
  /** The link's own words; the kind's name when absent. */
  label?: string;
  url: BundleUrl;
  kind: 'pdf' | 'code' | 'slides' | 'video' | 'poster' | 'data' | 'html';
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
  /** ISO 8601. */
  date_posted?: string;
  /** ISO 8601: the widget hides the posting after this day unless asked. */
  valid_through?: string;
  employment_type?: 'full_time' | 'part_time' | 'contractor' | 'temporary' | 'intern' | 'volunteer' | 'per_diem' | 'other';
  salary?: { min?: number; max?: number; currency?: string; unit?: 'hour' | 'day' | 'week' | 'month' | 'year' };
  remote?: boolean;
}

export type EntryKind = 'publication' | 'job';
