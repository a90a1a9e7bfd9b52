// Measures one engine on one corpus size and prints one JSON line.
//   node --expose-gc bench/search/run-engine.mjs ENGINE CORPUS DATA_DIR
// CORPUS is a generated size (1000) or 'man' (manpage-corpus.mjs).
// Each engine runs in its own process (run.sh starts them), so one engine's
// garbage or JIT state does not bias the next.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { engines, flatDocuments } from './engines.mjs';

// Queries after this much measured search time are skipped (and counted as such):
// the slowest engines would otherwise take hours on 100,000 entries.
const QUERY_BUDGET_MS = Number(process.env.BENCH_QUERY_BUDGET_MS ?? 60_000);
const WARMUP_QUERIES = 20;
// Types whose queries have a known answer; keystroke prefixes and nonsense are timed only.
const RANKED_TYPES = new Set(['known-item', 'typo', 'author', 'venue-year', 'accentless',
  'title-words', 'title-author', 'phrase', 'prefix']);

const [engineName, size, dataDir] = process.argv.slice(2);
const engine = await engines[engineName]();
const bundleText = readFileSync(join(dataDir, `corpus-${size}.json`), 'utf8');
// Labelled queries first: an engine that runs out of its time budget then
// still has its quality measured on as many queries as it could run.
const queries = JSON.parse(readFileSync(join(dataDir, `queries-${size}.json`), 'utf8'))
  .sort((a, b) => (a.relevant.length ? 0 : 1) - (b.relevant.length ? 0 : 1));
const entries = (({ publications, jobs }) => publications.length + jobs.length)(JSON.parse(bundleText));
const input = engineName === 'pubview' ? bundleText : flatDocuments(JSON.parse(bundleText));

const settle = () => { globalThis.gc?.(); globalThis.gc?.(); };
settle();
const rssBefore = process.memoryUsage().rss;
const buildStart = performance.now();
const index = await engine.build(input);
const buildMs = performance.now() - buildStart;
settle();
const memoryMB = (process.memoryUsage().rss - rssBefore) / 2 ** 20;

for (const q of queries.slice(0, WARMUP_QUERIES)) await engine.search(index, q.query);

const latencies = {};
let reciprocalRanks = 0, top1 = 0, ranked = 0, spent = 0, measured = 0;
const quality = {};  // per query type: { mrr10, top1, recall10, n } as sums until the end
for (const q of queries) {
  if (spent > QUERY_BUDGET_MS) break;
  const start = performance.now();
  const ids = await engine.search(index, q.query);
  const ms = performance.now() - start;
  spent += ms;
  measured++;
  (latencies[q.type] ??= []).push(ms);
  if (!RANKED_TYPES.has(q.type) || q.relevant.length === 0) continue;
  ranked++;
  const relevant = new Set(q.relevant);
  const rank = ids.slice(0, 10).findIndex((id) => relevant.has(id));
  if (rank >= 0) reciprocalRanks += 1 / (rank + 1);
  if (rank === 0) top1++;
  const sums = (quality[q.type] ??= { mrr10: 0, top1: 0, recall10: 0, n: 0 });
  sums.n++;
  sums.mrr10 += rank >= 0 ? 1 / (rank + 1) : 0;
  sums.top1 += rank === 0 ? 1 : 0;
  sums.recall10 += ids.slice(0, 10).filter((id) => relevant.has(id)).length / Math.min(10, relevant.size);
}
for (const sums of Object.values(quality)) for (const key of ['mrr10', 'top1', 'recall10']) sums[key] /= sums.n;

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const latency = Object.fromEntries(Object.entries(latencies).map(([type, values]) =>
  [type, { p50: percentile(values, 50), p95: percentile(values, 95), n: values.length }]));

console.log(JSON.stringify({
  engine: engineName, version: engine.version, size, entries, buildMs, memoryMB, latency, quality,
  mrr10: ranked ? reciprocalRanks / ranked : null, top1: ranked ? top1 / ranked : null,
  ranked, measured, queries: queries.length,
}));
