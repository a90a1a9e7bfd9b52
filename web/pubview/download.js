// Fetching a bundle: progress as it comes, a timeout that restarts with every
// chunk (a slow but live download goes on, a dead one ends), and a message
// that names the file for each way it can fail.
import { sliceTimer } from './tasks.js';

// The module's heap may grow to 2 GB (cmake/web.cmake); loading needs about
// three times the bundle's size (the text, the model and the index).
const MAX_BUNDLE_BYTES = 600 * 1024 * 1024;
function kilobytes(n) { return Math.round(n / 1024) + ' KB'; }

// Resolves to the chunks as they came (joining them would copy it once
// more). `abort` (an AbortController) ends it from outside; `progress(received,
// total)` hears each chunk (total 0 when unknown); `stopped()` says whether
// the widget is gone, when an abort is no timeout to report.
export async function downloadBundle(source, timeoutMs, abort, progress, stopped) {
  const url = new URL(source, document.baseURI);
  let timer = 0;
  const restartTimer = () => {
    clearTimeout(timer);
    timer = setTimeout(() => abort.abort(), timeoutMs);
  };
  const name = url.pathname.split('/').pop() || source;
  progress(0, 0);
  restartTimer();
  try {
    const response = await fetch(url, { signal: abort.signal });
    if (!response.ok) throw new Error(name + ': the server answered ' + response.status + ' ' + response.statusText + '.');
    const type = response.headers.get('content-type') || '';
    if (/text\/html/.test(type)) throw new Error(name + ': the server sent a web page, not a JSON bundle. Is the URL right?');
    // A compressed response's length is not the length of what it reads as.
    const total = response.headers.get('content-encoding') ? 0 : Number(response.headers.get('content-length')) || 0;
    if (total > MAX_BUNDLE_BYTES) throw new Error(name + ' is ' + kilobytes(total) + '; the widget can show bundles up to ' + kilobytes(MAX_BUNDLE_BYTES) + '.');
    const chunks = [];
    let received = 0;
    const reader = response.body.getReader();
    const yieldIfLong = sliceTimer();  // reads of chunks already here resolve with no task between them
    for (;;) {
      let chunk;
      try {
        chunk = await reader.read();
      } catch (e) {
        if (abort.signal.aborted) throw e;
        throw new Error(name + ': the download was cut off after ' + kilobytes(received) + (total ? ' of ' + kilobytes(total) : '') + '.');
      }
      if (chunk.done) break;
      restartTimer();
      chunks.push(chunk.value);
      received += chunk.value.length;
      if (received > MAX_BUNDLE_BYTES) throw new Error(name + ' is larger than ' + kilobytes(MAX_BUNDLE_BYTES) + ', the most the widget can show.');
      progress(received, total);
      await yieldIfLong();
    }
    const start = chunks.length ? chunks[0].subarray(0, 64) : new Uint8Array(0);
    if (/^\s*</.test(new TextDecoder().decode(start))) {
      throw new Error(name + ': the server sent a web page, not a JSON bundle. Is the URL right?');
    }
    return chunks;
  } catch (e) {
    if (abort.signal.aborted && !stopped()) throw new Error(name + ': no answer from the server for ' + Math.round(timeoutMs / 1000) + ' s.');
    throw e;
  } finally {
    clearTimeout(timer);
  }
}
