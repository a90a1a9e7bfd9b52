// Writes a real-text benchmark bundle from the manual pages of installed Debian
// packages, and its labelled queries.
//
//   node bench/search/manpage-corpus.mjs OUT_DIR [LIMIT]
//
// OUT_DIR/corpus-man.json is a pubview bundle (format v1): one publication per
// manual page, its NAME line as the title ("open, openat, creat - open and
// possibly create a file"), its DESCRIPTION (or, without one, its other
// sections) as the abstract, the Debian package that installs it as the
// author and its section ("System calls", "Perl modules") as the venue.
// OUT_DIR/queries-man.json holds the queries (see queries.mjs). LIMIT keeps
// only the first LIMIT pages (tests use a small slice). Pages come from
// MAN_PACKAGES below, the list tools/man-pages.sh installs; a package that is
// not installed is skipped, and the script says how many pages it found.
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { makeQueries } from './queries.mjs';

export const MAN_PACKAGES = (process.env.MAN_PACKAGES ?? readFileSync(new URL('./man-packages.txt', import.meta.url), 'utf8').replace(/^#.*$/gm, ''))
  .split(/\s+/).filter((p) => p && !p.startsWith('#'));
const MAX_BODY_WORDS = 300;
const SEED = 20261129;
// queries-man-tune.json: the set ranking changes are tuned on; queries-man.json stays held out.
const TUNING_SEED = 20261130;

const SECTION_NAMES = { 1: 'User commands', 2: 'System calls', 3: 'Library functions', 4: 'Special files', 5: 'File formats',
  6: 'Games', 7: 'Miscellanea', 8: 'System administration', n: 'Tcl commands', l: 'Local documentation' };
function venueOf(section) {
  if (/^3pm|^3perl/.test(section)) return 'Perl modules';
  if (/^3ssl/.test(section)) return 'OpenSSL library';
  if (/^3erl/.test(section)) return 'Erlang modules';
  if (/^3o/.test(section)) return 'OCaml modules';
  if (/^3cxx/.test(section)) return 'C++ library';
  if (/^3tcl|^3tk|^n/.test(section)) return 'Tcl commands';
  return SECTION_NAMES[section[0]] ?? `Section ${section}`;
}

// Roff to plain text, enough for man(7) and mdoc(7) pages: requests and their
// quoting go, font and character escapes become what they print.
function unroff(line) {
  return line
    .replace(/\\\*\((\S\S)|\\\*\[[^\]]*\]|\\\*./g, '')
    .replace(/\\f(\[[^\]]*\]|\(..|.)/g, '')
    .replace(/\\s[+-]?\d+/g, '')
    .replace(/\\\((em|en)/g, '-').replace(/\\\((lq|rq|dq)/g, '"').replace(/\\\((oq|cq|aq)/g, "'")
    .replace(/\\\(../g, '').replace(/\\\[[^\]]*\]/g, '')
    .replace(/\\[-e]/g, (m) => (m === '\\-' ? '-' : '\\'))
    .replace(/\\[&|^%:c]/g, '').replace(/\\ /g, ' ').replace(/\\./g, '');
}

function requestText(line) {
  const m = /^\.\s*([A-Za-z]+)\s*(.*)$/.exec(line);
  if (!m) return unroff(line);
  const [, request, rest] = m;
  if (/^(B|I|BR|BI|IB|IR|RB|RI|SM|SB|TP|IP|Nm|Nd|Fn|Fa|Ar|Fl|Cm|Xr|Pa|Va|Dv|Er|Ev|Em|Sy|Li|Ql|Dq|Sq|Pq|Op|It|Ss|SS|Tn|Nx|Fx|Bx|Ux|At|St)$/.test(request)) {
    const words = [];
    for (const w of rest.matchAll(/"((?:[^"]|"")*)"|(\S+)/g)) words.push((w[1] ?? w[2]).replace(/""/g, '"'));
    // mdoc's punctuation arguments and Xr's section number carry no words.
    const kept = request === 'Xr' ? words.slice(0, 1) : words.filter((w) => !/^(Ns|Pf|No|[.,;:()|])$/.test(w));
    const joined = /^(BR|BI|IB|IR|RB|RI)$/.test(request) ? kept.join('') : kept.join(' ');
    return unroff(joined);
  }
  return '';
}

// The sections of a page, as plain text: { NAME: '...', DESCRIPTION: '...' }.
export function parseManPage(source) {
  const sections = {};
  let current = null;
  let th = null;
  for (const raw of source.split('\n')) {
    if (raw.startsWith('.\\"') || raw.startsWith("'\\\"") || raw.startsWith('.\\#')) continue;
    const heading = /^\.\s*(SH|Sh)\s+(.*)$/.exec(raw);
    if (heading) {
      current = heading[2].replace(/"/g, '').trim().toUpperCase();
      sections[current] ??= [];
      continue;
    }
    if (/^\.\s*(TH|Dt)\s/.test(raw)) th = raw;
    if (!current) continue;
    const text = raw.startsWith('.') || raw.startsWith("'") ? requestText(raw) : unroff(raw);
    if (text.trim()) sections[current].push(text.trim());
  }
  const out = {};
  for (const [name, lines] of Object.entries(sections)) out[name] = lines.join(' ').replace(/\s+/g, ' ').trim();
  return { sections: out, th };
}

const NAME_HEADINGS = ['NAME', 'NOM', 'NOMBRE', 'NAZWA', 'NOME', 'NAAM', 'ИМЯ', 'НАЗВА', 'JMÉNO', 'NÉV', 'NAMN', 'NIMI', 'NAVN', 'TÊN', 'NAMA', 'ΟΝΟΜΑ', 'ИМЕ'];
const DESCRIPTION_HEADINGS = ['DESCRIPTION', 'BESCHREIBUNG', 'DESCRIPCIÓN', 'OPIS', 'DESCRIZIONE', 'BESCHRIJVING', 'DESCRIÇÃO', 'DESCRIERE',
  'ОПИСАНИЕ', 'ОПИС', 'POPIS', 'LEÍRÁS', 'BESKRIVNING', 'KUVAUS', 'BESKRIVELSE', 'MÔ TẢ', 'DESKRIPSI', 'ΠΕΡΙΓΡΑΦΗ', 'OPIS', 'ОПИС'];

function pageFiles(pkg) {
  let listing;
  try { listing = execFileSync('dpkg', ['-L', pkg], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }); } catch { return []; }
  return listing.split('\n').filter((f) => /^\/usr\/share\/man\/.*\.gz$/.test(f) && !lstatSync(f, { throwIfNoEntry: false })?.isSymbolicLink()).sort();
}

export function readPages(limit = Infinity) {
  const publications = [];
  const seen = new Set();
  const packages = {};
  for (const pkg of MAN_PACKAGES) {
    for (const file of pageFiles(pkg)) {
      if (publications.length >= limit) return { publications, packages };
      const source = gunzipSync(readFileSync(file)).toString('utf8');
      if (/^\.so\s/m.test(source.slice(0, 400)) && source.length < 400) continue;  // an alias of another page
      const { sections } = parseManPage(source);
      const name = NAME_HEADINGS.map((h) => sections[h]).find(Boolean);
      if (!name || name.length < 8) continue;
      const descriptionHeading = DESCRIPTION_HEADINGS.find((h) => sections[h]);
      const body = (descriptionHeading ? sections[descriptionHeading]
        : Object.entries(sections).filter(([h]) => !NAME_HEADINGS.includes(h) && h !== 'SYNOPSIS').map(([, t]) => t).join(' '))
        .split(' ').slice(0, MAX_BODY_WORDS).join(' ');
      const key = `${name}\n${body}`;
      if (body.length < 20 || seen.has(key)) continue;
      seen.add(key);
      const section = /\.([^./]+)\.gz$/.exec(file)[1];
      const id = `${pkg}:${file.replace('/usr/share/man/', '').replace(/\.gz$/, '')}`;
      publications.push({ id, title: name.replace(/ \\?- /, ' - '), abstract: body, authors: [pkg], venue: venueOf(section) });
      packages[pkg] = (packages[pkg] ?? 0) + 1;
    }
  }
  return { publications, packages };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [outDir, limitArg] = process.argv.slice(2);
  if (!outDir) {
    console.error('usage: node bench/search/manpage-corpus.mjs OUT_DIR [LIMIT]');
    process.exit(2);
  }
  const { publications, packages } = readPages(limitArg ? Number(limitArg) : Infinity);
  publications.forEach((p, i) => { p.rank = i + 1; });
  const bundle = { pubview: 1, title: `Manual pages (${publications.length})`, description: 'Made by bench/search/manpage-corpus.mjs', publications, jobs: [] };
  const queries = makeQueries(bundle, SEED, 200);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'corpus-man.json'), JSON.stringify(bundle));
  writeFileSync(join(outDir, 'queries-man.json'), JSON.stringify(queries, null, 1));
  const heldOut = new Set(queries.filter((q) => q.type === 'title-words').flatMap((q) => q.relevant));
  writeFileSync(join(outDir, 'queries-man-tune.json'), JSON.stringify(makeQueries(bundle, TUNING_SEED, 200, heldOut), null, 1));
  console.log(`corpus-man.json: ${publications.length} manual pages from ${Object.keys(packages).length} packages; ${queries.length} queries`);
}
