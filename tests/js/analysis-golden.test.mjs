// The browser's query analysis (atlas-search.js: Analysis, queryGroups and the fallbacks behind
// it) against the analyzers' golden tables (tests/golden/analysis/<lang>.tsv), row by row.
//
// A row is what Python makes of its input: query rows are indexer.query.query_groups on pages
// holding exactly the input, index rows the analyzer's tokens. The browser replays what it can
// compute from the shared tables (indexer/data/analysis.json); what only Python can compute
// (hazm lemmas, jieba words) reaches it through the exported lexicon and segmentation
// vocabulary. So each row is searched on an in-memory index holding just what the export would
// give the browser for it:
//   en, ru  nothing (Snowball, snowball.js, stems every word);
//   he      nothing (Hebrew prefix candidates, hebrewCandidates);
//   zh      the row's words as the segmentation vocabulary (compared: the jieba word of each
//           position, the first alternative; its sub-words come from the lexicon);
//   fa      the row's lemmas as pages' words (Persian suffixes are stripped against them).
// Index rows are compared as a query of the same text sees them: fillers dropped when other
// words remain, each group once.
//
// Run: node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";

import { AtlasSearch, goldenLanguages, goldenRows, memorySite, readTables, stem } from "./helpers.mjs";

const tables = readTables();

// hazm's verb lemmas: no rule the browser runs gives them (the lexicon carries them for words of
// the pages). A query of a verb the pages never contained searches the folded word as typed.
// Row input -> [hazm's lemma, the folded word the browser searches instead].
const PERSIAN_VERB_LEMMAS = new Map([
  ["شکستند", ["شکست", "شکستند"]],
  ["چرا پروژه‌های CRM شکست می‌خورند؟", ["خورد", "میخورند"]],
]);

function unique(groups) {
  const seen = new Set();
  return groups.filter((group) => {
    const key = group.slice().sort().join("\u0000");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What the browser is given for a row (see the top of this file). */
function exportedFor(lang, row) {
  const words = row.positions.map((alternatives) => alternatives[0]);
  if (tables[lang].query_fallback === "segment") return { vocab: words };
  if (tables[lang].query_fallback === "suffixes") return { lexicon: Object.fromEntries(words.map((w) => [w, [w]])) };
  return {};
}

/** The row's terms as the browser's queryGroups should give them. */
function expectedGroups(lang, row, analysis) {
  let groups = row.positions;
  if (row.mode === "index") {
    const kept = groups.filter((group) => !analysis.isFiller(group[0], analysis.kind(group[0])));
    groups = unique(kept.length ? kept : groups);
  }
  const verb = lang === "fa" && PERSIAN_VERB_LEMMAS.get(row.input);
  if (verb) groups = groups.map((group) => (group.length === 1 && group[0] === verb[0] ? [verb[1]] : group));
  return groups;
}

function comparable(lang, row, groups) {
  if (tables[lang].query_fallback === "segment") groups = groups.map((group) => [group[0]]);
  // Query rows list a word's terms in the lexicon's order (sorted); ranking treats them as a set.
  if (row.mode === "query") groups = groups.map((group) => group.slice().sort());
  return groups;
}

for (const lang of goldenLanguages()) {
  test(`${lang}: the browser's query analysis gives every golden row's terms`, async (t) => {
    const rows = goldenRows(lang);
    assert.ok(rows.length >= 20, `only ${rows.length} rows in tests/golden/analysis/${lang}.tsv`);
    for (const row of rows) {
      await t.test(`line ${row.line}: ${JSON.stringify(row.input)} (${row.mode})`, async () => {
        const { site } = memorySite(tables, { [lang]: exportedFor(lang, row) });
        const analysis = await site.analysis(lang);
        const found = await AtlasSearch.queryGroups(site, lang, row.input, { stemmer: stem });
        assert.deepEqual(comparable(lang, row, found), comparable(lang, row, expectedGroups(lang, row, analysis)));
      });
    }
  });

  test(`${lang}: every golden term is already folded (folding it again changes nothing)`, async () => {
    const { site } = memorySite(tables, { [lang]: {} });
    const analysis = await site.analysis(lang);
    const unfolded = goldenRows(lang).flatMap((row) => row.positions.flat().filter((term) => analysis.fold(term) !== term)
      .map((term) => `line ${row.line}: ${JSON.stringify(term)} -> ${JSON.stringify(analysis.fold(term))}`));
    assert.deepEqual(unfolded, []);
  });
}

test("Persian: a word typed with a space instead of a ZWNJ is joined when the pages hold the joined word", async () => {
  const { site } = memorySite(tables, { fa: { lexicon: { "نرمافزار": ["نرمافزار"] } } });
  assert.deepEqual(await AtlasSearch.queryGroups(site, "fa", "نرم افزار"), [["نرمافزار"]]);
});

test("Persian: Arabic kaf and yeh fold to their Persian letters", async () => {
  const { site } = memorySite(tables, { fa: {} });
  const analysis = await site.analysis("fa");
  assert.equal(analysis.fold("كيفيت"), "کیفیت");
  assert.equal(analysis.fold("نرم‌افزار"), "نرمافزار");   // the ZWNJ is deleted
});

test("Hebrew: final letters, niqqud and geresh fold away; maqaf splits a word", async () => {
  const { site } = memorySite(tables, { he: {} });
  const analysis = await site.analysis("he");
  assert.equal(analysis.fold("שָׁלוֹם"), "שלומ");
  assert.equal(analysis.fold("צ׳יפס"), "ציפס");
  assert.deepEqual(analysis.parts("בית־ספר").map((p) => p.key), ["בית", "ספר"]);
});
