// Prints the results run-engine.mjs wrote (one JSON line each) as Markdown
// tables: per corpus, speed and memory, then MRR@10 / top-1 / recall@10 per query type.
//   node bench/search/report.mjs RESULTS.jsonl
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

const rows = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
const corpora = [...new Set(rows.map((r) => String(r.size)))].sort((a, b) => (Number(a) || Infinity) - (Number(b) || Infinity));
const TIMED_ONLY = new Set(['keystroke', 'nonsense']);

const ms = (v) => (v === undefined ? '–' : v < 10 ? v.toFixed(2) : v.toFixed(0));
const cell = (latency) => (latency ? `${ms(latency.p50)} / ${ms(latency.p95)}` : '–');
const name = (r) => `${r.engine} ${r.version}`;

console.log(`Machine: ${cpus().length} CPUs, ${cpus()[0]?.model ?? 'unknown CPU'}; Node ${process.version}`);
for (const corpus of corpora) {
  const ofCorpus = rows.filter((r) => String(r.size) === corpus);
  const done = ofCorpus.filter((r) => !r.failed);
  const entries = done[0]?.entries;
  console.log(`\n### ${Number(corpus) ? `Generated, ${Number(corpus).toLocaleString('en')} entries` : `Manual pages${entries ? `, ${entries.toLocaleString('en')} entries` : ''}`}\n`);
  const types = [...new Set(done.flatMap((r) => Object.keys(r.latency)))];
  console.log(`| engine | build s | memory MB | ${types.map((t) => `${t} p50 / p95 ms`).join(' | ')} | queries run |`);
  console.log(`|${' --- |'.repeat(types.length + 4)}`);
  for (const r of ofCorpus) {
    if (r.failed) { console.log(`| ${r.engine} | failed or timed out |${' |'.repeat(types.length + 2)}`); continue; }
    console.log(`| ${name(r)} | ${(r.buildMs / 1000).toFixed(2)} | ${r.memoryMB.toFixed(0)} | ${types.map((t) => cell(r.latency[t])).join(' | ')} | ${r.measured}/${r.queries} |`);
  }
  const ranked = types.filter((t) => !TIMED_ONLY.has(t));
  console.log(`\nMRR@10 / top-1 / recall@10 (over the queries each engine ran):\n`);
  console.log(`| engine | ${ranked.join(' | ')} |`);
  console.log(`|${' --- |'.repeat(ranked.length + 1)}`);
  for (const r of done) {
    const q = (t) => (r.quality?.[t] ? `${r.quality[t].mrr10.toFixed(3)} / ${r.quality[t].top1.toFixed(3)} / ${r.quality[t].recall10.toFixed(3)}` : '–');
    console.log(`| ${name(r)} | ${ranked.map(q).join(' | ')} |`);
  }
}
