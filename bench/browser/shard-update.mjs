// What a returning visitor downloads again after the bundle changes a little
// (issue 14: many content-hashed files against one large file). Shards CORPUS
// with the native CLI, then a copy of it in which CHANGED publications have a
// word added to their titles (as a site owner's weekly fix would), and
// compares the two folders: a file whose name (its content hash) is in both
// is served from the visitor's cache, the rest is fetched again. One large
// file would change its validator (ETag, Last-Modified) with any change, so
// every piece of it cached before is stale.
//
//   node bench/browser/shard-update.mjs CORPUS.json WORK_DIR [CHANGED]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { root } from '../../tests/browser/browser.mjs';
import { folderFiles } from './shard-folder.mjs';

const [corpus, work, changed = '10'] = process.argv.slice(2);
const cli = path.join(root, 'build/native/pubview');

function shard(input, out) {
  fs.rmSync(out, { recursive: true, force: true });
  const run = spawnSync(cli, ['shard', input, '--out', out], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
}

fs.mkdirSync(work, { recursive: true });
const before = path.join(work, 'before'), after = path.join(work, 'after');
shard(corpus, before);
const bundle = JSON.parse(fs.readFileSync(corpus, 'utf8'));
const step = Math.max(1, Math.floor(bundle.publications.length / Number(changed)));
for (let i = 0; i < Number(changed); ++i) bundle.publications[i * step].title += ' Revisited';
const edited = path.join(work, 'edited.json');
fs.writeFileSync(edited, JSON.stringify(bundle));
shard(edited, after);
fs.rmSync(edited);

const old = folderFiles(before), now = folderFiles(after);
const sum = (list) => list.reduce((total, [, size]) => total + size, 0);
const fresh = [...now].filter(([name]) => !old.has(name));
const kindOf = (name) => /^[a-z]+/.exec(name)[0];
const freshByKind = {};
for (const [name, size] of fresh) {
  const kind = kindOf(name);
  freshByKind[kind] = freshByKind[kind] || { files: 0, bytes: 0 };
  freshByKind[kind].files += 1;
  freshByKind[kind].bytes += size;
}
console.log(JSON.stringify({
  corpus, changedTitles: Number(changed),
  folder: { files: now.size, bytes: sum([...now]) },
  newFiles: { files: fresh.length, bytes: sum(fresh), share: Math.round(1000 * sum(fresh) / sum([...now])) / 10 + '%' },
  newByKind: freshByKind,
}, null, 1));
