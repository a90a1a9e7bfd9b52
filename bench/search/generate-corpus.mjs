// Writes reproducible benchmark bundles and their labelled query sets.
//
//   node bench/search/generate-corpus.mjs OUT_DIR [SIZE...]     (sizes default to 1000 10000 100000)
//
// For each size: OUT_DIR/corpus-SIZE.json (a pubview bundle, format v1) and
// OUT_DIR/queries-SIZE.json (queries with the ids a good engine ranks first).
// Everything comes from one fixed-seed PRNG, so the files are identical on
// every machine and every run. OUT_DIR/queries-SIZE-tune.json holds queries of
// the same kinds drawn with another seed (TUNING_SEED) for other entries: the
// set ranking changes are tuned on, while queries-SIZE.json, reported in
// bench/RESULTS.md, stays held out.
import { closeSync, mkdirSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { prng } from './prng.mjs';

const SEED = 20221231;
const TUNING_SEED = 20261130;

const FIRST_NAMES = ['Cédric', 'José', 'Zoë', 'Łukasz', 'Søren', 'François', 'Anaïs', 'Jürgen', 'Núria', 'Dániel',
  'Björn', 'Çağla', 'Ana', 'Doug', 'Priya', 'Wei', 'Fatima', 'Olivier', 'Sean', 'Maria', 'Kenji', 'Aarav', 'Emma',
  'Rahul', 'Chen', 'Lucía', 'Mehmet', 'Ingrid', 'Tomás', 'Hélène', 'Yuki', 'Ravi', 'Sofia', 'Ahmed', 'Ewa'];
const LAST_NAMES = ['Archambeau', 'Müller', 'Núñez', 'Gonçalves', 'Šimić', 'Ångström', 'Kowalczyk', 'Terry', 'Jeunen',
  'Dubois', 'Østergaard', 'Yılmaz', 'García', 'Smith', 'Gupta', 'Zhang', 'Sato', 'Khan', 'Rossi', 'Novák', 'Lefèvre',
  'Petrović', 'Schröder', 'Hernández', 'Kim', 'Nguyễn', 'Iyer', 'Okafor', 'Fernández', 'Bergström', 'Wójcik'];
const VENUES = ['KDD', 'AdKDD', 'ICML', 'NeurIPS', 'ICLR', 'SIGMOD', 'VLDB', 'ACL', 'EMNLP', 'NAACL', 'CVPR', 'ICCV',
  'ICRA', 'WWW', 'WSDM', 'RecSys', 'SIGIR', 'USENIX ATC', 'OSDI', 'AAAI', 'IJCAI', 'Interspeech', 'ICASSP', 'AutoML Conference'];
const LOCATIONS = [['US', 'WA', 'Seattle'], ['US', 'CA', 'Palo Alto'], ['US', 'MA', 'Boston'], ['US', 'NY', 'New York'],
  ['IN', 'KA', 'Bengaluru'], ['IN', 'HR', 'Gurugram'], ['BR', 'SP', 'São Paulo'], ['CH', 'ZH', 'Zürich'],
  ['DE', 'BY', 'München'], ['GB', 'ENG', 'Cambridge'], ['ES', 'MD', 'Madrid'], ['JP', '13', 'Tōkyō']];
const TEAMS = ['Alexa AI', 'Prime Video', 'AWS AI Labs', 'Sponsored Products', 'Search Science', 'Robotics',
  'Supply Chain Optimization', 'Artificial General Intelligence', 'Fire TV', 'Last Mile'];
const JOB_TITLES = ['Applied Scientist', 'Senior Applied Scientist', 'Research Scientist', 'Data Scientist',
  'Machine Learning Engineer', 'Principal Scientist'];
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ra', 'to', 'vi', 'su', 'de', 'po', 'an', 'el', 'or', 'ti', 'ba', 'gu',
  'fe', 'zo', 'qua', 'tri', 'stra', 'pen', 'mor', 'lin', 'dex', 'ser', 'gra', 'phi', 'chro', 'ven'];
const VOCABULARY_SIZE = 40000;

