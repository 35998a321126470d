"""Search the whoosh indexes: the ranking the command line shows and the browser must match.

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

import bisect
import math
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from functools import cached_property
from pathlib import Path

from whoosh import query as wq
from whoosh.scoring import BM25F, bm25

from .analyzers import UnknownLanguageError, available_languages, get_analyzer
from .analyzers.base import LATIN, NATIVE, analysis_data
from .index import (BM25_B, BM25_K1, COORD_POWER, FIELD_BOOSTS, PAGE_FIELDS_ONCE, PAGE_KIND_PRIOR,
                    SECTION_COORD_POWER, SearchIndexError, open_language_index, read_lexicon, read_manifest,
                    read_page_table)
from .query import PrefixCompleter, chinese_vocabulary, query_groups, query_parts

MAX_QUERY_CHARS = 1000
MAX_WORDS = 32
SCRIPT_LANGUAGES = [  # first script found in the query decides its language
    (re.compile(r"[\u0590-\u05FF\uFB1D-\uFB4F]"), "he"),
    (re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]"), "fa"),
    (re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]"), "zh"),
    (re.compile(r"[\u0400-\u04FF]"), "ru"),
]


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


def detect_language(text: str, default: str = "en") -> str:
    """Guess a query's language from its script (Latin falls back to `default`)."""
    for pattern, lang in SCRIPT_LANGUAGES:
        if pattern.search(text):
            return lang
    return default


_CACHE: dict = {}


def _read_once(kind: str, reader, index_dir: Path, lang: str, manifest: dict):
    key = (kind, str(Path(index_dir).resolve()), lang, manifest["languages"][lang]["sections_hash"])
    if key not in _CACHE:
        _CACHE[key] = reader(index_dir, lang)
    return _CACHE[key]


def lexicon_of(index_dir: Path, lang: str, manifest: dict) -> dict:
    """The language's lexicon, read once per index build (keyed by the build's hash)."""
    return _read_once("lexicon", read_lexicon, index_dir, lang, manifest)


class Pages:
    """A language's page table (indexer.index.page_table) with document -> page lookup."""

    def __init__(self, table: dict):
        self.pages = table["pages"]
        self.first_docs = [page[1] for page in self.pages]
        self.avg_lengths = table["avgLengths"]
        self.priors = [PAGE_KIND_PRIOR.get(page[3], 1.0) for page in self.pages]

    def of(self, docnum: int) -> int:
        """Position of the page holding section `docnum` (pages are runs of documents)."""
        return bisect.bisect_right(self.first_docs, docnum) - 1

    def length(self, page: int, field: int) -> float:
        return self.pages[page][2][field]


def pages_of(index_dir: Path, lang: str, manifest: dict) -> Pages:
    return _read_once("pages", lambda d, l: Pages(read_page_table(d, l)), index_dir, lang, manifest)


def completer_of(index_dir: Path, lang: str, manifest: dict) -> PrefixCompleter:
    return _read_once("completer", lambda d, l: PrefixCompleter(lexicon_of(d, l, manifest)), index_dir, lang, manifest)


def unique_groups(groups: list[list[str]]) -> list[list[str]]:
    """Drop repeated word groups: whoosh collapses identical subqueries, and the browser must
    rank the same way, so both sides remove them explicitly."""
    seen, out = set(), []
    for group in groups:
        key = tuple(sorted(group))
        if key not in seen:
            seen.add(key)
            out.append(group)
    return out


def build_query(groups: list[list[str]]) -> wq.Query:
    """whoosh query for sections holding any query word: each index term of the query in every
    field, weighted by FIELD_BOOSTS."""
    # Each index term once, as the browser sums them: a term shared by two word groups (a word
    # typed twice, once completed as the last word) would otherwise be scored twice.
    return wq.Or([wq.Term(name, term, boost=boost) for term in distinct_terms(groups)
                  for name, boost in FIELD_BOOSTS.items()])


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
    vocabulary = _read_once("vocabulary", lambda d, l: chinese_vocabulary(lexicon), index_dir, lang, manifest)
    groups = unique_groups(query_groups(lang, text, lexicon, vocabulary, complete=complete))[:MAX_WORDS]
    if not groups:
        raise QueryError(f"nothing to search for in '{text[:60]}': the query has only stop words or punctuation")
    ix = open_language_index(index_dir, lang)
    with ix.searcher(weighting=BM25F(B=BM25_B, K1=BM25_K1)) as searcher:
        scored, partial = rank(searcher, groups, pages)
        terms = sorted({t for alternatives in groups for t in alternatives})
        hits = [make_hit(searcher, lang, docnum, score, position, terms)
                for position, (docnum, score) in enumerate(scored[:limit], start=1)]
        suggestion = None if hits else suggest(searcher, lang, text, lexicon)
    return SearchResponse(query=text, lang=lang, terms=terms, groups=groups, hits=hits, partial=partial,
                          suggestion=suggestion)


