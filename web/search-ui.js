/*
 * CRM Failure Atlas — search box and results, in Material's look and keyboard behaviour.
 * Page text and queries only ever reach the page as text nodes (never as HTML).
 */
(function () {
  "use strict";

  // Types (JSDoc, checked by `npx tsc -p .`; nothing here runs).
  /** @typedef {import("./atlas-search.js").Analysis} Analysis */
  /** @typedef {import("./atlas-search.js").Site} Site */
  /** @typedef {import("./atlas-search.js").Loader} Loader */
  /** @typedef {import("./atlas-search.js").Stemmer} Stemmer */
  /** @typedef {import("./atlas-search.js").Span} Span */
  /** @typedef {import("./atlas-search.js").Hit} Hit */
  /** @typedef {import("./atlas-search.js").Fragment} Fragment */
  /** @typedef {import("./atlas-search.js").PageInfo} PageInfo */
  /** @typedef {import("./atlas-search.js").SearchResult} SearchResult */
  /**
   * One search of a query (SearchBox.results): the language shown (`lang`), the language the
   * query is analysed and ranked in (`from`), and whether that is another language's index.
   * @typedef {{lang: string, from: string, cross: boolean}} Run
   */
  /**
   * A result page as the box shows it (SearchBox.results).
   * @typedef {Object} ResultPage
   * @property {Run} run
   * @property {PageInfo | null} page  the reader's own page, for a match in another language
   * @property {Hit[]} hits  its best sections, best first
   * @property {Fragment[]} sections  their display data
   * @property {Analysis} analysis
   * @property {string[]} terms  the query's index terms
   * @property {number} order
   * @property {number} rank
   * @property {number} coverage  its language's coverage of the query (AtlasSearch.search)
   */
  /** @typedef {{pages: ResultPage[], stem: Stemmer | null, queryLang: string}} Found */

  var DEBOUNCE_MS = 80;
  var MAX_PAGES = 12;
  var SECTIONS_PER_PAGE = 4;        // the page's intro and three sections (see pageItem)
  var SPELLING_SECTIONS = 8;        // sections read for a suggestion's spelling (see pageSpelling)

  /**
   * @template {keyof HTMLElementTagNameMap} K
   * @param {K} tag
   * @param {string} [className]
   * @param {string} [text]
   * @returns {HTMLElementTagNameMap[K]}
   */
  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /**
   * @returns {URL}
   */
  function siteRoot() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base.replace(/\/?$/, "/"), window.location.href);
  }

  /** The Site's loader. options.fresh (AtlasSearch.Site, after a failed load or to re-read
   *  entry.json after a redeploy) goes past the HTTP cache and refreshes it.
   * @param {URL} root
   * @returns {Loader}
   */
  function fetchJson(root) {
    // Opened from disk (the offline edition, atlas/offline.py) fetch() is refused: the index
    // files come as scripts instead (search/offline-loader.js, loaded on first use).
    if (window.location.protocol === "file:") {
      /** @type {Promise<unknown> | null} */
      var offline = null;
      return function (path) {
        if (!offline) {
          offline = loadScript(new URL("search/offline-loader.js", root).href);
          offline.catch(function () { offline = null; });   // tried again next query
        }
        return offline.then(function () { return window.AtlasOfflineLoader.load(root, path); });
      };
    }
    return function (path, options) {
      /** @type {RequestInit} */
      var init = options && options.fresh ? { cache: "reload" } : {};
      return fetch(new URL("search/" + path, root), init).then(function (response) {
        if (!response.ok) throw new Error("search index file " + path + ": HTTP " + response.status);
        return response.arrayBuffer();   // AtlasSearch.Site parses it (gunzipping the index's files)
      });
    };
  }

  /**
   * @param {string} src
   * @returns {Promise<unknown>}
   */
  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("cannot load " + src)); };
      document.head.appendChild(script);
    });
  }

  /** A result snippet as text and <mark> nodes (AtlasSearch.snippet: the rules shared with
   *  the command line, analysis.json common.snippet).
   * @param {Analysis} analysis
   * @param {string} text
   * @param {string[]} terms
   * @param {Stemmer | null} [stemmer]
   * @returns {HTMLParagraphElement}
   */
  function snippetNode(analysis, text, terms, stemmer) {
    var made = window.AtlasSearch.snippet(analysis, text, terms, stemmer);
    var paragraph = element("p");
    paragraph.setAttribute("dir", "auto");
    var at = 0;
    made.highlights.forEach(function (span) {
      paragraph.appendChild(document.createTextNode(made.text.slice(at, span[0])));
      paragraph.appendChild(element("mark", "", made.text.slice(span[0], span[1])));
      at = span[1];
    });
    paragraph.appendChild(document.createTextNode(made.text.slice(at)));
    return paragraph;
  }

  /**
   * @constructor
   * @param {Element} root  the [data-atlas-search] element (overrides/partials/atlas-search.html)
   */
  function SearchBox(root) {
    this.root = root;
    // The partial always has form, input, meta and list; the rest are optional.
    this.form = /** @type {HTMLFormElement} */ (root.querySelector("form"));
    this.input = /** @type {HTMLInputElement} */ (root.querySelector("input[name=q]"));
    this.allLanguages = /** @type {HTMLInputElement | null} */ (root.querySelector("[data-atlas-all-languages]"));
    this.meta = /** @type {HTMLElement} */ (root.querySelector("[data-atlas-meta]"));
    this.didYouMean = /** @type {HTMLElement | null} */ (root.querySelector("[data-atlas-did-you-mean]"));
    this.list = /** @type {HTMLElement} */ (root.querySelector("[data-atlas-list]"));
    this.toggle = /** @type {HTMLInputElement | null} */ (document.getElementById("__search"));  // Material's checkbox
    this.lang = document.documentElement.lang || "en";
    /** @type {Object<string, string>} */
    this.strings = JSON.parse(root.getAttribute("data-atlas-strings") || "{}");
    this.siteRoot = siteRoot();
    this.site = new window.AtlasSearch.Site(fetchJson(this.siteRoot));
    this.generation = 0;
    /** @type {Promise<unknown> | null} */
    this.stemmerReady = null;
    /** @type {Promise<unknown> | null | undefined} */
    this.warm;
    /** @type {ReturnType<typeof setTimeout> | null} */
    this.timer;
    /** @type {Stemmer | null | undefined} the stemmer the shown snippets highlight with */
    this.stem;
    /** @type {Object<string, string>} each language's own name */
    this.names;
    this.bind();
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) {
      this.input.value = q;
      this.open();
      this.run();
    }
  }

  /**
   * `href` with the query the page opened from it marks (?h=, docs/assets/javascripts/search-highlight.js).
   * @param {string} href
   * @param {string} query
   * @returns {string}
   */
  function highlightHref(href, query) {
    var url = new URL(href, window.location.href);
    url.searchParams.set("h", query);
    return url.href;
  }

  SearchBox.prototype.bind = function () {
    var self = this;
    this.timer = null;   // a query typed but not searched yet (DEBOUNCE_MS)
    // On wide screens the box sits in the header: focusing it opens the results panel.
    this.input.addEventListener("focus", function () {
      if (self.toggle && !self.toggle.checked) self.toggle.checked = true;
      self.warmUp();
    });
    this.input.addEventListener("input", function () {
      clearTimeout(/** @type {number | undefined} */ (self.timer));
      self.timer = setTimeout(function () { self.timer = null; self.run(); }, DEBOUNCE_MS);
    });
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.openFirst(self.input.value);
    });
    // A result opens its page with the query (?h=), whose words the page then marks. The query
    // joins the address as the link is followed (any button, or the keyboard): a result's
    // href is the page's own address.
    var carryQuery = function (/** @type {Event} */ event) {
      var target = /** @type {Element | null} */ (event.target);   // a node inside the list
      var link = /** @type {HTMLAnchorElement | null} */ (target && target.closest ? target.closest("a[data-atlas-highlight]") : null);
      if (link) link.href = highlightHref(link.href, /** @type {string} */ (link.getAttribute("data-atlas-highlight")));
    };
    this.list.addEventListener("mousedown", carryQuery, true);
    this.list.addEventListener("click", carryQuery, true);
    this.form.addEventListener("reset", function () {
      setTimeout(function () { self.run(); self.close(); }, 0);
    });
    if (this.allLanguages) this.allLanguages.addEventListener("change", function () { self.run(); });
    if (this.toggle) this.toggle.addEventListener("change", function () {
      if (/** @type {HTMLInputElement} */ (self.toggle).checked) setTimeout(function () { self.input.focus(); }, 50);
    });
    document.addEventListener("keydown", function (event) { self.onKey(event); });
  };

  /** Fetch the small files every query needs while the reader is still typing. */
  SearchBox.prototype.warmUp = function () {
    var self = this;
    if (this.warm) return;
    this.warm = Promise.all([this.site.analysis(this.lang), this.site.index(this.lang).then(function (index) {
      return index.meta();
    })]).catch(function () { self.warm = null; });
  };

  SearchBox.prototype.open = function () {
    if (this.toggle && !this.toggle.checked) this.toggle.checked = true;
    this.input.focus();
  };
  SearchBox.prototype.close = function () {
    if (this.toggle) this.toggle.checked = false;
    this.input.blur();
  };

  /**
   * @param {KeyboardEvent} event
   */
  SearchBox.prototype.onKey = function (event) {
    var active = document.activeElement;
    var inSearch = this.root.contains(active);
    if (!inSearch && (event.key === "/" || event.key === "s" || event.key === "f") &&
        !(active && (/** @type {HTMLElement} */ (active).isContentEditable || /^(input|textarea|select)$/i.test(active.tagName)))) {
      event.preventDefault();
      this.open();
      return;
    }
    if (!inSearch) return;
    var links = Array.prototype.slice.call(this.list.querySelectorAll("a"));
    var at = links.indexOf(active);
    if (event.key === "Escape") { event.preventDefault(); this.close(); }
    else if (event.key === "ArrowDown") {
      event.preventDefault();
      if (links.length) links[Math.min(links.length - 1, at + 1)].focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      if (at <= 0) this.input.focus(); else links[at - 1].focus();
    }
  };

  /**
   * Snowball for words the index never saw: loaded only when a query needs it (needsSnowball).
   * @returns {Promise<Stemmer>}
   */
  SearchBox.prototype.stemmer = function () {
    if (!this.stemmerReady) {
      var self = this;
      this.stemmerReady = window.AtlasSnowball ? Promise.resolve() :
        loadScript(new URL("search/snowball.js", this.siteRoot).href);
      this.stemmerReady.catch(function () { self.stemmerReady = null; });   // tried again next query
    }
    return this.stemmerReady.then(function () { return window.AtlasSnowball.stem; });
  };

  /**
   * @param {string} query
   */
  SearchBox.prototype.shareUrl = function (query) {
    var url = new URL(window.location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    window.history.replaceState(window.history.state, "", url.href);
  };

  /** The language being read: the URL's first folder below the site root when it is one of
   *  the index's languages (right after Material's instant navigation, if enabled, the
   *  document element may still be the previous page's), else <html lang>.
   * @returns {Promise<string>}
   */
  SearchBox.prototype.readerLanguage = async function () {
    var folder = window.location.pathname.slice(this.siteRoot.pathname.length).split("/")[0];
    var languages = await this.site.languages();
    return languages.indexOf(folder) !== -1 ? folder : (document.documentElement.lang || "en");
  };

  /**
   * Search and show the results. Any failure (a file missing or damaged, a redeploy that
   * replaced the index under the page) first makes the Site re-read entry.json and try once
   * more (AtlasSearch.Site.recover); only then does the reader see "Search is unavailable.",
   * and the next query starts afresh (a restored file is fetched again past the HTTP cache).
   * @returns {Promise<void>}
   */
  SearchBox.prototype.run = async function () {
    var generation = ++this.generation;
    var query = this.input.value, self = this;
    this.shareUrl(query.trim());
    try {
      await this.site.recover(function () {
        // A newer query has taken over: nothing to show, nothing to retry.
        return generation === self.generation ? self.searchAndRender(generation, query) : null;
      });
    } catch (error) {
      if (generation === this.generation) {
        this.list.textContent = "";
        this.withdrawSuggestion();
        this.meta.textContent = this.strings.error || "Search is unavailable.";
        this.site.reset();   // whatever was read, the next query reads it again
        if (window.console) console.error(error);
      }
    }
  };

  /**
   * Enter: open the first result of `query`, the query as it was typed when Enter was pressed,
   * whether or not its results are shown yet (typed faster than DEBOUNCE_MS, or still being
   * fetched): it is searched again here (every file it needs is loaded once, whoever asks).
   * @param {string} query
   * @returns {Promise<void>}
   */
  SearchBox.prototype.openFirst = async function (query) {
    if (this.timer !== null) {   // show its results too, now
      clearTimeout(this.timer);
      this.timer = null;
      this.run();
    }
    if (!query.trim()) return;
    var self = this, found;
    try {
      found = await this.site.recover(function () { return self.results(query); });
    } catch (error) {
      return;   // run() tells the reader
    }
    var first = found.pages[0];
    if (first) window.location.assign(first.run.cross ? this.pageHref(first) : highlightHref(this.pageHref(first), query.trim()));
  };

  /**
   * @param {number} generation
   * @param {string} query
   * @returns {Promise<void>}
   */
  SearchBox.prototype.searchAndRender = async function (generation, query) {
    if (!query.trim()) { await this.render(generation, null, query); return; }
    var found = await this.results(query);
    await this.render(generation, found, query);
    if (!found.pages.length) await this.offerSuggestion(generation, query, found);
  };

  /**
   * "Did you mean" when nothing was found: AtlasSearch.suggest, the command line's rule and
   * lexicon, in the query's language as the command line guesses it; choosing it searches it.
   * @param {number} generation
   * @param {string} query
   * @param {Found} found
   * @returns {Promise<void>}
   */
  SearchBox.prototype.offerSuggestion = async function (generation, query, found) {
    var suggestion = await window.AtlasSearch.suggest(this.site, found.queryLang, query, { stemmer: found.stem });
    if (!suggestion || generation !== this.generation || !this.didYouMean) return;
    suggestion = await this.pageSpelling(found.queryLang, query, suggestion, found.stem);
    if (generation !== this.generation) return;
    var self = this, template = this.strings.didYouMean || "Did you mean: {q}";
    var at = template.indexOf("{q}");
    if (at === -1) { template += " {q}"; at = template.indexOf("{q}"); }
    var link = element("a", "atlas-search__suggestion", suggestion);
    var url = new URL(window.location.href);
    url.searchParams.set("q", suggestion);
    link.href = url.href;
    link.setAttribute("lang", found.queryLang);
    link.setAttribute("dir", "auto");
    link.setAttribute("data-atlas-suggestion", "");
    link.addEventListener("click", function (event) {
      event.preventDefault();
      self.input.value = /** @type {string} */ (suggestion);
      self.input.focus();
      self.run();
    });
    this.didYouMean.textContent = "";
    this.didYouMean.appendChild(document.createTextNode(template.slice(0, at)));
    this.didYouMean.appendChild(link);
    this.didYouMean.appendChild(document.createTextNode(template.slice(at + 3)));
    this.didYouMean.hidden = false;
  };

  SearchBox.prototype.withdrawSuggestion = function () {
    if (!this.didYouMean) return;
    this.didYouMean.hidden = true;
    this.didYouMean.textContent = "";
  };

  /**
   * `suggestion` in the pages' own spelling. The words it replaced are lexicon keys, folded as
   * the index folds (lower case, no Hebrew final letters, no ZWNJ or geresh): each is shown
   * as the first word of the suggestion's best sections that folds to it (an all-lower-case
   * one if there is one), else as it is. Either spelling searches the same.
   * @param {string} lang
   * @param {string} query
   * @param {string} suggestion
   * @param {Stemmer | null} stem
   * @returns {Promise<string>}
   */
  SearchBox.prototype.pageSpelling = async function (lang, query, suggestion, stem) {
    var AtlasSearch = window.AtlasSearch;
    var analysis = await this.site.analysis(lang), index = await this.site.index(lang);
    var typed = analysis.parts(AtlasSearch.cleanQuery(query)), words = suggestion.split(" ");
    if (typed.length !== words.length) return suggestion;
    var spelled = new Map();
    words.forEach(function (word, at) { if (word !== typed[at].raw) spelled.set(word, null); });
    var found = await AtlasSearch.search(this.site, lang, suggestion, { stemmer: stem });
    for (var h = 0; h < Math.min(found.hits.length, SPELLING_SECTIONS); h++) {
      var section = await index.fragment(found.hits[h].doc);
      analysis.parts(section.st + "\n" + section.body).forEach(function (part) {
        var seen = spelled.get(part.key);
        if (seen === null || (seen !== undefined && seen !== seen.toLowerCase() && part.raw === part.raw.toLowerCase())) {
          spelled.set(part.key, part.raw);
        }
      });
    }
    return words.map(function (word) { return spelled.get(word) || word; }).join(" ");
  };

  /**
   * For search-highlight.js: a function giving the spans of a text of the page being read that
   * `query` highlights, by the rule of the result snippets (AtlasSearch.highlightSpans) with
   * the terms the box searches for it in the page's language.
   * @param {string} query
   * @returns {Promise<(text: string) => Span[]>}
   */
  SearchBox.prototype.highlighter = async function (query) {
    var tables = await this.site.tables();
    var stem = window.AtlasSearch.needsSnowball(tables, query) ? await this.stemmer() : null;
    var lang = await this.readerLanguage();
    var groups = await window.AtlasSearch.queryGroups(this.site, lang, query, { prefix: true, stemmer: stem });
    var analysis = await this.site.analysis(lang), terms = /** @type {string[]} */ ([]).concat.apply([], groups);
    return function (text) { return window.AtlasSearch.highlightSpans(analysis, text, terms, stem); };
  };

  /**
   * The result pages of `query` as the box shows them, best first: {pages, stem, queryLang},
   * each page {run, page, hits, sections, analysis, terms}. Hits are grouped by page (best
   * section first); a language whose best page holds more of the query's words before one whose
   * pages hold fewer (every word: coverage 1), then direct matches before cross-language ones;
   * each page once.
   * @param {string} query
   * @returns {Promise<Found>}
   */
  SearchBox.prototype.results = async function (query) {
    var tables = await this.site.tables();
    var stem = window.AtlasSearch.needsSnowball(tables, query) ? await this.stemmer() : null;
    var options = { prefix: true, stemmer: stem };
    var AtlasSearch = window.AtlasSearch;
    // A query in another script searches that language too; a Latin query on a non-English
    // page also searches English (factor pages share their paths across languages).
    var queryLang = AtlasSearch.detectLanguage(tables, query, "en");
    this.lang = await this.readerLanguage();
    var languages = this.allLanguages && this.allLanguages.checked ? await this.site.languages() : [this.lang];
    var runs = languages.map(function (lang) { return { lang: lang, from: lang, cross: false }; });
    if (!(this.allLanguages && this.allLanguages.checked) && queryLang !== this.lang) {
      runs.push({ lang: this.lang, from: queryLang, cross: true });
    }
    var self = this, results = await Promise.all(runs.map(function (run) {
      return AtlasSearch.search(self.site, run.from, query, options).then(function (found) {
        return { run: run, found: found };
      });
    }));
    // A language whose best page holds more of the query's words comes before one whose pages
    // hold fewer (an English query on the Hebrew site: Hebrew pages that merely contain "CRM"
    // must not push down the English page that holds every word, or most of them); then direct
    // matches before cross-language ones.
    var order = results.map(function (result, at) { return at; }).sort(function (a, b) {
      return (results[b].found.coverage - results[a].found.coverage) ||
        ((results[a].run.cross ? 1 : 0) - (results[b].run.cross ? 1 : 0)) || (a - b);
    });
    var pages = [], byKey = new Map(), direct = new Set();
    for (var o = 0; o < order.length; o++) {
      var r = order[o], run = results[r].run, found = results[r].found;
      var index = await this.site.index(run.from);
      var target = run.cross ? await this.site.index(run.lang) : index;
      var analysis = await this.site.analysis(run.from);
      var terms = /** @type {string[]} */ ([]).concat.apply([], found.groups);
      var rank = 0;
      /** @type {ResultPage[]} */
      var chosen = [];
      // Hits come page by page (best page first): take the first MAX_PAGES pages and up to
      // SECTIONS_PER_PAGE sections of each; only the shown pages' files are fetched.
      for (var h = 0; h < found.hits.length && rank <= MAX_PAGES; h++) {
        var hit = found.hits[h];
        var key = run.lang + "|" + run.from + "|" + hit.page + "|" + (run.cross ? "x" : "");
        var entry = byKey.get(key);
        if (!entry) {
          if (rank === MAX_PAGES) break;
          var targetPage = null;
          if (run.cross) {
            // Pages share their paths across languages: show the reader's own page.
            targetPage = await target.page((await index.fragment(hit.doc)).page);
            if (!targetPage || direct.has(run.lang + "|" + targetPage.path)) continue;
          }
          entry = { run: run, page: targetPage, hits: [], sections: [], analysis: analysis, terms: terms,
                    order: r, rank: rank++, coverage: found.coverage };
          byKey.set(key, entry);
          pages.push(entry);
          chosen.push(entry);
        }
        if (entry.hits.length < SECTIONS_PER_PAGE) entry.hits.push(hit);
      }
      await Promise.all(chosen.map(async function (entry) {
        entry.sections = await Promise.all(entry.hits.map(function (hit) { return index.fragment(hit.doc); }));
        if (!entry.run.cross) direct.add(entry.run.lang + "|" + entry.sections[0].page);
      }));
    }
    this.names = (await this.site.entry()).names || {};   // each language's own name (analysis.json)
    // Better coverage first, direct before cross-language; with several languages, take each
    // language's best page in turn (scores of different indexes are not comparable).
    pages.sort(function (a, b) {
      return (b.coverage - a.coverage) || ((a.run.cross ? 1 : 0) - (b.run.cross ? 1 : 0)) ||
        (a.rank - b.rank) || (a.order - b.order);
    });
    // A page shown once: where both a partial direct match and a complete cross-language match
    // found it, at the better place.
    var shown = new Set();
    pages = pages.filter(function (entry) {
      var path = entry.run.lang + "|" + (entry.page ? entry.page.path : entry.sections[0].page);
      if (shown.has(path)) return false;
      shown.add(path);
      return true;
    });
    return { pages: pages.slice(0, MAX_PAGES), stem: stem, queryLang: queryLang };
  };

  /**
   * Show `found` (SearchBox.results), unless a newer query has taken over.
   * @param {number} generation
   * @param {Found | null} found  null: no query
   * @param {string} query
   * @returns {Promise<void>}
   */
  SearchBox.prototype.render = async function (generation, found, query) {
    if (generation !== this.generation) return;
    this.list.textContent = "";
    this.withdrawSuggestion();
    // Which query the list now answers (as typed): tests and tools wait for it, not for time.
    this.list.setAttribute("data-atlas-query", query);
    if (!found) { this.meta.textContent = this.strings.placeholder || ""; return; }
    var pages = found.pages;
    this.stem = found.stem;   // the snippets highlight stemmed words with it
    this.meta.textContent = pages.length ?
      (this.strings.count || "{n} matching pages").replace("{n}", String(pages.length)) :
      (this.strings.none || "No matching documents");
    var self = this;
    pages.forEach(function (entry) { self.list.appendChild(self.pageItem(entry, query.trim())); });
  };

  /**
   * @param {string} url
   * @returns {string}
   */
  SearchBox.prototype.href = function (url) {
    return new URL(url, this.siteRoot).href;
  };

  /** The address of a result page (SearchBox.results): the reader's own page for a match in
   *  another language.
   * @param {ResultPage} entry
   * @returns {string}
   */
  SearchBox.prototype.pageHref = function (entry) {
    return this.href(entry.page ? entry.page.url : entry.sections[0].url.split("#")[0]);
  };

  /**
   * @param {ResultPage} entry
   * @param {string} query
   * @returns {HTMLLIElement}
   */
  SearchBox.prototype.pageItem = function (entry, query) {
    var item = element("li", "md-search-result__item");
    var first = entry.sections[0];
    var pageTitle = entry.page ? entry.page.title : first.pt;
    var head = element("a", "md-search-result__link");
    head.href = this.pageHref(entry);
    // The opened page marks the query's words; a page matched in another language has none of them.
    if (!entry.run.cross) head.setAttribute("data-atlas-highlight", query);
    var article = element("article", "md-search-result__article md-typeset");
    var title = element("h1", "", pageTitle);
    article.appendChild(title);
    if (entry.run.cross || entry.run.from !== this.lang) {
      var badge = element("span", "atlas-search__language",
        (this.strings.matchedIn || "matched in {lang}").replace("{lang}", this.names[entry.run.from] || entry.run.from));
      badge.setAttribute("lang", this.lang);
      article.appendChild(badge);
      if (!entry.run.cross) title.setAttribute("lang", entry.run.from);
    }
    // The page's own text (before its first heading) shows under the page title; every other
    // matching section follows as a deep link to its anchor.
    var intro = first.url.indexOf("#") === -1;
    if (!entry.run.cross && intro) article.appendChild(snippetNode(entry.analysis, first.body, entry.terms, this.stem));
    head.appendChild(article);
    item.appendChild(head);
    if (entry.run.cross) return item;
    var self = this;
    entry.sections.slice(intro ? 1 : 0, intro ? 4 : 3).forEach(function (section) {
      if (section.url.indexOf("#") === -1) return;
      var link = element("a", "md-search-result__link");
      link.href = self.href(section.url);
      link.setAttribute("data-atlas-highlight", query);
      var sectionArticle = element("article", "md-search-result__article md-search-result__article--document md-typeset");
      sectionArticle.appendChild(element("h2", "", section.st));
      sectionArticle.appendChild(snippetNode(entry.analysis, section.body, entry.terms, self.stem));
      link.appendChild(sectionArticle);
      item.appendChild(link);
    });
    return item;
  };


  function start() {
    var root = document.querySelector("[data-atlas-search]");
    if (root && window.AtlasSearch) window.atlasSearchBox = new SearchBox(root);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
