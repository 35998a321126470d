"""The browser search (web/atlas-search.js, run by Node) analyses queries, ranks
sections, cuts snippets with highlights and offers "did you mean" exactly like the Python search,
in the search box's own mode (search as you type), on the fixture site and on the real site,
for the queries as written and misspelled."""
import csv
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from indexer.index import open_language_index, read_manifest
from indexer.search import QueryError, clean_query, lexicon_of, search
from indexer.suggest import suggest

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
TOP = 30   # hits come page by page: 30 sections cover several pages
SNIPPETS = 5   # the first hits' snippets and highlights are compared too


def node() -> str:
    path = shutil.which("node")
    if not path:
        pytest.fail("node is required for the browser parity tests (Debian: apt-get install nodejs)")
    return path


def ranking_queries():
    with (GOLDEN / "ranking" / "mini-site.tsv").open(encoding="utf-8") as handle:
        return [(r["lang"], r["query"]) for r in csv.DictReader((l for l in handle if not l.startswith("#")), delimiter="\t")]


def golden_query_inputs():
    """Inputs of the analyzers' golden tables (query rows), so the browser's analysis of the
    hard cases (ZWNJ, Arabic letters, prefixes, unsegmented Chinese) is compared too."""
    queries = []
    for table in sorted((GOLDEN / "analysis").glob("*.tsv")):
        lang = table.stem
        for line in table.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or not line.strip():
                continue
            columns = line.split("\t")
            if len(columns) >= 2 and columns[1] == "query" and columns[0].strip():
                queries.append((lang, columns[0]))
    return queries


def misspelled(query: str) -> str | None:
    """`query` with the middle letter of its longest word dropped (the first longest; words are
    split at spaces, so a Chinese run counts as one), or None when no word has 3+ letters."""
    words = query.split(" ")
    longest = max(range(len(words)), key=lambda at: len(words[at]))
    word = words[longest]
    if len(word) < 3:
        return None
    words[longest] = word[:len(word) // 2] + word[len(word) // 2 + 1:]
    return " ".join(words)


def misspellings(queries):
    """Each query misspelled (see misspelled), for "did you mean"."""
    return [(lang, typo) for lang, query in queries if (typo := misspelled(query))]


def with_misspellings(queries):
    return list(queries) + misspellings(queries)


def site_queries(languages):
    # Only the languages the real site has: Arabic is declared for the fixture site alone.
    queries = [(lang, query) for lang, query in ranking_queries() + golden_query_inputs() if lang in languages]
    # Both query files: the practitioners' colloquial forms, fillers and half-typed last words
    # exercise every query rule (rankings are compared, relevance is not looked at here).
    for bench in (ROOT / "bench" / "queries.jsonl", ROOT / "bench" / "practitioner-queries.jsonl"):
        typed = []
        for line in bench.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                item = json.loads(line)
                typed.append((item.get("query_lang", item["lang"]), item["q"]))
        for lang, query in typed:
            queries.append((lang, query))
            if len(query) > 4:   # as typed, mid-word: the last word is completed
                queries.append((lang, query[:-2]))
        queries += misspellings(typed)
    return queries


def suggestion(index_dir, lang, query):
    """The command line's "did you mean" for `query`, whether or not it finds something (the
    search calls suggest only when it found nothing: the rule is compared on every query)."""
    with open_language_index(index_dir, lang).searcher() as searcher:
        return suggest(searcher, lang, clean_query(query), lexicon_of(index_dir, lang, read_manifest(index_dir)))


def expectations(index_dir, queries):
    cases = []
    for lang, query in queries:
        try:
            response = search(index_dir, query, lang=lang, limit=TOP, prefix=True)
        except QueryError:
            continue  # nothing to search for (stop words only): the browser shows nothing either
        cases.append({"lang": lang, "query": query, "groups": response.groups,
                      "urls": [hit.url for hit in response.hits], "partial": response.partial,
                      "coverage": response.coverage,
                      "snippets": [[hit.snippet, hit.highlights] for hit in response.hits[:SNIPPETS]],
                      "suggestion": suggestion(index_dir, lang, query)})
        assert response.hits or response.suggestion == cases[-1]["suggestion"], (lang, query)
    return cases


def run_parity(search_dir: Path, cases, tmp_path) -> dict:
    cases_file = tmp_path / "cases.json"
    cases_file.write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run([node(), str(ROOT / "tests" / "js" / "parity.mjs"), str(search_dir), str(cases_file)],
                            capture_output=True, text=True, timeout=600)
    assert result.stdout, result.stderr
    return json.loads(result.stdout)


def describe(report) -> str:
    return json.dumps(report["mismatches"][:8], ensure_ascii=False, indent=1)


def test_browser_ranks_the_fixture_site_like_python(mini_site, tmp_path):
    site, index_dir = mini_site
    cases = expectations(index_dir, with_misspellings(ranking_queries() + [(l, q) for l, q in golden_query_inputs() if l]))
    report = run_parity(site / "search", cases, tmp_path)
    assert report["suggestions"]["offered"] >= 10, report["suggestions"]
    assert report["mismatches"] == [], describe(report)


def test_browser_ranks_the_real_site_like_python(built_site, tmp_path):
    index_dir = ROOT / "build" / "search-index"
    queries = site_queries(read_manifest(index_dir)["languages"])
    report = run_parity(built_site / "search", expectations(index_dir, queries), tmp_path)
    assert report["cases"] >= 300
    assert report["suggestions"]["offered"] >= 200, report["suggestions"]
    assert report["mismatches"] == [], describe(report)
