"""Query files, relevance metrics and markdown tables (no browser, no build: unit-testable).

Query file: JSON Lines, one query per line; blank lines and lines starting with `#` are skipped.

    {"lang": "fa", "q": "کیفیت داده", "expected": ["factors/data-quality"]}
    {"lang": "fa", "q": "data quality", "query_lang": "en", "expected": ["factors/data-quality"]}

`lang` is the reader's language (the UI the query is typed into), `q` the text as typed,
`expected` the page paths without the language prefix, any of which counts as a correct answer
("" is the home page, "factors/" the factor index, "statistics" a top-level page). `query_lang`
(optional) is the language the query is written in when it differs from `lang`: a
cross-language query. Optional `note` is free text; optional `kind` says what sort of query it
is (keyword, jargon, symptom, question, colloquial, cross).

Every query has a `split`, by a fixed rule that needs no field in the file: within its row (its
language, or cross-language), the 1st, 3rd, 5th … query in file order is `dev` (tune on it), the
2nd, 4th … is `test` (measure only, never tune on it).
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

LANGUAGES = ["en", "zh", "ru", "fa", "he"]
CROSS_ROW = "cross-language"
ALL_ROW = "all"


class QueryFileError(ValueError):
    """A malformed query file; the message names the file and the line."""


@dataclass(frozen=True)
class Query:
    lang: str
    q: str
    expected: tuple[str, ...]
    query_lang: str
    line: int = 0
    note: str = ""
    kind: str = ""
    split: str = "dev"
    source: str = ""     # the query file's name

    @property
    def cross(self) -> bool:
        return self.query_lang != self.lang

    @property
    def row(self) -> str:
        return CROSS_ROW if self.cross else self.lang


def page_key(path: str) -> str:
    """Comparable form of a page path: 'factors/' == 'factors' == '/factors/'; '' is home."""
    path = path.split("#", 1)[0].split("?", 1)[0].strip()
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return path.strip("/")


def parse_queries(path: Path | str, languages=LANGUAGES, known_pages: dict[str, set[str]] | None = None) -> list[Query]:
    """Read a JSON Lines query file. Raises QueryFileError naming file and line on any problem.

    With `known_pages` ({lang: {page_key, ...}}) every expected page must exist in the reader's
    language, so a typo in a query file is an error instead of a silent zero."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise QueryFileError(f"{path}: cannot read query file: {exc.strerror or exc}") from None
    queries = []
    ordinals: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue

        def fail(message: str):
            raise QueryFileError(f"{path}:{number}: {message}")

        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            fail(f"not valid JSON ({exc.msg} at column {exc.colno})")
        if not isinstance(item, dict):
            fail("expected a JSON object like {\"lang\": ..., \"q\": ..., \"expected\": [...]}")
        unknown = set(item) - {"lang", "q", "expected", "query_lang", "note", "kind"}
        if unknown:
            fail(f"unknown field(s): {', '.join(sorted(unknown))}")
        lang = item.get("lang")
        if lang not in languages:
            fail(f"'lang' must be one of {', '.join(languages)}, got {lang!r}")
        q = item.get("q")
        if not isinstance(q, str) or not q.strip():
            fail("'q' must be a non-empty string")
        expected = item.get("expected")
        if (not isinstance(expected, list) or not expected
                or not all(isinstance(e, str) for e in expected)):
            fail("'expected' must be a non-empty list of page paths (strings)")
        query_lang = item.get("query_lang", lang)
        if query_lang not in languages:
            fail(f"'query_lang' must be one of {', '.join(languages)}, got {query_lang!r}")
        note = item.get("note", "")
        if not isinstance(note, str):
            fail("'note' must be a string")
        kind = item.get("kind", "")
        if not isinstance(kind, str):
            fail("'kind' must be a string")
        if known_pages is not None:
            missing = [e for e in expected if page_key(e) not in known_pages.get(lang, set())]
            if missing:
                fail(f"expected page(s) {', '.join(map(repr, missing))} do not exist in docs/{lang}/")
        row = CROSS_ROW if query_lang != lang else lang
        ordinals[row] = ordinals.get(row, 0) + 1
        queries.append(Query(lang=lang, q=q, expected=tuple(expected), query_lang=query_lang,
                             line=number, note=note, kind=kind,
                             split="dev" if ordinals[row] % 2 == 1 else "test", source=Path(path).name))
    if not queries:
        raise QueryFileError(f"{path}: no queries")
    return queries


