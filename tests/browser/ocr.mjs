// Optical character recognition for the tests that look: Debian's tesseract
// reads a screenshot back, and `mismatch` says how far that reading is from
// the text that should be there.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

// The text tesseract reads in `image`, in `language` (tesseract-ocr-*);
// `pageMode` 3 for a page, 7 for a single line.
export function ocr(image, language, pageMode = 3) {
  const r = spawnSync('tesseract', [image, 'stdout', '-l', language, '--psm', String(pageMode)], { encoding: 'utf8', timeout: 120000 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

// The edit distance from `expected` to the closest part of `text` (approximate
// substring matching), over the length of `expected`; spaces are ignored, since
// OCR of ideographs puts spaces between them.
export function mismatch(expected, text) {
  const a = [...expected.replace(/\s+/g, '')];
  const b = [...text.replace(/\s+/g, '')];
  let previous = new Array(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; ++i) {
    const row = [i];
    for (let j = 1; j <= b.length; ++j) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return Math.min(...previous) / a.length;
}
