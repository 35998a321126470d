// "Cite this page" (overrides/partials/cite.html): the citations are in the page, written at
// build time (atlas/citation.py); this script only shows the copy buttons and copies the
// chosen format's text. Without it the box still shows every format, ready to select by hand.
(function () {
  "use strict";
  var FEEDBACK_MS = 2500;

  var copy = window.AtlasClipboard.copy;   // clipboard.js, loaded before this script

  /**
   * @typedef {HTMLButtonElement & {_atlasCite?: boolean, _atlasCiteTimer?: number}} CopyButton
   *   (the expandos mark a decorated button and hold its feedback timer)
   */
  /**
   * @param {Element} box
   * @param {CopyButton} button
   * @param {"copied" | "failed"} state
   */
  function feedback(box, button, state) {
    var label = /** @type {Element} */ (button.querySelector(".atlas-cite__copy-label"));   // in the partial
    var message = label.getAttribute("data-" + state);
    label.textContent = message;
    button.setAttribute("data-state", state);
    var status = box.querySelector("[data-atlas-cite-status]");
    if (status) status.textContent = message;
    window.clearTimeout(button._atlasCiteTimer);
    button._atlasCiteTimer = window.setTimeout(function () {
      label.textContent = label.getAttribute("data-copy");
      button.removeAttribute("data-state");
      if (status) status.textContent = "";
    }, FEEDBACK_MS);
  }

  /** @param {ParentNode} root */
  function decorate(root) {
    root.querySelectorAll("[data-atlas-cite]").forEach(function (box) {
      /** @type {NodeListOf<CopyButton>} */ (box.querySelectorAll("[data-atlas-cite-copy]")).forEach(function (button) {
        if (button._atlasCite) return;
        button._atlasCite = true;
        button.hidden = false;
        button.addEventListener("click", function () {
          // each button sits in its format's box, beside that format's text (overrides/partials/cite.html)
          var value = /** @type {Element} */ (/** @type {Element} */ (button.closest("[data-atlas-cite-format]")).querySelector("[data-atlas-cite-value]"));
          copy(/** @type {string} */ (value.textContent)).then(function () { feedback(box, button, "copied"); },
                                       function () { feedback(box, button, "failed"); });
        });
      });
    });
  }

  function start() { decorate(document); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  // Material's instant navigation (if switched on) swaps the page without a reload.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { decorate(document); });
  }
})();
