// The second table of run.mjs: a sharded bundle's figures (issue 14), as
// shards.mjs prints them for each of BENCH_SHARD_SIZES, beside the
// single-file pack of the same size where run.mjs measured one, with the
// issue's targets. The verdicts judge the sharded figures.
import { med } from './stats.mjs';
import { kb, mb, ms, longTask, verdict } from './format.mjs';

const MB = 1048576;
// Issue 14's targets: its 100k column up to 100,000 entries, its 1M column above.
const TARGETS_100K = {
  firstRowsMs: 1000, bytesBeforeFirstRows: MB, coldP95Ms: 150, warmP95Ms: 16,
  queryBytes: 5 * MB, longestTaskMs: 50, heapMB: 60, shardSeconds: 10,
};
const TARGETS_1M = { ...TARGETS_100K, coldP95Ms: 200, queryBytes: 10 * MB, heapMB: 100, shardSeconds: 90, shardPeakMB: 4096 };
// -sMAXIMUM_MEMORY=2GB in cmake/web.cmake: the widget's wasm heap grows no further.
const WASM_HEAP_LIMIT = 2 * 1024 ** 3;

const label = (size) => (size >= 1e6 ? `${size / 1e6}M` : `${size / 1000}k`);
// Bytes to a few digits: the small files' in KB, the rest in MB.
const kbOrMb = (bytes) => (bytes < MB ? kb(bytes) : mb(bytes, 2));
const gb = (bytes) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;

// Why `size` has no pack figures: its pack would not fit the widget's heap
// (the largest pack measured, scaled by its bytes and its heap an entry), or
// BENCH_SIZES did not ask for it.
function noPack(size, bundles) {
  const packed = Object.keys(bundles).filter((key) => key.endsWith('-pack')).map((key) => parseInt(key, 10));
  if (packed.length === 0) return 'not measured (no size in BENCH_SIZES)';
  const from = Math.max(...packed);
  const pack = bundles[`${from}-pack`];
  const heapBytes = (med(pack.results, (r) => r.heapBytes) / from) * size;
  if (heapBytes <= WASM_HEAP_LIMIT) return 'not measured (not in BENCH_SIZES)';
  return `none: a ${label(size)} pack would be ≈ ${gb((pack.packBytes / from) * size)} on disk and need ≈ ${gb(heapBytes)} of heap` +
    ` (the ${label(from)} pack's ${(pack.packBytes / from).toFixed(0)} B and ${(heapBytes / size).toFixed(0)} B an entry);` +
    ' the widget\'s wasm heap stops at 2 GB (cmake/web.cmake)';
}

// The pack's cells, in the order of the figures; where it has no such figure, why.
function packCells(size, bundles) {
  const pack = bundles[`${size}-pack`];
  if (!pack) return [noPack(size, bundles), ...Array(7).fill('(see above)')];
  const packMed = (pick) => med(pack.results, pick);
  return [
    ms(packMed((r) => r.rowsShownMs)),
    `${kbOrMb(pack.packBytes)}: the pack file alone, uncompressed as served`,
    '— (all in the heap once loaded)',
    `— (its typing frame work p95, ${ms(packMed((r) => r.typing.p95Ms))}, is one frame's work, not the time to results)`,
    '0 (the whole pack came before the first rows)',
    `${longTask(packMed((r) => r.longestBlockMs))} (while loading, but for the WebGL context's)`,
    mb(packMed((r) => r.heapBytes)),
    '— (`pubview pack` is not timed)',
  ];
}

const shardCommand = (shard) => (shard.seconds === null ? 'not run (BENCH_SHARDED: a folder sharded before)' : `${shard.seconds} s, ${shard.peakMB} MB peak`);

function shardVerdict(shard, targets) {
  if (shard.seconds === null) return '';
  const time = verdict(shard.seconds, targets.shardSeconds);
  if (!targets.shardPeakMB) return time;
  const memory = verdict(shard.peakMB, targets.shardPeakMB);
  return time === 'met' && memory === 'met' ? 'met' : `time ${time}, memory ${memory}`;
}

