// Runs queries through the browser search code against an exported static index and compares
// with what the Python search returned for the same queries (written by
// tests/test_browser_parity.py), snippets, highlights and "did you mean" included. Usage: node parity.mjs SEARCH_DIR CASES_JSON
// Prints a JSON report; exits 1 when any query's groups, ranking, snippets or suggestion differ.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const AtlasSearch = require("../../web/atlas-search.js");
const AtlasSnowball = require("../../web/snowball.js");

const [searchDir, casesFile] = process.argv.slice(2);
// The bytes of each file, as fetch gives them to the search box (the Site parses and gunzips).
const site = new AtlasSearch.Site(async (file) => readFileSync(path.join(searchDir, file)));
const cases = JSON.parse(readFileSync(casesFile, "utf8"));
// Terms the index does not contain cannot change a ranking: compare the effective query.
async function effective(index, groups) {
  const out = [];
  for (const group of groups) {
    const kept = [];
    for (const term of group) if (await index.postings(term)) kept.push(term);
    out.push(kept.sort());
  }
  return out;
}

const mismatches = [];
const suggestions = { compared: 0, offered: 0 };   // offered: Python had one
for (const item of cases) {
  const found = await AtlasSearch.search(site, item.lang, item.query, { prefix: true, stemmer: AtlasSnowball.stem });
  const index = await site.index(item.lang);
  const urls = [];
  for (const hit of found.hits.slice(0, item.urls.length || 30)) urls.push((await index.fragment(hit.doc)).url);
  const sameGroups = JSON.stringify(await effective(index, found.groups)) === JSON.stringify(await effective(index, item.groups));
  const sameUrls = JSON.stringify(urls) === JSON.stringify(item.urls);
  const analysis = await site.analysis(item.lang);
  const terms = [].concat(...found.groups);
  const snippets = [];
  for (const hit of found.hits.slice(0, (item.snippets || []).length)) {
    const made = AtlasSearch.snippet(analysis, (await index.fragment(hit.doc)).body, terms, AtlasSnowball.stem);
    snippets.push([made.text, made.highlights]);
  }
  const sameSnippets = JSON.stringify(snippets) === JSON.stringify(item.snippets || []);
  // "Did you mean" (AtlasSearch.suggest ≡ indexer.suggest.suggest), for every case that names
  // Python's answer (null: none), whether or not the query found something.
  let suggestion = null, sameSuggestion = true;
  if ("suggestion" in item) {
    suggestion = await AtlasSearch.suggest(site, item.lang, item.query, { stemmer: AtlasSnowball.stem });
    sameSuggestion = suggestion === item.suggestion;
    suggestions.compared++;
    if (item.suggestion !== null) suggestions.offered++;
  }
  // Coverage orders the box's language runs (search-ui.js): the same on both sides.
  const sameCoverage = !("coverage" in item) || found.coverage === item.coverage;
  if (!sameGroups || !sameUrls || !sameSnippets || found.partial !== item.partial || !sameCoverage || !sameSuggestion) {
    mismatches.push({ lang: item.lang, query: item.query,
                      python: { groups: item.groups, urls: item.urls, partial: item.partial, coverage: item.coverage,
                                snippets: item.snippets, suggestion: item.suggestion },
                      browser: { groups: found.groups, urls, partial: found.partial, coverage: found.coverage,
                                 snippets, suggestion } });
  }
}
console.log(JSON.stringify({ cases: cases.length, suggestions, mismatches }, null, 1));
process.exitCode = mismatches.length ? 1 : 0;   // not process.exit(): it can cut a piped report short
