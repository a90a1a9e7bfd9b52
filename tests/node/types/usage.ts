// Uses the package's declarations as a page and a Node script would; the
// test (../types.test.mjs) has `tsc --noEmit` check it.
import { mount, mountAll, PubView, type Bundle, type ViewState, type Widget } from '../../../web/types/index.js';
import { load, type SearchResult } from '../../../web/types/core.js';

const bundle: Bundle = {
  pubview: 1,
  title: 'Lab',
  publications: [{ id: 'p1', title: 'A paper', abstract: '', year: 2022, authors: ['A. Author'] }],
  jobs: [{ id: 'j1', title: 'Engineer', location: { city: 'Berlin' }, description: 'Build things.' }],
};

async function page(): Promise<void> {
  const widget: Widget = await mount('#lab', { bundle, view: 'jobs', theme: 'dark', height: '400px', lang: 'de' });
  widget.setQuery('dynamo');
  const state: ViewState | null = widget.state();
  if (state) widget.setState({ ...state, sort: 'year', filters: { year: ['2022'] } });
  const ids: string[] = widget.visible().map((row) => row.id);
  console.log(ids, widget.count(), widget.error(), widget.warnings(), PubView.version, PubView.widgets.length);
  await mountAll(document.body);

  const element = document.createElement('pub-view');
  element.setAttribute('bundle', 'papers.json');
  element.addEventListener('pubview:change', (event) => console.log(event.detail.q, event.detail.kind));
  element.addEventListener('pubview:ready', (event) => console.log(event.detail.error));
  element.addEventListener('pubview:open', (event) => console.log(event.detail.url));
  document.body.append(element);
  await element.ready;
  element.setQuery('tail latency');
  console.log(element.count(), window.PubView.version);
}

async function node(text: string): Promise<number> {
  const index = await load(text);
  const result: SearchResult = index.search('dynamo', { kind: 'publication', limit: 5 });
  index.close();
  return result.results.filter((hit) => hit.kind === 'publication').length + result.total;
}

export { page, node };
