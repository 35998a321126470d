// The browser search core (web/atlas-search.js) on its own: language detection, the
// Snowball decision, Hebrew prefix candidates, Chinese segmentation, BM25 and the page-first
// ranking on a tiny index held in memory, query cleaning, and the Site's loading rules.
//
// Run: node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";

import { AtlasSearch, memorySite, readTables, stem } from "./helpers.mjs";

const tables = readTables();
const { detectLanguage, needsSnowball, hebrewCandidates, segmentAgainst, bm25, cleanQuery } = AtlasSearch;

test("detectLanguage names the language whose script the query is written in", () => {
  assert.equal(detectLanguage(tables, "נתונים", "en"), "he");
  assert.equal(detectLanguage(tables, "داده‌ها", "en"), "fa");
  assert.equal(detectLanguage(tables, "客户关系", "en"), "zh");
  assert.equal(detectLanguage(tables, "Внедрение", "en"), "ru");
});

test("detectLanguage gives the fallback for Latin letters, digits and an empty query", () => {
  assert.equal(detectLanguage(tables, "CRM failures", "en"), "en");
  assert.equal(detectLanguage(tables, "CRM 2003", "ru"), "ru");
  assert.equal(detectLanguage(tables, "", "fa"), "fa");
});

test("detectLanguage follows detect_order when a query mixes scripts", () => {
  const ordered = tables.languages.filter((code) => tables[code].script)
    .sort((a, b) => tables[a].detect_order - tables[b].detect_order);
  assert.equal(detectLanguage(tables, "CRM в системе 客户", "en"), ordered.find((code) => code === "zh" || code === "ru"));
  // The same text, with the detection order reversed in a copy of the tables, is judged the other way.
  const reversed = structuredClone(tables);
  ordered.forEach((code, at) => { reversed[code].detect_order = ordered.length - at; });
  assert.notEqual(detectLanguage(reversed, "CRM в системе 客户", "en"), detectLanguage(tables, "CRM в системе 客户", "en"));
});

// The tables as the real site publishes them (indexer/export.py analysis_tables): its own five
// languages, not Arabic, which is declared for the fixture site only.
function siteTables(codes) {
  const kept = structuredClone(tables);
  kept.languages = tables.languages.filter((code) => codes.includes(code));
  for (const code of tables.languages) if (!codes.includes(code)) delete kept[code];
  return kept;
}

test("needsSnowball is true for Latin letters and for the script of a Snowball language only", () => {
  const site = siteTables(["en", "zh", "ru", "fa", "he"]);
  assert.equal(needsSnowball(site, "CRM"), true);
  assert.equal(needsSnowball(site, "Café"), true);
  assert.equal(needsSnowball(site, "внедрение"), true);       // ru: query_fallback snowball:russian
  assert.equal(needsSnowball(site, "נתונים"), false);         // he: prefixes
  assert.equal(needsSnowball(site, "داده‌ها"), false);        // fa: suffixes
  assert.equal(needsSnowball(site, "客户关系"), false);        // zh: segment
  assert.equal(needsSnowball(site, "2003 ٪۳۰"), false);
});

test("needsSnowball follows the site's languages: Arabic (snowball:arabic) shares Persian's script", () => {
  assert.equal(needsSnowball(siteTables(["en", "fa", "ar"]), "داده‌ها"), true);
  assert.equal(needsSnowball(siteTables(["en", "fa"]), "داده‌ها"), false);
});

test("needsSnowball reads the declarations: a language declared without Snowball needs none", () => {
  const changed = structuredClone(tables);
  changed.ru.query_fallback = "none";
  assert.equal(needsSnowball(changed, "внедрение"), false);
});

test("hebrewCandidates gives the word, then each prefix-stripped form, shortest prefix first", async () => {
  const { site } = memorySite(tables, { he: {} });
  const analysis = await site.analysis("he");
  assert.deepEqual(hebrewCandidates(analysis, "והנתונימ"), ["והנתונימ", "הנתונימ", "נתונימ"]);
  assert.deepEqual(hebrewCandidates(analysis, "וכשהמערכת"), ["וכשהמערכת", "כשהמערכת", "שהמערכת", "המערכת", "מערכת"]);
});

