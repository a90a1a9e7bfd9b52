// The built site over HTTP/2 (TLS with a certificate made for the run), as
// static hosts and CDNs serve files today: one connection carries every
// request, where HTTP/1.1 (serve.py) lets a page have six at a time. Like
// serve.py, a file with a .gz copy is sent as that copy with
// Content-Encoding: gzip to a browser that accepts it; a .gz asked for by
// name is sent as it is.
//
//   const server = await startHttp2Server(siteDir);  server.url, server.stop()
//   (the browser context needs ignoreHTTPSErrors: the certificate is its own)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http2 from 'node:http2';
import os from 'node:os';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
  '.json': 'application/json', '.ttf': 'font/ttf', '.gz': 'application/gzip', '.bin': 'application/octet-stream',
};

function certificate() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pubview-h2-'));
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
    '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error('openssl could not make a certificate: ' + made.stderr);
  const pair = { key: fs.readFileSync(path.join(dir, 'key.pem')), cert: fs.readFileSync(path.join(dir, 'cert.pem')) };
  fs.rmSync(dir, { recursive: true, force: true });
  return pair;
}

export async function startHttp2Server(siteDir) {
  const server = http2.createSecureServer({ ...certificate(), allowHTTP1: true });
  server.on('stream', (stream, headers) => {
    const urlPath = decodeURIComponent(new URL(headers[':path'], 'https://localhost').pathname);
    let file = path.join(siteDir, urlPath.endsWith('/') ? urlPath + 'index.html' : urlPath);
    if (!path.resolve(file).startsWith(path.resolve(siteDir))) { stream.respond({ ':status': 403 }); stream.end(); return; }
    const response = { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' };
    if (!file.endsWith('.gz') && /gzip/.test(headers['accept-encoding'] || '') && fs.existsSync(file + '.gz')) {
      file += '.gz';
      response['content-encoding'] = 'gzip';
      response.vary = 'Accept-Encoding';
    }
    stream.on('error', () => {});  // a fetch the page aborted
    stream.respondWithFile(file, response, {
      onError: () => { if (!stream.headersSent) stream.respond({ ':status': 404 }); stream.end(); },
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${server.address().port}/`,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}
