// Assembles build/web/pubview-full.js from the ES modules of web/pubview/ and
// the Emscripten glue: every module once, dependencies first, in one closure
// whose only global is the PubView that mount.js sets. The modules use a small
// subset of ES module syntax, which this checks: `import { a, b } from './x.js';`
// and `export` before a const, let, function or class.
//   node tools/assemble_pubview.mjs web/pubview/mount.js build/web/pubview-glue.js OUT
import fs from 'node:fs';
import path from 'node:path';

const [entry, gluePath, out] = process.argv.slice(2);
if (!out) {
  console.error('usage: node tools/assemble_pubview.mjs ENTRY.js GLUE.js OUT.js');
  process.exit(2);
}

const IMPORT = /^import \{[^}]*\} from '(\.\/[\w-]+\.js)';\n/gm;
const EXPORT = /^export (?=const |let |function |class )/gm;
const ordered = [];
const visiting = new Set();

function add(file) {
  if (ordered.some((m) => m.file === file)) return;
  if (visiting.has(file)) throw new Error(`${file}: an import cycle`);
  visiting.add(file);
  const text = fs.readFileSync(file, 'utf8');
  for (const [, target] of text.matchAll(IMPORT)) add(path.join(path.dirname(file), target));
  const body = text.replace(IMPORT, '').replace(EXPORT, '');
  const stray = /^(import|export)\b.*$/m.exec(body);
  if (stray) throw new Error(`${file}: "${stray[0]}" is not in the module syntax the assembler reads`);
  visiting.delete(file);
  ordered.push({ file, body });
}

try {
  add(entry);
} catch (e) {
  console.error('assemble_pubview: ' + e.message);
  process.exit(1);
}
const glue = fs.readFileSync(gluePath, 'utf8');
const indent = (text) => text.replace(/^(?=.)/gm, '  ');
const parts = ordered.map((m) => `  // ---- ${path.basename(m.file)}\n${indent(m.body.trim())}\n`);
fs.writeFileSync(out, `(function () {
  'use strict';
  // The Emscripten glue: it defines createPubviewModule inside this closure, not on window.
${glue}
${parts.join('\n')}})();
`);
