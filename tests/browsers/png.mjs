// Reads the pixels of a browser screenshot, so a test can check what was
// drawn (say, that the dark theme is dark) in any browser, without a PNG
// library: 8-bit RGB or RGBA, not interlaced, which is what browsers write.
import zlib from 'node:zlib';

export function decodePng(buffer) {
  const width = buffer.readUInt32BE(16);
  const height = buffer.readUInt32BE(20);
  const [depth, colorType, , , interlace] = buffer.subarray(24, 29);
  if (depth !== 8 || (colorType !== 2 && colorType !== 6) || interlace !== 0) {
    throw new Error(`unsupported PNG: depth ${depth}, color type ${colorType}, interlace ${interlace}`);
  }
  const channels = colorType === 6 ? 4 : 3;
  const idat = [];
  for (let at = 8; at < buffer.length;) {
    const length = buffer.readUInt32BE(at);
    const type = buffer.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(buffer.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; ++y) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = pixels.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let i = 0; i < stride; ++i) {
      const a = i >= channels ? out[i - channels] : 0;
      const b = up[i];
      const c = i >= channels ? up[i - channels] : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[i] = (line[i] + predictor) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

// The pixel bounds of `rect` (in pixels, maybe fractional) inside the image.
function clip({ width, height }, rect) {
  return {
    x0: Math.max(0, Math.round(rect.x)), y0: Math.max(0, Math.round(rect.y)),
    x1: Math.min(width, Math.round(rect.x + rect.width)), y1: Math.min(height, Math.round(rect.y + rect.height)),
  };
}

// The mean luminance (0 to 255) of a rectangle of a decoded image.
export function meanLuminance(image, rect) {
  const { width, channels, pixels } = image;
  const { x0, y0, x1, y1 } = clip(image, rect);
  let sum = 0;
  for (let y = y0; y < y1; ++y) {
    for (let x = x0; x < x1; ++x) {
      const i = (y * width + x) * channels;
      sum += 0.2126 * pixels[i] + 0.7152 * pixels[i + 1] + 0.0722 * pixels[i + 2];
    }
  }
  return sum / Math.max(1, (x1 - x0) * (y1 - y0));
}

// Counts the pixels of a rectangle darker than `level`: text on a light panel.
export function darkPixels(image, rect, level = 100) {
  const { width, channels, pixels } = image;
  const { x0, y0, x1, y1 } = clip(image, rect);
  let count = 0;
  for (let y = y0; y < y1; ++y) {
    for (let x = x0; x < x1; ++x) {
      const i = (y * width + x) * channels;
      if (pixels[i] < level && pixels[i + 1] < level && pixels[i + 2] < level) ++count;
    }
  }
  return count;
}
