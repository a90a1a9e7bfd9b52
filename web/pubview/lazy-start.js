// When a widget starts: at once where the page asks (data-start="eager");
// otherwise once the page has painted its own first content, so that the
// widget's start never delays the host's first paint, and when its element
// comes near the viewport, so that a widget far down a page costs the page
// nothing until the visitor scrolls towards it.

// How near: the start (module, WebGL context, bundle) takes a moment, so it
// begins while the element is still this far outside the viewport.
const NEAR_MARGIN = '200px 0px';
// A page that paints no content (nothing but an empty widget element) reports
// no first contentful paint: its widgets start this long after its load event.
const NO_PAINT_MS = 2000;

let firstPaint = null;
function afterFirstPaint() {
  if (!firstPaint) {
    firstPaint = new Promise((resolve) => {
      const types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
      if (!types.includes('paint') || performance.getEntriesByName('first-contentful-paint').length) {
        resolve();
        return;
      }
      new PerformanceObserver((list, observer) => {
        if (!list.getEntriesByName('first-contentful-paint').length) return;
        observer.disconnect();
        resolve();
      }).observe({ type: 'paint' });
      const noPaint = () => setTimeout(resolve, NO_PAINT_MS);
      if (document.readyState === 'complete') noPaint();
      else window.addEventListener('load', noPaint, { once: true });
    });
  }
  return firstPaint;
}

function near(element, cleanups) {
  return new Promise((resolve) => {
    if (typeof IntersectionObserver !== 'function') {
      resolve();
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      resolve();
    }, { rootMargin: NEAR_MARGIN });
    observer.observe(element);
    cleanups.push(() => { observer.disconnect(); resolve(); });  // a widget destroyed while it waits
  });
}

// Resolves when the widget on `element` should start; `start` is the
// element's data-start (or options.start); `cleanups` gets what stops the
// waiting when the widget is destroyed first.
export function whenToStart(element, start, cleanups) {
  if (start === 'eager') return Promise.resolve();
  return Promise.all([afterFirstPaint(), near(element, cleanups)]);
}
