// "Copy link" on every section heading: a real <button> (keyboard reachable, named for screen
// readers) next to Material's "#" permalink, copying the section's absolute URL with its anchor.
// The anchors are the same in every language (atlas/data/pages.yml), so a trainer's link lasts.
(function () {
  "use strict";
  /** @type {Object<string, {copy: string, copied: string, failed: string}>} */
  var WORDS = {
    en: { copy: "Copy link to this section", copied: "Link copied", failed: "Could not copy the link" },
    zh: { copy: "复制本节链接", copied: "链接已复制", failed: "无法复制链接" },
    ru: { copy: "Скопировать ссылку на раздел", copied: "Ссылка скопирована", failed: "Не удалось скопировать ссылку" },
    fa: { copy: "کپی پیوند این بخش", copied: "پیوند کپی شد", failed: "کپی پیوند ممکن نشد" },
    he: { copy: "העתקת קישור לסעיף", copied: "הקישור הועתק", failed: "לא ניתן להעתיק את הקישור" }
  };
  var ICON_LINK = "M3.9 12c0-1.71 1.39-3.1 3.1-3.1h4V7H7a5 5 0 0 0 0 10h4v-1.9H7c-1.71 0-3.1-1.39-3.1-3.1M8 13h8v-2H8zm9-6h-4v1.9h4c1.71 0 3.1 1.39 3.1 3.1s-1.39 3.1-3.1 3.1h-4V17h4a5 5 0 0 0 0-10";
  var ICON_DONE = "M21 7 9 19l-5.5-5.5 1.41-1.41L9 16.17 19.59 5.59z";

  function words() {
    var lang = (document.documentElement.lang || "en").slice(0, 2);
    return WORDS[lang] || WORDS.en;
  }

  /**
   * @param {string} path
   * @returns {string}
   */
  function icon(path) {
    return '<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false"><path d="' + path + '"/></svg>';
  }

  /**
   * @param {string} id
   * @returns {string}
   */
  function sectionUrl(id) {
    var url = new URL(window.location.href);
    url.hash = id;
    return url.href;
  }

  var copy = window.AtlasClipboard.copy;   // clipboard.js, loaded before this script

  function liveRegion() {
    var region = document.getElementById("atlas-copy-link-status");
    if (!region) {
      region = document.createElement("div");
      region.id = "atlas-copy-link-status";
      region.className = "atlas-visually-hidden";
      region.setAttribute("role", "status");
      region.setAttribute("aria-live", "polite");
      document.body.appendChild(region);
    }
    return region;
  }

  /**
   * @param {HTMLButtonElement & {_atlasTimer?: number}} button  (the expando holds its feedback timer)
   * @param {string} text
   * @param {boolean} ok
   */
  function feedback(button, text, ok) {
    var bubble = /** @type {Element} */ (button.querySelector(".atlas-copy-link__feedback"));   // made by decorate
    bubble.textContent = text;
    button.classList.toggle("atlas-copy-link--done", ok);
    button.classList.add("atlas-copy-link--feedback");
    /** @type {Element} */ (button.querySelector("svg path")).setAttribute("d", ok ? ICON_DONE : ICON_LINK);
    liveRegion().textContent = text;
    window.clearTimeout(button._atlasTimer);
    button._atlasTimer = window.setTimeout(function () {
      button.classList.remove("atlas-copy-link--feedback", "atlas-copy-link--done");
      /** @type {Element} */ (button.querySelector("svg path")).setAttribute("d", ICON_LINK);
      liveRegion().textContent = "";
    }, 2500);
  }

  /**
   * @param {Element} heading
   * @returns {string}
   */
  function headingText(heading) {
    var clone = /** @type {Element} */ (heading.cloneNode(true));
    clone.querySelectorAll(".headerlink, .atlas-copy-link").forEach(function (node) { node.remove(); });
    return /** @type {string} */ (clone.textContent).trim();
  }

  /** @param {ParentNode} root */
  function decorate(root) {
    var w = words();
    root.querySelectorAll(".md-content .md-typeset :is(h2, h3, h4, h5, h6)[id]").forEach(function (heading) {
      if (heading.querySelector(".atlas-copy-link")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "atlas-copy-link";
      button.setAttribute("data-atlas-anchor", heading.id);
      button.setAttribute("aria-label", w.copy + ": " + headingText(heading));
      button.title = w.copy;
      button.innerHTML = icon(ICON_LINK) + '<span class="atlas-copy-link__feedback" aria-hidden="true"></span>';
      button.addEventListener("click", function (event) {
        event.preventDefault();
        var url = sectionUrl(heading.id);
        copy(url).then(function () { feedback(button, w.copied, true); },
                       function () { feedback(button, w.failed, false); });
      });
      heading.appendChild(button);
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
