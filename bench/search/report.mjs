// Prints the results run-engine.mjs wrote (one JSON line each) as Markdown tables, one per size.
//   node bench/search/report.mjs RESULTS.jsonl
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

const TYPES = ['known-item', 'keystroke', 'typo', 'author', 'venue-year', 'accentless', 'nonsense'];
const rows = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));

const ms = (v) => (v === undefined ? '–' : v < 10 ? v.toFixed(2) : v.toFixed(0));
const cell = (latency) => (latency ? `${ms(latency.p50)} / ${ms(latency.p95)}` : '–');

console.log(`Machine: ${cpus().length} CPUs, ${cpus()[0]?.model ?? 'unknown CPU'}; Node ${process.version}`);
for (const size of [...new Set(rows.map((r) => r.size))].sort((a, b) => a - b)) {
  console.log(`\n### ${size.toLocaleString('en')} entries\n`);
  console.log(`| engine | build s | memory MB | ${TYPES.map((t) => `${t} p50 / p95 ms`).join(' | ')} | MRR@10 | top-1 | queries run |`);
  console.log(`|${' --- |'.repeat(TYPES.length + 6)}`);
  for (const r of rows.filter((row) => row.size === size)) {
    if (r.failed) {
      console.log(`| ${r.engine} | failed or timed out |${' |'.repeat(TYPES.length + 4)}`);
      continue;
    }
    console.log(`| ${r.engine} ${r.version} | ${(r.buildMs / 1000).toFixed(2)} | ${r.memoryMB.toFixed(0)} | ` +
      `${TYPES.map((t) => cell(r.latency[t])).join(' | ')} | ${r.mrr10?.toFixed(3) ?? '–'} | ` +
      `${r.top1 === null ? '–' : `${(100 * r.top1).toFixed(0)}%`} | ${r.measured}/${r.queries} |`);
  }
}
