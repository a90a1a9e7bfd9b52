// Injected by load-phases.mjs before the page's scripts: records, in
// window.__phases, each turn the widget gives the page (a MessageChannel
// message: how long it waited for its task) and each call into the wasm's
// pv_load (the first, and each resumption after a turn: the load's work per
// slice, Asyncify's unwind and rewind included). window.__pvLoadExport names
// pv_load's export as the minified glue calls it.
(() => {
  const phases = { turns: [], load: [] };
  window.__phases = phases;

  const NativeChannel = window.MessageChannel;
  window.MessageChannel = function MessageChannel() {
    const channel = new NativeChannel();
    let postedAt = 0;
    const post = channel.port2.postMessage.bind(channel.port2);
    channel.port2.postMessage = (message) => {
      postedAt = performance.now();
      post(message);
    };
    let handler = null;
    Object.defineProperty(channel.port1, 'onmessage', {
      get: () => handler,
      set(h) {
        handler = h;
        channel.port1.addEventListener('message', (event) => {
          phases.turns.push({ at: postedAt, waited: performance.now() - postedAt });
          handler(event);
        });
        channel.port1.start();
      },
    });
    return channel;
  };

  const nativeInstantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = function instantiate(source, imports) {
    return nativeInstantiate.call(WebAssembly, source, imports).then((result) => {
      const instance = result instanceof WebAssembly.Instance ? result : result.instance;
      const exports = {};
      for (const [name, value] of Object.entries(instance.exports)) {
        exports[name] = name !== window.__pvLoadExport || typeof value !== 'function' ? value : function pvLoad(...args) {
          const start = performance.now();
          try {
            return value.apply(this, args);
          } finally {
            phases.load.push({ start, ms: performance.now() - start });
          }
        };
      }
      return result instanceof WebAssembly.Instance ? { exports } : { instance: { exports }, module: result.module };
    });
  };
})();
