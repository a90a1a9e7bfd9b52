// The module asks for glyphs (pubviewHost.askGlyphs) and takes the batches
// drawn (takeGlyphs), a frame at a time. An ask without CJK characters is
// drawn at once on the main thread; one with them goes to two workers, off
// it, each message to the one with fewer to answer (whatever their weight),
// so that the two cores draw at once; they start the first
// time they are wanted: their script is glyphPainter's own source, so the
// page downloads nothing more for them, and a page built into one file has it too.
// Where a worker cannot draw (no 2D OffscreenCanvas in workers, a content
// policy that forbids blob: workers), what it was asked is drawn here instead;
// where nothing can draw, each batch comes empty and the glyphs stay missing.
import { glyphPainter } from './glyphs.js';
import { nextTask } from './tasks.js';

// Characters a worker message carries: the first ones (the rows on screen
// come first) come back soon; the rest go in bigger messages, as each
// message costs the worker a canvas and a read-back of its own, of at most
// CHUNK, an even number of them of the same size.
const FIRST_CHUNK = 160;
const CHUNK = 1000;

// The sizes of the messages that carry `count` characters.
function chunkSizes(count) {
  const sizes = [Math.min(count, FIRST_CHUNK)];
  const rest = count - sizes[0], size = Math.ceil(rest / (2 * Math.ceil(rest / (2 * CHUNK))));
  for (let left = rest; left > 0; left -= size) sizes.push(Math.min(size, left));
  return sizes;
}

let painter = null;  // the main thread's, made when first needed
const workers = [];             // two, each once started; shared by the page's widgets; false once one failed
const requests = [[], []];      // { queue, codes, em, bold } a worker's, in the order sent: it answers in that order


// A batch, or null where the page cannot draw glyphs at all (no 2D canvas, or one that fails).
function drawHere(codes, em, bold) {
  let batch = null;
  try {
    batch = (painter ||= glyphPainter())(codes, em, bold);
  } catch {}
  if (!batch) console.warn('pubview: glyphs not drawn');
  return batch;
}

// A batch, or nothing where the worker has no 2D canvas (glyphPainter returns its `draw`). The blob: URL stays for the page's life.
const WORKER_SOURCE = `const p=(${glyphPainter})();onmessage=({data:d})=>{const s=performance.now(),b=p(d.codes,d.em,d.bold);postMessage(b&&{b,ms:performance.now()-s},b?[b.buffer]:[])}`;

// Every request worker `n` holds is drawn here, one a task, and none goes to it again.
async function workerFailed(n) {
  if (workers[n]) workers[n].terminate();
  workers[n] = false;
  for (let r; (r = requests[n].shift());) {
    await nextTask();
    const start = performance.now();
    const batch = drawHere(r.codes, r.em, r.bold);
    r.queue.canvasMs += performance.now() - start;
    r.queue.arrived(r, batch, 0);
  }
}

function startWorker(n) {
  if (workers[n] == null) {
    try {
      const worker = workers[n] = new Worker(URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' })));
      worker.onmessage = ({ data }) => {
        if (!data) return workerFailed(n);
        const r = requests[n].shift();
        r.queue.arrived(r, data.b, data.ms);
      };
      worker.onerror = () => workerFailed(n);
    } catch {
      workers[n] = false;
    }
  }
  return workers[n];
}

// The worker with fewer messages left to answer, started if need be; -1 where none can be.
function leastBusyWorker() {
  return (requests[1].length < requests[0].length ? [1, 0] : [0, 1]).find(startWorker) ?? -1;
}

export class GlyphQueue {
  // `wake()`: a batch came from the worker and waits for the module to take it.
  constructor(wake) {
    this.wake = wake;
    this.em = 0;
    this.ready = [];
    this.asked = 0;        // batches the workers still owe this queue
    this.canvasMs = 0;     // drawing on the main thread, since read
    this.workerMs = 0;     // drawing in the workers, since read
  }

  // Asks for the `count` code points at `codesPointer` (32-bit each) in the
  // module's heap at an em of `em` pixels, bold (1) or regular (0); returns
  // how many batches will come (takeGlyphs): none when the browser cannot draw.
  ask(module, codesPointer, count, em, bold) {
    const codes = new Uint32Array(module.HEAPU8.buffer, codesPointer, count).slice();
    if (em !== this.em) {  // the module forgot every glyph of the other em
      this.em = em;
      this.ready = [];
    }
    // Kana, Han, Hangul syllables (and the few blocks among them): the scripts
    // with thousands of characters. (A worker without OffscreenCanvas answers
    // that it cannot draw: then this thread draws.)
    if (codes.some((code) => code >= 0x3040 && code < 0xFB00) && leastBusyWorker() >= 0) {
      const asked = this.asked;
      let from = 0;
      for (const size of chunkSizes(count)) {
        const n = leastBusyWorker();
        const request = { codes: codes.slice(from, from += size), em, bold };
        workers[n].postMessage(request);
        request.queue = this;  // after it is posted: a queue is not cloned
        requests[n].push(request);
        ++this.asked;
      }
      return this.asked - asked;
    }
    const start = performance.now();
    const batch = drawHere(codes, em, bold);
    if (batch) this.ready.push(batch);
    this.canvasMs += performance.now() - start;
    return batch ? 1 : 0;
  }

  // A batch the workers (or the main thread in their stead) drew for `request`;
  // where none could be drawn, an empty one (no glyph: their characters stay
  // missing), so that the module counts it in and waits for no more.
  arrived(request, batch, ms) {
    --this.asked;
    this.workerMs += ms;
    if (request.em !== this.em) return;
    // glyphs.js's batch header: the count (0) and bold are read as integers, 0 or not.
    this.ready.push(batch || new Uint8Array(Float32Array.of(0, request.bold, request.em).buffer));
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
