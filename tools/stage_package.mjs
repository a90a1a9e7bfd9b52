// Lays out the npm package from a finished web build, ready for `npm pack`
// (tools/release.sh runs both):
//   package.json           name pubview, version from the repository's package.json
//   dist/                  what a static host serves: pubview.js (classic script),
//                          pubview.mjs (ES module), pubview.wasm, fonts/, i18n/ (the
//                          interface's other languages), the sharded bundle's
//                          worker (pubview-shards-worker.js, pubview-shards.mjs/.wasm), with .gz copies
//   dist/core/             pubview/core: the engine for Node, without the panel
//   dist/cli/, bin/        the CLI as WebAssembly (`npx pubview`)
//   index.d.ts, core.d.ts, bundle.d.ts, README.md, CHANGELOG.md
//
//   node tools/stage_package.mjs build/web build/package
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const [webBuild, out] = process.argv.slice(2);
if (!out) {
  console.error('usage: node tools/stage_package.mjs WEB_BUILD_DIR OUT_DIR');
  process.exit(2);
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

// [from, to]: from is relative to the web build, or to the repository with "repo:".
const FILES = [
  ['site/pubview.js', 'dist/pubview.js'],
  ['site/pubview.js.gz', 'dist/pubview.js.gz'],
  ['pubview.mjs', 'dist/pubview.mjs'],
  ['site/pubview.wasm', 'dist/pubview.wasm'],
  ['site/pubview.wasm.gz', 'dist/pubview.wasm.gz'],
  ['site/fonts/pubview-regular.ttf', 'dist/fonts/pubview-regular.ttf'],
  ['site/fonts/pubview-regular.ttf.gz', 'dist/fonts/pubview-regular.ttf.gz'],
  ['site/fonts/pubview-bold.ttf', 'dist/fonts/pubview-bold.ttf'],
  ['site/fonts/pubview-bold.ttf.gz', 'dist/fonts/pubview-bold.ttf.gz'],
  // A sharded bundle's search worker, fetched by the page only for data-bundle="DIR/".
  ['site/pubview-shards-worker.js', 'dist/pubview-shards-worker.js'],
  ['site/pubview-shards-worker.js.gz', 'dist/pubview-shards-worker.js.gz'],
  ['site/pubview-shards.mjs', 'dist/pubview-shards.mjs'],
  ['site/pubview-shards.mjs.gz', 'dist/pubview-shards.mjs.gz'],
  ['site/pubview-shards.wasm', 'dist/pubview-shards.wasm'],
  ['site/pubview-shards.wasm.gz', 'dist/pubview-shards.wasm.gz'],
  ['pubview-core.mjs', 'dist/core/pubview-core.mjs'],
  ['pubview-core.wasm', 'dist/core/pubview-core.wasm'],
  // .cjs: the glue is a CommonJS script, and the package is "type": "module".
  ['pubview-cli.js', 'dist/cli/pubview-cli.cjs'],
  ['pubview-cli.wasm', 'dist/cli/pubview-cli.wasm'],
  ['repo:web/package/pubview.cjs', 'bin/pubview.cjs'],
  ['repo:web/types/index.d.ts', 'index.d.ts'],
  ['repo:web/types/core.d.ts', 'core.d.ts'],
  ['repo:web/types/bundle.d.ts', 'bundle.d.ts'],
  ['repo:data/bundle.schema.json', 'dist/bundle.schema.json'],
  ['repo:README.md', 'README.md'],
  ['repo:CHANGELOG.md', 'CHANGELOG.md'],
  // The interface's other languages, which a widget fetches beside pubview.js
  // (i18n/TAG.json): every file the site build wrote.
  ...(fs.existsSync(path.join(webBuild, 'site/i18n')) ? fs.readdirSync(path.join(webBuild, 'site/i18n')).sort() : ['de.json'])
    .map((name) => ['site/i18n/' + name, 'dist/i18n/' + name]),
];

const MANIFEST = {
  name: 'pubview',
  version,
  description: 'Search-as-you-type list of publications and job postings for any web page: a WebAssembly widget ' +
    '(<pub-view> or PubView.mount), its search engine for Node, and the pubview CLI without a compiler',
  keywords: ['publications', 'jobs', 'search', 'widget', 'webassembly', 'custom-element', 'bibtex'],
  type: 'module',
  exports: {
    '.': { types: './index.d.ts', default: './dist/pubview.mjs' },
    './core': { types: './core.d.ts', default: './dist/core/pubview-core.mjs' },
    './bundle.schema.json': './dist/bundle.schema.json',
    './dist/*': './dist/*',
    './package.json': './package.json',
  },
  types: './index.d.ts',
  bin: { pubview: './bin/pubview.cjs' },
  files: ['dist/', 'bin/', 'index.d.ts', 'core.d.ts', 'bundle.d.ts', 'CHANGELOG.md'],
  engines: { node: '>=18' },
};

const missing = FILES.map(([from]) => source(from)).filter((file) => !fs.existsSync(file));
if (missing.length) {
  console.error('stage_package: the build has not made ' + missing.join(', ') +
    ': build both presets first (tools/release.sh does)');
  process.exit(1);
}
fs.rmSync(out, { recursive: true, force: true });
for (const [from, to] of FILES) {
  fs.mkdirSync(path.dirname(path.join(out, to)), { recursive: true });
  fs.copyFileSync(source(from), path.join(out, to));
}
fs.chmodSync(path.join(out, 'bin/pubview.cjs'), 0o755);
// A gzip copy beside the ES module too, as the site build writes for the rest
// (node's gzip stores no name or time: the same input gives the same bytes).
const mjs = path.join(out, 'dist/pubview.mjs');
fs.writeFileSync(mjs + '.gz', zlib.gzipSync(fs.readFileSync(mjs), { level: 9 }));
fs.writeFileSync(path.join(out, 'package.json'), JSON.stringify(MANIFEST, null, 2) + '\n');
console.log(`stage_package: pubview ${version} in ${out}`);

function source(from) {
  return from.startsWith('repo:') ? path.join(root, from.slice(5)) : path.join(webBuild, from);
}
