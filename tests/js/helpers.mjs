// Shared by the Node tests: the browser search core and Snowball as Node modules, the analysis
// tables, the golden tables, and a Site over a small index held in memory.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const AtlasSearch = require("../../web/atlas-search.js");
export const AtlasSnowball = require("../../web/snowball.js");
export const stem = AtlasSnowball.stem;

/** indexer/data/analysis.json, the tables the site exports (indexer.export.analysis_tables). */
export function readTables() {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, "indexer", "data", "analysis.json"), "utf8"));
}

/**
 * Rows of tests/golden/analysis/<lang>.tsv: {line, input, mode, positions}, positions being the
 * expected terms position by position, each a list of alternatives ("a|b" -> ["a", "b"]).
 */
export function goldenRows(lang) {
  const file = path.join(repoRoot, "tests", "golden", "analysis", `${lang}.tsv`);
  const rows = [];
  fs.readFileSync(file, "utf8").split("\n").forEach((text, at) => {
    if (!text.trim() || text.startsWith("#")) return;
    const [input, mode, expected = ""] = text.split("\t");
    rows.push({ line: at + 1, input, mode,
                positions: expected ? expected.split(" ").map((p) => p.split("|")) : [] });
  });
  return rows;
}

/** The golden languages: one table per language. */
export function goldenLanguages() {
  return fs.readdirSync(path.join(repoRoot, "tests", "golden", "analysis"))
    .filter((name) => name.endsWith(".tsv")).map((name) => name.slice(0, -4)).sort();
}

/**
 * A Site over an index held in memory, in the exported layout (indexer/export.py) but as parsed
 * objects, uncompressed: `languages` maps a language to {lexicon, postings, pages, vocab,
 * docCount, ...meta}; files are named as the browser asks for them. Also counts loads.
 */
export function memorySite(tables, languages) {
  const files = new Map([["entry.json", {
    languages: Object.fromEntries(Object.keys(languages).map((lang) => [lang, `${lang}/meta.json`])),
    analysis: "analysis.json",
    names: {},
  }], ["analysis.json", tables]]);
  for (const [lang, spec] of Object.entries(languages)) {
    const lexicon = spec.lexicon || {}, postings = spec.postings || {};
    const lexKeys = Object.keys(lexicon).sort(), termKeys = Object.keys(postings).sort();
    files.set(`${lang}/meta.json`, {
      folder: "f", docCount: spec.docCount || 0, fields: ["page_title", "title", "body", "terms"],
      boosts: [3, 1, 1, 2], avgLengths: spec.avgLengths || [1, 1, 1, 1],
      pageAvgLengths: spec.pageAvgLengths || [1, 1, 1, 1], pageOnce: [true, false, false, false],
      // one chunk each (none when empty)
      terms: termKeys.length ? [termKeys[0]] : [], lexicon: lexKeys.length ? [lexKeys[0]] : [],
      pageStarts: spec.pageStarts || [], pageLengths: spec.pageLengths || [], pagePriors: spec.pagePriors || [],
      bundleSections: 8, B: 0.75, K1: 1.2, coordPower: spec.coordPower ?? 1, sectionCoordPower: spec.sectionCoordPower ?? 0,
      vocab: Boolean(spec.vocab),
    });
    files.set(`${lang}/f/lex.0.json`, lexicon);
    files.set(`${lang}/f/terms.0.json`, postings);
    if (spec.vocab) files.set(`${lang}/f/vocab.json`, spec.vocab);
    (spec.bundles || []).forEach((bundle, n) => files.set(`${lang}/f/pages.${n}.json`, bundle));
    if (spec.paths) files.set(`${lang}/f/paths.json`, spec.paths);
  }
  const loads = [];
  const site = new AtlasSearch.Site(async (file) => {
    loads.push(file);
    if (!files.has(file)) throw new Error(`no file ${file}`);
    return structuredClone(files.get(file));
  });
  return { site, loads, files };
}
