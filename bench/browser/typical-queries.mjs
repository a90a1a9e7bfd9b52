// The benchmarks' typical queries: the generator's known items, keystrokes,
// typos, authors, venues with years and accentless words (queries-SIZE.json,
// bench/search/generate-corpus.mjs), taken from each kind in turn.
import fs from 'node:fs';

export function typicalQueries(queriesFile, count) {
  const byType = new Map();
  for (const q of JSON.parse(fs.readFileSync(queriesFile, 'utf8')))
    if (q.query && q.type !== 'nonsense') byType.set(q.type, [...(byType.get(q.type) || []), q.query]);
  const queries = [];
  for (let i = 0; queries.length < count; ++i) for (const list of byType.values()) if (queries.length < count) queries.push(list[i]);
  return queries;
}