def pages_in_docs(docs_dir: Path, languages=LANGUAGES) -> dict[str, set[str]]:
    """{lang: page keys} from docs/<lang>/**/*.md (index.md -> its folder)."""
    out = {}
    for lang in languages:
        keys = set()
        root = Path(docs_dir) / lang
        for md in root.rglob("*.md"):
            rel = md.relative_to(root).as_posix()[: -len(".md")]
            if rel == "index" or rel.endswith("/index"):
                rel = rel[: -len("index")]
            keys.add(page_key(rel))
        out[lang] = keys
    return out


# --------------------------------------------------------------------------- metrics

def first_hit_rank(ranking: list[str], expected) -> int | None:
    """1-based rank of the first relevant page in `ranking` (page keys), or None."""
    wanted = {page_key(e) for e in expected}
    for rank, page in enumerate(ranking, start=1):
        if page_key(page) in wanted:
            return rank
    return None


def success_at(ranking, expected, k: int = 1) -> float:
    rank = first_hit_rank(ranking[:k], expected)
    return 1.0 if rank is not None else 0.0


def reciprocal_rank(ranking, expected, k: int = 10) -> float:
    rank = first_hit_rank(ranking[:k], expected)
    return 1.0 / rank if rank else 0.0


def recall_at(ranking, expected, k: int = 5) -> float:
    wanted = {page_key(e) for e in expected}
    found = {page_key(p) for p in ranking[:k]} & wanted
    return len(found) / len(wanted)


def dedupe(ranking: list[str]) -> list[str]:
    """Pages in order of first appearance."""
    seen, out = set(), []
    for page in ranking:
        if page not in seen:
            seen.add(page)
            out.append(page)
    return out


def percentile(values, fraction: float):
    """Nearest-rank percentile (p95 of 20 values is the 19th smallest)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def median(values):
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


@dataclass
class Outcome:
    """One query run through one engine."""
    query: Query
    ranking: list[str] = field(default_factory=list)   # page keys in the reader's language
    raw: list[str] = field(default_factory=list)       # what the engine returned (lang-prefixed)
    ms: float | None = None
    error: str = ""


def quality(outcomes: list[Outcome]) -> dict[str, float | int]:
    """Success@1, MRR@10, Recall@5 over outcomes (errors count as misses)."""
    n = len(outcomes)
    if not n:
        return {"n": 0}
    return {
        "n": n,
        "success@1": sum(success_at(o.ranking, o.query.expected, 1) for o in outcomes) / n,
        "mrr@10": sum(reciprocal_rank(o.ranking, o.query.expected, 10) for o in outcomes) / n,
        "recall@5": sum(recall_at(o.ranking, o.query.expected, 5) for o in outcomes) / n,
    }


# --------------------------------------------------------------------------- tables

def fmt(value, kind: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    if kind == "ratio":
        return f"{value:.3f}"
    if kind == "ms":
        return f"{value:.1f}" if value < 100 else f"{value:.0f}"
    if kind == "s":
        return f"{value:.2f}"
    if kind == "bytes":
        return f"{value / 1024:.1f} KiB" if value < 1024 * 1024 else f"{value / 1024 / 1024:.2f} MiB"
    if kind == "MiB":
        return f"{value:.0f}"
    return str(value)


def markdown_table(title: str, rows: list[str], columns: list[str], cell, kind: str, note: str = "") -> str:
    """`cell(row, column)` -> value (a number, None for n/a, or a string such as 'failed')."""
    lines = [f"### {title}", ""]
    if note:
        lines += [note, ""]
    lines.append("| " + " | ".join(["lang"] + columns) + " |")
    lines.append("|" + "---|" * (len(columns) + 1))
    for row in rows:
        lines.append("| " + " | ".join([row] + [fmt(cell(row, c), kind) for c in columns]) + " |")
    return "\n".join(lines) + "\n"


def order_queries(queries) -> dict[str, list]:
    """Per reader language: its monolingual queries in file order, then its cross-language ones
    (so the cold first query of a language is always a query in that language)."""
    out = {}
    for lang in LANGUAGES:
        mine = [q for q in queries if q.lang == lang]
        out[lang] = [q for q in mine if not q.cross] + [q for q in mine if q.cross]
    return out


def write_outputs(out: Path, payload: dict, tables: str, stem: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{stem}.json").write_text(json.dumps(payload, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    (out / f"{stem}.md").write_text(tables, encoding="utf-8")
