// WebKitGTK (Safari's engine family) through Debian's WebKitWebDriver, with a
// few plain W3C WebDriver calls over fetch: a session a page, whose MiniBrowser
// window runs on the given X display. Gives the page interface of cases.mjs.
import { spawn } from 'node:child_process';
import { freePort } from '../browser/browser.mjs';

export const name = 'webkit';

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const KEYS = { Backspace: '\uE003', Escape: '\uE00C' };  // WebDriver's code points for the keys cases.mjs presses

async function startDriver(display) {
  const port = await freePort();
  const child = spawn('WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1'], {
    env: { ...process.env, DISPLAY: display }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const base = `http://127.0.0.1:${port}`;
  // The driver prints nothing when it listens: poll /status until it answers.
  const deadline = Date.now() + 20000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${child.exitCode}:\n${stderr}`);
    try {
      if ((await fetch(base + '/status')).ok) break;
    } catch (e) {
      if (Date.now() > deadline) throw new Error(`WebKitWebDriver did not answer on ${base}: ${e.cause ?? e}\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return { base, stop: () => { if (child.exitCode === null) child.kill(); return exited; } };
}

async function request(method, url, body, signal) {
  const response = await fetch(url, {
    method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body), signal,
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`WebDriver ${method} ${url}: ${json.value?.error}: ${json.value?.message}`);
  return json.value;
}

// Runs `fn` (may be async) in the page with JSON arguments, like Playwright's evaluate.
function asyncScript(fn) {
  return `const done = arguments[arguments.length - 1];
    Promise.resolve().then(() => (${fn})(...Array.from(arguments).slice(0, -1)))
      .then((value) => done({ value }), (e) => done({ error: String(e) + (e && e.stack ? ' | ' + e.stack : '') }));`;
}

// A new session usually answers within 300 ms, but about one in 50 never
// does (the driver's MiniBrowser start hangs; seen in CI and here: 98 s and
// counting). The driver serves a second request beside the hung one, so a
// session that has not answered in SESSION_WAIT_MS is given up for a new one.
const SESSION_WAIT_MS = 15000;
const SESSION_TRIES = 3;
async function newSession(driver) {
  const capabilities = { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } };
  for (let attempt = 1; ; ++attempt) {
    try {
      return await request('POST', driver.base + '/session', { capabilities }, AbortSignal.timeout(SESSION_WAIT_MS));
    } catch (e) {
      if (e.name !== 'TimeoutError') throw e;
      if (attempt === SESSION_TRIES) throw new Error(`WebKitWebDriver started no session in ${SESSION_TRIES} tries of ${SESSION_WAIT_MS} ms`);
      console.error(`WebKitWebDriver: no session after ${SESSION_WAIT_MS} ms (try ${attempt}); asking again`);
    }
  }
}

// A session of its own for each page: a new MiniBrowser, so that nothing one
// test leaves in the web process (memory, compiled code, a page that hangs)
// reaches the next; one CI run lost every test after the fifth page load
// of a shared session.
async function openSession(driver, viewport) {
  const session = await newSession(driver);
  const call = (method, path, body) => request(method, `${driver.base}/session/${session.sessionId}${path}`, body);
  await call('POST', '/window/rect', viewport);  // the window: its toolbar leaves a slightly shorter viewport
  const actions = (source) => call('POST', '/actions', { actions: [source] });
  const keys = (values) => actions({
    type: 'key', id: 'keyboard', actions: values.flatMap((value) => [{ type: 'keyDown', value }, { type: 'keyUp', value }]),
  });

  let wheelTurns = 0;
  let closed = false;
  return {
    errors: null,  // WebDriver classic gives no console log; cases.mjs reads the widget's error()
    async evaluate(fn, ...args) {
      const result = await call('POST', '/execute/async', { script: asyncScript(fn), args });
      if (result.error) throw new Error('in the page: ' + result.error);
      return result.value;
    },
    click: (x, y) => actions({
      type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
        { type: 'pointerMove', origin: 'viewport', x: Math.round(x), y: Math.round(y) },
        { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 },
      ],
    }),
    type: (text) => keys([...text]),
    press: (key) => keys([KEYS[key]]),
    // A new wheel source each time: WebKit keeps a source's deltas as state
    // and sends only the difference to the last one (SimulatedInputDispatcher),
    // so a second turn of 200 px on the same source would send nothing.
    wheel: (x, y, deltaY) => actions({
      type: 'wheel', id: `wheel-${++wheelTurns}`,
      actions: [{ type: 'scroll', origin: 'viewport', x: Math.round(x), y: Math.round(y), deltaX: 0, deltaY }],
    }),
    screenshot: async () => Buffer.from(await call('GET', '/screenshot'), 'base64'),
    navigate: (url) => call('POST', '/url', { url }),
    async close() {
      if (closed) return;
      closed = true;
      await call('DELETE', '');
    },
  };
}

export async function launch({ display, viewport }) {
  const driver = await startDriver(display);
  let page = null;
  return {
    async open(url) {
      if (page) await page.close().catch(() => {});  // a session a failed test left behind may be gone
      page = await openSession(driver, viewport);
      await page.navigate(url);
      return page;
    },
    async close() {
      try {
        await page?.close();
      } finally {
        await driver.stop();
      }
    },
  };
}
