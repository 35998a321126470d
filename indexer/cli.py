"""`atlas-search`: search the knowledge base from the command line.

    atlas-search QUERY...            pages best first, each with its best-matching sections
    atlas-search --lang fa QUERY...  search one language's index
    atlas-search --json QUERY...     machine-readable results (--jsonl: one hit per line)
    atlas-search build               rebuild the site and its indexes (runs `mkdocs build`)

Results are grouped by page as in the search box (web/search-ui.js): the page's title
and URL once, its own text when it matched, then its best-matching sections. URLs are
site-root paths (/en/factors/data-quality/#evidence), absolute with --base-url.

Terminal conventions: --version; --color auto|always|never, where auto colours only a
terminal, and not when NO_COLOR is set (https://no-color.org) or TERM is dumb. Without colour a
match is marked *like this* and an asterisk of the page text is printed as \\*, so a match can
be told from the page's own brackets and citations ([zh-amt-2005]).

Every failure is one line on stderr and a non-zero exit code, never a traceback. Text from
the pages reaches the terminal without control characters, escape sequences or bidi
overrides (see terminal_safe); --json keeps it as data, with those characters escaped.

A query is a whole process, so start-up time counts: whoosh, the index and json are imported
only where a search needs them (--version and --help load none of them).
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import unicodedata

DEFAULT_INDEX = "build/search-index"
EXIT_ERROR = 2
EXIT_NO_RESULTS = 1
DEFAULT_PAGES = 5   # about 30 lines: a terminal's screen, not the search box's 12 pages


class ArgumentParser(argparse.ArgumentParser):
    def error(self, message):
        """A usage error is one line too (argparse prints the usage first)."""
        self.exit(EXIT_ERROR, f"{self.prog}: {terminal_safe(message)} (see {self.prog} --help)\n")


class VersionAction(argparse.Action):
    """--version, looked up only when asked for (importlib.metadata costs start-up time)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"{parser.prog} {package_version()}")
        parser.exit(0)


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("crm-failure-atlas")
    except PackageNotFoundError:
        return "(version unknown: the crm-failure-atlas package is not installed)"


# Options that take one value. Python 3.11's argparse drops a value of "--" written as
# --query=-- (or -q--) and stores [] instead of the string.
VALUE_OPTIONS = ("query", "lang", "index", "docs", "config", "limit", "color", "base_url")
COLOR_CHOICES = ("auto", "always", "never")


def base_url(text: str) -> str:
    """--base-url: an absolute http(s) URL of the site's root, returned ending in "/"."""
    from urllib.parse import urlsplit
    problem = "must be the absolute http(s) URL of the site's root, such as https://atlas.example.org/"
    if any(ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in text):
        raise argparse.ArgumentTypeError(f"{problem} (it has spaces or control characters)")
    try:
        parts = urlsplit(text)
    except ValueError:
        raise argparse.ArgumentTypeError(problem) from None
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise argparse.ArgumentTypeError(problem)
    return text if text.endswith("/") else text + "/"


def parse_args(argv):
    parser = ArgumentParser(
        prog="atlas-search", description="Search the CRM Failure Atlas in en, zh, ru, fa or he.",
        epilog="`atlas-search build` rebuilds the site and the index; use -q to search for the word 'build'. "
               "Exit status: 0 found, 1 nothing found, 2 error.")
    parser.add_argument("words", nargs="*", help="the query (any of the five languages)")
    parser.add_argument("-q", "--query", help="the query as one argument")
    parser.add_argument("-l", "--lang", help="language of the index to search (default: guessed from the query's script)")
    parser.add_argument("-n", "--limit", type=int, default=DEFAULT_PAGES,
                        help=f"how many pages (default {DEFAULT_PAGES}), each with up to three sections")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the results as one JSON object")
    output.add_argument("--jsonl", action="store_true", help="print one JSON object per hit, one per line")
    parser.add_argument("--base-url", type=base_url, metavar="URL",
                        help="print absolute URLs under this site root (default: site-root paths, /en/...)")
    parser.add_argument("--color", "--colour", choices=COLOR_CHOICES, default="auto", metavar="WHEN",
                        help="colour the matches: auto (default: only on a terminal, and not when NO_COLOR "
                             "is set), always or never")
    parser.add_argument("--index", default=os.environ.get("ATLAS_INDEX", DEFAULT_INDEX),
                        help=f"index directory (default {DEFAULT_INDEX}, or $ATLAS_INDEX)")
    parser.add_argument("--docs", default="docs", help="pages the index is checked against for staleness")
    parser.add_argument("--config", default="mkdocs.yml", help="MkDocs config for `build`")
    parser.add_argument("--version", action=VersionAction, help="print the version and exit")
    args = parser.parse_args(argv)
    for name in VALUE_OPTIONS:
        if isinstance(getattr(args, name), list):
            if name in ("limit", "color", "base_url"):
                option = {"limit": "-n/--limit", "color": "--color", "base_url": "--base-url"}[name]
                parser.error(f"argument {option}: invalid value: '--'")
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
    query = args.query if args.query is not None else " ".join(args.words)
    if args.limit < 1:
        return fail("--limit must be at least 1")
    try:
        if args.words[:1] == ["build"] and not args.query:
            return build(args.config)
        return run_search(args, query)
    except KeyboardInterrupt:
        return fail("interrupted")
    except BrokenPipeError:
        # The reader stopped reading (`atlas-search … | head`): not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        # The pages or the index cannot be read (permissions, a folder given for a file, …).
        where = f" {exc.filename}" if exc.filename else ""
        return fail(f"cannot read{where}: {exc.strerror or exc}")
    except Exception as exc:  # the last line of defence: one line, no traceback
        from .analyzers import UnknownLanguageError
        from .index import SearchIndexError
        from .search import QueryError
        if isinstance(exc, (UnknownLanguageError, SearchIndexError, QueryError)):
            return fail(str(exc))
        return fail(f"unexpected error ({type(exc).__name__}: {exc}); please report it")


