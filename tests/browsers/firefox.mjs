// Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi, in a real
// window on the given X display (headless Firefox has no WebGL here). Gives
// the page interface of cases.mjs.
import puppeteer from 'puppeteer-core';

export const name = 'firefox';

export async function launch({ display, viewport }) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: false,
    env: { ...process.env, DISPLAY: display },
    defaultViewport: viewport,
  });
  return {
    async open(url) {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      await page.goto(url);
      return {
        errors,
        evaluate: (fn, ...args) => page.evaluate(fn, ...args),
        click: (x, y) => page.mouse.click(x, y),
        type: (text) => page.keyboard.type(text),
        press: (key) => page.keyboard.press(key),
        async wheel(x, y, deltaY) {
          await page.mouse.move(x, y);
          await page.mouse.wheel({ deltaY });
        },
        screenshot: async () => Buffer.from(await page.screenshot()),
        close: () => page.close(),
      };
    },
    close: () => browser.close(),
  };
}
