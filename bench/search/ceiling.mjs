// The best any ranking can expect on the benchmark's known-item queries, and
// which of pubview's misses no ranking could have avoided.
//
//   node bench/search/ceiling.mjs CORPUS.json QUERIES.json [HITS.jsonl]
//
// The queries are drawn by a known, seeded procedure (generate-corpus.mjs for
// the generated corpora, queries.mjs for the manual pages), so the likelihood
// that the procedure drew a query from an entry can be computed exactly. The
// targets are drawn uniformly, so ranking the entries by that likelihood is
// the best ranking there is (Bayes-optimal; nothing else in an entry tells
// anything about whether it was the one drawn from). Entries equally likely
// cannot be told apart by any ranking: they count as ordered at random, and
// the "ceiling" is the MRR@10 and top-1 that ranking by likelihood expects
// (and, beside it, what it would score were every tie broken the right way).
//
// Kinds modelled: generated `known-item` and `typo` (the 2-4 longest title
// words, longest first, ties in title order, then one-edit typos), manual-page
// `title-words` (2-4 of the title's words that are not among the 60 commonest
// title words, in random order).
//
// With HITS.jsonl (`RANK_EVAL_HITS=FILE pubview_rank_eval ...`), each query
// pubview misses (first hit not a right answer) is counted as one that no
// ranking can get (its first hit is at least as likely as the right answer)
// or one it could, and whether the first hit's title holds every query word.
import { readFileSync } from 'node:fs';

const [corpusPath, queriesPath, hitsPath] = process.argv.slice(2);
if (!queriesPath) {
  console.error('usage: node bench/search/ceiling.mjs CORPUS.json QUERIES.json [HITS.jsonl]');
  process.exit(2);
}
const entries = JSON.parse(readFileSync(corpusPath, 'utf8')).publications;
const queries = JSON.parse(readFileSync(queriesPath, 'utf8'));
const position = new Map(entries.map((p, i) => [p.id, i]));

// The chance that the generators' typo() turns `word` into `typed`: a position
// in [1, length - 2], then a swap with the next letter, a drop or a wrong letter.
function typoChance(word, typed) {
  const letters = [...word];
  if (letters.length < 3) return 0;
  let ways = 0;
  for (let i = 1; i <= letters.length - 2; i++) {
    const swapped = [...letters];
    [swapped[i], swapped[i + 1]] = [swapped[i + 1], swapped[i]];
    const dropped = letters.filter((_, j) => j !== i);
    const wrong = [...letters];
    wrong[i] = wrong[i] === 'x' ? 'y' : 'x';
    ways += [swapped, dropped, wrong].filter((l) => l.join('') === typed).length;
  }
  return ways / (3 * (letters.length - 2));
}

// generate-corpus.mjs: the 2..min(4, n) longest distinct title words, then for
// a typo query each word of 5+ letters mistyped with chance 1/2, the first
// mistyped if none was.
function generatedModel() {
  const longest = entries.map((p) => [...new Set(p.title.toLowerCase().split(' '))].sort((a, b) => b.length - a.length));
  const kept = (word, typed) => (word.length >= 5 ? 0.5 * (typed === word) + 0.5 * typoChance(word, typed) : Number(typed === word));
  const typoQuery = (words, typed) => {
    if (words.length !== typed.length) return 0;
    const text = words.join(' ');
    const chance = typed.join(' ') === text ? 0 : words.reduce((p, w, j) => p * kept(w, typed[j]), 1);
    const unchanged = words.reduce((p, w) => p * kept(w, w), 1);
    const rest = typed.slice(1).join(' ') === words.slice(1).join(' ');
    const forced = !rest ? 0 : words[0].length >= 5 ? typoChance(words[0], typed[0]) : Number(typed[0] === words[0]);
    return chance + unchanged * forced;
  };
  return {
    kinds: ['known-item', 'typo'],
    titleWords: (i) => new Set(longest[i]),
    likelihood(query, type, i) {
      const words = longest[i];
      const most = Math.max(2, Math.min(4, words.length));
      const typed = query.split(' ');
      let chance = 0;
      for (let k = 2; k <= most; k++) {
        const drawn = words.slice(0, k);
        chance += (type === 'typo' ? typoQuery(drawn, typed) : Number(drawn.join(' ') === query)) / (most - 1);
      }
      return chance;
    },
  };
}

