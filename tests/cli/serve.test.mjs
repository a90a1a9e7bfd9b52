// The first minutes with serve.py: a port that is taken, and a bundle of one's
// own that has problems. Each ends in a line that says what happened, never a
// traceback, and the page serves what the bundle holds, not the seed's list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort, startServer } from '../browser/browser.mjs';

test('serve.py on a port in use says so in one line and serves on the next free port', async () => {
  const port = await freePort();
  const squatter = net.createServer();
  await new Promise((resolve) => squatter.listen(port, '127.0.0.1', resolve));
  const server = await startServer([], port);
  try {
    assert.doesNotMatch(server.output(), /Traceback|OSError/);
    const said = new RegExp(`port ${port} is in use .*; serving on (\\d+) instead`).exec(server.output());
    assert.ok(said, server.output());
    assert.equal(server.url, `http://127.0.0.1:${said[1]}/`);
    const page = await fetch(server.url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /class="pubview"/);
  } finally {
    await server.stop();
    squatter.close();
  }
});

test('serve.py --bundle prints the problems of a broken bundle with their places, then serves it with its own static list', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pubview-serve-'));
  const bundle = path.join(dir, 'lab.json');
  const text = JSON.stringify({
    pubview: 1, title: 'Our lab',
    publications: [
      { id: 'zebra', title: 'Zebra crossings in Lisbon', authors: ['Ana Sousa'], year: 2024, abstract: 'Where people cross.' },
      { id: 'broken', title: 42, year: 2023, abstract: 'A title that is a number.' },
    ],
  });
  fs.writeFileSync(bundle, text);
  const server = await startServer(['--bundle', bundle]);
  try {
    assert.match(server.output(), /\/publications\/1\/title: expected a string, got a number/);
    assert.doesNotMatch(server.output(), /Traceback/);
    const page = await (await fetch(server.url)).text();
    assert.match(page, /Zebra crossings in Lisbon/);
    assert.doesNotMatch(page, /DynamoDB/, 'the seed bundle\'s static list is not served for another bundle');
    const served = await (await fetch(new URL('data/most-viewed-2022.json', server.url))).text();
    assert.equal(served, text);
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