test("hebrewCandidates keeps a remainder of at least min_remainder letters that is not a stop word", async () => {
  const { site } = memorySite(tables, { he: {} });
  const analysis = await site.analysis("he");
  const shortest = tables.he.min_remainder;
  for (const candidate of hebrewCandidates(analysis, "שלומ").slice(1)) {
    assert.ok(Array.from(candidate).length >= shortest, candidate);
    assert.ok(!analysis.stopWords.has(candidate), candidate);
  }
  assert.ok(analysis.stopWords.has("של"));
  assert.deepEqual(hebrewCandidates(analysis, "בשל"), ["בשל"]);   // ב + the stop word של
});

test("segmentAgainst takes the longest word of the vocabulary at each point, else one character", () => {
  const vocab = new Set(["客户", "客户关系", "管理", "管理系统", "系统"]);
  assert.deepEqual(segmentAgainst(vocab, "客户关系管理系统"), ["客户关系", "管理系统"]);
  assert.deepEqual(segmentAgainst(vocab, "客户的管理"), ["客户", "的", "管理"]);
  assert.deepEqual(segmentAgainst(new Set(), "实施"), ["实", "施"]);
});

test("segmentAgainst counts a character outside the BMP as one character", () => {
  assert.deepEqual(segmentAgainst(new Set(["𠀀客"]), "𠀀客户"), ["𠀀客", "户"]);
});

test("bm25 is whoosh's formula: an average-length field with tf 1 scores idf", () => {
  assert.equal(bm25(2, 1, 10, 10, 0.75, 1.2), 2);
  assert.ok(Math.abs(bm25(1.5, 3, 5, 10, 0.75, 1.2) - 1.5 * (3 * 2.2) / (3 + 1.2 * (0.25 + 0.75 * 0.5))) < 1e-12);
});

test("bm25 rewards term frequency with saturation and penalises longer fields", () => {
  const idf = 1.3;
  assert.ok(bm25(idf, 2, 10, 10, 0.75, 1.2) > bm25(idf, 1, 10, 10, 0.75, 1.2));
  assert.ok(bm25(idf, 200, 10, 10, 0.75, 1.2) < idf * 2.2);
  assert.ok(bm25(idf, 1, 20, 10, 0.75, 1.2) < bm25(idf, 1, 10, 10, 0.75, 1.2));
});

// Three pages: page 0 = sections 0 and 1, page 1 = section 2, page 2 = sections 3 and 4. Body
// field (2) only, every section 10 words long. "crm" is in sections 0 (once), 2 (3 times) and 3
// (once); "failur" in sections 1 (once) and 4 (twice). Postings are gap-coded [gap, weight, length].
function tinyIndex(extra = {}) {
  const section = (url, title, body) => [url, title, body];
  return memorySite(tables, {
    en: {
      docCount: 5,
      lexicon: { crm: ["crm"], failures: ["failur"], failure: ["failur"] },
      postings: {
        crm: [[2, [0, 1, 10, 2, 3, 10, 1, 1, 10]]],
        failur: [[2, [1, 1, 10, 3, 2, 10]]],
      },
      avgLengths: [1, 1, 10, 1],
      pageStarts: [0, 2, 1],
      pageLengths: [0, 0, 20, 0, 0, 0, 10, 0, 0, 0, 20, 0],
      pageAvgLengths: [1, 1, 50 / 3, 1],
      pagePriors: [1, 1, 1],
      coordPower: 1,
      sectionCoordPower: 0.5,
      bundles: [[
        { page: "a", url: "en/a/", title: "A", sections: [section("en/a/", "A", "crm"), section("en/a/#f", "F", "failure")] },
        { page: "b", url: "en/b/", title: "B", sections: [section("en/b/", "B", "crm crm crm")] },
        { page: "c", url: "en/c/", title: "C", sections: [section("en/c/", "C", "crm"), section("en/c/#f", "F", "failure failure")] },
      ]],
      paths: ["a", "b", "c"],
      ...extra,
    },
  });
}

test("rank scores a section by BM25 with the index's idf, field boost, B and K1", async () => {
  const { site } = tinyIndex();
  const found = await AtlasSearch.search(site, "en", "crm");
  const idf = Math.log(5 / (3 + 1)) + 1;   // 5 sections, 3 hold crm
  const byDoc = new Map(found.hits.map((hit) => [hit.doc, hit.score]));
  assert.equal(byDoc.get(2), bm25(idf, 3, 10, 10, 0.75, 1.2) * 1);   // body boost 1
  assert.equal(byDoc.get(0), bm25(idf, 1, 10, 10, 0.75, 1.2));
});