def run_search(args, query: str) -> int:
    from pathlib import Path

    from .freshness import source_hash
    from .index import read_manifest

    index_dir = Path(args.index)
    manifest = read_manifest(index_dir)
    docs = Path(args.docs)
    if docs.is_dir() and manifest.get("source_hash") != source_hash(docs):
        return fail(f"the index at {index_dir} is stale (the pages in {docs} changed since it was built): run `atlas-search build`")
    response, pages = search_pages(index_dir, query, args.lang, args.limit)
    shown = [(hit, page) for page in pages for hit in page.shown]
    hits = [hit_record(rank, hit, page, args.base_url) for rank, (hit, page) in enumerate(shown, start=1)]
    if args.json:
        import json
        result = response.as_dict()
        result["hits"] = hits
        print(json_safe(json.dumps(result, ensure_ascii=False, indent=1)))
    elif args.jsonl:
        import json
        for record in hits:
            print(json_safe(json.dumps(record, ensure_ascii=False)))
        if not hits:
            # stdout stays pure JSON lines; the reader still learns why there are none.
            print(no_results_line(response), file=sys.stderr)
    else:
        print_results(response, pages, args.base_url, color=use_color(args.color, sys.stdout))
    return 0 if response.hits else EXIT_NO_RESULTS


# --- pages, as the search box shows them ----------------------------------------------------

# A page shows at most its first SECTIONS_SHOWN hits: its own text (the part before its first
# heading) when that is its best match, and up to three sections (search-ui.js
# SECTIONS_PER_PAGE and pageItem).
SECTIONS_SHOWN = 4


class PageResult:
    """One page of the results: its first hits (best first), as the search box takes them."""

    def __init__(self, rank: int, hits: list):
        self.rank = rank
        self.hits = hits[:SECTIONS_SHOWN]
        first = self.hits[0]
        self.url = first.url.split("#")[0]
        self.title = first.page_title
        self.intro = first if "#" not in first.url else None
        # The search box: the intro's text under the title, then the anchored hits among the
        # next three (or the first three when the page's own text is not the best match).
        following = self.hits[1:4] if self.intro else self.hits[0:3]
        self.sections = [hit for hit in following if "#" in hit.url]

    @property
    def shown(self) -> list:
        return ([self.intro] if self.intro else []) + self.sections


def group_pages(hits: list, limit: int) -> list[PageResult]:
    """The first `limit` pages of `hits` (the ranking gives each page's sections in a run)."""
    runs: list[list] = []
    for hit in hits:
        if runs and runs[-1][0].page == hit.page:
            runs[-1].append(hit)
        elif len(runs) < limit:
            runs.append([hit])
        else:
            break
    return [PageResult(rank, run) for rank, run in enumerate(runs, start=1)]


# Hits asked for per page wanted. Every hit costs a snippet (about 1 ms in a fresh process), and
# a factor page holds about five matching sections of a common query: 8 cover the first 5 or 10
# pages of every query of bench/queries.jsonl and bench/practitioner-queries.jsonl (at most 39
# hits for 5 pages, 73 for 10); search_pages asks again when they do not.
HITS_PER_PAGE = 8


def search_pages(index_dir, query: str, lang: str | None, limit: int):
    """(response, the first `limit` pages)."""
    from .search import search

    wanted = limit * HITS_PER_PAGE
    while True:
        response = search(index_dir, query, lang=lang, limit=wanted)
        if len(response.hits) < wanted or enough_hits(response.hits, limit):
            return response, group_pages(response.hits, limit)
        wanted *= 4


