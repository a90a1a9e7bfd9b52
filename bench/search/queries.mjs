// Labelled known-item queries for a real-text bundle (manpage-corpus.mjs),
// drawn by a fixed-seed PRNG before any engine has seen them. For each of
// `count` target entries, picked at random among those whose title has at
// least three words that are not stop words (and that are not in `exclude`:
// the tuning set leaves out the reported set's targets):
//
//   title-words    2-4 of the title's words, picked at random and shuffled
//   title-author   the title's rarest word (fewest titles have it), then the
//                  author or, for half the targets, the venue
//   phrase         4 consecutive words of the abstract that occur in no other
//                  entry's abstract (unquoted)
//   typo           the title-words query with one edit (swap of neighbours,
//                  dropped letter, wrong letter) in one word of 5+ letters
//   prefix         the title-words query with its last word cut to half its
//                  letters (at least 2), as if still being typed
//   keystroke      every prefix of a quarter of the title-words queries (timed only)
//
// Words are runs of letters and digits, lower-cased; stop words are the 60
// most common words of the titles. A query's right answers are the entries
// with the same title (title kinds), the same title word and author or venue
// (title-author), or the phrase in their abstract (phrase).
import { prng } from './prng.mjs';

const words = (text) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function typo(random, word) {
  const letters = [...word];
  const i = 1 + Math.floor(random() * (letters.length - 2));
  switch (Math.floor(random() * 3)) {
    case 0: [letters[i], letters[i + 1]] = [letters[i + 1], letters[i]]; break;
    case 1: letters.splice(i, 1); break;
    default: letters[i] = letters[i] === 'x' ? 'y' : 'x';
  }
  return letters.join('');
}

export function makeQueries(bundle, seed, count, exclude = new Set()) {
  const random = prng(seed);
  const entries = bundle.publications;
  const titleWords = entries.map((p) => [...new Set(words(p.title))]);
  const titleFrequency = new Map();
  for (const ws of titleWords) for (const w of ws) titleFrequency.set(w, (titleFrequency.get(w) ?? 0) + 1);
  const stop = new Set([...titleFrequency.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 60).map(([w]) => w));
  const content = titleWords.map((ws) => ws.filter((w) => !stop.has(w) && w.length >= 2));
  const bodies = entries.map((p) => ` ${words(p.abstract).join(' ')} `);
  const titleKey = entries.map((p) => words(p.title).join(' '));
  const sameTitle = (i) => entries.filter((_, j) => titleKey[j] === titleKey[i]).map((p) => p.id);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const shuffled = (list) => {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };

  const eligible = entries.map((_, i) => i).filter((i) => content[i].length >= 3 && !exclude.has(entries[i].id));
  const queries = [];
  for (let n = 0; n < count && eligible.length; n++) {
    const i = pick(eligible);
    const target = entries[i];
    const chosen = shuffled(content[i]).slice(0, 2 + Math.floor(random() * Math.min(3, content[i].length - 1)));
    const text = chosen.join(' ');
    queries.push({ type: 'title-words', query: text, relevant: sameTitle(i) });
    if (n % 4 === 0) for (let k = 1; k < text.length; k++) queries.push({ type: 'keystroke', query: text.slice(0, k), relevant: [] });

    const rarest = [...content[i]].sort((a, b) => titleFrequency.get(a) - titleFrequency.get(b) || (a < b ? -1 : 1))[0];
    const byVenue = random() < 0.5;
    const other = byVenue ? target.venue : target.authors[0];
    queries.push({
      type: 'title-author', query: `${rarest} ${other.toLowerCase()}`,
      relevant: entries.filter((p, j) => titleWords[j].includes(rarest) && (byVenue ? p.venue === target.venue : p.authors[0] === target.authors[0])).map((p) => p.id),
    });

    const body = words(target.abstract);
    for (let attempt = 0; attempt < 20 && body.length >= 4; attempt++) {
      const start = Math.floor(random() * (body.length - 3));
      const phrase = body.slice(start, start + 4);
      if (!phrase.some((w) => w.length >= 5)) continue;
      const needle = ` ${phrase.join(' ')} `;
      const relevant = entries.filter((_, j) => bodies[j].includes(needle)).map((p) => p.id);
      if (relevant.length !== 1) continue;
      queries.push({ type: 'phrase', query: phrase.join(' '), relevant });
      break;
    }

    const long = chosen.map((w, k) => [w, k]).filter(([w]) => [...w].length >= 5);
    if (long.length) {
      const [word, k] = pick(long);
      const typed = [...chosen];
      typed[k] = typo(random, word);
      queries.push({ type: 'typo', query: typed.join(' '), relevant: sameTitle(i) });
    }

    const last = chosen[chosen.length - 1];
    if ([...last].length >= 4) {
      const half = [...last].slice(0, Math.max(2, Math.ceil([...last].length / 2))).join('');
      queries.push({ type: 'prefix', query: [...chosen.slice(0, -1), half].join(' '), relevant: sameTitle(i) });
    }
  }
  return queries;
}
