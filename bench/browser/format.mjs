// How the benchmark's tables write figures, and how they judge them.

export const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
export const mb = (bytes, digits = 0) => `${(bytes / 1048576).toFixed(digits)} MB`;
export const ms = (value) => `${value.toFixed(0)} ms`;
export const pct = (value) => `${value.toFixed(2)} %`;

// The Long Tasks API reports tasks over 50 ms only: none is "< 50 ms", not 0.
export const longTask = (value) => (value > 0 ? ms(value) : '< 50 ms');

// "met", or how far the value is from its upper bound (to two digits when
// under 1.1×: a near miss would read "1.0×").
export function verdict(value, limit) {
  const ratio = value / limit;
  return value <= limit ? 'met' : `missed (${ratio.toFixed(ratio < 1.1 ? 2 : 1)}× the target)`;
}