// One row per figure of issue 14 for the sharded bundle `s` (shards.mjs's JSON) of `size` entries.
function shardRows(size, s, bundles) {
  const t = size <= 100000 ? TARGETS_100K : TARGETS_1M;
  const n = label(size);
  const pack = packCells(size, bundles);
  return [
    [`${n}: first rows after navigation`, ms(s.firstRowsMs), pack[0], `≤ ${ms(t.firstRowsMs)}`, verdict(s.firstRowsMs, t.firstRowsMs)],
    [`${n}: bytes before the first rows (${s.requestsBeforeFirstRows} requests, as served)`, kbOrMb(s.bytesBeforeFirstRows), pack[1],
      `≤ ${mb(t.bytesBeforeFirstRows)}`, verdict(s.bytesBeforeFirstRows, t.bytesBeforeFirstRows)],
    ...[['cold shards', 'cold', t.coldP95Ms, pack[2]], ['warm', 'warm', t.warmP95Ms, pack[3]]].map(([what, key, target, packCell]) => {
      const p95 = (figure) => ms(s[figure][`${key}P95Ms`]);
      return [`${n}: results after a keystroke, ${what}, p95: on screen (answer in the panel; widget idle; settled())`,
        `${p95('onScreen')} (${p95('answer')}; ${p95('drawn')}; ${ms(s[`${key}P95Ms`])})`, packCell, `≤ ${ms(target)}`,
        verdict(s.onScreen[`${key}P95Ms`], target)];
    }),
    [`${n}: bytes for ${s.queries} typical queries`, kbOrMb(s.bytesForQueries), pack[4], `≤ ${mb(t.queryBytes)}`, verdict(s.bytesForQueries, t.queryBytes)],
    [`${n}: longest main-thread task, but for the WebGL context's (with it; the most thread CPU a task took, traced)`,
      `${longTask(s.longestTaskButContextMs)} (${longTask(s.longestTaskMs)}; ${ms(s.longestTaskTraced.threadCpuMs)})`, pack[5],
      `≤ ${ms(t.longestTaskMs)}`, verdict(s.longestTaskButContextMs, t.longestTaskMs)],
    [`${n}: widget heap (wasm memory: the page's and its search worker's)`, `${s.widgetHeapMB} MB (${s.pageHeapMB} + ${s.workerHeapMB})`, pack[6], `≤ ${t.heapMB} MB`, verdict(s.widgetHeapMB, t.heapMB)],
    [`${n}: \`pubview shard\`, natively (wall, peak memory)`, shardCommand(s.shard), pack[7],
      `≤ ${t.shardSeconds} s${t.shardPeakMB ? `, ≤ ${t.shardPeakMB / 1024} GB` : ''}`, shardVerdict(s.shard, t)],
  ];
}

// `shards`: shards.mjs's JSON by size; `bundles`: run.mjs's raw large-bundle runs (its packs under "SIZE-pack").
export function printShardTable(shards, bundles, runs) {
  const results = Object.entries(shards).map(([size, s]) => [Number(size), s]);
  if (results.length === 0) return;
  console.log(`\n| figure, sharded bundle (shards.mjs, ${results[0][1].network} emulated) | sharded: first rows median of ${runs} visits, the rest on the last |` +
    ` single-file pack (loopback, no network emulated; median of ${runs} runs) | target (issue 14) | verdict (sharded) |`);
  console.log('| --- | --- | --- | --- | --- |');
  for (const [size, s] of results) for (const row of shardRows(size, s, bundles)) console.log(`| ${row.join(' | ')} |`);
  console.log('\nTargets: issue 14\'s 100k column up to 100,000 entries, its 1M column above.');
  for (const [size, s] of results) {
    const kinds = Object.entries(s.bytesForQueriesByKind).filter(([, bytes]) => bytes > 0)
      .map(([kind, bytes]) => `${kind} ${kbOrMb(bytes)}`).join(', ');
    console.log(`- ${label(size)}: \`pubview shard\` ${shardCommand(s.shard)}, ${s.shard.files} files in the folder;` +
      ` the ${s.queries} queries' bytes by kind of file (bodies): ${kinds}`);
  }
}
