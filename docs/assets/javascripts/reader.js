// Small reader aids that need the DOM:
// - every link in the page content gets its absolute URL in data-print-url, which the print
//   stylesheet shows after the link text (a printed handout keeps its links), and the page
//   title gets the page's own URL (printed under the title of the one-page checklist);
// - on the checklist, each item's factor and source links are wrapped so that the printed
//   sheet can leave them out (print.css), and each disabled checkbox is named after its task;
// - the language switcher's entries carry their own lang and dir, so screen readers pronounce
//   "فارسی" or "עברית" correctly on a page in another language; dir="auto" takes each name's
//   direction from its own script, so no list of right-to-left languages is kept here.
(function () {
  "use strict";

  /** @param {ParentNode} root */
  function printUrls(root) {
    /** @type {NodeListOf<HTMLAnchorElement>} */ (root.querySelectorAll(".md-content .md-typeset a[href]")).forEach(function (link) {
      var href = link.getAttribute("href");
      if (!href || href.charAt(0) === "#" || link.classList.contains("headerlink")) return;
      link.setAttribute("data-print-url", link.href);
    });
  }

  /** @param {ParentNode} root */
  function pageUrl(root) {
    var title = root.querySelector(".md-content .md-typeset h1");
    if (title) title.setAttribute("data-print-page-url", window.location.href.split("#")[0]);
  }

  // The checklist prints on one sheet: each item's trailing factor and source links (with the
  // label or dash before them) are wrapped so that print.css can leave them to the online page.
  /** @type {Object<string, string>} */
  var NOTE = {
    en: "Online, with the failure factors each item prevents and its sources:",
    zh: "在线版本列出了每项任务所预防的失败因素及其来源：",
    ru: "Онлайн-версия с факторами, которые предотвращает каждый пункт, и источниками:",
    fa: "نسخهٔ برخط، همراه با عوامل شکستی که هر بند از آن‌ها پیشگیری می‌کند و منابع آن:",
    he: "הגרסה המקוונת, עם גורמי הכישלון שכל סעיף מונע והמקורות שלו:"
  };

  /** @param {ParentNode} root */
  function checklistRefs(root) {
    var article = root.querySelector(".md-content .md-typeset");
    if (!article || !article.querySelector("#phase-strategy")) return;
    var lang = (document.documentElement.lang || "en").slice(0, 2);
    var title = article.querySelector("h1");
    if (title) title.setAttribute("data-print-note", NOTE[lang] || NOTE.en);
    article.querySelectorAll("li.task-list-item").forEach(function (item) {
      if (item.querySelector(".atlas-checklist-refs")) return;
      var first = Array.prototype.find.call(item.childNodes, function (node) {
        return node.nodeName === "A" && !node.classList.contains("cite") && /factors\//.test(node.getAttribute("href") || "");
      });
      if (!first) return;
      var start = first;
      var before = first.previousSibling;
      if (before && before.nodeType === 3 && /^\s*$/.test(before.nodeValue)) before = before.previousSibling;
      if (before && before.nodeName === "EM") {
        start = before;
      } else if (before && before.nodeType === 3) {
        var match = before.nodeValue.match(/\s*[\u2192\u2014\u2013]?\s*$/);
        if (match && match[0].length) start = before.splitText(before.nodeValue.length - match[0].length);
      }
      var wrapper = document.createElement("span");
      wrapper.className = "atlas-checklist-refs";
      item.insertBefore(wrapper, start);
      while (wrapper.nextSibling) wrapper.appendChild(wrapper.nextSibling);
    });
  }

  // The checklist's boxes are disabled checkboxes without a label of their own: name each
  // after its task so that assistive technology does not announce an unnamed control.
  /** @param {ParentNode} root */
  function checkboxNames(root) {
    root.querySelectorAll(".md-typeset .task-list-item input[type=checkbox]").forEach(function (box) {
      if (box.hasAttribute("aria-label")) return;
      var item = /** @type {Element} */ (/** @type {Element} */ (box.closest(".task-list-item")).cloneNode(true));
      item.querySelectorAll(".atlas-checklist-refs, ul, ol").forEach(function (node) { node.remove(); });
      box.setAttribute("aria-label", /** @type {string} */ (item.textContent).replace(/\s+/g, " ").trim());
    });
  }

  /** @param {ParentNode} root */
  function languageLinks(root) {
    root.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
      var lang = /** @type {string} */ (link.getAttribute("hreflang"));   // the selector requires it
      link.setAttribute("lang", lang);
      link.setAttribute("dir", "auto");
    });
  }

  function start() {
    printUrls(document);
    pageUrl(document);
    checklistRefs(document);
    checkboxNames(document);
    languageLinks(document);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  }
})();
