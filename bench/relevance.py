"""Relevance of the Python search on the query file, in seconds and without a browser.

    .venv/bin/python -m bench.relevance [--queries FILE] [--index build/search-index] [--misses]

With a query file that has a test split (bench/practitioner-queries.jsonl), the table has a row
per language and split; --misses lists dev misses only: test misses are never printed, so
nobody tunes on them.

The browser ranks exactly as the Python search does (tests/test_browser_parity.py), so this
predicts the `ours` column of `bench.compare` for monolingual queries. It prints Success@1,
MRR@10 and Recall@5 per language and, with --misses, every query whose expected page is not
first, with the pages that outranked it. Cross-language rows are left to bench.compare: the
search box merges two indexes in the browser.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from indexer.index import SearchIndexError
from indexer.search import QueryError, search

from .metrics import LANGUAGES, QueryFileError, first_hit_rank, page_key, parse_queries

PROJECT = Path(__file__).resolve().parent.parent
DEFAULT_QUERIES = Path(__file__).resolve().parent / "queries.jsonl"


def ranked_pages(index_dir: Path, query: str, lang: str) -> list[str]:
    """Page keys in order of their best section, as the search box groups results."""
    try:
        hits = search(index_dir, query, lang=lang, limit=100, prefix=True).hits
    except QueryError:
        return []
    pages: list[str] = []
    for hit in hits:
        key = page_key(hit.page)
        if key not in pages:
            pages.append(key)
    return pages


def table_row(lang: str, split: str, ranks: list) -> str:
    n = len(ranks)
    s1 = sum(r == 1 for r in ranks) / n
    mrr = sum(1 / r for r in ranks if r) / n
    r5 = sum(1 for r in ranks if r and r <= 5) / n
    return f"| {lang} | {split} | {n} | {s1:.3f} | {mrr:.3f} | {r5:.3f} |"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.relevance", description=__doc__.split("\n\n")[0])
    parser.add_argument("--queries", type=Path, default=DEFAULT_QUERIES)
    parser.add_argument("--index", type=Path, default=PROJECT / "build" / "search-index")
    parser.add_argument("--misses", action="store_true", help="list the queries whose expected page is not first")
    args = parser.parse_args(argv)
    try:
        queries = [q for q in parse_queries(args.queries) if not q.cross]
    except QueryFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not (args.index / "manifest.json").exists():
        print(f"error: no search index at {args.index}: run `make build` first", file=sys.stderr)
        return 2
    splits = sorted({query.split for query in queries})
    rows: dict[tuple[str, str], list] = {(lang, split): [] for lang in LANGUAGES for split in splits}
    misses = []
    for query in queries:
        try:
            pages = ranked_pages(args.index, query.q, query.lang)
        except SearchIndexError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        rank = first_hit_rank(pages[:10], query.expected)
        rows[(query.lang, query.split)].append(rank)
        if rank != 1 and query.split == "dev":
            misses.append((query, rank, pages[:3]))
    print("| lang | split | queries | Success@1 | MRR@10 | Recall@5 |")
    print("|---|---|---|---|---|---|")
    for split in splits:
        every: list = []
        for lang in LANGUAGES + ["all"]:
            ranks = every if lang == "all" else rows[(lang, split)]
            every.extend(rows[(lang, split)] if lang != "all" else [])
            if ranks:
                print(table_row(lang, split, ranks))
    if args.misses:
        print()
        for query, rank, top in misses:
            print(f"{query.lang} line {query.line}: {query.q!r} expected {list(query.expected)} "
                  f"got rank {rank}; top: {top}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
