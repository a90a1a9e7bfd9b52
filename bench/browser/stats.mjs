// Order statistics for the benchmark's samples.

// The value below which `fraction` of the samples lie (nearest rank).
export function percentile(samples, fraction) {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

export function median(samples) {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

// The median over runs of the number `pick` finds in each run.
export const med = (results, pick) => median(results.map(pick));
