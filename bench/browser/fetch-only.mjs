// The main-thread long tasks of a page that only downloads a bundle with
// fetch() and reads its body to the end, with no widget: what the browser
// itself costs the page for a response of that size. It drives headless
// Chromium over a bare DevTools connection that enables no Network domain
// (Playwright enables it, and DevTools then keeps a copy of each response).
//
//   node --experimental-websocket bench/browser/fetch-only.mjs FILE [RUNS]
//
// FILE is served by serve.py as the default bundle (a JSON bundle or a pack).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../tests/browser/browser.mjs';

const [file, runsArgument] = process.argv.slice(2);
if (!file) {
  console.error('usage: node --experimental-websocket bench/browser/fetch-only.mjs FILE [RUNS]');
  process.exit(2);
}
const runs = Number(runsArgument) || 3;
const PORT = 9335;

// Reads the body chunk by chunk and drops each chunk, as a streaming reader would.
const READ_TO_THE_END = `(async () => {
  const tasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push(Math.round(e.duration));
  }).observe({ type: 'longtask' });
  const started = performance.now();
  const response = await fetch('data/most-viewed-2022.json', { cache: 'no-store' });
  const reader = response.body.getReader();
  let bytes = 0;
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    bytes += chunk.value.length;
  }
  const ms = Math.round(performance.now() - started);
  await new Promise((resolve) => setTimeout(resolve, 300));  // the observer reports the last task
  return JSON.stringify({ bytes, ms, longest: Math.max(0, ...tasks), tasks });
})()`;

async function connect() {
  for (let i = 0; i < 100; i++) {
    try {
      const targets = await (await fetch(`http://127.0.0.1:${PORT}/json/list`)).json();
      const page = targets.find((t) => t.type === 'page');
      if (page) return new WebSocket(page.webSocketDebuggerUrl);
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('Chromium did not open its DevTools port');
}

const server = await startServer(['--bundle', file]);
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pubview-fetch-only-'));
const chromium = spawn('/usr/bin/chromium', ['--headless', '--no-sandbox', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
  `--remote-debugging-port=${PORT}`, `--user-data-dir=${profile}`, 'about:blank'], { stdio: 'ignore' });
try {
  const socket = await connect();
  await new Promise((resolve) => socket.addEventListener('open', resolve));
  let lastId = 0;
  const waiting = new Map();
  socket.addEventListener('message', (message) => {
    const reply = JSON.parse(message.data);
    if (waiting.has(reply.id)) waiting.get(reply.id)(reply);
  });
  const send = (method, params = {}) => new Promise((resolve) => {
    waiting.set(++lastId, resolve);
    socket.send(JSON.stringify({ id: lastId, method, params }));
  });
  await send('Page.enable');
  console.log(`${path.basename(file)}, ${fs.statSync(file).size} bytes, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}`);
  for (let run = 1; run <= runs; run++) {
    // A page of the server's origin with no widget on it (serve.py's 404 page).
    await send('Page.navigate', { url: server.url + 'fetch-only' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const reply = await send('Runtime.evaluate', { expression: READ_TO_THE_END, awaitPromise: true, returnByValue: true });
    const result = JSON.parse(reply.result.result.value);
    console.log(`run ${run}: ${result.bytes} bytes in ${result.ms} ms; longest task ${result.longest} ms; tasks over 50 ms: ${result.tasks.join(', ') || 'none'}`);
  }
  socket.close();
} finally {
  const exited = new Promise((resolve) => chromium.once('exit', resolve));
  chromium.kill();
  await exited;  // it writes to its profile until it is gone
  await server.stop();
  fs.rmSync(profile, { recursive: true, force: true });
}
