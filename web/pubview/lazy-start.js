// When a widget starts: at once where the page asks (data-start="eager"),
// otherwise when its element comes near the viewport, so a widget far down a
// page costs the page nothing until the visitor scrolls towards it.

// How near: the start (module, WebGL context, bundle) takes a moment, so it
// begins while the element is still this far outside the viewport.
const NEAR_MARGIN = '200px 0px';

// Resolves when `element` is near the viewport, or at once for start "eager"
// (or where the browser has no IntersectionObserver). `cancel` is set to a
// function that resolves it at once, for a widget destroyed while it waits.
export function whenNear(element, start, cancel) {
  return new Promise((resolve) => {
    if (start === 'eager' || typeof IntersectionObserver !== 'function') {
      resolve();
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      resolve();
    }, { rootMargin: NEAR_MARGIN });
    observer.observe(element);
    cancel(() => { observer.disconnect(); resolve(); });
  });
}
