// A large bundle is read and indexed in slices: the page keeps getting turns
// while the widget works, screen readers hear that it loads, and a widget
// destroyed or given another bundle meanwhile ends in the right state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowserForThisFile, openPage } from './browser.mjs';

const shared = serverAndBrowserForThisFile();

// Defines window.bigBundle(n): a bundle object of n publications (in the page,
// so that no large value crosses the test protocol).
const defineBigBundle = () => {
  window.bigBundle = (n, tag) => ({
    pubview: 1,
    title: 'Generated ' + tag,
    publications: Array.from({ length: n }, (_, i) => ({
      id: tag + '-' + i,
      title: 'Study ' + i + ' of ' + tag + ' graphs and streams',
      authors: ['Author ' + (i % 500), 'Coauthor ' + (i % 77)],
      year: 2000 + (i % 25),
      venue: 'Venue ' + (i % 40),
      abstract: 'We measure ' + tag + ' systems under load number ' + i + '. '.repeat(1) +
        'Words words words about latency, throughput and indexing for entry ' + i + '.',
    })),
  });
};

test('a 20,000-item bundle loads in slices: the page gets many turns and sees the progress while it loads', async () => {
  const { page, context, errors } = await openPage(shared.browser, shared.server.url);
  await page.evaluate(defineBigBundle);
  const outcome = await page.evaluate(async () => {
    const w = PubView.widgets[0];
    const status = document.querySelector('.pubview-mirror [role=status]');
    // Each turn the page gets while the widget loads reads what screen readers would hear.
    const heard = [];
    let running = true;
    const tick = () => { if (running) { heard.push(status.textContent); setTimeout(tick, 0); } };
    setTimeout(tick, 0);
    const started = performance.now();
    await w.setBundle(bigBundle(20000, 'big'));
    running = false;
    return { turns: heard.length, ms: performance.now() - started, count: w.count(), heard: [...new Set(heard)] };
  });
  assert.equal(outcome.count, 20000);
  assert.deepEqual(outcome.heard, ['Loading the list\u2026'], 'in every turn while it loads, the status says it is loading');
  // Unsliced, the whole load was one task: no turn at all until it ended.
  assert.ok(outcome.turns >= 5, `the page had ${outcome.turns} turns in ${Math.round(outcome.ms)} ms of loading`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a widget destroyed while it loads a large bundle goes away cleanly', async () => {
  const { page, context, errors } = await openPage(shared.browser, shared.server.url);
  await page.evaluate(defineBigBundle);
  const left = await page.evaluate(async () => {
    const w = PubView.widgets[0];
    let finished = false;
    const loaded = w.setBundle(bigBundle(20000, 'gone')).finally(() => { finished = true; });
    await new Promise((resolve) => setTimeout(resolve, 0));  // the first turn the load gives the page
    const finishedBeforeDestroy = finished;
    w.destroy();
    await loaded.catch(() => null);
    return { finishedBeforeDestroy, widgets: PubView.widgets.length, canvases: document.querySelectorAll('canvas').length };
  });
  assert.deepEqual(left, { finishedBeforeDestroy: false, widgets: 0, canvases: 0 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a second bundle given while the first still loads is the one shown', async () => {
  const { page, context, errors } = await openPage(shared.browser, shared.server.url);
  await page.evaluate(defineBigBundle);
  const shown = await page.evaluate(async () => {
    const w = PubView.widgets[0];
    let firstDone = false;
    const first = w.setBundle(bigBundle(15000, 'first')).finally(() => { firstDone = true; });
    await new Promise((resolve) => setTimeout(resolve, 0));  // the first turn the load gives the page
    const givenWhileLoading = !firstDone;
    const second = w.setBundle(bigBundle(300, 'second'));
    await Promise.all([first, second]).then(() => null);
    return { givenWhileLoading, count: w.count(), firstId: w.visible()[0].id };
  });
  assert.ok(shown.givenWhileLoading, 'the second bundle came while the first loaded');
  assert.equal(shown.count, 300);
  assert.match(shown.firstId, /^second-/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the DOM mirror of a large result gets its first rows at once and the rest in later tasks, in order', async () => {
  const { page, context, errors } = await openPage(shared.browser, shared.server.url);
  await page.evaluate(defineBigBundle);
  const mirrored = await page.evaluate(async () => {
    const w = PubView.widgets[0];
    await w.setBundle(bigBundle(3000, 'mirror'));
    const items = () => document.querySelectorAll('.pubview-mirror li').length;
    // The first rows are there once the rows are on screen; the rest follow.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const early = items();
    for (let i = 0; i < 200 && items() < 500; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    return {
      early,
      ids: Array.from(document.querySelectorAll('.pubview-mirror li')).map((li) => li.dataset.id),
      visible: w.visible().slice(0, 500).map((r) => r.id),
    };
  });
  assert.ok(mirrored.early > 0 && mirrored.early < 500, `${mirrored.early} rows were mirrored in the first task`);
  assert.equal(mirrored.ids.length, 500);
  assert.deepEqual(mirrored.ids, mirrored.visible);
  assert.deepEqual(errors, []);
  await context.close();
});
