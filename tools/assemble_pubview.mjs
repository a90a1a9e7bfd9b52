// Assembles pubview.js from the ES modules of web/pubview/ and the Emscripten
// glue: every module once, dependencies first, in one closure whose only
// global is the PubView that mount.js sets. The modules use a small subset of
// ES module syntax, which this checks: `import { a, b } from './x.js';`,
// `export` before a const, let, function, async function or class, and (in the entry only)
// `export { a, b };`, which names what the ES module build exports.
//
// Two constants are defined for the modules: PUBVIEW_VERSION (package.json's
// version, the one place it is kept) and PUBVIEW_SCRIPT_URL (where the script
// was loaded from; the wasm and fonts are beside it).
//
//   node tools/assemble_pubview.mjs web/pubview/mount.js build/web/pubview-glue.js OUT [--module]
//
// --module writes an ES module (dist/pubview.mjs in the npm package: `import
// { mount } from 'pubview'`) instead of the classic script.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const asModule = args.includes('--module');
const [entry, gluePath, out] = args.filter((a) => a !== '--module');
if (!out) {
  console.error('usage: node tools/assemble_pubview.mjs ENTRY.js GLUE.js OUT.js [--module]');
  process.exit(2);
}
const packageJson = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'package.json');
const version = JSON.parse(fs.readFileSync(packageJson, 'utf8')).version;

const IMPORT = /^import \{[^}]*\} from '(\.\/[\w-]+\.js)';\n/gm;
const EXPORT = /^export (?=const |let |function |async function |class )/gm;
const EXPORT_LIST = /^export \{([\w\s,]*)\};\n/gm;
const ordered = [];
const visiting = new Set();
let exported = [];

function add(file) {
  if (ordered.some((m) => m.file === file)) return;
  if (visiting.has(file)) throw new Error(`${file}: an import cycle`);
  visiting.add(file);
  const text = fs.readFileSync(file, 'utf8');
  for (const [, target] of text.matchAll(IMPORT)) add(path.join(path.dirname(file), target));
  let body = text.replace(IMPORT, '').replace(EXPORT, '');
  if (file === entry) {
    for (const [, names] of body.matchAll(EXPORT_LIST)) exported.push(...names.split(',').map((n) => n.trim()).filter(Boolean));
    body = body.replace(EXPORT_LIST, '');
  }
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
const scriptUrl = asModule ? 'import.meta.url' : 'document.currentScript && document.currentScript.src';
const body = `  const PUBVIEW_VERSION = ${JSON.stringify(version)};
  const PUBVIEW_SCRIPT_URL = ${scriptUrl};
  // The Emscripten glue: it defines createPubviewModule inside this ${asModule ? 'module' : 'closure'}, not on window.
${glue}
${parts.join('\n')}`;
fs.writeFileSync(out, asModule
  ? `${body}\nexport { ${exported.join(', ')} };\n`
  : `(function () {\n  'use strict';\n${body}})();\n`);
