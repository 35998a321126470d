"""Search the whoosh indexes: the one entry point of the command line, the benchmark and the
tests (`search`), reading each index once. The jobs are modules of their own: query analysis
(query.py), ranking and its constants (ranking.py), snippets and highlighting (snippets.py),
"did you mean" (suggest.py).

A query is analysed in query mode into word groups (alternatives of one word, e.g. Hebrew
prefix variants). Results are sections, ranked page first:

1. Pages are ranked as wholes. A page's score is BM25F over the page (its sections' term
   frequencies and lengths added up, from whoosh's postings) times the coordination factor
   (query words the page contains / query words) ** COORD_POWER, times the proximity factor
   (most query words one section of the page holds / query words) ** SECTION_COORD_POWER,
   times the prior of the page's kind (PAGE_KIND_PRIOR). A reader asks for a page about the
   query; its words are often spread over a page's sections (a figure in one section, its
   caveat in the next), which section-only matching misses, but words found together in one
   section are better evidence than words scattered over a long reference page.
2. Within a page, its sections that contain a query word follow in order of their own
   score: whoosh's BM25F over the section, each field weighted by FIELD_BOOSTS.

When no page contains every word the response is flagged `partial`.
"""
from __future__ import annotations

import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path

from whoosh.scoring import BM25F

from .analyzers import UnknownLanguageError, available_languages
from .index import SearchIndexError, open_language_index, read_lexicon, read_manifest, read_page_table
from .languages import detect_language
from .query import PrefixCompleter, query_groups, segment_vocabulary
from .ranking import BM25_B, BM25_K1, MAX_WORDS, Pages, rank, unique_groups
from .snippets import make_snippet
from .suggest import suggest

MAX_QUERY_CHARS = 1000


class QueryError(ValueError):
    """The query cannot be searched (empty, only stop words, …); the message says why."""


@dataclass
class Hit:
    rank: int
    score: float
    lang: str
    url: str
    page: str
    page_title: str
    section_title: str
    snippet: str
    highlights: list = field(default_factory=list)   # [start, end] offsets into snippet


@dataclass
class SearchResponse:
    query: str
    lang: str
    terms: list
    groups: list      # alternatives of index terms per query word, as ranked
    hits: list
    partial: bool = False
    coverage: float = 0.0   # share of the query's words the best-covered page holds
    suggestion: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)


def clean_query(text: str) -> str:
    """Drop what cannot be searched: lone surrogates, control characters, excess length."""
    text = text.encode("utf-8", "replace").decode("utf-8") if _has_surrogates(text) else text
    text = "".join(ch if unicodedata.category(ch) != "Cc" else " " for ch in text.replace("\ufffd", " "))
    return text.strip()[:MAX_QUERY_CHARS]


def _has_surrogates(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)


_CACHE: dict = {}


def _read_once(kind: str, reader, index_dir: Path, lang: str, manifest: dict):
    key = (kind, str(Path(index_dir).resolve()), lang, manifest["languages"][lang]["sections_hash"])
    if key not in _CACHE:
        _CACHE[key] = reader(index_dir, lang)
    return _CACHE[key]


def lexicon_of(index_dir: Path, lang: str, manifest: dict) -> dict:
    """The language's lexicon, read once per index build (keyed by the build's hash)."""
    return _read_once("lexicon", read_lexicon, index_dir, lang, manifest)


def pages_of(index_dir: Path, lang: str, manifest: dict) -> Pages:
    return _read_once("pages", lambda d, l: Pages(read_page_table(d, l)), index_dir, lang, manifest)


def completer_of(index_dir: Path, lang: str, manifest: dict) -> PrefixCompleter:
    return _read_once("completer", lambda d, l: PrefixCompleter(lexicon_of(d, l, manifest)), index_dir, lang, manifest)


def search(index_dir: Path, query: str, lang: str | None = None, limit: int = 10,
           prefix: bool = False) -> SearchResponse:
    """Rank the sections of one language's index for `query`. With `prefix` (search as you
    type, as the search box does), a last word the pages do not contain also matches the
    words of the pages it begins."""
    text = clean_query(query)
    if not text:
        raise QueryError("empty query: type one or more words to search for")
    lang = lang or detect_language(text)
    if lang not in available_languages():
        raise UnknownLanguageError(f"unknown language '{lang}': choose one of {', '.join(available_languages())}")
    manifest = read_manifest(index_dir)
    if lang not in manifest["languages"]:
        raise SearchIndexError(f"the index at {index_dir} has no '{lang}' part: rebuild with `atlas-search build`")
    lexicon = lexicon_of(index_dir, lang, manifest)
    pages = pages_of(index_dir, lang, manifest)
    complete = completer_of(index_dir, lang, manifest) if prefix else None
    vocabulary = _read_once("vocabulary", lambda d, l: segment_vocabulary(lang, lexicon), index_dir, lang, manifest)
    groups = unique_groups(query_groups(lang, text, lexicon, vocabulary, complete=complete))[:MAX_WORDS]
    if not groups:
        raise QueryError(f"nothing to search for in '{text[:60]}': the query has only stop words or punctuation")
    ix = open_language_index(index_dir, lang)
    with ix.searcher(weighting=BM25F(B=BM25_B, K1=BM25_K1)) as searcher:
        scored, partial, coverage = rank(searcher, groups, pages)
        terms = sorted({t for alternatives in groups for t in alternatives})
        hits = [make_hit(searcher, lang, docnum, score, position, terms)
                for position, (docnum, score) in enumerate(scored[:limit], start=1)]
        suggestion = None if hits else suggest(searcher, lang, text, lexicon)
    return SearchResponse(query=text, lang=lang, terms=terms, groups=groups, hits=hits, partial=partial, coverage=coverage,
                          suggestion=suggestion)


def make_hit(searcher, lang, docnum, score, rank_, terms) -> Hit:
    stored = searcher.stored_fields(docnum)
    snippet, highlights = make_snippet(lang, stored.get("body", ""), terms)
    return Hit(rank=rank_, score=round(score, 6), lang=lang, url=stored["url"], page=stored["page"],
               page_title=stored["page_title"], section_title=stored["section_title"],
               snippet=snippet, highlights=highlights)


