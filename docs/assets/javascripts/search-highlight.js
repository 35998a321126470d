// The searched words, marked on the page a search result opened (?h=<query>, added by
// web/search-ui.js as a result is followed), like Material's search.highlight; the
// first of them (the first after the section the link leads to) is scrolled into view. Which
// words are marked is the rule of the result snippets, AtlasSearch.highlightSpans, with the
// terms the search box finds for the query in the page's language (the search box's
// highlighter): inflected, prefixed, ZWNJ-less and unsegmented forms alike, in every language.
(function () {
  "use strict";
  // Text that is not the page's prose: scripts, preformatted blocks (a citation's BibTeX),
  // controls, marks the page has of its own and the "#" permalinks.
  var SKIPPED = "script, style, pre, textarea, select, button, svg, mark, .headerlink, [data-atlas-search]";

  /**
   * @param {Node} root
   * @returns {Text[]}
   */
  function textNodes(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        // a text node: it has a value and (below root) a parent element
        return /** @type {string} */ (node.nodeValue).trim() && !/** @type {Element} */ (node.parentElement).closest(SKIPPED) ?
          NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
      }
    });
    /** @type {Text[]} */
    var nodes = [];
    while (walker.nextNode()) nodes.push(/** @type {Text} */ (walker.currentNode));
    return nodes;
  }

  /**
   * Replace a text node by its text with `spans` ([start, end] offsets) in <mark>s.
   * @param {Text} node  a text node with a parent
   * @param {[number, number][]} spans
   * @returns {HTMLElement[]}
   */
  function markSpans(node, spans) {
    var text = /** @type {string} */ (node.nodeValue), at = 0, fragment = document.createDocumentFragment();
    /** @type {HTMLElement[]} */
    var marks = [];
    spans.forEach(function (span) {
      if (span[0] > at) fragment.appendChild(document.createTextNode(text.slice(at, span[0])));
      var mark = document.createElement("mark");
      mark.setAttribute("data-atlas-highlight", "");
      mark.textContent = text.slice(span[0], span[1]);
      fragment.appendChild(mark);
      marks.push(mark);
      at = span[1];
    });
    if (at < text.length) fragment.appendChild(document.createTextNode(text.slice(at)));
    /** @type {Node} */ (node.parentNode).replaceChild(fragment, node);
    return marks;
  }

  /**
   * The mark to show: the first at or after the section the address leads to, else the first.
   * @param {HTMLElement[]} marks
   * @returns {HTMLElement}
   */
  function firstToShow(marks) {
    var id = window.location.hash.slice(1), target = null;
    try { target = id && document.getElementById(decodeURIComponent(id)); } catch (error) { target = null; }
    if (target) {
      for (var i = 0; i < marks.length; i++) {
        if (target.contains(marks[i]) || target.compareDocumentPosition(marks[i]) & Node.DOCUMENT_POSITION_FOLLOWING) return marks[i];
      }
    }
    return marks[0];
  }

  /**
   * Scroll `mark` to the middle of the window unless it is in view already (below the header).
   * @param {HTMLElement} mark
   */
  function reveal(mark) {
    var header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0, box = mark.getBoundingClientRect();
    if (box.top < top || box.bottom > window.innerHeight) mark.scrollIntoView({ block: "center" });
  }

  /** @param {() => void} then */
  function afterLoad(then) {
    // The browser keeps the address's #section in view while the page loads: scroll after it.
    if (document.readyState === "complete") then();
    else window.addEventListener("load", then, { once: true });
  }

  function start() {
    var query = new URLSearchParams(window.location.search).get("h");
    var content = document.querySelector(".md-content article") || document.querySelector(".md-content");
    if (!query || !query.trim() || !content || !window.atlasSearchBox) return;
    window.atlasSearchBox.highlighter(query).then(function (spansOf) {
      /** @type {HTMLElement[]} */
      var marks = [];
      textNodes(/** @type {Element} */ (content)).forEach(function (node) {
        var spans = spansOf(/** @type {string} */ (node.nodeValue));
        if (spans.length) marks = marks.concat(markSpans(node, spans));
      });
      if (marks.length) afterLoad(function () { reveal(firstToShow(marks)); });
    }).catch(function (error) {
      if (window.console) console.error(error);   // the page reads as it is, unmarked
    });
  }

  // The search box (search-ui.js, a deferred script) is set up by DOMContentLoaded.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
