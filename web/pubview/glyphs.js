// Glyphs for the characters the panel's own fonts lack, drawn by the browser
// with whatever fonts it has for them (CJK, Arabic, Hebrew, Greek, Cyrillic,
// Vietnamese, symbols...) through a 2D canvas, into batches for the module's
// atlas (layout: src/platform/canvas_glyphs.cpp). Nothing is downloaded.
//
// glyphPainter uses nothing from outside itself: the main thread calls it,
// and a worker runs its source text (glyph-queue.js), so that thousands of
// ideographs are drawn off the main thread with no script file of their own.
// It returns its `draw`.
export function glyphPainter() {
  // Noto Sans first, as the panel's own fonts are; else the browser's sans-serif and its fallbacks.
  const FAMILY = '"Noto Sans", sans-serif';
  // The browser looks for a fallback font one new character at a time, which
  // costs ideographs, kana and Hangul several times their drawing (figures in
  // bench/RESULTS.md). Naming the font it picks spares the search: the platforms'
  // CJK fonts are tried once a page, and a candidate is taken for a script only
  // if it draws that script's probe exactly as the fallback does, so regular
  // glyphs look as the browser alone would draw them. Bold ones come from the
  // font's own bold face, where the fallback emboldens the regular one (on
  // Linux at least), which is what a bold CJK title in a CJK page looks like.
  const CJK_FONTS = ['Noto Sans CJK JP', 'Noto Sans CJK SC', 'Noto Sans CJK TC', 'Noto Sans CJK KR', 'Noto Sans CJK HK',
    'Source Han Sans', 'WenQuanYi Micro Hei', 'Droid Sans Fallback', 'PingFang SC', 'PingFang TC', 'Hiragino Sans',
    'Hiragino Kaku Gothic ProN', 'Apple SD Gothic Neo', 'Microsoft YaHei', 'Microsoft JhengHei', 'Yu Gothic',
    'Meiryo', 'Malgun Gothic'];
  // Han (three ideographs each drawn differently in Chinese, Japanese and Korean fonts), kana, Hangul.
  const CJK_PROBES = ['\u76F4\u9AA8\u6B21', '\u3042\u30A2', '\uD55C'];
  const PROBE_EM = 24;
  let cjkFamily;  // the family for CJK characters, once probed
  const SHEET_WIDTH = 2048;
  const PAD = 1;  // room for antialiasing around each glyph's ink
  const MARK_BASE = '\u00A0';
  // Bytes of a batch's header (count, bold, em) and of each glyph's (canvas_glyphs.cpp reads them).
  const BATCH_HEADER = 12;
  const GLYPH_HEADER = 28;

  function canvas2d(width, height) {
    const canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(width, height)
      : Object.assign(document.createElement('canvas'), { width, height });
    return canvas.getContext('2d', { willReadFrequently: true });
  }

  // A glyph drawn in colours of its own (an emoji of a colour font) rather than
  // in the fill colour, white: a well-covered pixel of it is not white.
  function inColour(rgba, box) {
    for (let row = 0; row < box.height; ++row) {
      const from = ((box.sheetY + row) * SHEET_WIDTH + box.sheetX) * 4;
      for (let i = from; i < from + box.width * 4; i += 4)
        if (rgba[i + 3] > 127 && Math.min(rgba[i], rgba[i + 1], rgba[i + 2]) < 200) return true;
    }
    return false;
  }

  // Han, kana and Hangul, the scripts with thousands of characters.
  function isCJK(code) {
    return isSquare(code) || (code >= 0x3040 && code <= 0x30FF) || (code >= 0x31F0 && code <= 0x31FF)
      || (code >= 0xAC00 && code <= 0xD7AF) || (code >= 0x1100 && code <= 0x11FF) || (code >= 0x3130 && code <= 0x318F);
  }

  function probePixels(context, family, text, weight) {
    context.font = weight + ' ' + PROBE_EM + 'px ' + family;
    const { width, height } = context.canvas;
    context.clearRect(0, 0, width, height);
    context.fillText(text, PROBE_EM / 2, PROBE_EM * 1.5);
    return context.getImageData(0, 0, width, height).data;
  }

  const samePixels = (a, b) => a.every((value, i) => value === b[i]);

  // An installed family changes the width of a Latin line drawn in it before a generic family.
  function installed(context, name) {
    const width = (family) => { context.font = PROBE_EM + 'px ' + family; return context.measureText('mmmmmwwwlli10').width; };
    return ['monospace', 'serif'].some((generic) => width('"' + name + '", ' + generic) !== width(generic));
  }

  // The family that draws CJK characters as the fallback does, or FAMILY itself.
  function findCJKFamily() {
    const context = canvas2d(4 * PROBE_EM, 2 * PROBE_EM);
    context.fillStyle = '#fff';
    const chosen = [];
    for (const probe of CJK_PROBES) {
      const fallback = probePixels(context, FAMILY, probe, 400);
      const match = CJK_FONTS.find((name) => installed(context, name) && samePixels(fallback, probePixels(context, '"' + name + '"', probe, 400)));
      if (match && !chosen.includes(match)) chosen.push(match);
    }
    const family = '"Noto Sans", ' + chosen.map((name) => '"' + name + '", ').join('') + 'sans-serif';
    // The whole stack must draw every probe as the fallback does.
    const same = CJK_PROBES.every((probe) => samePixels(probePixels(context, FAMILY, probe, 400), probePixels(context, family, probe, 400)));
    return chosen.length && same ? family : FAMILY;
  }

  // Ideographs are drawn within their em square and share one advance in every
  // CJK font: one cell, measured once, fits them all (measuring 3,000 of them one
  // by one costs more than drawing them). Kana and Hangul are proportional in
  // some fonts, and measured one by one.
  function isSquare(code) {
    return (code >= 0x3400 && code <= 0x4DBF) || (code >= 0x4E00 && code <= 0x9FFF) || (code >= 0xF900 && code <= 0xFAFF);
  }

  // Sets a context's font only when it changes (setting it parses it).
  function fontSetter(context) {
    let current = null;
    return (font) => {
      if (font !== current) context.font = current = font;
    };
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
  // `fonts(i)`: the font glyph i is drawn in.
  function measure(context, texts, codes, fonts) {
    let square = null;
    const setFont = fontSetter(context);
    setFont(fonts(-1));
    const baseAdvance = context.measureText(MARK_BASE).width;
    return texts.map((text, i) => {
      setFont(fonts(i));
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
  // Draws `codes` (code points) at an em of `em` pixels into a batch, the
  // bytes canvas_glyphs.cpp reads; null where there is no 2D canvas.
  function draw(codes, em, bold) {
    const count = codes.length;
    codes = Array.from(codes);
    const texts = codes.map((code) => String.fromCodePoint(code));
    let context;
    try {
      context = canvas2d(1, 1);
      if (cjkFamily === undefined && codes.some(isCJK)) cjkFamily = findCJKFamily();
    } catch (error) {
      return null;
    }
    const font = (bold ? '700 ' : '400 ') + em + 'px ' + FAMILY;
    const cjkFont = (bold ? '700 ' : '400 ') + em + 'px ' + (cjkFamily || FAMILY);
    // fonts(-1): the font of the base a mark is measured on
    const fonts = (i) => (i >= 0 && isCJK(codes[i]) ? cjkFont : font);
    const boxes = measure(context, texts, codes, fonts);
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
    const setFont = fontSetter(sheet);
    setFont(cjkFont);
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
      setFont(fonts(i));
      if (b.before) sheet.fillText(MARK_BASE + texts[i], b.sheetX - b.x - b.before, b.sheetY - b.y);
      else sheet.fillText(texts[i], b.sheetX - b.x, b.sheetY - b.y);
    });
    const rgba = sheet.getImageData(0, 0, SHEET_WIDTH, sheetHeight).data;

    boxes.forEach((b, i) => { b.colour = !isCJK(codes[i]) && inColour(rgba, b); });
    const bytes = boxes.reduce((sum, b) => sum + b.width * b.height * (b.colour ? 4 : 1), 0);
    const batch = new Uint8Array(BATCH_HEADER + GLYPH_HEADER * count + bytes);
    const header = new DataView(batch.buffer, 0, BATCH_HEADER + GLYPH_HEADER * count);
    header.setInt32(0, count, true);
    header.setInt32(4, bold ? 1 : 0, true);
    header.setFloat32(8, em, true);
    let out = BATCH_HEADER + GLYPH_HEADER * count;
    boxes.forEach((box, i) => {
      const at = BATCH_HEADER + GLYPH_HEADER * i;
      header.setInt32(at, codes[i], true);
      header.setFloat32(at + 4, box.advance, true);
      header.setInt32(at + 8, box.x, true);
      header.setInt32(at + 12, box.y, true);
      header.setInt32(at + 16, box.width, true);
      header.setInt32(at + 20, box.height, true);
      header.setInt32(at + 24, box.colour ? 1 : 0, true);
      for (let row = 0; row < box.height; ++row) {
        const from = ((box.sheetY + row) * SHEET_WIDTH + box.sheetX) * 4;
        if (box.colour) {
          // Premultiplied, so that the texture's filtering does not darken the edges (glyphs.js's sheet reads back straight).
          for (let i = from; i < from + box.width * 4; i += 4) {
            const alpha = rgba[i + 3];
            batch[out++] = rgba[i] * alpha / 255;
            batch[out++] = rgba[i + 1] * alpha / 255;
            batch[out++] = rgba[i + 2] * alpha / 255;
            batch[out++] = alpha;
          }
        } else {
          for (let column = 0; column < box.width; ++column) batch[out++] = rgba[from + column * 4 + 3];
        }
      }
    });
    return batch;
  }

  return draw;
}