def enough_hits(hits: list, limit: int) -> bool:
    """Whether `hits` (a prefix of the ranking) holds what the first `limit` pages show: a
    page past them has begun, or the last of them has all the hits it shows."""
    pages, run = 0, 0
    for at, hit in enumerate(hits):
        if at == 0 or hit.page != hits[at - 1].page:
            pages, run = pages + 1, 0
            if pages > limit:
                return True
        run += 1
    return pages == limit and run >= SECTIONS_SHOWN


def page_url(url: str, base: str | None) -> str:
    """A URL of the index (en/factors/x/#anchor, relative to the site's root) as a site-root
    path, or absolute under `base`."""
    return (base or "/") + url.lstrip("/")


def hit_record(rank: int, hit, page: PageResult, base: str | None) -> dict:
    """A hit as --json and --jsonl give it: its rank in the output, its page's rank, and
    site-root (or absolute) URLs."""
    return {"rank": rank, "page_rank": page.rank, "lang": hit.lang, "page": hit.page,
            "page_title": hit.page_title, "page_url": page_url(page.url, base),
            "section_title": hit.section_title, "url": page_url(hit.url, base), "score": hit.score,
            "snippet": hit.snippet, "highlights": [list(span) for span in hit.highlights]}


def no_results_line(response) -> str:
    message = f"atlas-search: no results for '{terminal_safe(response.query)}' in {response.lang}"
    if response.suggestion:
        message += f"; did you mean: {terminal_safe(response.suggestion)}"
    return message


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


# Colour: SGR bold for matches and page titles, faint for the section marks; each ends with
# its own "off" so that one cannot end the other.
BOLD, BOLD_OFF = "\033[1m", "\033[22m"
FAINT, FAINT_OFF = "\033[2m", "\033[22m"
# Without colour: *match*. Page text never shows an unescaped "*" (see highlight).
MARK = "*"


def use_color(choice: str, stream, environ=None) -> bool:
    """--color: always, never, or (auto) when `stream` is a terminal, NO_COLOR is unset or
    empty (https://no-color.org) and TERM is not dumb."""
    environ = os.environ if environ is None else environ
    if choice != "auto":
        return choice == "always"
    if environ.get("NO_COLOR") or environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or closed
        return False


def highlight(snippet: str, spans, color: bool) -> str:
    """The terminal-safe snippet with its matched spans (offsets into the snippet) marked:
    bold with colour, else *between asterisks* with the text's own asterisks escaped (\\*);
    a span of nothing but dropped characters is not marked."""
    start_mark, end_mark = (BOLD, BOLD_OFF) if color else (MARK, MARK)
    chars = safe_characters(snippet)
    if not color:
        chars = ["\\*" if ch == MARK else ch for ch in chars]
    out, last = [], 0
    for start, end in spans:
        marked = "".join(chars[start:end])
        out += ["".join(chars[last:start])] + ([start_mark, marked, end_mark] if marked.strip() else [marked])
        last = end
    out.append("".join(chars[last:]))
    return "".join(out)


def print_results(response, pages: list[PageResult], base: str | None, color: bool) -> None:
    """Each page: its rank and title, its URL, its own text if it matched, then its sections
    (title and anchor, snippet), a blank line between pages."""
    safe = terminal_safe
    title_on, title_off = (BOLD, BOLD_OFF) if color else ("", "")
    faint_on, faint_off = (FAINT, FAINT_OFF) if color else ("", "")
    if not pages:
        print(f"No results for '{safe(response.query)}' in {response.lang}.")
        if response.suggestion:
            print(f"Did you mean: {safe(response.suggestion)}")
        return
    if response.partial:
        print("No page contains every word; showing pages that contain some of them.\n")
    for page in pages:
        if page.rank > 1:
            print()
        print(f"{page.rank}. {title_on}{safe(page.title)}{title_off}")
        print(f"   {safe(page_url(page.url, base))}")
        if page.intro:
            print(f"   {highlight(page.intro.snippet, page.intro.highlights, color)}")
        for hit in page.sections:
            anchor = "#" + hit.url.split("#", 1)[1]
            print(f"   {faint_on}›{faint_off} {safe(hit.section_title)}  {faint_on}{safe(anchor)}{faint_off}")
            print(f"     {highlight(hit.snippet, hit.highlights, color)}")


def build(config: str) -> int:
    """Rebuild the site (and with it every index) from the MkDocs config."""
    from pathlib import Path

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
    except OSError as exc:
        return fail(f"build failed: {exc.strerror or exc}" + (f" ({exc.filename})" if exc.filename else ""))
    print(f"atlas-search: site and search index rebuilt from {config}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
