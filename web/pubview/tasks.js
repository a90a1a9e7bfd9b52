// Long work gives the page its turns: a task of its own after a slice of work.

// Long work (reading a download, copying it into the module) gives the page
// a turn after this long, so no task blocks it for much more.
const SLICE_MS = 40;

// Resolves in a task of its own (a message-channel task: no timer clamp),
// after the page has had its turn.
export function nextTask() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
}

// Calls `await yieldIfLong()` in a long loop: it gives the page a turn once SLICE_MS have passed.
export function sliceTimer() {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < SLICE_MS) return;
    await nextTask();
    sliceStart = performance.now();
  };
}