def distinct_terms(groups) -> dict[str, list[int]]:
    """Each index term of the query once (whoosh merges repeated terms of an Or query), with
    the query words (group numbers) it stands for."""
    terms: dict[str, list[int]] = {}
    for number, alternatives in enumerate(groups):
        for term in alternatives:
            if number not in terms.setdefault(term, []):
                terms[term].append(number)
    return terms


def page_scores(reader, groups, pages: Pages) -> tuple[dict[int, float], dict[int, int]]:
    """BM25F of every page holding a query word, times the coordination and proximity factors
    and the page's prior; and how many query words each page holds. Summed in the browser's
    order (term, field, posting)."""
    page_count = len(pages.pages)
    scores: dict[int, float] = {}
    words: dict[int, set] = {}
    section_words: dict[int, set] = {}
    for term, numbers in distinct_terms(groups).items():
        for at, field in enumerate(FIELD_BOOSTS):
            if (field, term) not in reader:
                continue
            frequencies: dict[int, float] = {}
            once = field in PAGE_FIELDS_ONCE
            for docnum, weight in reader.postings(field, term).items_as("weight"):
                page = pages.of(docnum)
                section_words.setdefault(docnum, set()).update(numbers)
                frequencies[page] = max(frequencies.get(page, 0), weight) if once else frequencies.get(page, 0) + weight
            idf = math.log(page_count / (len(frequencies) + 1)) + 1
            for page, tf in frequencies.items():
                scores[page] = scores.get(page, 0.0) + FIELD_BOOSTS[field] * bm25(
                    idf, tf, pages.length(page, at), pages.avg_lengths[at], BM25_B, BM25_K1)
                words.setdefault(page, set()).update(numbers)
    matched = {page: len(found) for page, found in words.items()}
    together: dict[int, int] = {}
    for docnum, found in section_words.items():
        page = pages.of(docnum)
        together[page] = max(together.get(page, 0), len(found))
    for page in scores:
        scores[page] *= ((matched[page] / len(groups)) ** COORD_POWER
                         * (together[page] / len(groups)) ** SECTION_COORD_POWER * pages.priors[page])
    return scores, matched


def rank(searcher, groups, pages: Pages) -> tuple[list[tuple[int, float]], bool]:
    """All (docnum, section score) pairs of sections holding a query word, pages best first,
    each page's sections best first; `partial` when no page holds every word.

    Scores are rounded before ordering so that float summation order (whoosh sums a binary
    tree of matchers, the browser sums sequentially) cannot reorder ties."""
    page_score, matched = page_scores(searcher.reader(), groups, pages)
    results = searcher.search(build_query(groups), limit=None)
    scored = sorted(((hit.docnum, hit.score) for hit in results),
                    key=lambda pair: (-round(page_score[pages.of(pair[0])], 9), pages.of(pair[0]),
                                      -round(pair[1], 9), pair[0]))
    partial = bool(scored) and len(groups) > 1 and max(matched.values()) < len(groups)
    return scored, partial


def make_hit(searcher, lang, docnum, score, rank_, terms) -> Hit:
    stored = searcher.stored_fields(docnum)
    snippet, highlights = make_snippet(lang, stored.get("body", ""), terms)
    return Hit(rank=rank_, score=round(score, 6), lang=lang, url=stored["url"], page=stored["page"],
               page_title=stored["page_title"], section_title=stored["section_title"],
               snippet=snippet, highlights=highlights)


HAN = re.compile(r"^[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]+$")