test("rank orders pages by their own score, then each page's sections by theirs", async () => {
  const { site } = tinyIndex();
  const found = await AtlasSearch.search(site, "en", "crm");
  // Page 1 holds crm three times in a shorter page; pages 0 and 2 tie and keep page order.
  assert.deepEqual(found.hits.map((hit) => hit.doc), [2, 0, 3]);
  assert.deepEqual(found.hits.map((hit) => hit.page), [1, 0, 2]);
  assert.equal(found.partial, false);
  assert.equal(found.coverage, 1);
});

test("a page holding every query word ranks above one holding some of them", async () => {
  const { site } = tinyIndex();
  const found = await AtlasSearch.search(site, "en", "CRM failures");
  assert.deepEqual(found.groups, [["crm"], ["failur"]]);
  // Page 2 has failur twice; page 0 once; page 1 (crm only) last despite crm three times.
  assert.deepEqual(found.hits.map((hit) => hit.doc), [4, 3, 1, 0, 2]);
  assert.equal(found.partial, false);
});

test("a query whose words no single page holds together is marked partial", async () => {
  const { site } = tinyIndex();
  const found = await AtlasSearch.search(site, "en", "crm zzyzx", { stemmer: stem });
  assert.equal(found.partial, true);
  assert.equal(found.coverage, 0.5);   // the best page holds one of the two words
  assert.deepEqual(new Set(found.hits.map((hit) => hit.doc)), new Set([0, 2, 3]));
});

test("a page's kind prior multiplies its score", async () => {
  const { site } = tinyIndex({ pagePriors: [1, 0.1, 1] });
  const found = await AtlasSearch.search(site, "en", "crm");
  assert.deepEqual(found.hits.map((hit) => hit.page), [0, 2, 1]);
});

test("search as you type completes the last word from the lexicon", async () => {
  const { site } = tinyIndex();
  assert.deepEqual(await AtlasSearch.queryGroups(site, "en", "crm failu", { prefix: true, stemmer: stem }),
                   [["crm"], ["failu", "failur"]]);
});

test("fragment gives a hit's section with its page, from the display bundle", async () => {
  const { site } = tinyIndex();
  const index = await site.index("en");
  assert.deepEqual(await index.fragment(4), { url: "en/c/#f", page: "c", pt: "C", st: "F", body: "failure failure" });
  assert.deepEqual((await index.page("b")).title, "B");
  assert.equal(await index.page("nowhere"), null);
});

test("suggest offers the closest word of the pages for a word that finds nothing", async () => {
  const { site } = tinyIndex();
  assert.equal(await AtlasSearch.suggest(site, "en", "crn", { stemmer: stem }), "crm");
  assert.equal(await AtlasSearch.suggest(site, "en", "crm", { stemmer: stem }), null);
});

test("each index file is loaded once, however many queries need it", async () => {
  const { site, loads } = tinyIndex();
  await AtlasSearch.search(site, "en", "crm");
  await AtlasSearch.search(site, "en", "crm failures");
  const counts = {};
  loads.forEach((file) => { counts[file] = (counts[file] || 0) + 1; });
  assert.deepEqual(Object.values(counts).filter((n) => n > 1), [], JSON.stringify(counts));
});

test("a meta file without its lists is reported damaged, by name", async () => {
  const { site, files } = tinyIndex();
  files.set("en/meta.json", { folder: "f", docCount: 5 });
  await assert.rejects(AtlasSearch.search(site, "en", "crm"), /search index file en\/meta\.json is damaged/);
});

test("cleanQuery turns control characters and lone surrogates into spaces and caps the length", () => {
  assert.equal(cleanQuery("a\u0000b\u0085c"), "a b c");
  assert.equal(cleanQuery("x\ud800y"), "x y");
  assert.equal(cleanQuery("😀"), "😀");
  assert.equal(cleanQuery("  crm  "), "crm");
  assert.equal(cleanQuery("a".repeat(5000)).length, 1000);
});

test("highlightSpans marks the words (hyphenated compounds whole) whose fold contains a query term, in order", async () => {
  const { site } = memorySite(tables, { en: {} });
  const analysis = await site.analysis("en");
  const text = "CRM failures: the CRM-failure story";
  assert.deepEqual(AtlasSearch.highlightSpans(analysis, text, ["crm", "failur"], stem),
                   [[0, 3], [4, 12], [18, 29]]);
});
