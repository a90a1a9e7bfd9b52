// What the `pubview sync` tests share: a local HTTP server that plays the web
// APIs with saved responses (tests/data/api, recorded ones in recorded/), the
// CLI run as a child process (asynchronously, so this process's server keeps
// answering), and a work folder with a config. Tests wait for the CLI to
// exit, never for a fixed time.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../temp-dir.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cli = path.join(root, 'build/native/pubview');
export const apiFile = (name) => path.join(root, 'tests/data/api', name);
export const api = (name) => fs.readFileSync(apiFile(name));

// Each route answers a list of responses in turn (the last one repeats);
// every request is recorded with its time and headers.
export class ApiServer {
  constructor() {
    this.routes = new Map();
    this.requests = [];
  }

  async start() {
    this.server = http.createServer((req, res) => {
      this.requests.push({ url: req.url, at: Date.now(), agent: req.headers['user-agent'], accept: req.headers.accept });
      const r = this.routes.get(req.url);
      if (!r) { res.writeHead(404, { 'content-type': 'application/json' }); res.end('{"error":"no route"}'); return; }
      const answer = r.answers[Math.min(r.served++, r.answers.length - 1)];
      answer(res);
    });
    await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${this.server.address().port}`;
    return this;
  }

  stop() { this.server.closeAllConnections(); this.server.close(); }
  route(pathAndQuery, ...answers) { this.routes.set(pathAndQuery, { answers, served: 0 }); }
  reset() { this.routes = new Map(); this.requests.length = 0; }
}

export const ok = (body, type = 'application/json') => (res) => { res.writeHead(200, { 'content-type': type }); res.end(body); };
export const status = (code, headers = {}) => (res) => { res.writeHead(code, { 'content-type': 'text/plain', ...headers }); res.end(`status ${code}`); };
// Headers and the start of the body, then nothing: the client has to give up.
export const stalled = (res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.write('{"jobs": ['); };
// A Content-Length the body never reaches: the connection closes after its first 200 bytes.
export const cutShort = (body) => (res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length + 5000) });
  res.write(body.subarray(0, 200), () => res.socket.destroy());
};

export function run(args) {
  return new Promise((resolve) => {
    const child = spawn(cli, args);
    let out = '', err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

// A fresh folder with config.json (and base.json when a base bundle is given).
export function workDir(config, baseBundle) {
  const dir = tempDir('pubview-sync-');
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
  if (baseBundle) fs.writeFileSync(path.join(dir, 'base.json'), JSON.stringify(baseBundle));
  return dir;
}
