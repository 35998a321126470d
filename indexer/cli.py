"""`atlas-search`: search the knowledge base from the command line.

    atlas-search QUERY...            ranked sections (language guessed from the script)
    atlas-search --lang fa QUERY...  search one language's index
    atlas-search --json QUERY...     machine-readable results
    atlas-search build               rebuild the site and its indexes (runs `mkdocs build`)

Every failure is one line on stderr and a non-zero exit code, never a traceback. Text from
the pages reaches the terminal without control characters, escape sequences or bidi
overrides (see terminal_safe); --json keeps it as data, with those characters escaped.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

DEFAULT_INDEX = "build/search-index"
EXIT_ERROR = 2
EXIT_NO_RESULTS = 1


class ArgumentParser(argparse.ArgumentParser):
    def error(self, message):
        """A usage error is one line too (argparse prints the usage first)."""
        self.exit(EXIT_ERROR, f"{self.prog}: {terminal_safe(message)} (see {self.prog} --help)\n")


# Options that take one value. Python 3.11's argparse drops a value of "--" written as
# --query=-- (or -q--) and stores [] instead of the string.
VALUE_OPTIONS = ("query", "lang", "index", "docs", "config", "limit")


def parse_args(argv):
    parser = ArgumentParser(
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
    args = parser.parse_args(argv)
    for name in VALUE_OPTIONS:
        if isinstance(getattr(args, name), list):
            if name == "limit":
                parser.error("argument -n/--limit: invalid int value: '--'")
            setattr(args, name, "--")
    return args


def fail(message: str) -> int:
    # Messages quote the query, the language and paths as typed: made terminal-safe too.
    print(f"atlas-search: {terminal_safe(message)}", file=sys.stderr)
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
        print(json_safe(json.dumps(response.as_dict(), ensure_ascii=False, indent=1)))
    else:
        print_results(response, color=sys.stdout.isatty())
    return 0 if response.hits else EXIT_NO_RESULTS


# Terminal escape sequences (ECMA-48), dropped whole so that no parameter bytes are left
# behind: CSI (ESC [ or U+009B ... final byte), strings (OSC, DCS, SOS, PM, APC: up to BEL or
# ST, or the end of the text when unterminated) and two-byte escapes (ESC + one character,
# after any intermediate bytes).
ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?")
# Bidi embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI): they
# reorder the rest of the terminal line. The marks LRM, RLM and ALM do not and stay.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# In --json output these are written as \uXXXX: the data is unchanged, the terminal safe.
JSON_UNSAFE = re.compile(f"[\x7f-\x9f\u2028\u2029{BIDI_CONTROLS}\ud800-\udfff]")


def terminal_safe(text: str) -> str:
    """Page text as the terminal should get it: escape sequences and control characters
    (C0, DEL, C1) removed, tabs and line breaks as spaces, bidi overrides and isolates removed,
    lone surrogates as U+FFFD."""
    return "".join(safe_characters(text))


def safe_characters(text: str) -> list[str]:
    """What terminal_safe makes of each character of `text` ("" when it is dropped), so that
    offsets into the text (highlight spans) still apply."""
    out = [_safe_character(ch) for ch in text]
    for match in ESCAPE_SEQUENCE.finditer(text):
        out[match.start():match.end()] = [""] * (match.end() - match.start())
    return out


def _safe_character(ch: str) -> str:
    if ch in "\t\n\r\v\f\u2028\u2029":
        return " "
    if ch in BIDI_CONTROLS or unicodedata.category(ch) == "Cc":
        return ""
    if "\ud800" <= ch <= "\udfff":
        return "\ufffd"
    return ch


def json_safe(dumped: str) -> str:
    """JSON text with the characters a terminal acts on written as \\uXXXX escapes (json.dumps
    with ensure_ascii=False escapes only C0); they can only occur inside strings."""
    return JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", dumped)


def highlight(snippet: str, spans, color: bool) -> str:
    """The terminal-safe snippet with its matched spans (offsets into the snippet) marked;
    a span of nothing but dropped characters is not marked."""
    start_mark, end_mark = ("\033[1m", "\033[0m") if color else ("[", "]")
    chars = safe_characters(snippet)
    out, last = [], 0
    for start, end in spans:
        marked = "".join(chars[start:end])
        out += ["".join(chars[last:start])] + ([start_mark, marked, end_mark] if marked.strip() else [marked])
        last = end
    out.append("".join(chars[last:]))
    return "".join(out)


def print_results(response, color: bool) -> None:
    safe = terminal_safe
    if not response.hits:
        print(f"No results for '{safe(response.query)}' in {response.lang}.")
        if response.suggestion:
            print(f"Did you mean: {safe(response.suggestion)}")
        return
    if response.partial:
        print("No page contains every word; showing pages that contain some of them.")
    for hit in response.hits:
        title = hit.page_title if hit.section_title == hit.page_title else f"{hit.page_title} › {hit.section_title}"
        print(f"{hit.rank}. {safe(title)}")
        print(f"   /{safe(hit.url)}")
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
