// Lighthouse on the demo pages (issue 18): mobile (Lighthouse's default: a
// simulated slow 4G and a 4x slower CPU) and desktop, on /, /blog.html and the
// same blog post without its widgets, the median of LH_RUNS runs (default 3)
// of each; prints one Markdown table and what keeps a category under 100.
// lighthouse.sh installs Lighthouse (this folder's package.json) and builds
// the site; the reports go to build/bench-browser/lighthouse/ (LH_REPORTS).
// To measure another build: LH_SITE=its site folder, LH_URL=where a server
// (serve.py's handler) serves it; otherwise serve.py serves build/web/site.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, root, startServer } from '../../tests/browser/browser.mjs';
import { median } from './stats.mjs';

const runs = Number(process.env.LH_RUNS || 3);
const here = path.join(root, 'bench', 'browser');
const cli = path.join(here, 'node_modules', 'lighthouse', 'cli', 'index.js');
const site = process.env.LH_SITE || path.join(root, 'build', 'web', 'site');
const reports = process.env.LH_REPORTS || path.join(root, 'build', 'bench-browser', 'lighthouse');
const PLAIN_BLOG = 'blog-without-widgets.html';
const PAGES = ['/', '/blog.html', '/' + PLAIN_BLOG];
const FORMS = ['mobile', 'desktop'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
// Lighthouse starts Chromium itself: the project's switches, with the new headless mode.
const chromeFlags = CHROMIUM_ARGS.map((flag) => (flag === '--headless' ? '--headless=new' : flag)).join(' ');

const log = (...args) => console.error(...args);

// The blog post as a page without pubview: no widget elements (with their
// static lists) and no pubview.js; everything else as it is.
function writePlainBlog() {
  const blog = fs.readFileSync(path.join(site, 'blog.html'), 'utf8');
  const plain = blog.replace(/<div class="pubview"[^>]*>[\s\S]*?<\/div>\s*/g, '').replace(/<script src="pubview\.js"[^>]*><\/script>\s*/, '');
  if (plain.includes('pubview.js') || /class="pubview"/.test(plain)) throw new Error('blog.html: could not take its widgets out');
  fs.writeFileSync(path.join(site, PLAIN_BLOG), plain);
}

function lighthouse(url, form, output) {
  const args = [cli, url, '--output=json', `--output-path=${output}`, '--quiet',
    `--only-categories=${CATEGORIES.join(',')}`, `--chrome-flags=${chromeFlags}`];
  if (form === 'desktop') args.push('--preset=desktop');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (d) => { errors += d; });
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(fs.readFileSync(output, 'utf8')))
      : reject(new Error(`lighthouse ${url} (${form}) exited with ${code}:\n${errors}`))));
  });
}

// The figures of one report, and the audits that cost points outside performance.
function figures(report) {
  const audit = (id) => report.audits[id];
  const numeric = (id) => (audit(id) ? audit(id).numericValue : NaN);
  const failing = [];
  for (const category of CATEGORIES.slice(1)) {
    for (const ref of report.categories[category].auditRefs) {
      const a = audit(ref.id);
      if (ref.weight > 0 && a.score !== null && a.score < 1) failing.push(`${category}: ${ref.id}`);
    }
  }
  if (report.runtimeError) failing.push(`runtime error: ${report.runtimeError.message}`);
  return {
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(100 * (report.categories[c].score ?? NaN))])),
    fcp: numeric('first-contentful-paint'),
    lcp: numeric('largest-contentful-paint'),
    tbt: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
    si: numeric('speed-index'),
    failing,
  };
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  if (!fs.existsSync(cli)) throw new Error(`Lighthouse is missing: run bench/browser/lighthouse.sh (it runs npm ci in ${here})`);
  writePlainBlog();
  fs.mkdirSync(reports, { recursive: true });
  const loadAverages = [os.loadavg()[0]];
  const server = process.env.LH_URL ? { url: process.env.LH_URL, stop: async () => {} } : await startServer();
  const rows = [];
  const notes = new Set();
  try {
    for (const form of FORMS) {
      for (const page of PAGES) {
        const results = [];
        for (let run = 1; run <= runs; run++) {
          log(`lighthouse: ${page}, ${form}, run ${run} of ${runs}`);
          const name = `${form}-${page.replace(/\W+/g, '_') || 'index'}-${run}.json`;
          results.push(figures(await lighthouse(new URL(page.slice(1), server.url).href, form, path.join(reports, name))));
        }
        const med = (pick) => median(results.map(pick));
        rows.push([page, form, ...['performance'].map((c) => med((r) => r.scores[c])), seconds(med((r) => r.fcp)),
          seconds(med((r) => r.lcp)), `${med((r) => r.tbt).toFixed(0)} ms`, med((r) => r.cls).toFixed(3), seconds(med((r) => r.si)),
          ...CATEGORIES.slice(1).map((c) => med((r) => r.scores[c]))]);
        for (const r of results) for (const f of r.failing) notes.add(`${page} (${form}): ${f}`);
      }
    }
  } finally {
    await server.stop();
  }
  loadAverages.push(os.loadavg()[0]);
  console.log(`| page | settings | performance | FCP | LCP | TBT | CLS | Speed Index | accessibility | best practices | SEO |`);
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log(`\nMedian of ${runs} runs each (each column on its own). The machine's 1-minute load average: ` +
    `${loadAverages.map((l) => l.toFixed(1)).join(' at the start, ')} at the end (${os.cpus().length} CPUs).`);
  if (notes.size) console.log('\nAudits that cost points outside performance (in any run):\n' + [...notes].map((n) => `- ${n}`).join('\n'));
}

await main();
