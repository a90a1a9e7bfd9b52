// The level of the entries' headings in the widget's HTML lists (the hidden
// mirror, the visible list): the page's choice (data-heading-level, or its
// older name data-heading), else one below the page's nearest heading before
// the widget, so the page's outline has no gap (an <h3> under an <h1>).

const HEADINGS = 'h1,h2,h3,h4,h5,h6,[role=heading][aria-level]';
// Headings of pubview's own lists (another widget's, a static list) are not the page's.
const OWN_LISTS = '.pubview-static,.pubview-mirror';

function levelOf(heading) {
  return Number(heading.getAttribute('aria-level')) || Number(heading.nodeName.slice(1));
}

// The level of the last heading of the page before `element`, or 0 if none.
export function precedingHeadingLevel(element) {
  let level = 0;
  for (const heading of document.querySelectorAll(HEADINGS)) {
    if (!(heading.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
    if (!heading.closest(OWN_LISTS)) level = levelOf(heading);
  }
  return level;
}

// 2 to 6: `requested` if it is a level, else one below the preceding heading (2 under none).
export function headingLevel(requested, element) {
  const level = Number(requested) || precedingHeadingLevel(element) + 1;
  return Math.min(6, Math.max(2, Math.round(level)));
}