// A vocabulary of made-up words ranked by frequency, so Zipf's law can pick them.
function makeVocabulary(random) {
  const words = new Set(['the', 'of', 'and', 'a', 'to', 'in', 'for', 'we', 'with', 'on', 'is', 'that', 'by', 'model',
    'data', 'learning', 'results', 'method', 'network', 'performance', 'training', 'large-scale', 'real-world', 'state-of-the-art']);
  while (words.size < VOCABULARY_SIZE) {
    const syllables = 2 + Math.floor(random() * 3);
    let word = '';
    for (let i = 0; i < syllables; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    if (random() < 0.02) word += String(Math.floor(random() * 100));  // seq2seq-like tokens
    words.add(word);
  }
  return [...words];
}

function zipfSampler(random, n, exponent = 1.07) {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let r = 0; r < n; r++) cumulative[r] = sum += 1 / Math.pow(r + 1, exponent);
  return () => {
    const x = random() * sum;
    let low = 0, high = n - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid] < x) low = mid + 1; else high = mid;
    }
    return low;
  };
}

const pick = (random, list) => list[Math.floor(random() * list.length)];
const between = (random, low, high) => low + Math.floor(random() * (high - low + 1));
const capitalize = (word) => word.charAt(0).toUpperCase() + word.slice(1);
const stripAccents = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').replace(/ø/g, 'o').replace(/ı/g, 'i');

// Writes the bundle's JSON entry by entry (the same bytes as JSON.stringify of
// the whole bundle) and returns what the queries need of each publication, so
// a million entries take a few hundred MB rather than the whole bundle in
// memory. Jobs follow the publications in the file, so they wait in a
// temporary file beside it.
function writeBundle(path, size, random, vocabulary, zipf) {
  const words = (n) => Array.from({ length: n }, () => vocabulary[zipf()]);
  const authorPool = Array.from({ length: Math.max(50, size / 20) }, () => `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`);
  const publications = [];
  let jobCount = 0;
  const out = new ChunkedWriter(path);
  const jobsPath = `${path}.jobs.tmp`;
  const jobsOut = new ChunkedWriter(jobsPath);
  out.write(`{"pubview":1,"title":${JSON.stringify(`Benchmark corpus of ${size} items`)},` +
    '"description":"Generated by bench/search/generate-corpus.mjs","publications":[');
  for (let i = 0; i < size; i++) {
    if (random() < 0.1) {
      const [country, region, city] = pick(random, LOCATIONS);
      const team = pick(random, TEAMS);
      jobsOut.write((jobCount++ ? ',' : '') + JSON.stringify({
        id: `j-${i}`,
        title: `${pick(random, JOB_TITLES)}, ${team}`,
        location: { country, region, city },
        team,
        description: sentences(random, words(between(random, 100, 250))),
      }));
    } else {
      const year = between(random, 2015, 2024);
      const publication = {
        id: `p-${i}`,
        title: words(between(random, 5, 15)).map(capitalize).join(' '),
        abstract: sentences(random, words(between(random, 100, 250))),
        authors: Array.from({ length: between(random, 1, 8) }, () => pick(random, authorPool)),
        venue: `${pick(random, VENUES)} ${year}`,
        year,
        rank: publications.length + 1,
      };
      out.write((publications.length ? ',' : '') + JSON.stringify(publication));
      const { id, title, authors, venue } = publication;
      publications.push({ id, title, authors, venue });
    }
  }
  jobsOut.close();
  out.write('],"jobs":[');
  out.copyFrom(jobsPath);
  unlinkSync(jobsPath);
  out.write(']}');
  out.close();
  return { publications, jobCount };
}

// Appends text to a file in blocks of about a megabyte.
class ChunkedWriter {
  constructor(path) { this.fd = openSync(path, 'w'); this.pending = []; this.length = 0; }
  write(text) {
    this.pending.push(text);
    this.length += text.length;
    if (this.length >= 1 << 20) this.flush();
  }
  flush() {
    if (this.pending.length) writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.length = 0;
  }
  copyFrom(path) {
    this.flush();
    const fd = openSync(path, 'r');
    const block = Buffer.alloc(1 << 20);
    for (let n; (n = readSync(fd, block, 0, block.length, null)) > 0;) writeSync(this.fd, block, 0, n);
    closeSync(fd);
  }
  close() { this.flush(); closeSync(this.fd); }
}

