// Glyphs for the characters the panel's own fonts lack, drawn by the browser
// with whatever fonts it has for them (CJK, Arabic, Hebrew, Greek, Cyrillic,
// Vietnamese, symbols...) through a 2D canvas, and handed to the module for
// its atlas (layout: src/platform/canvas_glyphs.cpp). Nothing is downloaded.

// Noto Sans first, as the panel's own fonts are; else the browser's sans-serif and its fallbacks.
const FAMILY = '"Noto Sans", sans-serif';
const SHEET_WIDTH = 2048;
const PAD = 1;  // room for antialiasing around each glyph's ink

function canvas2d(width, height) {
  const canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(width, height)
    : Object.assign(document.createElement('canvas'), { width, height });
  return canvas.getContext('2d', { willReadFrequently: true });
}

// Each glyph's box around its pen position on the baseline (y grows down), and its advance.
function measure(context, texts) {
  return texts.map((text) => {
    const m = context.measureText(text);
    const inked = m.actualBoundingBoxLeft + m.actualBoundingBoxRight > 0 && m.actualBoundingBoxAscent + m.actualBoundingBoxDescent > 0;
    if (!inked) return { x: 0, y: 0, width: 0, height: 0, advance: m.width };
    const x = Math.floor(-m.actualBoundingBoxLeft) - PAD;
    const y = Math.floor(-m.actualBoundingBoxAscent) - PAD;
    return {
      x, y, advance: m.width,
      width: Math.ceil(m.actualBoundingBoxRight) + PAD - x,
      height: Math.ceil(m.actualBoundingBoxDescent) + PAD - y,
    };
  });
}

// Draws the `count` code points at `codesPointer` (32-bit each) in the
// module's heap at an em of `em` pixels; returns a batch the module frees, or 0.
export function drawGlyphs(module, codesPointer, count, em, bold) {
  const codes = Array.from(new Uint32Array(module.HEAPU8.buffer, codesPointer, count));
  const texts = codes.map((code) => String.fromCodePoint(code));
  const font = (bold ? '700 ' : '400 ') + em + 'px ' + FAMILY;
  let context;
  try {
    context = canvas2d(1, 1);
  } catch (error) {
    return 0;
  }
  context.font = font;
  const boxes = measure(context, texts);
  // Shelves on one sheet, drawn in one go and read back once. The gap keeps ink
  // beyond a glyph's measured box (fallback fonts measure loosely) out of its neighbours'.
  const gap = Math.ceil(em / 4);
  let x = 0, y = 0, shelf = 0;
  for (const box of boxes) {
    if (x + box.width > SHEET_WIDTH) { x = 0; y += shelf + gap; shelf = 0; }
    box.sheetX = x; box.sheetY = y;
    x += box.width + gap;
    shelf = Math.max(shelf, box.height);
  }
  const sheetHeight = Math.max(1, y + shelf);
  const sheet = canvas2d(SHEET_WIDTH, sheetHeight);
  sheet.font = font;
  sheet.fillStyle = '#fff';
  sheet.textBaseline = 'alphabetic';
  boxes.forEach((box, i) => { if (box.width) sheet.fillText(texts[i], box.sheetX - box.x, box.sheetY - box.y); });
  const rgba = sheet.getImageData(0, 0, SHEET_WIDTH, sheetHeight).data;

  const pixels = boxes.reduce((sum, box) => sum + box.width * box.height, 0);
  const size = 4 + 24 * count + pixels;
  const pointer = module._malloc(size);
  if (!pointer) return 0;
  const heap = module.HEAPU8;  // after malloc: the heap may have grown
  const header = new DataView(heap.buffer, pointer, 4 + 24 * count);
  header.setInt32(0, count, true);
  let alpha = pointer + 4 + 24 * count;
  boxes.forEach((box, i) => {
    const at = 4 + 24 * i;
    header.setInt32(at, codes[i], true);
    header.setFloat32(at + 4, box.advance, true);
    header.setInt32(at + 8, box.x, true);
    header.setInt32(at + 12, box.y, true);
    header.setInt32(at + 16, box.width, true);
    header.setInt32(at + 20, box.height, true);
    for (let row = 0; row < box.height; ++row) {
      const from = ((box.sheetY + row) * SHEET_WIDTH + box.sheetX) * 4 + 3;
      for (let column = 0; column < box.width; ++column) heap[alpha++] = rgba[from + column * 4];
    }
  });
  return pointer;
}
