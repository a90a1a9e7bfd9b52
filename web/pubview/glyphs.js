// Glyphs for the characters the panel's own fonts lack, drawn by the browser
// with whatever fonts it has for them (CJK, Arabic, Hebrew, Greek, Cyrillic,
// Vietnamese, symbols...) through a 2D canvas, and handed to the module for
// its atlas (layout: src/platform/canvas_glyphs.cpp). Nothing is downloaded.

// Noto Sans first, as the panel's own fonts are; else the browser's sans-serif and its fallbacks.
const FAMILY = '"Noto Sans", sans-serif';
const SHEET_WIDTH = 2048;
const PAD = 1;  // room for antialiasing around each glyph's ink
const MARK_BASE = '\u00A0';

function canvas2d(width, height) {
  const canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(width, height)
    : Object.assign(document.createElement('canvas'), { width, height });
  return canvas.getContext('2d', { willReadFrequently: true });
}

// Ideographs are drawn within their em square and share one advance in every
// CJK font: one cell, measured once, fits them all (measuring 3,000 of them one
// by one costs more than drawing them). Kana and Hangul are proportional in
// some fonts, and measured one by one.
function isSquare(code) {
  return (code >= 0x3400 && code <= 0x4DBF) || (code >= 0x4E00 && code <= 0x9FFF) || (code >= 0xF900 && code <= 0xFAFF);
}

// `before`: the advance of a base drawn before the glyph and not kept.
function box(m, before = 0) {
  const inked = m.actualBoundingBoxLeft + m.actualBoundingBoxRight > 0 && m.actualBoundingBoxAscent + m.actualBoundingBoxDescent > 0;
  if (!inked) return { x: 0, y: 0, width: 0, height: 0, advance: m.width - before };
  const x = Math.floor(-m.actualBoundingBoxLeft - before) - PAD;
  const y = Math.floor(-m.actualBoundingBoxAscent) - PAD;
  return {
    x, y, advance: m.width - before, before,
    width: Math.ceil(m.actualBoundingBoxRight - before) + PAD - x,
    height: Math.ceil(m.actualBoundingBoxDescent) + PAD - y,
  };
}

// Each glyph's box around its pen position on the baseline (y grows down), and its advance.
function measure(context, texts, codes) {
  let square = null;
  const baseAdvance = context.measureText(MARK_BASE).width;
  return texts.map((text, i) => {
    // A combining mark alone is drawn on a dotted circle: it is drawn on a no-break space instead.
    if (/\p{M}/u.test(text)) return box(context.measureText(MARK_BASE + text), baseAdvance);
    if (!isSquare(codes[i])) return box(context.measureText(text));
    if (!square) {
      // The em square as the font draws it: the ink of a full ideograph and of a low one, with room.
      const full = box(context.measureText('\u56FD')), low = box(context.measureText('\u4E00\u4E0B\u5E73'));
      const top = Math.min(full.y, low.y) - PAD, bottom = Math.max(full.y + full.height, low.y + low.height) + PAD;
      square = { x: -2 * PAD, y: top, width: Math.ceil(full.advance) + 4 * PAD, height: bottom - top, advance: full.advance };
    }
    return { ...square };
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
  const boxes = measure(context, texts, codes);
  // One sheet, drawn in one go and read back once. The gap keeps ink beyond a
  // glyph's measured box (fallback fonts measure loosely) out of its neighbours'.
  const gap = Math.ceil(em / 4);
  const sheet = canvas2d(SHEET_WIDTH, 1);
  // Square glyphs first, in rows of equal cells; where the canvas has letter
  // spacing, each row is drawn with one fillText.
  const squares = boxes.filter((b, i) => isSquare(codes[i]));
  const cell = squares.length ? squares[0].width + gap : 0;
  const perRow = cell ? Math.floor(SHEET_WIDTH / cell) : 0;
  const rowText = [];
  let y = 0, k = 0;
  boxes.forEach((b, i) => {
    if (!isSquare(codes[i])) return;
    const row = Math.floor(k / perRow);
    b.sheetX = (k++ % perRow) * cell;
    b.sheetY = row * (b.height + gap);
    rowText[row] = (rowText[row] || '') + texts[i];
    y = b.sheetY + b.height + gap;
  });
  // The others on shelves below.
  let x = 0, shelf = 0;
  for (let i = 0; i < boxes.length; ++i) {
    const b = boxes[i];
    if (isSquare(codes[i])) continue;
    if (x + b.width > SHEET_WIDTH) { x = 0; y += shelf + gap; shelf = 0; }
    b.sheetX = x; b.sheetY = y;
    x += b.width + gap;
    shelf = Math.max(shelf, b.height);
  }
  const sheetHeight = Math.max(1, y + shelf);
  sheet.canvas.height = sheetHeight;
  sheet.font = font;
  sheet.fillStyle = '#fff';
  sheet.textBaseline = 'alphabetic';
  const rowsAtOnce = squares.length > 0 && 'letterSpacing' in sheet;
  if (rowsAtOnce) {
    const square = squares[0];
    sheet.letterSpacing = (cell - square.advance) + 'px';
    rowText.forEach((text, row) => sheet.fillText(text, -square.x, row * (square.height + gap) - square.y));
    sheet.letterSpacing = '0px';
  }
  boxes.forEach((b, i) => {
    if (!b.width || (rowsAtOnce && isSquare(codes[i]))) return;
    if (b.before) sheet.fillText(MARK_BASE + texts[i], b.sheetX - b.x - b.before, b.sheetY - b.y);
    else sheet.fillText(texts[i], b.sheetX - b.x, b.sheetY - b.y);
  });
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
