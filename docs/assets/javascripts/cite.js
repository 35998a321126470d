// "Cite this page" (overrides/partials/cite.html): the citations are in the page, written at
// build time (atlas/citation.py); this script only shows the copy buttons and copies the
// chosen format's text. Without it the box still shows every format, ready to select by hand.
(function () {
  "use strict";
  var FEEDBACK_MS = 2500;

  // The clipboard API needs a secure context (https, localhost); a page opened from a plain
  // http host or from file:// falls back to a selected textarea and the copy command.
  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
    }
    return fallbackCopy(text);
  }

  function feedback(box, button, state) {
    var label = button.querySelector(".atlas-cite__copy-label");
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

  function decorate(root) {
    root.querySelectorAll("[data-atlas-cite]").forEach(function (box) {
      box.querySelectorAll("[data-atlas-cite-copy]").forEach(function (button) {
        if (button._atlasCite) return;
        button._atlasCite = true;
        button.hidden = false;
        button.addEventListener("click", function () {
          var value = button.closest("[data-atlas-cite-format]").querySelector("[data-atlas-cite-value]");
          copy(value.textContent).then(function () { feedback(box, button, "copied"); },
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