// queries.mjs: 2..min(4, n) of the title's n content words, in random order.
function manualPageModel() {
  const words = (text) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const titleWords = entries.map((p) => [...new Set(words(p.title))]);
  const frequency = new Map();
  for (const ws of titleWords) for (const w of ws) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const stop = new Set([...frequency.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 60).map(([w]) => w));
  const content = titleWords.map((ws) => new Set(ws.filter((w) => !stop.has(w) && w.length >= 2)));
  return {
    kinds: ['title-words'],
    titleWords: (i) => new Set(titleWords[i]),
    likelihood(query, type, i) {
      const typed = query.split(' ');
      const n = content[i].size;
      const k = typed.length;
      if (n < 3 || k > 1 + Math.min(3, n - 1) || new Set(typed).size !== k || !typed.every((w) => content[i].has(w))) return 0;
      let chance = 1 / Math.min(3, n - 1);
      for (let j = 0; j < k; j++) chance /= n - j;
      return chance;
    },
  };
}

const model = queries.some((q) => q.type === 'title-words') ? manualPageModel() : generatedModel();
const hits = new Map();
if (hitsPath)
  for (const line of readFileSync(hitsPath, 'utf8').split('\n').filter(Boolean)) {
    const h = JSON.parse(line);
    hits.set(`${h.type}\t${h.query}`, h.hits);
  }

const choose = (n, k) => {
  let v = 1;
  for (let t = 0; t < k; t++) v = (v * (n - t)) / (t + 1);
  return v;
};
const same = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(a, b);

for (const type of model.kinds) {
  const asked = queries.filter((q) => q.type === type);
  let reciprocal = 0, top1 = 0, tied = 0, outranked = 0, luckyReciprocal = 0, luckyTop1 = 0;
  const misses = { total: 0, unavoidable: 0, avoidable: 0, firstHoldsAll: 0, avoidableExamples: [] };
  for (const q of asked) {
    const relevant = new Set(q.relevant.map((id) => position.get(id)));
    const chance = entries.map((_, i) => model.likelihood(q.query, type, i));
    const wanted = Math.max(...[...relevant].map((i) => chance[i]));
    // Ranked by likelihood, ties at random: the expected reciprocal rank of the first right answer.
    let above = 0, group = 0, right = 0;
    chance.forEach((c, i) => {
      if (c > wanted && !same(c, wanted)) above++;
      else if (same(c, wanted)) { group++; right += relevant.has(i); }
    });
    for (let j = 1; j <= group - right + 1 && above + j <= 10; j++) reciprocal += choose(group - j, right - 1) / choose(group, right) / (above + j);
    top1 += above === 0 ? right / group : 0;
    // With every tie broken the right answer's way: more than any ranking can count on.
    luckyReciprocal += above < 10 ? 1 / (above + 1) : 0;
    luckyTop1 += above === 0;
    tied += above > 0 || group > right;
    outranked += above > 0;
    const first = hits.get(`${type}\t${q.query}`)?.[0];
    if (!hitsPath || relevant.has(position.get(first))) continue;
    misses.total++;
    const i = position.get(first);
    const firstChance = i === undefined ? 0 : chance[i];
    if (firstChance >= wanted || same(firstChance, wanted)) misses.unavoidable++;
    else { misses.avoidable++; misses.avoidableExamples.push(q.query); }
    const words = model.titleWords(i ?? 0);
    if (i !== undefined && q.query.split(' ').every((w) => words.has(w))) misses.firstHoldsAll++;
  }
  console.log(`${type}: ${asked.length} queries; ranking by the generator's likelihood expects MRR@10 ${(reciprocal / asked.length).toFixed(3)}, top-1 ${(top1 / asked.length).toFixed(3)}; ` +
    `${tied} queries have another entry at least as likely as the right one, ${outranked} one more likely ` +
    `(with every tie broken their way: ${(luckyReciprocal / asked.length).toFixed(3)} / ${(luckyTop1 / asked.length).toFixed(3)})`);
  if (hitsPath)
    console.log(`  pubview misses ${misses.total}: ${misses.unavoidable} with a first hit at least as likely as the right answer (no ranking can prefer it), ` +
      `${misses.avoidable} with a less likely first hit${misses.avoidable ? ` (${misses.avoidableExamples.join('; ')})` : ''}` +
      (type === 'typo' ? '' : `; first hit's title holds every query word: ${misses.firstHoldsAll}`));
}
