// The level of the entries' headings in the widget's HTML lists (the hidden
// mirror, the visible list): the page's choice (data-heading-level, or its
// older name data-heading), else one below the page's last heading before the
// widget, so the page's outline has no gap (an <h3> under an <h1>). Headings of
// pubview's own lists (another widget's, a static list) are not the page's.
// 2 to 6, as `pubview html --heading` and tools/prerender_pages.py have it.
export function headingLevel(requested, element) {
  let level = Number(requested);
  if (!level) {
    level = 2;
    for (const heading of document.querySelectorAll('h1,h2,h3,h4,h5,h6')) {
      if (!(heading.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
      if (!heading.closest('.pubview-static,.pubview-mirror')) level = Number(heading.tagName[1]) + 1;
    }
  }
  return Math.min(6, Math.max(2, Math.round(level)));
}
