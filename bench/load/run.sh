#!/usr/bin/env bash
# Loads the same bundles with two builds of load_time, alternating A and B run
# by run, and prints each figure's median.
#   bash bench/load/run.sh RUNS A_BINARY A_FILES... -- B_BINARY B_FILES...
# A_FILES and B_FILES pair up in order (each tree reads packs of its own format).
set -euo pipefail
runs=$1; shift
a_bin=$1; shift
a_files=(); while [ "$1" != "--" ]; do a_files+=("$1"); shift; done; shift
b_bin=$1; shift
b_files=("$@")
log=$(mktemp)
for run in $(seq "$runs"); do
    for i in "${!a_files[@]}"; do
        echo "A $i $("$a_bin" "${a_files[$i]}")" >> "$log"
        echo "B $i $("$b_bin" "${b_files[$i]}")" >> "$log"
    done
done
node - "$log" <<'JS'
const lines = require('fs').readFileSync(process.argv[2], 'utf8').trim().split('\n');
const groups = new Map();
for (const line of lines) {
  const [side, index, file, ...fields] = line.split(' ');
  const key = `${index} ${side}`;
  if (!groups.has(key)) groups.set(key, { file, values: {} });
  for (const field of fields) {
    const [name, value] = field.split('=');
    (groups.get(key).values[name] ??= []).push(Number(value));
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
for (const key of [...groups.keys()].sort()) {
  const { file, values } = groups.get(key);
  const figures = Object.entries(values).map(([name, list]) => `${name}=${median(list)}`);
  console.log(`${key.split(' ')[1]} ${file} ${figures.join(' ')} (process_ms runs: ${values.process_ms.join(', ')})`);
}
JS
rm -f "$log"
