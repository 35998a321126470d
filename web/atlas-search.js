/*
 * CRM Failure Atlas — search core (no DOM): loads the static index lazily and ranks exactly
 * like the Python search (indexer/search.py, ranking.py): same query groups, same page and section
 * BM25F (whoosh's formula and numbers), same order.
 *
 * Query analysis replays the indexer: characters are folded with the shared tables
 * (indexer/data/analysis.json); each word is looked up in the exported lexicon (surface form ->
 * index terms), which carries what only Python can compute (hazm lemmas, jieba words, Snowball
 * stems, Hebrew prefix variants). Words the corpus never contained fall back to rules the
 * browser can run itself: Snowball (snowball.js), Hebrew prefix candidates, Persian suffixes,
 * Chinese segmentation against the index's own vocabulary.
 *
 * Works as a browser script (global AtlasSearch) and as a Node module (tests, benchmark).
 */
// Types (JSDoc, checked by `npx tsc -p .`, tsconfig.json; nothing here runs). The index files
// are written by indexer/export.py; their shapes are checked where they are read.
/**
 * entry.json: the only file not named by its content.
 * @typedef {Object} Entry
 * @property {Object<string, string>} languages  language code -> its meta file (below the search root)
 * @property {string} analysis  the analysis tables (analysis.<hash>.json)
 * @property {Object<string, string>} [names]  each language's own name
 * @property {number} [version]
 */
/**
 * meta.<hash>.json: one language's numbers and chunk first keys (fields with "_" are memos
 * kept on the loaded object, never in the file).
 * @typedef {Object} Meta
 * @property {string} folder  the content-hashed folder of the language's other files
 * @property {string} [fileSuffix]  ".json.gz" when the folder's files are compressed
 * @property {number} docCount  sections
 * @property {string[]} fields  field names; postings and lengths name fields by number
 * @property {number[]} boosts  per field
 * @property {number[]} avgLengths  per field, over sections
 * @property {number[]} pageAvgLengths  per field, over pages
 * @property {boolean[]} pageOnce  per field: counted once per page (the page title)
 * @property {string[]} terms  first key of each term chunk (terms.<n>.json)
 * @property {string[]} lexicon  first key of each lexicon chunk (lex.<n>.json)
 * @property {number[]} pageStarts  first section of each page, gap-coded
 * @property {number[]} pageLengths  field lengths of every page, flat (fields.length a page)
 * @property {number[]} pagePriors  each page's kind prior
 * @property {number} bundleSections  display bundles (pages.<n>.json) hold whole pages, this many sections or more
 * @property {number} B
 * @property {number} K1
 * @property {number} coordPower
 * @property {number} sectionCoordPower
 * @property {boolean} [vocab]  vocab.json exists (segmenting languages)
 * @property {PageTable} [_pages]  memo of LanguageIndex.pages
 * @property {LexiconKeys} [_lexiconKeys]  memo of LanguageIndex.lexiconKeys
 */
/**
 * One term's postings, field by field: [field number, flat [section gap, weight, field length, ...]].
 * @typedef {[number, number[]][]} Postings
 */
/**
 * The page table (LanguageIndex.pages): pages are runs of consecutive sections.
 * @typedef {Object} PageTable
 * @property {number} count  pages
 * @property {Int32Array} first  first section of each page, and docCount at the end
 * @property {Int32Array} of  the page of each section
 * @property {number[]} lengths  Meta.pageLengths
 * @property {number} fields  number of fields
 * @property {Int32Array} bundle  the display bundle of each page
 * @property {number[]} bundleFirst  first page of each bundle
 */
/**
 * A page's display data (pages.<n>.json, as pageInfo returns it).
 * @typedef {Object} PageInfo
 * @property {string} path  the page's path, the same in every language
 * @property {string} url
 * @property {string} title
 * @property {[string, string, string][]} sections  [url, section title, body]
 */
/**
 * One section's display data (LanguageIndex.fragment).
 * @typedef {{url: string, page: string, pt: string, st: string, body: string}} Fragment
 */
/** @typedef {Map<number, {key: string, points: string[]}[]>} LexiconKeys  surface forms by length in code points */
/**
 * The analysis tables (indexer/data/analysis.json): `languages`, `common` and one section per
 * language code.
 * @typedef {{languages?: string[], common: CommonTables} & Object<string, LanguageTables>} AnalysisTables
 */
/**
 * @typedef {Object} CommonTables
 * @property {Object<string, string>} classes  character classes (HYPHEN, ...)
 * @property {string} latin_part_pattern
 * @property {string} number_pattern
 * @property {string} acronym_plural_pattern
 * @property {{chars: number}} snippet
 */
/**
 * One language's section of the analysis tables (only the keys the browser reads).
 * @typedef {Object} LanguageTables
 * @property {string} [script]  a character class: the letters of the language's script
 * @property {number} [detect_order]
 * @property {string} [query_fallback]  "snowball:<language>", "prefixes", "suffixes", "segment"
 * @property {string} [word_pattern]
 * @property {string} [unicode_form]
 * @property {Object<string, string>} [char_map]
 * @property {string[]} [delete]  code points and ranges, hex ("200C", "064B-065F")
 * @property {Object<string, string>} [classes]
 * @property {string[]} [stop_words]
 * @property {string[]} [query_fillers]
 * @property {string[]} [prefixes]
 * @property {string[]} [suffixes]
 * @property {number} [min_remainder]
 * @property {number} [join_split_words]
 * @property {string} [snowball]
 * @property {[string, string][]} [spoken_endings]  [spoken, written]
 */
/** @typedef {"number" | "latin" | "native"} PartKind */
/**
 * A word part of a text (Analysis.parts): as typed, its kind, its folded lexicon key.
 * @typedef {{raw: string, kind: PartKind, key: string}} Part
 */
/** @typedef {string[]} Group  alternative index terms of one query word */
/** @typedef {(language: string, word: string) => string} Stemmer  AtlasSnowball.stem */
/** @typedef {{stemmer?: Stemmer | null, prefix?: boolean}} SearchOptions */
/** @typedef {[number, number]} Span  [start, end) offsets */
/**
 * One section that holds a query word: its number, its own BM25F score and its page.
 * @typedef {{doc: number, score: number, page: number}} Hit
 */
/** @typedef {{lang: string, groups: Group[], hits: Hit[], partial: boolean, coverage: number}} SearchResult */
/**
 * The Site's file loader: the file below the search root as bytes or parsed JSON (or a promise
 * of either); options.fresh: bypass every cache.
 * @typedef {(path: string, options: {fresh: boolean}) => unknown} Loader
 */
