// The module asks for glyphs (pubviewHost.askGlyphs) and takes the batches
// drawn (takeGlyphs), a frame at a time. An ask without CJK characters is
// drawn at once on the main thread; one with them goes to a worker, off it,
// which starts the first time they are wanted: its script is glyphPainter's
// own source, so the page downloads nothing more for it, and a page built
// into one file has it too.
// Where the worker cannot draw (no 2D OffscreenCanvas in workers, a content
// policy that forbids blob: workers), what it was asked is drawn here instead.
import { glyphPainter } from './glyphs.js';
import { nextTask } from './tasks.js';

// Characters a worker message carries: the first ones come back while the worker draws the rest.
const CHUNK = 160;

let painter = null;  // the main thread's, made when first needed
let worker = null;   // shared by the page's widgets; false once it failed
const requests = [];  // { queue, codes, em, bold }, in the order sent: the worker answers in that order

function drawHere(codes, em, bold) {
  painter ||= glyphPainter();
  return painter.draw(codes, em, bold);
}

// A batch, or nothing where the worker has no 2D canvas. The blob: URL stays for the page's life.
const WORKER_SOURCE = `const p=(${glyphPainter})();onmessage=({data:d})=>{const s=performance.now(),b=p.draw(d.codes,d.em,d.bold);postMessage(b&&{b,ms:performance.now()-s},b?[b.buffer]:[])}`;

// Every request the worker holds is drawn here, one a task, and none goes to it again.
async function workerFailed() {
  if (worker) worker.terminate();
  worker = false;
  for (let r; (r = requests.shift());) {
    await nextTask();
    const start = performance.now();
    const batch = drawHere(r.codes, r.em, r.bold);
    r.queue.canvasMs += performance.now() - start;
    r.queue.arrived(r.em, batch, 0);
  }
}

function startWorker() {
  if (worker === null) {
    try {
      worker = new Worker(URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' })));
      worker.onmessage = ({ data }) => {
        if (!data) return workerFailed();
        const r = requests.shift();
        r.queue.arrived(r.em, data.b, data.ms);
      };
      worker.onerror = workerFailed;
    } catch (error) {
      worker = false;
    }
  }
  return worker;
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
    if (typeof OffscreenCanvas === 'function' && codes.some(painter.isCJK) && startWorker()) {
      const asked = this.asked;
      for (let from = 0; from < count; from += CHUNK) {
        for (const bold of [false, true]) {
          const request = { codes: codes.slice(from, from + CHUNK), em, bold };
          worker.postMessage(request);
          requests.push({ ...request, queue: this });
          ++this.asked;
        }
      }
      return this.asked - asked;
    }
    const start = performance.now();
    const batches = [false, true].map((bold) => drawHere(codes, em, bold)).filter(Boolean);
    this.ready.push(...batches);
    this.canvasMs += performance.now() - start;
    return batches.length;
  }

  arrived(em, batch, ms) {
    this.asked -= 1;
    this.workerMs += ms;
    if (!batch || em !== this.em) return;
    this.ready.push(batch);
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
