"""Relevance of the Python search on the query file, in seconds and without a browser.

    .venv/bin/python -m bench.relevance [--queries FILE ...] [--index build/search-index] [--misses]
                                        [--save RANKS.json] [--against RANKS.json]

With a query file that has a test split (bench/practitioner-queries.jsonl), the table has a row
per language and split; --misses lists dev misses only: test misses are never printed, so
nobody tunes on them.

The browser ranks exactly as the Python search does (tests/test_browser_parity.py), so this
predicts the `ours` column of `bench.compare` for monolingual queries. It prints Success@1,
MRR@10 and Recall@5 per language and, with --misses, every query whose expected page is not
first, with the pages that outranked it. Cross-language rows are left to bench.compare: the
search box merges two indexes in the browser.

Several query files (--queries repeated) are pooled into one table, each query keeping its own
file's split: the four practitioner sets together give 92 dev queries per language, where one
set's 23 move by 0.043 for a single query. A change to the search is judged by the queries it
changes, not by a rate: --save writes every query's rank, and --against a saved file prints,
per split, how many queries ranked their expected page higher, lower or the same (counts only;
with --misses the dev queries that moved are listed, test ones never). Stop 19 tried two
features whose dev gains were +2 and +3 queries of 345 and saw the test halves fall by 4: a
gain of a few queries is noise at this scale.
"""
from __future__ import annotations

import argparse
import json
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
    parser.add_argument("--queries", type=Path, action="append",
                        help="a query file; repeat to pool several (default: bench/queries.jsonl)")
    parser.add_argument("--index", type=Path, default=PROJECT / "build" / "search-index")
    parser.add_argument("--misses", action="store_true", help="list the queries whose expected page is not first")
    parser.add_argument("--save", type=Path, help="write every query's rank to this JSON file")
    parser.add_argument("--against", type=Path, help="count the queries that moved since a --save file")
    args = parser.parse_args(argv)
    files = args.queries or [DEFAULT_QUERIES]
    try:
        queries = [q for path in files for q in parse_queries(path) if not q.cross]
        earlier = read_ranks(args.against) if args.against else None
    except (QueryFileError, RanksFileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not (args.index / "manifest.json").exists():
        print(f"error: no search index at {args.index}: run `make build` first", file=sys.stderr)
        return 2
    splits = sorted({query.split for query in queries})
    rows: dict[tuple[str, str], list] = {(lang, split): [] for lang in LANGUAGES for split in splits}
    misses = []
    query_ranks: dict[str, int | None] = {}
    for query in queries:
        try:
            pages = ranked_pages(args.index, query.q, query.lang)
        except SearchIndexError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        rank = first_hit_rank(pages[:10], query.expected)
        rows[(query.lang, query.split)].append(rank)
        query_ranks[query_key(query)] = rank
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
    if earlier is not None:
        print_moves(queries, query_ranks, earlier, args.against, args.misses)
    if args.save:
        try:
            args.save.write_text(json.dumps(query_ranks, ensure_ascii=False, indent=0, sort_keys=True) + "\n",
                                 encoding="utf-8")
        except OSError as exc:
            print(f"error: cannot write {args.save}: {exc.strerror}", file=sys.stderr)
            return 2
    return 0


class RanksFileError(ValueError):
    """A --against file that cannot be read as saved ranks."""


def query_key(query) -> str:
    """A query's name in a ranks file: its file and line."""
    return f"{query.source}:{query.line}"


def read_ranks(path: Path) -> dict:
    try:
        ranks = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RanksFileError(f"{path}: not a ranks file written by --save ({exc.__class__.__name__})") from None
    if not isinstance(ranks, dict) or not all(r is None or isinstance(r, int) for r in ranks.values()):
        raise RanksFileError(f"{path}: not a ranks file written by --save (expected query -> rank)")
    return ranks


def better(now, before) -> int:
    """1 if rank `now` is better than `before`, -1 if worse, 0 if the same (None: not in the top 10)."""
    now, before = now or 11, before or 11
    return (now < before) - (now > before)


def print_moves(queries, ranks: dict, earlier: dict, path: Path, list_dev: bool) -> None:
    """Per split, how many queries ranked their expected page higher, lower or the same as in
    `earlier`; with `list_dev`, the dev queries that moved (test queries are only counted)."""
    print()
    print(f"| split | higher | lower | same | not in {path.name} |")
    print("|---|---|---|---|---|")
    moved = []
    for split in sorted({q.split for q in queries}):
        counts = {1: 0, -1: 0, 0: 0, None: 0}
        for query in queries:
            if query.split != split:
                continue
            key = query_key(query)
            if key not in earlier:
                counts[None] += 1
                continue
            change = better(ranks[key], earlier[key])
            counts[change] += 1
            if change and split == "dev":
                moved.append((query, earlier[key], ranks[key]))
        print(f"| {split} | {counts[1]} | {counts[-1]} | {counts[0]} | {counts[None]} |")
    if list_dev:
        for query, before, now in moved:
            print(f"{query.lang} {query_key(query)}: {query.q!r} rank {before} -> {now}")


if __name__ == "__main__":
    sys.exit(main())