def highlight_spans(lang: str, text: str, terms) -> list[tuple[int, int]]:
    """Words of `text` that contain a matched term or whose Snowball stem is one (analysis.json
    common.snippet, the same in the browser: AtlasSearch.snippet).

    Index terms are folded stems, lemmas or words, so a containing word is a match for the
    reader's eye; no analyzer runs, so a query never loads hazm or jieba."""
    analyzer = get_analyzer(lang)
    han = [t for t in terms if HAN.match(t)]
    wanted = [t for t in terms if len(t) > 1 and t not in han]
    term_set = set(terms)
    spans = []
    for match in analyzer.word_re.finditer(text):
        folded = analyzer.fold(match.group(0))
        if any(t in folded for t in wanted) or highlight_stem(analyzer, match.group(0), folded) in term_set:
            spans.append((match.start(), match.end()))
    # Chinese is written without spaces: mark the matched words themselves, not whole runs.
    for term in han:
        at = text.find(term)
        while at != -1:
            spans.append((at, at + len(term)))
            at = text.find(term, at + len(term))
    return merge_spans(spans)


def highlight_stem(analyzer, raw: str, folded: str) -> str | None:
    """The Snowball stem a word is highlighted by: English for a Latin word, the language's own
    Snowball (analysis.json `snowball`) for a native word, none otherwise."""
    kind = analyzer.part_kind(raw)
    if kind == LATIN:
        return analyzer.stem_latin(folded)
    if kind == NATIVE and analyzer.data.get("snowball"):
        return analyzer.stem_native(folded)
    return None


