"""`atlas-search`: search the knowledge base from the command line.

    atlas-search QUERY...            ranked sections (language guessed from the script)
    atlas-search --lang fa QUERY...  search one language's index
    atlas-search --json QUERY...     machine-readable results
    atlas-search build               rebuild the site and its indexes (runs `mkdocs build`)

Every failure is one line on stderr and a non-zero exit code, never a traceback.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

DEFAULT_INDEX = "build/search-index"
EXIT_ERROR = 2
EXIT_NO_RESULTS = 1


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="atlas-search", description="Search the CRM Failure Atlas in en, zh, ru, fa or he.",
        epilog="`atlas-search build` rebuilds the site and the index; use -q to search for the word 'build'.")
    parser.add_argument("words", nargs="*", help="the query (any of the five languages)")
    parser.add_argument("-q", "--query", help="the query as one argument")
    parser.add_argument("-l", "--lang", help="language of the index to search (default: guessed from the query's script)")
    parser.add_argument("-n", "--limit", type=int, default=10, help="how many results (default 10)")
    parser.add_argument("--json", action="store_true", help="print results as JSON")
    parser.add_argument("--index", default=os.environ.get("ATLAS_INDEX", DEFAULT_INDEX),
                        help=f"index directory (default {DEFAULT_INDEX}, or $ATLAS_INDEX)")
    parser.add_argument("--docs", default="docs", help="pages the index is checked against for staleness")
    parser.add_argument("--config", default="mkdocs.yml", help="MkDocs config for `build`")
    return parser.parse_args(argv)


def fail(message: str) -> int:
    print(f"atlas-search: {message}", file=sys.stderr)
    return EXIT_ERROR


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        args = parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_ERROR
    if args.words[:1] == ["build"] and not args.query:
        return build(args.config)
    query = args.query if args.query is not None else " ".join(args.words)
    if args.limit < 1:
        return fail("--limit must be at least 1")
    try:
        return run_search(args, query)
    except KeyboardInterrupt:
        return fail("interrupted")
    except BrokenPipeError:
        # The reader stopped reading (`atlas-search … | head`): not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # the last line of defence: one line, no traceback
        from .analyzers import UnknownLanguageError
        from .index import SearchIndexError
        from .search import QueryError
        if isinstance(exc, (UnknownLanguageError, SearchIndexError, QueryError)):
            return fail(str(exc))
        return fail(f"unexpected error ({type(exc).__name__}: {exc}); please report it")


def run_search(args, query: str) -> int:
    from .freshness import source_hash
    from .index import read_manifest
    from .search import search

    index_dir = Path(args.index)
    manifest = read_manifest(index_dir)
    docs = Path(args.docs)
    if docs.is_dir() and manifest.get("source_hash") != source_hash(docs):
        return fail(f"the index at {index_dir} is stale (the pages in {docs} changed since it was built): run `atlas-search build`")
    response = search(index_dir, query, lang=args.lang, limit=args.limit)
    if args.json:
        print(json.dumps(response.as_dict(), ensure_ascii=False, indent=1))
    else:
        print_results(response, color=sys.stdout.isatty())
    return 0 if response.hits else EXIT_NO_RESULTS


def highlight(snippet: str, spans, color: bool) -> str:
    start_mark, end_mark = ("\033[1m", "\033[0m") if color else ("[", "]")
    out, last = [], 0
    for start, end in spans:
        out += [snippet[last:start], start_mark, snippet[start:end], end_mark]
        last = end
    out.append(snippet[last:])
    return "".join(out)


def print_results(response, color: bool) -> None:
    if not response.hits:
        print(f"No results for '{response.query}' in {response.lang}.")
        if response.suggestion:
            print(f"Did you mean: {response.suggestion}")
        return
    if response.partial:
        print("No page contains every word; showing pages that contain some of them.")
    for hit in response.hits:
        title = hit.page_title if hit.section_title == hit.page_title else f"{hit.page_title} › {hit.section_title}"
        print(f"{hit.rank}. {title}")
        print(f"   /{hit.url}")
        print(f"   {highlight(hit.snippet, hit.highlights, color)}")


def build(config: str) -> int:
    """Rebuild the site (and with it every index) from the MkDocs config."""
    if not Path(config).is_file():
        return fail(f"no MkDocs config at {config}: run from the project folder or pass --config")
    import logging
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    try:
        mkdocs_build(load_config(config))
    except MkDocsException as exc:
        return fail(f"build failed: {exc}")
    print(f"atlas-search: site and search index rebuilt from {config}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
