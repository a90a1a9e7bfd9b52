// What a widget watches on its page: its box's size, the keyboard focus (a
// visible ring), the page-wide shortcut that focuses its search box, and
// printing. Each listener goes through widget.listen, so destroy() removes it.

export function watchSize(widget) {
  const resize = () => {
    const box = widget.root.getBoundingClientRect();
    if (widget.module && box.width > 0) widget.module._pv_resize(box.width, box.height, window.devicePixelRatio || 1);
  };
  const observer = new ResizeObserver(resize);
  observer.observe(widget.root);
  widget._cleanups.push(() => observer.disconnect());
  resize();
}

// A visible focus ring while the widget has keyboard focus.
export function watchFocus(widget) {
  widget.listen(widget.canvas, 'focus', () => {
    if (widget.canvas.matches(':focus-visible')) widget.root.style.boxShadow = 'inset 0 0 0 2px ' + widget._accentCss;
  });
  // The keyboard moving between the canvas and the hidden <input> stays in the widget.
  const leaves = (other) => (event) => { if (event.relatedTarget !== other) widget.root.style.boxShadow = ''; };
  widget.listen(widget.canvas, 'blur', leaves(widget.textInput));
  widget.listen(widget.textInput, 'blur', leaves(widget.canvas));
}

// A page-wide key (data-shortcut="/", the page owner's choice: an embed
// takes no key of the page unless asked) focuses the search box, unless it
// is typed into one of the page's own fields or with a modifier.
export function watchShortcut(widget) {
  const key = widget.options.shortcut;
  if (!key) return;
  widget.listen(document, 'keydown', (event) => {
    if (event.key !== key || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const target = event.target;
    if (widget.root.contains(target) || (target.closest && target.closest('input,textarea,select,[contenteditable]'))) return;
    event.preventDefault();  // Firefox's quick find also listens for "/"
    widget.focus();  // which scrolls the widget into view if it is not
  });
}

// Printing shows the results as text with every abstract, not the canvas.
export function watchPrint(widget) {
  const print = window.matchMedia('print');
  const apply = (printing) => {
    widget._printing = printing;
    widget.domList.setPrinting(printing);
    widget.canvas.style.display = printing || !widget.domList.drawing ? 'none' : 'block';
    widget.root.style.height = printing ? 'auto' : (widget.options.height || '600px');
  };
  widget.listen(print, 'change', (event) => apply(event.matches));
  widget.listen(window, 'beforeprint', () => apply(true));
  widget.listen(window, 'afterprint', () => apply(false));
}
