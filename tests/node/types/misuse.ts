// Wrong uses that the declarations must refuse (../types.test.mjs expects
// `tsc --noEmit` to report each line marked "error:").
import { mount, type Bundle } from '../../../web/types/index.js';
import { load } from '../../../web/types/core.js';

const noTitle: Bundle = { pubview: 1 };  // error: title is required
const jobWithoutPlace: Bundle = { pubview: 1, title: 't', jobs: [{ id: 'j', title: 'J', location: {}, description: '' }] };  // error: a location needs a field
void mount('#x', { theme: 'purple' });  // error: not a theme
void mount('#x', { view: 'papers' });  // error: not a view
void load('{}').then((index) => index.search('q', { kind: 'paper' }));  // error: not a kind
document.createElement('pub-view').setQuery(42);  // error: a query is text

export { noTitle, jobWithoutPlace };
