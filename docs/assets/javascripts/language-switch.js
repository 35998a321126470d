// Keep the reader's page and section when switching language. Every language has the same
// page paths and anchors, so the switcher link (set per page by the atlas plugin) plus the
// current fragment is always valid. Material's own handler would drop the fragment, so this
// one runs first (capture phase) and navigates itself.
document.addEventListener("click", function (event) {
  var clicked = /** @type {Element} */ (event.target);   // an element (or the document, which has no closest)
  var link = clicked.closest && clicked.closest("a.md-select__link[hreflang]");
  if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  event.preventDefault();
  event.stopImmediatePropagation();
  var target = new URL(/** @type {string} */ (link.getAttribute("href")), window.location.href);
  target.hash = window.location.hash;
  window.location.assign(target.href);
}, true);
