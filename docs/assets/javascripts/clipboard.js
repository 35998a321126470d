/*
 * CRM Failure Atlas — copying text to the clipboard, shared by copy-link.js and cite.js.
 * The clipboard API needs a secure context (https, localhost); a page opened from a plain
 * http host or from file:// falls back to a selected textarea and the copy command.
 */
(function () {
  "use strict";

  /**
   * @param {string} text
   * @returns {Promise<void>}
   */
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

  /**
   * Copy `text`; resolves when it is on the clipboard, rejects when it could not be put there.
   * @param {string} text
   * @returns {Promise<void>}
   */
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
    }
    return fallbackCopy(text);
  }

  window.AtlasClipboard = { copy: copy };
})();