// JSON.stringify(queries, null, 1), one query at a time.
function writeQueries(path, queries) {
  const out = new ChunkedWriter(path);
  out.write(queries.length ? '[\n' : '[]');
  queries.forEach((query, i) => out.write((i ? ',\n ' : ' ') + JSON.stringify(query, null, 1).replaceAll('\n', '\n ')));
  if (queries.length) out.write('\n]');
  out.close();
}

function sentences(random, list) {
  let text = '';
  let sentenceLength = 0;
  for (const word of list) {
    text += sentenceLength === 0 ? (text ? ' ' : '') + capitalize(word) : ' ' + word;
    if (++sentenceLength > 8 && random() < 0.15) { text += '.'; sentenceLength = 0; }
  }
  return text + '.';
}

// One-edit typos of the kinds people make: a swap of neighbours, a dropped letter, a wrong letter.
function typo(random, word) {
  const i = between(random, 1, word.length - 2);
  switch (between(random, 0, 2)) {
    case 0: return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    case 1: return word.slice(0, i) + word.slice(i + 1);
    default: return word.slice(0, i) + (word[i] === 'x' ? 'y' : 'x') + word.slice(i + 1);
  }
}

// publications: each one's id, title, authors and venue.
function makeQueries(publications, random, count, exclude = new Set()) {
  const queries = [];
  const targets = publications.filter((p) => !exclude.has(p.id));
  const titleWords = (p) => p.title.toLowerCase().split(' ');
  // Distinctive words make a known-item query: the rarer half of the title.
  const knownItem = (p) => {
    const ws = [...new Set(titleWords(p))].sort((a, b) => b.length - a.length);
    return ws.slice(0, between(random, 2, Math.min(4, ws.length))).join(' ');
  };
  for (let i = 0; i < count; i++) {
    const p = pick(random, targets);
    const text = knownItem(p);
    queries.push({ type: 'known-item', query: text, relevant: [p.id] });
    if (i % 4 === 0)
      for (let n = 1; n < text.length; n++) queries.push({ type: 'keystroke', query: text.slice(0, n), relevant: [p.id] });
    const long = text.split(' ').map((w) => (w.length >= 5 && random() < 0.5 ? typo(random, w) : w));
    if (long.join(' ') === text) long[0] = long[0].length >= 5 ? typo(random, long[0]) : long[0];
    queries.push({ type: 'typo', query: long.join(' '), relevant: [p.id] });
    const author = pick(random, p.authors);
    queries.push({ type: 'author', query: author, relevant: publications.filter((q) => q.authors.includes(author)).map((q) => q.id) });
    queries.push({ type: 'venue-year', query: p.venue.toLowerCase(), relevant: publications.filter((q) => q.venue === p.venue).map((q) => q.id) });
    queries.push({ type: 'accentless', query: `${stripAccents(author).toLowerCase()} ${titleWords(p)[0]}`, relevant: publications.filter((q) => q.authors.includes(author) && titleWords(q).includes(titleWords(p)[0])).map((q) => q.id) });
    queries.push({ type: 'nonsense', query: Array.from({ length: between(random, 1, 3) }, () => Array.from({ length: between(random, 4, 9) }, () => 'qxzjvw'[between(random, 0, 5)]).join('')).join(' '), relevant: [] });
  }
  return queries;
}

const [outDir, ...sizeArgs] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node bench/search/generate-corpus.mjs OUT_DIR [SIZE...]');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const sizes = sizeArgs.length ? sizeArgs.map(Number) : [1000, 10000, 100000];
for (const size of sizes) {
  const random = prng(SEED + size);
  const vocabulary = makeVocabulary(random);
  const { publications, jobCount } = writeBundle(join(outDir, `corpus-${size}.json`), size, random, vocabulary,
    zipfSampler(random, vocabulary.length));
  const queries = makeQueries(publications, random, 200);
  const heldOut = new Set(queries.filter((q) => q.type === 'known-item').flatMap((q) => q.relevant));
  const tuning = makeQueries(publications, prng(TUNING_SEED + size), 200, heldOut);
  writeQueries(join(outDir, `queries-${size}.json`), queries);
  writeQueries(join(outDir, `queries-${size}-tune.json`), tuning);
  console.log(`corpus-${size}.json: ${publications.length} publications, ${jobCount} jobs; ${queries.length} queries`);
}
