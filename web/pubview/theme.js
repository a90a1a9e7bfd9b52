// The panel's colors on the page's side: a host's CSS color, the text that
// reads on it, and the two looks of the HTML list.

// The panel's colors (src/ui/theme.cpp), for the list drawn as HTML when the canvas cannot draw.
export const THEMES = {
  light: { background: '#ffffff', text: 'rgb(28,30,36)', dim: 'rgb(92,99,112)', frame: 'rgb(245,245,246)', rule: 'rgb(228,229,231)' },
  dark: { background: '#181a1f', text: 'rgb(230,232,236)', dim: 'rgb(160,166,178)', frame: 'rgb(45,47,52)', rule: 'rgb(58,60,66)' },
};

export function cssColorToRgb(color, fallback) {
  const text = (color || '').trim();
  const m = /^#([0-9a-f]{6})$/i.exec(text) || /^#([0-9a-f]{3})$/i.exec(text);
  if (!m) return fallback;
  const hex = m[1].length === 3 ? m[1].replace(/./g, '$&$&') : m[1];
  return parseInt(hex, 16);
}

// Near-black or white, whichever reads better on `color` (#rrggbb): the panel's readable_on (src/ui/panel.cpp).
export function readableOn(color) {
  const rgb = cssColorToRgb(color, 0x2563eb);
  const luminance = (0.2126 * (rgb >> 16) + 0.7152 * ((rgb >> 8) & 0xff) + 0.0722 * (rgb & 0xff)) / 255;
  return luminance > 0.5 ? '#111827' : '#ffffff';
}
