// The link rule of the page's side, as core's (src/core/model/hygiene.h): only
// http:, https: and mailto: links are opened or written into the page.
const SAFE_SCHEMES = ['http:', 'https:', 'mailto:'];

export function isSafeUrl(url) {
  try {
    return SAFE_SCHEMES.includes(new URL(url, document.baseURI).protocol);
  } catch (e) {
    return false;
  }
}