// root: the global object (self) in a browser; under Node, module.exports is used instead.
(function (/** @type {any} */ root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.AtlasSearch = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var MAX_QUERY_CHARS = 1000;
  var MAX_WORDS = 32;
  var PREFIX_EXPANSIONS = 24;
  // "Did you mean" reads the whole lexicon of the query's language (LanguageIndex.lexiconKeys):
  // on this site 4 to 12 chunk files, 50 to 180 kB (12 to 37 kB compressed). Past this many
  // chunks (about 1 MB) the box offers no suggestion rather than fetch more.
  var SUGGEST_LEXICON_CHUNKS = 64;
  /** @type {WeakMap<object, {code: string, script: RegExp, snowball: boolean}[]>} */
  var declaredScripts = new WeakMap();

  /**
   * The languages of `tables` that declare a script, by detect_order, with the script's pattern
   * compiled once per tables object (detectLanguage and needsSnowball run at every query).
   * @param {AnalysisTables} tables
   * @returns {{code: string, script: RegExp, snowball: boolean}[]}
   */
  function scriptsOf(tables) {
    var found = declaredScripts.get(tables);
    if (!found) {
      found = (tables.languages || [])
        .filter(function (code) { return tables[code] && tables[code].script; })
        .sort(function (a, b) { return (Number(tables[a].detect_order) - Number(tables[b].detect_order)) || compareStrings(a, b); })
        .map(function (code) {
          return { code: code, script: new RegExp("[" + tables[code].script + "]", "u"),
                   snowball: String(tables[code].query_fallback).indexOf("snowball:") === 0 };
        });
      declaredScripts.set(tables, found);
    }
    return found;
  }

  /**
   * The language a query is written in, judged by its script (analysis.json: the first language,
   * by detect_order, whose `script` occurs in the text, as indexer.languages.detect_language);
   * Latin -> fallback. `tables` is the parsed analysis file (Site.tables()).
   * @param {AnalysisTables} tables
   * @param {string} text
   * @param {string} fallback
   * @returns {string}
   */
  function detectLanguage(tables, text, fallback) {
    var scripts = scriptsOf(tables);
    for (var i = 0; i < scripts.length; i++) {
      if (scripts[i].script.test(text)) return scripts[i].code;
    }
    return fallback;
  }

  /**
   * Whether a query needs Snowball (snowball.js) for words the index never saw: it has a Latin
   * letter (Latin words take Snowball English in every language) or a letter of a language whose
   * query_fallback is Snowball.
   * @param {AnalysisTables} tables
   * @param {string} text
   * @returns {boolean}
   */
  function needsSnowball(tables, text) {
    if (/[A-Za-z\u00C0-\u024F]/.test(text)) return true;
    return scriptsOf(tables).some(function (declared) { return declared.snowball && declared.script.test(text); });
  }

  /**
   * Same cleaning as indexer.search.clean_query: no lone surrogates or controls, capped.
   * @param {string} text
   * @returns {string}
   */
  function cleanQuery(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        var next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) { out += text[i] + text[i + 1]; i++; continue; }
      }
      if (code >= 0xd800 && code <= 0xdfff) { out += " "; continue; }
      out += (code < 0x20 || (code >= 0x7f && code < 0xa0)) ? " " : text[i];
    }
    return out.trim().slice(0, MAX_QUERY_CHARS);
  }

  /**
   * @param {string} a
   * @param {string} b
   * @returns {number}
   */
  function compareStrings(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  /**
   * Index of the chunk whose first key is the greatest one <= key (chunks sorted by key).
   * @param {string[]} firstKeys
   * @param {string} key
   * @returns {number}
   */
  function chunkFor(firstKeys, key) {
    var lo = 0, hi = firstKeys.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (compareStrings(firstKeys[mid], key) <= 0) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  }

  /**
   * @param {number} score
   * @returns {number}
   */
  function roundScore(score) { return Math.round(score * 1e9) / 1e9; }

  /**
   * One language's static index; every file is fetched once, when first needed.
   * @constructor
   * @param {Site} site
   * @param {string} lang
   * @param {string} metaPath  the meta file, below the search root
   */
  function LanguageIndex(site, lang, metaPath) {
    this.site = site;
    this.lang = lang;
    this.metaPath = metaPath;
    /** @type {Promise<Meta> | null | undefined} the meta file, loading or loaded (null: load again) */
    this._meta;
  }
  var META_LISTS = ["terms", "lexicon", "pageStarts", "pageLengths", "pagePriors", "boosts", "avgLengths", "fields"];
  /**
   * @returns {Promise<Meta>}
   */
  LanguageIndex.prototype.meta = function () {
    if (!this._meta) {
      var self = this, path = this.metaPath;
      var promise = this.site.load(path).then(function (meta) {
        if (typeof meta.folder !== "string" || typeof meta.docCount !== "number" ||
            META_LISTS.some(function (key) { return !Array.isArray(meta[key]); })) {
          throw self.site.damaged(path, "not a language's meta");
        }
        return meta;
      });
      promise.catch(function () { if (self._meta === promise) self._meta = null; });
      this._meta = promise;
    }
    return this._meta;
  };
  /** A file of the language's content-hashed folder (named in meta); `valid(data)` says
   *  whether it holds what the index promises (else it is forgotten and reported damaged).
   * @param {string} name
   * @param {(data: any) => boolean} [valid]
   * @returns {Promise<any>}
   */
  LanguageIndex.prototype.file = async function (name, valid) {
    var meta = await this.meta();
    // The folder's files are stored compressed (meta.fileSuffix ".json.gz"; indexer/export.py).
    if (meta.fileSuffix && /\.json$/.test(name)) name = name.replace(/\.json$/, meta.fileSuffix);
    var path = this.lang + "/" + meta.folder + "/" + name;
    var data = await this.site.load(path);
    if (valid && !valid(data)) throw this.site.damaged(path, "unexpected content");
    return data;
  };
  /**
   * @param {unknown} data
   * @returns {boolean}
   */
  function isList(data) { return Array.isArray(data); }
  /**
   * @param {unknown} data
   * @returns {boolean}
   */
  function isTable(data) { return !Array.isArray(data); }
  var CHUNK_FILES = { terms: "terms", lexicon: "lex" };
  /**
   * @param {"terms" | "lexicon"} kind
   * @param {string} key
   * @returns {Promise<any>}  the key's value in its chunk, or undefined
   */
  LanguageIndex.prototype.chunkValue = async function (kind, key) {
    var meta = await this.meta();
    var at = chunkFor(meta[kind], key);
    if (at < 0) return undefined;
    var chunk = await this.file(CHUNK_FILES[kind] + "." + at + ".json", isTable);
    return Object.prototype.hasOwnProperty.call(chunk, key) ? chunk[key] : undefined;
  };
  /**
   * @param {string} surface  a folded word
   * @returns {Promise<string[] | undefined>}  its index terms
   */
  LanguageIndex.prototype.lexicon = function (surface) { return this.chunkValue("lexicon", surface); };
  /**
   * @param {string} term
   * @returns {Promise<Postings | undefined>}
   */
  LanguageIndex.prototype.postings = function (term) { return this.chunkValue("terms", term); };
  /**
   * Surface forms that start with `prefix` (for search-as-you-type on the last word).
   * @param {string} prefix
   * @param {number} limit
   * @returns {Promise<string[][]>}  the index terms of each
   */
  LanguageIndex.prototype.lexiconPrefix = async function (prefix, limit) {
    var meta = await this.meta();
    var firstKeys = meta.lexicon, out = [];
    var at = Math.max(0, chunkFor(firstKeys, prefix));
    for (; at < firstKeys.length && out.length < limit; at++) {
      if (at > 0 && compareStrings(firstKeys[at], prefix) > 0 && firstKeys[at].indexOf(prefix) !== 0) break;
      var chunk = await this.file("lex." + at + ".json", isTable);
      var keys = Object.keys(chunk).sort(compareStrings);
      for (var i = 0; i < keys.length && out.length < limit; i++) {
        if (keys[i].indexOf(prefix) === 0) out.push(chunk[keys[i]]);
      }
    }
    return out;
  };
  /**
   * Every surface form of the lexicon, as code point arrays bucketed by length (for "did you
   * mean", see suggest), or null when the lexicon has more than SUGGEST_LEXICON_CHUNKS chunks.
   * Words one or two edits apart are scattered over the whole key order (a changed first
   * letter moves a word anywhere), so no range of chunks would do: this reads them all, once
   * per page life (content-hashed files, cached), and only for a query that found nothing.
   * @returns {Promise<LexiconKeys | null>}
   */
  LanguageIndex.prototype.lexiconKeys = async function () {
    var meta = await this.meta();
    if (meta.lexicon.length > SUGGEST_LEXICON_CHUNKS) return null;
    if (!meta._lexiconKeys) {
      var self = this, byLength = new Map();
      var chunks = await Promise.all(meta.lexicon.map(function (first, at) { return self.file("lex." + at + ".json", isTable); }));
      chunks.forEach(function (chunk) {
        Object.keys(chunk).forEach(function (key) {
          var points = Array.from(key);
          if (!byLength.has(points.length)) byLength.set(points.length, []);
          byLength.get(points.length).push({ key: key, points: points });
        });
      });
      meta._lexiconKeys = byLength;
    }
    return meta._lexiconKeys;
  };
  /**
   * The page table: pages are runs of consecutive sections (memoised on meta).
   * @returns {Promise<PageTable>}
   */
  LanguageIndex.prototype.pages = async function () {
    var meta = await this.meta();
    if (!meta._pages) {
      var count = meta.pageStarts.length, first = new Int32Array(count + 1), docPage = new Int32Array(meta.docCount);
      for (var p = 0, at = 0; p < count; p++) { at += meta.pageStarts[p]; first[p] = at; }
      first[count] = meta.docCount;
      for (p = 0; p < count; p++) docPage.fill(p, first[p], first[p + 1]);
      // Display bundles, as indexer.export.page_bundles: whole pages, bundleSections or more each.
      var bundle = new Int32Array(count), bundleFirst = [], held = meta.bundleSections;
      for (p = 0; p < count; p++) {
        if (held >= meta.bundleSections) { bundleFirst.push(p); held = 0; }
        bundle[p] = bundleFirst.length - 1;
        held += first[p + 1] - first[p];
      }
      meta._pages = { count: count, first: first, of: docPage, lengths: meta.pageLengths, fields: meta.fields.length,
                      bundle: bundle, bundleFirst: bundleFirst };
    }
    return meta._pages;
  };
  /**
   * Display data of page `number`: {path, url, title, sections: [[url, section title, body]]}.
   * @param {number} number
   * @returns {Promise<PageInfo>}
   */
  LanguageIndex.prototype.pageInfo = async function (number) {
    var pages = await this.pages(), bundle = pages.bundle[number], at = number - pages.bundleFirst[bundle];
    var page = (await this.file("pages." + bundle + ".json", function (data) {
      return Array.isArray(data) && data[at] && Array.isArray(data[at].sections);
    }))[at];
    return { path: page.page, url: page.url, title: page.title, sections: page.sections };
  };
  /**
   * The page with this path, or null (maps a page of another language to this one).
   * @param {string} path
   * @returns {Promise<PageInfo | null>}
   */
  LanguageIndex.prototype.page = async function (path) {
    var number = (await this.file("paths.json", isList)).indexOf(path);
    return number === -1 ? null : this.pageInfo(number);
  };
  /**
   * One section's display data: {url, page (path), pt (page title), st, body}.
   * @param {number} docnum
   * @returns {Promise<Fragment>}
   */
  LanguageIndex.prototype.fragment = async function (docnum) {
    var pages = await this.pages();
    var number = pages.of[docnum], page = await this.pageInfo(number);
    var section = page.sections[docnum - pages.first[number]];
    return { url: section[0], page: page.path, pt: page.title, st: section[1], body: section[2] };
  };

  /**
   * One language's analysis tables (analysis.json), interpreted exactly as the Python
   * analyzers do (indexer/analyzers/base.py): fold = NFKC, lowercase, char_map, delete;
   * words = word_pattern on the raw text, compounds split at hyphens into parts of a kind
   * (number, latin, native), Latin parts judged by the English stop list and stemmer.
   * @constructor
   * @param {AnalysisTables} tables
   * @param {string} lang
   */
  function Analysis(tables, lang) {
    var spec = tables[lang];
    if (!spec || typeof spec !== "object" || !spec.word_pattern) throw new Error("no analysis tables for language '" + lang + "'");
    var common = tables.common;
    var self = this;
    this.lang = lang;
    this.unicodeForm = spec.unicode_form || null;
    this.charMap = spec.char_map || {};
    this.deleted = new Set();
    (spec.delete || []).forEach(function (entry) {
      var bounds = entry.split("-");
      var first = parseInt(bounds[0], 16), last = parseInt(bounds[1] || bounds[0], 16);
      for (var code = first; code <= last; code++) self.deleted.add(code);
    });
    this.wordRe = new RegExp(spec.word_pattern, "gu");
    var hyphen = (spec.classes && spec.classes.HYPHEN) || common.classes.HYPHEN;
    this.hyphenRe = new RegExp("[" + hyphen + "]", "gu");
    this.latinPartRe = new RegExp("^(?:" + common.latin_part_pattern + ")$", "u");
    this.numberRe = new RegExp("^(?:" + common.number_pattern + ")$", "u");
    this.acronymPluralRe = new RegExp("^(?:" + common.acronym_plural_pattern + ")$", "u");
    this.stopWords = new Set((spec.stop_words || []).map(function (w) { return self.fold(w); }));
    this.latinStopWords = new Set((tables.en.stop_words || []).map(function (w) { return self.fold(w); }));
    this.prefixes = new Set((spec.prefixes || []).map(function (w) { return self.fold(w); }));
    this.prefixLengths = Array.from(new Set(Array.from(this.prefixes).map(function (w) { return w.length; })))
      .sort(function (a, b) { return a - b; });
    this.suffixes = Array.from(new Set((spec.suffixes || []).map(function (w) { return self.fold(w); })))
      .sort(function (a, b) { return (b.length - a.length) || compareStrings(a, b); });
    this.minRemainder = spec.min_remainder || 2;
    this.joinLimit = spec.join_split_words || 0;
    this.fillers = new Set((spec.query_fillers || []).map(function (w) { return self.fold(w); }));
    this.latinFillers = new Set((tables.en.query_fillers || []).map(function (w) { return self.fold(w); }));
    this.foldedPrefixes = (spec.prefixes || []).map(function (w) { return self.fold(w); });
    this.snippetChars = common.snippet.chars;
    this.snowball = spec.snowball || null;
    // What a word the pages never contained goes through (analysis.json query_fallback).
    this.fallback = String(spec.query_fallback || "").split(":")[0];
    this.segments = this.fallback === "segment";
    this.scriptRun = spec.script ? new RegExp("^[" + spec.script + "]+$", "u") : null;
    this.spokenEndings = (spec.spoken_endings || []).map(function (pair) { return [pair[0], self.fold(pair[1])]; });
  }
  /**
   * @param {string} text
   * @returns {string}
   */
  Analysis.prototype.fold = function (text) {
    var out = (this.unicodeForm ? text.normalize(this.unicodeForm) : text).toLowerCase();
    var result = "";
    for (var ch of out) {
      if (Object.prototype.hasOwnProperty.call(this.charMap, ch)) {
        for (var mapped of this.charMap[ch]) if (!this.deleted.has(mapped.codePointAt(0))) result += mapped;
      } else if (!this.deleted.has(ch.codePointAt(0))) {
        result += ch;
      }
    }
    return result;
  };
  /**
   * @param {string} raw
   * @returns {PartKind}
   */
  Analysis.prototype.kind = function (raw) {
    if (this.latinPartRe.test(raw)) return this.numberRe.test(this.fold(raw)) ? "number" : "latin";
    return "native";
  };
  /**
   * Parts of one matched compound, as LanguageAnalyzer.split_compound: [{raw, kind}].
   * @param {string} raw
   * @returns {{raw: string, kind: PartKind, span?: string}[]}
   */
  Analysis.prototype.splitCompound = function (raw) {
    var self = this, parts = [], start = 0, match;
    /** @type {([number, number] | null)[]} */
    var hyphens = [];
    this.hyphenRe.lastIndex = 0;
    while ((match = this.hyphenRe.exec(raw)) !== null) hyphens.push([match.index, match.index + match[0].length]);
    hyphens.push(null);
    for (var i = 0; i < hyphens.length; i++) {
      var hyphen = hyphens[i];
      var end = hyphen ? hyphen[0] : raw.length;
      if (end > start) parts.push({ raw: raw.slice(start, end), kind: this.kind(raw.slice(start, end)) });
      if (hyphen) start = hyphen[1];
    }
    if (parts.length > 1 && parts.every(function (p) { return p.kind === "latin"; }) &&
        parts.some(function (p) { return Array.from(self.fold(p.raw)).length === 1; })) {
      // e-mail stays one word; its lexicon key is the whole span, hyphen included.
      return [{ raw: parts.map(function (p) { return p.raw; }).join(""), kind: "latin", span: raw }];
    }
    return parts;
  };
  /**
   * Every word part of a raw text, in order: [{raw, kind, key}], key = fold(the part's span).
   * @param {string} text
   * @returns {Part[]}
   */
  Analysis.prototype.parts = function (text) {
    var self = this, match;
    /** @type {Part[]} */
    var out = [];
    this.wordRe.lastIndex = 0;
    while ((match = this.wordRe.exec(text)) !== null) {
      this.splitCompound(match[0]).forEach(function (part) {
        out.push({ raw: part.raw, kind: part.kind, key: self.fold(part.span || part.raw) });
      });
    }
    return out;
  };
  /**
   * The folded text of a part: acronym plurals (KPIs) lose their "s" first.
   * @param {{raw: string, kind: PartKind}} part
   * @returns {string}
   */
  Analysis.prototype.foldPart = function (part) {
    var raw = part.kind === "latin" && this.acronymPluralRe.test(part.raw) ? part.raw.slice(0, -1) : part.raw;
    return this.fold(raw);
  };
  /**
   * @param {string} folded
   * @param {PartKind} kind
   * @returns {boolean}
   */
  Analysis.prototype.isStopWord = function (folded, kind) {
    if (kind === "number") return false;
    return kind === "latin" ? this.latinStopWords.has(folded) : this.stopWords.has(folded);
  };

  /**
   * The Snowball stem a word is highlighted by (indexer.snippets.highlight_stem), or null.
   * @param {string} raw
   * @param {string} folded
   * @param {Stemmer} stemmer
   * @returns {string | null}
   */
  Analysis.prototype.highlightStem = function (raw, folded, stemmer) {
    var kind = this.kind(raw);
    if (kind === "latin") return stemmer("en", folded);
    if (kind === "native" && this.snowball) return stemmer(this.lang, folded);
    return null;
  };

  /**
   * As LanguageAnalyzer.is_query_filler: a question word or filler ("why", "how do we").
   * @param {string} folded
   * @param {PartKind} kind
   * @returns {boolean}
   */
  Analysis.prototype.isFiller = function (folded, kind) {
    if (kind === "number") return false;
    if (kind === "latin") return this.latinFillers.has(folded);
    if (this.fillers.has(folded)) return true;
    var fillers = this.fillers;
    return this.foldedPrefixes.some(function (p) { return folded.indexOf(p) === 0 && fillers.has(folded.slice(p.length)); });
  };

  /**
   * The words of `text` a query's terms highlight, as indexer.snippets.highlight_spans (the rule
   * of result snippets and of the page opened from a result, search-highlight.js): merged
   * [start, end] offsets, in order. A word (a match of the language's word pattern) is
   * highlighted when its fold contains a term of 2+ characters or its Snowball stem is a term
   * (`stemmer`, as options.stemmer); in a language written without spaces (Chinese), a term of
   * its script where it occurs.
   * @param {Analysis} analysis
   * @param {string} text
   * @param {string[]} terms
   * @param {Stemmer | null} [stemmer]
   * @returns {Span[]}
   */
  function highlightSpans(analysis, text, terms, stemmer) {
    var spans = [], match;
    var scriptRun = analysis.scriptRun;
    var unspaced = terms.filter(function (t) { return analysis.segments && scriptRun !== null && scriptRun.test(t); });
    var wanted = terms.filter(function (t) { return t.length > 1 && unspaced.indexOf(t) === -1; });
    /** @type {Set<string | null>} */
    var termSet = new Set(terms);
    var wordRe = new RegExp(analysis.wordRe.source, "gu");
    while ((match = wordRe.exec(text)) !== null) {
      var folded = analysis.fold(match[0]);
      if (wanted.some(function (t) { return folded.indexOf(t) !== -1; }) ||
          (stemmer && termSet.has(analysis.highlightStem(match[0], folded, stemmer)))) {
        spans.push([match.index, match.index + match[0].length]);
      }
    }
    unspaced.forEach(function (term) {
      for (var at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length)) spans.push([at, at + term.length]);
    });
    spans.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    /** @type {Span[]} */
    var merged = [];
    spans.forEach(function (span) {
      var last = merged[merged.length - 1];
      if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]); else merged.push(/** @type {Span} */ (span.slice()));
    });
    return merged;
  }

  /**
   * The snippet of `text` for a query's terms, by the rules of analysis.json common.snippet, as
   * indexer.snippets.make_snippet: {text, highlights: [[start, end], ...] offsets into text}.
   * Words are highlighted by highlightSpans. The window of `chars` characters
   * with the most highlights opens a quarter window before the first of them, at a word start.
   * @param {Analysis} analysis
   * @param {string} text
   * @param {string[]} terms
   * @param {Stemmer | null} [stemmer]
   * @returns {{text: string, highlights: Span[]}}
   */
  function snippet(analysis, text, terms, stemmer) {
    var chars = analysis.snippetChars, merged = highlightSpans(analysis, text, terms, stemmer);
    var start = 0;
    if (merged.length) {
      var bestStart = merged[0][0], bestCount = 0;
      merged.forEach(function (span) {
        var count = merged.filter(function (s) { return span[0] <= s[0] && s[1] <= span[0] + chars; }).length;
        if (count > bestCount) { bestStart = span[0]; bestCount = count; }
      });
      start = Math.max(0, bestStart - Math.floor(chars / 4));
      var space = start > 0 ? text.lastIndexOf(" ", start - 1) : -1;
      start = space === -1 ? 0 : space + 1;
    }
    var end = start + chars, shift = (start ? 1 : 0) - start;
    return {
      text: (start ? "\u2026" : "") + text.slice(start, end).replace(/\n/g, " ") + (end < text.length ? "\u2026" : ""),
      highlights: merged.filter(function (s) { return s[0] >= start && s[1] <= end; })
        .map(function (s) { return [s[0] + shift, s[1] + shift]; }),
    };
  }

  /**
   * Hebrew: the word, then each prefix-stripped form (shortest prefix first), as the indexer.
   * @param {Analysis} analysis
   * @param {string} word  folded
   * @returns {string[]}
   */
  function hebrewCandidates(analysis, word) {
    var out = [word];
    for (var i = 0; i < analysis.prefixLengths.length; i++) {
      var length = analysis.prefixLengths[i];
      var rest = word.slice(length);
      if (Array.from(rest).length < analysis.minRemainder) break;
      if (analysis.prefixes.has(word.slice(0, length)) && !analysis.stopWords.has(rest) &&
          out.indexOf(rest) === -1) out.push(rest);
    }
    return out;
  }

  /**
   * query_fallback "suffixes" (Persian), as indexer.query.suffix_fallback: a spoken verb ending
   * written out when that gives a word of the index; else strip the longest known suffix when
   * what remains is one.
   * @param {LanguageIndex} index
   * @param {Analysis} analysis
   * @param {string} word  folded
   * @returns {Promise<string[]>}
   */
  async function persianFallback(index, analysis, word) {
    for (var e = 0; e < analysis.spokenEndings.length; e++) {
      var spoken = analysis.spokenEndings[e][0], written = analysis.spokenEndings[e][1];
      if (word.length > spoken.length && word.slice(-spoken.length) === spoken) {
        var found = await index.lexicon(word.slice(0, -spoken.length) + written);
        if (found) return found.slice();
      }
    }
    for (var i = 0; i < analysis.suffixes.length; i++) {
      var suffix = analysis.suffixes[i];
      if (word.length - suffix.length >= analysis.minRemainder && word.slice(-suffix.length) === suffix) {
        var known = await index.lexicon(word.slice(0, -suffix.length));
        if (known) return known.slice();
      }
    }
    return [word];
  }

  /**
   * Chinese: greedy longest match against the index's own words, single characters otherwise.
   * @param {Set<string>} vocab
   * @param {string} run
   * @returns {string[]}
   */
  function segmentAgainst(vocab, run) {
    var groups = [], longest = 1;
    vocab.forEach(function (w) { if (w.length > longest) longest = w.length; });
    var chars = Array.from(run);
    for (var i = 0; i < chars.length;) {
      var taken = 1;
      for (var len = Math.min(longest, chars.length - i); len > 1; len--) {
        if (vocab.has(chars.slice(i, i + len).join(""))) { taken = len; break; }
      }
      groups.push(chars.slice(i, i + taken).join(""));
      i += taken;
    }
    return groups;
  }

  /**
   * A static site's search: `load(path, options)` returns (a promise of) the file below the
   * search root, as its bytes (an ArrayBuffer or a typed array: gzip or plain JSON, parsed here)
   * or already parsed; with options.fresh it must bypass every cache (the browser passes
   * `cache: "reload"` to fetch; a loader reading files may ignore it).
   *
   * Every file but entry.json is named by its content, so a file loaded once is kept for the
   * page's life. A redeploy changes entry.json and deletes the old names: `recover` runs a task
   * (a query) and, when it fails, reads entry.json again past every cache, forgets everything
   * loaded if the entry changed, and runs the task once more. A file whose load failed (missing,
   * not JSON, damaged) is forgotten and loaded again past the caches the next time it is needed.
   * @constructor
   * @param {Loader} load
   */
  function Site(load) {
    this.fetchJson = load;
    /** @type {Set<string>} */
    this.failed = new Set();      // paths whose last load failed: reloaded past the caches
    // Set by reset():
    /** @type {Map<string, Promise<any>>} path -> the file's loaded JSON */
    this.cache;
    /** @type {Object<string, LanguageIndex>} */
    this.indexes;
    /** @type {Object<string, Analysis>} */
    this.analyses;
    /** @type {Promise<AnalysisTables> | null | undefined} */
    this.tablesLoaded;
    this.reset();
  }
  /** Forget every file and object loaded (after a redeploy). */
  Site.prototype.reset = function () {
    this.cache = new Map();
    this.indexes = {};
    this.analyses = {};
  };
  /**
   * Fetch and check one file; `fresh` bypasses the caches.
   * @param {string} path
   * @param {boolean} fresh
   * @returns {Promise<any>}
   */
  Site.prototype.fetchFile = function (path, fresh) {
    var self = this;
    return new Promise(function (resolve) { resolve(self.fetchJson(path, { fresh: fresh })); }).then(function (data) {
      return isBytes(data) ? parseIndexFile(data, path) : data;
    }).then(function (data) {
      if (data === null || typeof data !== "object") throw new Error("search index file " + path + " is damaged (not a JSON object or list)");
      return data;
    });
  };
  /**
   * @param {unknown} data
   * @returns {data is ArrayBuffer | ArrayBufferView}
   */
  function isBytes(data) { return data instanceof ArrayBuffer || ArrayBuffer.isView(data); }
  /** The JSON in a file's bytes, gunzipped first when they are gzip (the index folder's files,
   *  unless the host already undid the compression in transit).
   * @param {ArrayBuffer | ArrayBufferView} data
   * @param {string} path
   * @returns {Promise<any>}
   */
  async function parseIndexFile(data, path) {
    var bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    var text;
    try {
      if (bytes.length > 1 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
        // (a view of an ArrayBuffer: what fetch and readFile give; tsc also allows a SharedArrayBuffer here)
        var stream = new Blob([/** @type {Uint8Array<ArrayBuffer>} */ (bytes)]).stream().pipeThrough(new DecompressionStream("gzip"));
        text = await new Response(stream).text();
      } else {
        text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      }
      return JSON.parse(text);
    } catch (error) {
      throw new Error("search index file " + path + " is damaged (not valid " + (text === undefined ? "gzip or UTF-8" : "JSON") + ")");
    }
  }
  /**
   * @param {string} path
   * @returns {Promise<any>}  the file's JSON (each reader checks its shape)
   */
  Site.prototype.load = function (path) {
    if (!this.cache.has(path)) {
      var self = this;
      var promise = this.fetchFile(path, this.failed.has(path));
      promise.then(function () { self.failed.delete(path); }, function () {
        self.failed.add(path);
        if (self.cache.get(path) === promise) self.cache.delete(path);
      });
      this.cache.set(path, promise);
    }
    return /** @type {Promise<any>} */ (this.cache.get(path));
  };
  /** A file that loaded but is not what the index promises: forgotten, and reloaded past the
   *  caches next time. Returns the error to throw.
   * @param {string} path
   * @param {string} what
   * @returns {Error}
   */
  Site.prototype.damaged = function (path, what) {
    this.cache.delete(path);
    this.failed.add(path);
    return new Error("search index file " + path + " is damaged (" + what + ")");
  };
  /**
   * Read entry.json again past every cache; when it differs from the one in use (a redeploy),
   * forget everything loaded. Resolves to true when the entry changed.
   * @returns {Promise<boolean>}
   */
  Site.prototype.refresh = async function () {
    var current = null;
    if (this.cache.has("entry.json")) {
      try { current = await this.cache.get("entry.json"); } catch (error) { current = null; }
    }
    var entry = await this.fetchFile("entry.json", true);
    this.failed.delete("entry.json");
    if (current !== null && JSON.stringify(current) === JSON.stringify(entry)) return false;
    this.reset();
    this.cache.set("entry.json", Promise.resolve(entry));
    return true;
  };
  /**
   * Run `task` (async); if it fails, refresh the entry (see refresh) and run it once more.
   * The second failure is the caller's to report.
   * @template T
   * @param {() => Promise<T> | T} task
   * @returns {Promise<T>}
   */
  Site.prototype.recover = async function (task) {
    try {
      return await task();
    } catch (error) {
      try { await this.refresh(); } catch (ignored) { /* the retry meets and reports it */ }
      return await task();
    }
  };
  /**
   * @returns {Promise<Entry>}
   */
  Site.prototype.entry = async function () {
    var entry = await this.load("entry.json");
    if (!entry.languages || typeof entry.languages !== "object" || typeof entry.analysis !== "string") {
      throw this.damaged("entry.json", "no languages or analysis");
    }
    return entry;
  };
  /**
   * @returns {Promise<string[]>}
   */
  Site.prototype.languages = async function () { return Object.keys((await this.entry()).languages); };
  /**
   * @param {string} lang
   * @returns {Promise<LanguageIndex>}
   */
  Site.prototype.index = async function (lang) {
    var entry = await this.entry();
    if (!Object.prototype.hasOwnProperty.call(entry.languages, lang) || !entry.languages[lang]) throw new Error("unknown language '" + lang + "'");
    if (!this.indexes[lang]) this.indexes[lang] = new LanguageIndex(this, lang, entry.languages[lang]);
    return this.indexes[lang];
  };
  /**
   * The analysis tables of every language (analysis.json, as exported), loaded once.
   * @returns {Promise<AnalysisTables>}
   */
  Site.prototype.tables = async function () {
    if (!this.tablesLoaded) {
      var self = this;
      this.tablesLoaded = this.entry().then(function (entry) { return self.load(entry.analysis); });
      this.tablesLoaded.catch(function () { self.tablesLoaded = null; });   // tried again next time
    }
    return this.tablesLoaded;
  };
  /**
   * @param {string} lang
   * @returns {Promise<Analysis>}
   */
  Site.prototype.analysis = async function (lang) {
    if (!this.analyses[lang]) {
      var entry = await this.entry();
      var path = entry.analysis, tables = await this.tables();
      try {
        this.analyses[lang] = new Analysis(tables, lang);
      } catch (error) {
        throw this.damaged(path, /** @type {Error} */ (error).message);
      }
    }
    return this.analyses[lang];
  };

  /**
   * Join adjacent native words whose joined form is a word of the pages (Persian typed with a
   * space where a ZWNJ belongs), longest join first, as indexer.query.join_split_words.
   * @param {LanguageIndex} index
   * @param {Analysis} analysis
   * @param {Part[]} parts
   * @returns {Promise<Part[]>}
   */
  async function joinSplitWords(index, analysis, parts) {
    var limit = analysis.joinLimit;
    if (limit < 2) return parts;
    var joined = [];
    for (var at = 0; at < parts.length;) {
      var taken = 1;
      for (var length = Math.min(limit, parts.length - at); length > 1; length--) {
        var run = parts.slice(at, at + length);
        if (run.every(function (p) { return p.kind === "native"; }) &&
            await index.lexicon(run.map(function (p) { return p.key; }).join(""))) { taken = length; break; }
      }
      var chosen = parts.slice(at, at + taken);
      joined.push({ raw: chosen.map(function (p) { return p.raw; }).join("\u200c"), kind: chosen[0].kind,
                    key: chosen.map(function (p) { return p.key; }).join("") });
      at += taken;
    }
    return joined;
  }

  /**
   * Word groups for a part the lexicon does not know, by rules the browser can run.
   * @param {LanguageIndex} index
   * @param {Analysis} analysis
   * @param {Part} part
   * @param {Stemmer | null} [stemmer]
   * @returns {Promise<Group[]>}
   */
  async function fallbackGroups(index, analysis, part, stemmer) {
    var word = analysis.foldPart(part);
    if (!word || analysis.isStopWord(word, part.kind)) return [];
    if (part.kind === "number") return [[word]];
    if (part.kind === "latin") return [[stemmer ? stemmer("en", word) : word]];
    // Dispatch on the language's declared query_fallback, as indexer.query.FALLBACKS.
    if (analysis.fallback === "prefixes") return analysis.prefixes.has(word) ? [] : [hebrewCandidates(analysis, word)];
    if (analysis.fallback === "suffixes") return [await persianFallback(index, analysis, word)];
    if (analysis.fallback === "segment" && analysis.scriptRun !== null && analysis.scriptRun.test(word)) {
      var meta = await index.meta();
      var vocab = meta.vocab ? new Set(await index.file("vocab.json")) : new Set();
      return segmentAgainst(vocab, word)
        .filter(function (w) { return !analysis.stopWords.has(w); })
        .map(function (w) { return [w]; });
    }
    if (stemmer && analysis.fallback === "snowball") return [[stemmer(analysis.lang, word)]];
    return [[word]];
  }

  /**
   * Word groups of a query, as indexer.query.query_groups: one list of alternative index terms
   * per word part, stop words dropped, fillers dropped when other words remain, repeated groups
   * removed (as indexer.ranking.unique_groups). Parts the index has seen take their terms from
   * the exported lexicon (what hazm, jieba, Snowball and the Hebrew prefix rules made of them);
   * others go through fallbackGroups. With options.prefix (search as you type), a last part
   * the index has not seen also matches the indexed words it begins.
   * @param {Site} site
   * @param {string} lang
   * @param {string} text
   * @param {SearchOptions} [options]
   * @returns {Promise<Group[]>}
   */
  async function queryGroups(site, lang, text, options) {
    options = options || {};
    var index = await site.index(lang);
    var analysis = await site.analysis(lang);
    var parts = await joinSplitWords(index, analysis, analysis.parts(cleanQuery(text)).slice(0, MAX_WORDS * 2));
    /** @type {[boolean, Group][]} */
    var marked = [];   // [is a filler, group]
    for (var i = 0; i < parts.length; i++) {
      var terms = await index.lexicon(parts[i].key);
      if (terms) { marked.push([analysis.isFiller(parts[i].key, parts[i].kind), terms.slice()]); continue; }
      var partGroups = await fallbackGroups(index, analysis, parts[i], options.stemmer);
      if (options.prefix && i === parts.length - 1 && partGroups.length <= 1 && parts[i].key.length > 1) {
        var group = partGroups[0] || [];
        (await index.lexiconPrefix(parts[i].key, PREFIX_EXPANSIONS)).forEach(function (more) {
          more.forEach(function (t) { if (group.indexOf(t) === -1) group.push(t); });
        });
        partGroups = [group];
      }
      for (var g = 0; g < partGroups.length; g++) {
        if (!partGroups[g].length) continue;
        var judged = partGroups.length === 1 ? parts[i].key : partGroups[g][0];
        marked.push([analysis.isFiller(judged, parts[i].kind), partGroups[g]]);
      }
    }
    if (marked.some(function (m) { return !m[0]; })) marked = marked.filter(function (m) { return !m[0]; });
    var seen = new Set();
    return marked.map(function (m) { return m[1]; }).filter(function (g) {
      var key = g.slice().sort(compareStrings).join("\u0000");
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }).slice(0, MAX_WORDS);
  }

  /**
   * whoosh.scoring.bm25, term for term.
   * @param {number} idf
   * @param {number} tf
   * @param {number} fl
   * @param {number} avgfl
   * @param {number} B
   * @param {number} K1
   * @returns {number}
   */
  function bm25(idf, tf, fl, avgfl, B, K1) {
    return idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl)));
  }

  /**
   * Each index term of the query once, with the query words (group numbers) it stands for.
   * @param {Group[]} groups
   * @returns {Map<string, number[]>}  term -> group numbers
   */
  function distinctTerms(groups) {
    var terms = new Map();
    groups.forEach(function (group, number) {
      group.forEach(function (term) {
        if (!terms.has(term)) terms.set(term, []);
        if (terms.get(term).indexOf(number) === -1) terms.get(term).push(number);
      });
    });
    return terms;
  }

  /**
   * Sections holding a query word, ranked page first as indexer.ranking.rank: pages by BM25F
   * over the whole page times (words held / words) ** coordPower times (most words one
   * section holds / words) ** sectionCoordPower times the page's kind prior, then each page's
   * sections by their own BM25F. Returns {hits: [{doc, score, page}], partial}.
   * @param {LanguageIndex} index
   * @param {Group[]} groups
   * @returns {Promise<{hits: Hit[], partial: boolean, coverage: number}>}
   */
  async function rank(index, groups) {
    var meta = await index.meta();
    var pages = await index.pages();
    var sectionScores = new Float64Array(meta.docCount), sectionsHit = [], sectionWords = new Uint32Array(meta.docCount);
    var pageScores = new Float64Array(pages.count), pageWords = new Uint32Array(pages.count), pagesHit = [];
    var frequencies = new Float64Array(pages.count), touched = [];
    var terms = Array.from(distinctTerms(groups));
    for (var t = 0; t < terms.length; t++) {
      var mask = 0;
      terms[t][1].forEach(function (n) { mask |= 1 << n; });
      var postings = await index.postings(terms[t][0]);
      if (!postings) continue;
      for (var p = 0; p < postings.length; p++) {
        var field = postings[p][0], flat = postings[p][1], boost = meta.boosts[field], once = meta.pageOnce[field];
        var idf = Math.log(meta.docCount / (flat.length / 3 + 1)) + 1;   // [section gap, weight, field length]
        var avg = meta.avgLengths[field];
        for (var k = 0, doc = 0; k < flat.length; k += 3) {
          doc += flat[k];
          var weight = flat[k + 1];
          if (sectionScores[doc] === 0) sectionsHit.push(doc);
          sectionScores[doc] += bm25(idf, weight, flat[k + 2], avg, meta.B, meta.K1) * boost;
          sectionWords[doc] |= mask;
          var page = pages.of[doc];
          if (frequencies[page] === 0) touched.push(page);
          frequencies[page] = once ? Math.max(frequencies[page], weight) : frequencies[page] + weight;
        }
        var pageIdf = Math.log(pages.count / (touched.length + 1)) + 1;
        for (var i = 0; i < touched.length; i++) {
          var hit = touched[i];
          if (pageWords[hit] === 0) pagesHit.push(hit);
          pageScores[hit] += bm25(pageIdf, frequencies[hit], pages.lengths[hit * pages.fields + field],
                                  meta.pageAvgLengths[field], meta.B, meta.K1) * boost;
          pageWords[hit] |= mask;
          frequencies[hit] = 0;
        }
        touched.length = 0;
      }
    }
    var together = new Uint32Array(pages.count);
    for (var d = 0; d < sectionsHit.length; d++) {
      var at = pages.of[sectionsHit[d]];
      together[at] = Math.max(together[at], popcount(sectionWords[sectionsHit[d]]));
    }
    var most = 0;
    for (var h = 0; h < pagesHit.length; h++) {
      var hitPage = pagesHit[h], held = popcount(pageWords[hitPage]);
      most = Math.max(most, held);
      pageScores[hitPage] = roundScore(pageScores[hitPage] * (Math.pow(held / groups.length, meta.coordPower) *
        Math.pow(together[hitPage] / groups.length, meta.sectionCoordPower) * meta.pagePriors[hitPage]));
    }
    var hits = sectionsHit.map(function (doc) { return { doc: doc, score: sectionScores[doc], page: pages.of[doc] }; });
    hits.sort(function (a, b) {
      return (pageScores[b.page] - pageScores[a.page]) || (a.page - b.page) ||
        (roundScore(b.score) - roundScore(a.score)) || (a.doc - b.doc);
    });
    return { hits: hits, partial: hits.length > 0 && groups.length > 1 && most < groups.length,
             coverage: hits.length ? roundScore(most / groups.length) : 0 };
  }

  /**
   * @param {number} bits
   * @returns {number}
   */
  function popcount(bits) {
    var count = 0;
    for (bits = bits >>> 0; bits; bits = (bits & (bits - 1)) >>> 0) count++;
    return count;
  }

  /**
   * Search one language: {lang, groups, hits: [{doc, score, page}], partial}, ranked as the
   * Python search ranks (indexer/ranking.py); `partial` when no page holds every word.
   * @param {Site} site
   * @param {string} lang
   * @param {string} text
   * @param {SearchOptions} [options]
   * @returns {Promise<SearchResult>}
   */
  async function search(site, lang, text, options) {
    var groups = await queryGroups(site, lang, text, options);
    if (!groups.length) return { lang: lang, groups: groups, hits: [], partial: false, coverage: 0 };
    var ranked = await rank(await site.index(lang), groups);
    return { lang: lang, groups: groups, hits: ranked.hits, partial: ranked.partial, coverage: ranked.coverage };
  }

  /**
   * Python's string order (code points), which breaks ties between suggestions.
   * @param {string} a
   * @param {string} b
   * @returns {number}
   */
  function compareCodePoints(a, b) {
    for (var i = 0, j = 0; i < a.length && j < b.length;) {
      var x = /** @type {number} */ (a.codePointAt(i)), y = /** @type {number} */ (b.codePointAt(j));
      if (x !== y) return x < y ? -1 : 1;
      i += x > 0xffff ? 2 : 1;
      j += y > 0xffff ? 2 : 1;
    }
    return (a.length - i === 0 ? 0 : 1) - (b.length - j === 0 ? 0 : 1);
  }

  /** Levenshtein distance of two code point arrays, as indexer.suggest._edit_distance: limit + 1
   *  as soon as every prefix alignment is already further apart than `limit`.
   * @param {string[]} a  code points (characters)
   * @param {string[]} b
   * @param {number} limit
   * @returns {number}
   */
  function editDistance(a, b, limit) {
    var previous = [];
    for (var j = 0; j <= b.length; j++) previous.push(j);
    for (var i = 1; i <= a.length; i++) {
      var current = [i], smallest = i;
      for (j = 1; j <= b.length; j++) {
        var cost = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        current.push(cost);
        if (cost < smallest) smallest = cost;
      }
      if (smallest > limit) return limit + 1;
      previous = current;
    }
    return previous[b.length];
  }

  /**
   * The closest surface form to `word` (a folded query word), as indexer.suggest._closest: within
   * one edit for words of up to 4 characters, two for longer ones (lengths in code points); the
   * fewest edits, then the shorter word, then the first in code point order. `keys` is
   * LanguageIndex.lexiconKeys. Returns null when none is close enough.
   * @param {string} word
   * @param {LexiconKeys} keys
   * @returns {string | null}
   */
  function closest(word, keys) {
    var points = Array.from(word), limit = points.length <= 4 ? 1 : 2;
    /** @type {{key: string, distance: number, length: number} | null} */
    var best = null;
    for (var length = Math.max(0, points.length - limit); length <= points.length + limit; length++) {
      (keys.get(length) || []).forEach(function (candidate) {
        var distance = editDistance(points, candidate.points, limit);
        if (distance > limit) return;
        if (!best || distance < best.distance || (distance === best.distance &&
            (length < best.length || (length === best.length && compareCodePoints(candidate.key, best.key) < 0)))) {
          best = { key: candidate.key, distance: distance, length: length };
        }
      });
    }
    var chosen = /** @type {{key: string} | null} */ (best);   // set in the callback above: tsc cannot see it
    return chosen ? chosen.key : null;
  }

  /**
   * "Did you mean", as indexer.suggest.suggest (the command line's rule): every word part of the
   * query whose terms (as queryGroups makes them of that part alone, without completion) are in
   * no section is replaced by the closest surface form of the pages (closest), the others are
   * kept as typed; parts joined by spaces. Returns null when nothing was replaced, and when the
   * lexicon is too large to read (see lexiconKeys). options.stemmer as for search.
   * @param {Site} site
   * @param {string} lang
   * @param {string} text
   * @param {{stemmer?: Stemmer | null}} [options]
   * @returns {Promise<string | null>}
   */
  async function suggest(site, lang, text, options) {
    options = options || {};
    var index = await site.index(lang), analysis = await site.analysis(lang);
    var parts = analysis.parts(cleanQuery(text)), corrected = [], changed = false, keys = null;
    for (var i = 0; i < parts.length; i++) {
      var groups = await queryGroups(site, lang, parts[i].raw, { stemmer: options.stemmer });
      var known = !groups.length;
      for (var g = 0; g < groups.length && !known; g++) {
        for (var t = 0; t < groups[g].length && !known; t++) known = (await index.postings(groups[g][t])) !== undefined;
      }
      if (known) { corrected.push(parts[i].raw); continue; }
      if (!keys) keys = await index.lexiconKeys();
      if (!keys) return null;
      var best = closest(parts[i].key, keys);
      corrected.push(best !== null ? best : parts[i].raw);
      changed = changed || best !== null;
    }
    return changed ? corrected.join(" ") : null;
  }

  return {
    Site: Site,
    Analysis: Analysis,
    search: search,
    queryGroups: queryGroups,
    detectLanguage: detectLanguage,
    needsSnowball: needsSnowball,
    cleanQuery: cleanQuery,
    bm25: bm25,
    hebrewCandidates: hebrewCandidates,
    segmentAgainst: segmentAgainst,
    snippet: snippet,
    highlightSpans: highlightSpans,
    suggest: suggest,
    closest: closest,
  };
});