def merge_spans(spans) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def make_snippet(lang: str, body: str, terms) -> tuple[str, list]:
    """The body window with the most matched words, and the matched spans inside it (offsets
    into the snippet); the rules of analysis.json common.snippet, as AtlasSearch.snippet."""
    chars = analysis_data()["common"]["snippet"]["chars"]
    spans = highlight_spans(lang, body, terms)
    start = 0
    if spans:
        best_start, best_count = spans[0][0], 0
        for first, _ in spans:
            count = sum(1 for s, e in spans if first <= s and e <= first + chars)
            if count > best_count:
                best_start, best_count = first, count
        start = max(0, best_start - chars // 4)
        # Start on a word boundary so the snippet does not open mid-word.
        space = body.rfind(" ", 0, start) if start > 0 else -1
        start = 0 if space == -1 else space + 1
    end = start + chars
    snippet = ("…" if start else "") + body[start:end].replace("\n", " ") + ("…" if end < len(body) else "")
    shift = (1 if start else 0) - start   # the leading "…" moves offsets by one
    return snippet, [[s + shift, e + shift] for s, e in spans if s >= start and e <= end]


def suggest(searcher, lang: str, text: str, lexicon: dict) -> str | None:
    """'Did you mean': each word the index does not have, replaced by the closest word of the
    pages (the lexicon's surface forms), if one is close enough."""
    # What query_groups would otherwise recompute for every unknown part (the Chinese words
    # of the index); the same set, so the same groups.
    vocabulary = _suggestion_tables(lexicon).chinese if lang == "zh" else frozenset()
    corrected, changed = [], False
    for part, _kind, key in query_parts(lang, text):
        groups = query_groups(lang, part, lexicon, vocabulary)
        if not groups or any(searcher.doc_frequency(f, t) for f in FIELD_BOOSTS for g in groups for t in g):
            corrected.append(part)
            continue
        best = _closest(key, lexicon)
        corrected.append(best or part)
        changed |= best is not None
    return " ".join(corrected) if changed else None


def _closest(word: str, vocabulary: dict) -> str | None:
    """The closest word of `vocabulary` to `word`: Levenshtein distance at most 1 for a word
    of up to 4 characters, else at most 2; the nearest first, then the shorter, then the
    first in code point order (the browser's port in indexer/web/atlas-search.js keeps
    the same rule).

    The rule is a scan of the whole vocabulary; NearWords gives the same answer while
    measuring only the few words that can be that close (a scan takes 5-25 ms a word, a
    query of many unknown words took seconds)."""
    return _suggestion_tables(vocabulary).near.closest(word)


def _distance_limit(word: str) -> int:
    """How many edits a suggestion for `word` may be away."""
    return 1 if len(word) <= 4 else 2


class NearWords:
    """The words of a vocabulary indexed so that those within edit distance `limit` of a
    word are found without measuring the others.

    Bit sets (Python ints, bit n = the vocabulary's n-th word) of the words having
    character c at position i, and of the words of each length. A word within distance k of
    `word` has a length within k of it, and in an alignment with at most k edits a character
    kept on both sides moves by at most k positions, while at most k characters of each
    side are not kept. So at most k positions i of `word` have their character nowhere in
    positions i-k..i+k of the candidate, and at most k positions j of the candidate have
    theirs nowhere in positions j-k..j+k of `word`. Those bounds are counted on whole bit
    sets at once; the few words left are measured with _edit_distance."""

    def __init__(self, vocabulary):
        self.words = list(vocabulary)
        at: dict[tuple[int, str], list[int]] = {}
        by_length: dict[int, list[int]] = {}
        for number, word in enumerate(self.words):
            by_length.setdefault(len(word), []).append(number)
            for position, char in enumerate(word):
                at.setdefault((position, char), []).append(number)
        self.at = {key: self._bits(numbers) for key, numbers in at.items()}
        self.of_length = {length: self._bits(numbers) for length, numbers in by_length.items()}
        self.longest = max(by_length, default=0)
        # longer_than[j]: the words that have a character at position j.
        self.longer_than, longer = [0] * (self.longest + 1), 0
        for length in range(self.longest, -1, -1):
            self.longer_than[length] = longer
            longer |= self.of_length.get(length, 0)

    def _bits(self, numbers: list[int]) -> int:
        bits = bytearray(len(self.words) // 8 + 1)
        for number in numbers:
            bits[number >> 3] |= 1 << (number & 7)
        return int.from_bytes(bits, "little")

    def closest(self, word: str) -> str | None:
        limit = _distance_limit(word)
        candidates = 0
        for length in range(max(0, len(word) - limit), len(word) + limit + 1):
            candidates |= self.of_length.get(length, 0)
        # missing[n]: the candidates for which more than n positions of `word` have their
        # character nowhere near (see the class docstring); then the same from their side.
        missing = [0] * (limit + 1)
        for position, char in enumerate(word):
            near = 0
            for shifted in range(max(0, position - limit), position + limit + 1):
                near |= self.at.get((shifted, char), 0)
            self._count(missing, candidates & ~near)
        candidates &= ~missing[limit]
        missing = [0] * (limit + 1)
        for position in range(min(len(word) + limit, self.longest)):
            near = 0
            for char in set(word[max(0, position - limit):position + limit + 1]):
                near |= self.at.get((position, char), 0)
            self._count(missing, candidates & self.longer_than[position] & ~near)
        candidates &= ~missing[limit]
        best, best_key = None, None
        while candidates:
            lowest = candidates & -candidates
            candidates ^= lowest
            candidate = self.words[lowest.bit_length() - 1]
            distance = _edit_distance(word, candidate, limit)
            if distance <= limit:
                key = (distance, len(candidate), candidate)
                if best_key is None or key < best_key:
                    best, best_key = candidate, key
        return best

    @staticmethod
    def _count(missing: list[int], miss: int) -> None:
        """Add one miss to the words of `miss`: missing[n] holds those missing more than n."""
        for n in range(len(missing) - 1, 0, -1):
            missing[n] |= missing[n - 1] & miss
        missing[0] |= miss


class _SuggestionTables:
    """What suggest needs of one lexicon, built on first use."""

    def __init__(self, vocabulary: dict):
        self.vocabulary = vocabulary   # held, so that its id is not reused while cached
        self.size = len(vocabulary)

    @cached_property
    def near(self) -> NearWords:
        return NearWords(self.vocabulary)

    @cached_property
    def chinese(self) -> frozenset[str]:
        return chinese_vocabulary(self.vocabulary)


_SUGGESTION_TABLES: dict[int, _SuggestionTables] = {}


def _suggestion_tables(vocabulary: dict) -> _SuggestionTables:
    """The suggestion tables of a lexicon, kept while it is in use (lexicons are read once
    per index build and never changed: see lexicon_of)."""
    tables = _SUGGESTION_TABLES.get(id(vocabulary))
    if tables is None or tables.vocabulary is not vocabulary or tables.size != len(vocabulary):
        if len(_SUGGESTION_TABLES) >= 16:
            _SUGGESTION_TABLES.clear()
        tables = _SUGGESTION_TABLES[id(vocabulary)] = _SuggestionTables(vocabulary)
    return tables


def _edit_distance(a: str, b: str, limit: int) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]
