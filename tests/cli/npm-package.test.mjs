// The npm package as a user gets it: `bash tools/release.sh` writes
// build/release/pubview-VERSION.tgz; installed offline from that file into an
// empty folder, with no compiler on PATH, `npx pubview` gives the native CLI's
// output, `pubview/core` searches the seed, and a page served from the folder
// imports the module from node_modules/pubview and shows the seed in <pub-view>.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, root, screenshots } from '../browser/browser.mjs';

const native = path.join(root, 'build/native/pubview');
const seed = path.join(root, 'data/most-viewed-2022.json');
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const tarball = path.join(root, `build/release/pubview-${version}.tgz`);
// npm's own scripts, run with this node: the PATH of the tests below has no npm on it.
const npmBin = (name) => fs.realpathSync(spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim());
const npx = npmBin('npx');
const npm = npmBin('npm');
let site;  // the folder the package is installed in
let bin;   // a PATH with node and sh only: no compiler, no cmake

function sh(command, args, options = {}) {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 600000, ...options });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

before(() => {
  const release = sh('bash', [path.join(root, 'tools/release.sh')], { cwd: root });
  assert.equal(release.code, 0, release.out + release.err);
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'pubview-site-'));
  bin = path.join(site, '.bin-no-compiler');
  fs.mkdirSync(bin);
  fs.symlinkSync(process.execPath, path.join(bin, 'node'));
  fs.symlinkSync('/bin/sh', path.join(bin, 'sh'));
  fs.writeFileSync(path.join(site, 'package.json'), '{"name": "a-lab-site", "private": true}\n');
  const install = sh(process.execPath, [npm, 'install', '--offline', '--no-audit',
    '--no-fund', tarball], { cwd: site, env: { ...process.env, PATH: bin } });
  assert.equal(install.code, 0, install.out + install.err);
});

after(() => { if (site) fs.rmSync(site, { recursive: true, force: true }); });

test('the tarball is under 1.5 MB and holds dist/, the module, the core, the CLI and the declarations, no sources or tests', () => {
  assert.ok(fs.statSync(tarball).size < 1.5 * 1024 * 1024, `${tarball} is ${fs.statSync(tarball).size} bytes`);
  const r = sh('npm', ['pack', '--dry-run', '--json'], { cwd: path.join(root, 'build/package') });
  assert.equal(r.code, 0, r.err);
  const files = JSON.parse(r.out)[0].files.map((f) => f.path).sort();
  for (const wanted of ['dist/pubview.js', 'dist/pubview.js.gz', 'dist/pubview.mjs', 'dist/pubview.wasm', 'dist/pubview.wasm.gz',
    'dist/fonts/pubview-regular.ttf', 'dist/fonts/pubview-regular.ttf.gz', 'dist/fonts/pubview-bold.ttf.gz',
    'dist/core/pubview-core.mjs', 'dist/core/pubview-core.wasm', 'dist/cli/pubview-cli.cjs', 'dist/cli/pubview-cli.wasm',
    'dist/i18n/de.json', 'dist/i18n/ar.json.gz', 'dist/i18n/zh-Hans.json',
    'bin/pubview.cjs', 'index.d.ts', 'core.d.ts', 'bundle.d.ts', 'README.md', 'CHANGELOG.md', 'package.json']) {
    assert.ok(files.includes(wanted), `${wanted} is in the package: ${files.join(', ')}`);
  }
  const sources = files.filter((f) => /(^|\/)(src|tests|web|tools|third_party)\/|\.(cpp|h|py|map)$/.test(f));
  assert.deepEqual(sources, []);
});

test('npx pubview validate and search on the seed give the native CLI\'s output and exit codes, with no compiler on PATH', () => {
  const env = { ...process.env, PATH: bin };
  assert.equal(sh('sh', ['-c', 'command -v g++ c++ cc em++ cmake'], { env }).out, '');
  for (const args of [['validate', seed], ['search', seed, 'dynamodb', '--json'], ['validate', '/nonexistent.json'], ['--version']]) {
    const expected = sh(native, args);
    const got = sh(process.execPath, [npx, '--offline', 'pubview', ...args], { cwd: site, env });
    assert.deepEqual(got, expected, `npx pubview ${args.join(' ')}`);
  }
  assert.equal(sh(native, ['--version']).out, `pubview ${version}\n`);
});

test('npx pubview import-bibtex writes the bundle the native CLI writes, and npx pubview validate accepts it', () => {
  const env = { ...process.env, PATH: bin };
  const bib = path.join(root, 'tests/data/import/publications.bib');
  const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'pubview-native-'));
  const expected = sh(native, ['import-bibtex', bib, '--title', 'Our papers', '-o', 'papers.json'], { cwd: elsewhere });
  const got = sh(process.execPath, [npx, '--offline', 'pubview', 'import-bibtex', bib, '--title', 'Our papers', '-o', 'papers.json'],
    { cwd: site, env });
  assert.deepEqual(got, expected);
  assert.equal(fs.readFileSync(path.join(site, 'papers.json'), 'utf8'), fs.readFileSync(path.join(elsewhere, 'papers.json'), 'utf8'));
  fs.rmSync(elsewhere, { recursive: true, force: true });
  const validated = sh(process.execPath, [npx, '--offline', 'pubview', 'validate', 'papers.json'], { cwd: site, env });
  assert.equal(validated.code, 0, validated.err);
  assert.match(validated.out, /^papers\.json: \d+ publications, 0 jobs\n$/);
});

test('import { load } from \'pubview/core\' searches the seed under plain Node', () => {
  const script = `import { load } from 'pubview/core';
    import fs from 'node:fs';
    const index = await load(fs.readFileSync(${JSON.stringify(seed)}, 'utf8'));
    const found = index.search('dynamodb');
    console.log(JSON.stringify({ count: index.count(), first: found.results[0].id }));`;
  fs.writeFileSync(path.join(site, 'search.mjs'), script);
  const r = sh(process.execPath, ['search.mjs'], { cwd: site, env: { ...process.env, PATH: bin } });
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(JSON.parse(r.out), { count: 20, first: 'amazon-dynamodb-2022' });
});

// A static server over the site folder, as any host would serve it.
function serve(dir) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
    '.json': 'application/json', '.ttf': 'font/ttf' };
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

test('a page that imports pubview from node_modules shows the seed\'s 20 entries in <pub-view>', async () => {
  fs.copyFileSync(seed, path.join(site, 'papers.json'));
  fs.writeFileSync(path.join(site, 'index.html'), `<!doctype html><html lang="en"><meta charset="utf-8"><title>Lab</title><link rel="icon" href="data:,">
<script type="importmap">{"imports": {"pubview": "./node_modules/pubview/dist/pubview.mjs"}}</script>
<script type="module">
  import { PubView, mount } from 'pubview';
  window.imported = { mount: typeof mount, version: PubView.version };
</script>
<h1>Our papers and jobs</h1>
<pub-view bundle="papers.json" height="600px"></pub-view>
</html>`);
  const server = await serve(site);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
    await page.waitForFunction(() => window.imported && document.querySelector('pub-view').pubview, null, { timeout: 30000 });
    const shown = await page.evaluate(async () => {
      const el = document.querySelector('pub-view');
      await el.ready;
      await el.pubview.settled();
      return { imported: window.imported, count: el.count(), error: el.error(), drawing: el.pubview.domList.drawing };
    });
    assert.deepEqual(shown, { imported: { mount: 'function', version }, count: 20, error: null, drawing: true });
    fs.mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: path.join(screenshots, 'npm-package-page.png') });
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
});
