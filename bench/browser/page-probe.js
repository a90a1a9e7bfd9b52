// Injected into every benchmarked page before its own scripts run
// (page.addInitScript). Collects, in window.__bench:
//   longTasks   every main-thread task over 50 ms (the Long Tasks API);
//   frames      while `recording` is true, each animation-frame callback's
//               main-thread time (`work`, ms) and timestamp: the widget draws
//               a frame inside one such callback, search and layout included;
//   readyAt     when the widget's element fired pubview:ready (captured on the
//               document: the event does not bubble);
//   wheelTaken  whether the last wheel event was consumed (preventDefault) by
//               the widget; false once the list can scroll no further;
//   contexts    each WebGL context creation (start, duration): the browser
//               makes the page wait for its GPU process there, whatever the
//               page does, so the figures name that task apart.
(() => {
  const bench = { longTasks: [], frames: [], recording: false, readyAt: null, wheelTaken: null, contexts: [] };
  window.__bench = bench;

  const nativeGetContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function getContext(type, ...rest) {
    const start = performance.now();
    try {
      return nativeGetContext.call(this, type, ...rest);
    } finally {
      if (/webgl/.test(type)) bench.contexts.push({ start, duration: performance.now() - start });
    }
  };

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });

  const nativeRequestAnimationFrame = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => nativeRequestAnimationFrame((time) => {
    const start = performance.now();
    try {
      callback(time);
    } finally {
      if (bench.recording) bench.frames.push({ time, work: performance.now() - start });
    }
  });

  document.addEventListener('pubview:ready', () => { bench.readyAt = performance.now(); }, true);
  window.addEventListener('wheel', (event) => { bench.wheelTaken = event.defaultPrevented; }, { passive: true });
})();
