// The module asks for glyphs (pubviewHost.askGlyphs) and takes the batches
// drawn (takeGlyphs), a frame at a time. A few glyphs are drawn at once on
// the main thread; many CJK ones in a worker, off it, which starts the first
// time they are wanted: its script is glyphPainter's own source, so the page
// downloads nothing more for it, and a page built into one file has it too.
// Where the worker cannot draw (no 2D OffscreenCanvas in workers, a content
// policy that forbids blob: workers), what it was asked is drawn here instead.
import { glyphPainter } from './glyphs.js';
import { nextTask } from './tasks.js';

// Fewer CJK characters than this are drawn at once, here.
const WORKER_FROM = 24;
// Characters a worker message carries: the first ones come back while the worker draws the rest.
const CHUNK = 160;

let painter = null;  // the main thread's, made when first needed
let worker = null;   // shared by the page's widgets; false once it failed
let nextRequest = 1;
const requests = new Map();  // request number -> { queue, codes, em, bold }

function drawHere(codes, em, bold) {
  painter ||= glyphPainter();
  return painter.draw(codes, em, bold);
}

function workerSource() {
  return `const painter = (${glyphPainter})();
onmessage = ({ data }) => {
  const start = performance.now();
  const batch = painter.draw(data.codes, data.em, data.bold);
  if (!batch) postMessage({ id: data.id, failed: true });
  else postMessage({ id: data.id, batch, ms: performance.now() - start }, [batch.buffer]);
};`;
}

// Every request the worker holds is drawn here, one a task, and none goes to it again.
async function workerFailed() {
  if (worker) worker.terminate();
  worker = false;
  for (const [id, r] of requests) {
    requests.delete(id);
    await nextTask();
    const start = performance.now();
    const batch = drawHere(r.codes, r.em, r.bold);
    r.queue.canvasMs += performance.now() - start;
    r.queue.arrived(r.em, batch, 0);
  }
}

function startWorker() {
  if (worker !== null) return worker;
  try {
    const url = URL.createObjectURL(new Blob([workerSource()], { type: 'text/javascript' }));
    worker = new Worker(url);
    worker.onmessage = ({ data }) => {
      URL.revokeObjectURL(url);  // the worker has loaded (browsers differ on when it reads the URL)
      const r = requests.get(data.id);
      if (!r) return;
      if (data.failed) { workerFailed(); return; }
      requests.delete(data.id);
      r.queue.arrived(r.em, data.batch, data.ms);
    };
    worker.onerror = workerFailed;
  } catch (error) {
    worker = false;
  }
  return worker;
}

function emptyBatch(em) {
  const batch = new Uint8Array(12);  // no glyph, regular, at `em`
  new DataView(batch.buffer).setFloat32(8, em, true);
  return batch;
}

export class GlyphQueue {
  // `wake()`: a batch came from the worker and waits for the module to take it.
  constructor(wake) {
    this.wake = wake;
    this.em = 0;
    this.ready = [];
    this.asked = 0;        // batches the worker still owes this queue
    this.canvasMs = 0;     // drawing on the main thread, since read
    this.workerMs = 0;     // drawing in the worker, since read
  }

  // Asks for the `count` code points at `codesPointer` (32-bit each) in the
  // module's heap at an em of `em` pixels, regular and bold; returns how
  // many batches will come (takeGlyphs): none when the browser cannot draw.
  ask(module, codesPointer, count, em) {
    const codes = new Uint32Array(module.HEAPU8.buffer, codesPointer, count).slice();
    if (em !== this.em) {  // the module forgot every glyph of the other em
      this.em = em;
      this.ready = [];
    }
    painter ||= glyphPainter();
    const many = count >= WORKER_FROM && typeof OffscreenCanvas === 'function' && codes.filter(painter.isCJK).length >= WORKER_FROM;
    if (many && startWorker()) {
      let batches = 0;
      for (let from = 0; from < count; from += CHUNK) {
        for (const bold of [false, true]) {
          const id = nextRequest++;
          const chunk = codes.slice(from, from + CHUNK);
          requests.set(id, { queue: this, codes: chunk, em, bold });
          worker.postMessage({ id, codes: chunk, em, bold });
          ++batches;
        }
      }
      this.asked += batches;
      return batches;
    }
    const start = performance.now();
    let batches = 0;
    for (const bold of [false, true]) {
      const batch = drawHere(codes, em, bold);
      if (!batch) continue;
      this.ready.push(batch);
      ++batches;
    }
    this.canvasMs += performance.now() - start;
    return batches;
  }

  arrived(em, batch, ms) {
    this.asked -= 1;
    this.workerMs += ms;
    if (em !== this.em) return;
    // A batch the main thread could not draw either is an empty one: the module counts on it.
    this.ready.push(batch || emptyBatch(em));
    this.wake();
  }

  // The next batch drawn at `em`, copied into the module's heap (the module frees it); 0 when none is ready.
  take(module) {
    const batch = this.ready.shift();
    if (!batch) return 0;
    const pointer = module._malloc(batch.length);
    if (!pointer) {
      this.ready.unshift(batch);
      return 0;
    }
    module.HEAPU8.set(batch, pointer);
    return pointer;
  }

  // Whether batches are still to come or to be taken.
  get pending() { return this.asked > 0 || this.ready.length > 0; }
}
