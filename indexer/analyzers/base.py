"""Shared machinery of the language analyzers: the data file, fold(), and LanguageAnalyzer.

Everything a browser must be able to repeat (character folding, the word
regex, stop words, Hebrew prefixes, Persian suffixes) comes from
``indexer/data/analysis.json``; this module only interprets it.
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Literal

from whoosh.analysis import Analyzer

from indexer.analyzers import _pipeline as p
from indexer.analyzers._pipeline import LATIN, NATIVE, NUMBER

DATA_PATH = Path(__file__).resolve().parent.parent / "data" / "analysis.json"

MODES = ("index", "query")
ZWNJ = "\u200c"

# Token kinds (defined with the pipeline that assigns them; named here for every importer).
__all__ = ["LATIN", "NATIVE", "NUMBER", "LanguageAnalyzer", "analysis_data", "SnowballAnalyzer", "english_stem", "snowball_stemmer"]


@cache
def analysis_data() -> dict:
    """Return the parsed ``indexer/data/analysis.json`` (read once per process)."""
    with DATA_PATH.open(encoding="utf-8") as handle:
        return json.load(handle)


def code_points(entries: list[str]) -> list[int]:
    """Expand ``["0591-05BD", "05BF"]``-style hexadecimal entries into code points."""
    points: list[int] = []
    for entry in entries:
        first, _, last = entry.partition("-")
        points.extend(range(int(first, 16), int(last or first, 16) + 1))
    return points


def snowball_stemmer(algorithm: str):
    """A thread-safe, memoised Snowball stem function (snowballstemmer keeps per-call state on
    the stemmer object, hence the lock)."""
    import snowballstemmer

    stemmer = snowballstemmer.stemmer(algorithm)
    lock = threading.Lock()

    @lru_cache(maxsize=100_000)
    def stem(word: str) -> str:
        with lock:
            return stemmer.stemWord(word)

    stem.__doc__ = f"Snowball {algorithm} stem of a folded (lowercase) word."
    return stem


@cache
def english_stem():
    """Snowball English, built on first use: the stem of every Latin word in every language."""
    return snowball_stemmer("english")


WORD_CACHE_TEXT = 48          # texts up to this length are cached by Folder
WORD_CACHE_SIZE = 200_000


class Folder:
    """The fold() of one language: Unicode normalisation, lowercase, char_map, delete."""

    def __init__(self, unicode_form: Literal["NFC", "NFD", "NFKC", "NFKD"] | None, char_map: dict[str, str],
                 delete: list[int]):
        self.unicode_form = unicode_form
        self.deleted = frozenset(delete)
        self.char_map = char_map
        self._tables: dict[str, dict[int, str | None]] = {}
        self._words: dict[tuple[str, str], str] = {}

    def table(self, keep: str = "") -> dict[int, str | None]:
        """A str.translate table doing char_map then delete; characters in ``keep`` survive."""
        table = self._tables.get(keep)
        if table is None:
            removed = self.deleted - {ord(char) for char in keep}
            table = dict.fromkeys(removed)
            for source, target in self.char_map.items():
                # Step 4 (delete) runs after step 3 (char_map): drop deleted characters of targets.
                table[ord(source)] = "".join(c for c in target if ord(c) not in removed) or None
            self._tables[keep] = table
        return table

    def __call__(self, text: str, keep: str = "") -> str:
        # Words recur endlessly while indexing: fold each distinct short text once.
        key = (text, keep)
        folded = self._words.get(key)
        if folded is None:
            folded = self._fold(text, keep)
            if len(text) <= WORD_CACHE_TEXT:
                if len(self._words) >= WORD_CACHE_SIZE:
                    self._words.clear()
                self._words[key] = folded
        return folded

    def _fold(self, text: str, keep: str) -> str:
        if self.unicode_form:
            text = unicodedata.normalize(self.unicode_form, text)
        return text.lower().translate(self.table(keep))


class LanguageAnalyzer:
    """One language's analysis: fold(), a whoosh analyzer, and query helpers.

    Subclasses (one module per language) override :meth:`stem_native` and,
    when the language needs more than fold/stop/stem, :meth:`build_analyzer`.
    """

    def __init__(self, code: str):
        self.code = code
        self._analyzer: Analyzer | None = None
        self._build_lock = threading.Lock()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.code}>"

    def __reduce__(self):
        # whoosh pickles analyzers into the index schema: refer to the singleton, not a copy.
        from indexer.analyzers import get_analyzer

        return get_analyzer, (self.code,)

    # ----- data ---------------------------------------------------------------

    @cached_property
    def data(self) -> dict:
        """This language's section of analysis.json."""
        return analysis_data()[self.code]

    @property
    def name(self) -> str:
        """The language's own name (e.g. "Русский")."""
        return self.data["name"]

    @cached_property
    def folder(self) -> Folder:
        """The compiled fold() of this language, from its section of analysis.json."""
        return Folder(
            unicode_form=self.data.get("unicode_form"),
            char_map=self.data["char_map"],
            delete=code_points(self.data["delete"]),
        )

    @cached_property
    def word_re(self) -> re.Pattern:
        """The regex of one word (a compound, possibly hyphenated)."""
        return re.compile(self.data["word_pattern"])

    @cached_property
    def hyphen_re(self) -> re.Pattern:
        """Characters that split a compound into parts."""
        classes = {**analysis_data()["common"]["classes"], **self.data["classes"]}
        return re.compile("[" + classes["HYPHEN"] + "]")

    @cached_property
    def latin_part_re(self) -> re.Pattern:
        return re.compile(analysis_data()["common"]["latin_part_pattern"])

    @cached_property
    def latin_letter_re(self) -> re.Pattern:
        return re.compile("[" + analysis_data()["common"]["classes"]["LETTER"] + "]")

    @cached_property
    def number_re(self) -> re.Pattern:
        return re.compile(analysis_data()["common"]["number_pattern"])

    @cached_property
    def acronym_plural_re(self) -> re.Pattern:
        return re.compile(analysis_data()["common"]["acronym_plural_pattern"])

    @cached_property
    def stop_words(self) -> frozenset[str]:
        """This language's stop words (stored folded; folded again in case a hand edit was not)."""
        return frozenset(self.fold(word) for word in self.data["stop_words"])

    @cached_property
    def latin_stop_words(self) -> frozenset[str]:
        """English stop words, folded the way this language folds: Latin words follow English rules."""
        return frozenset(self.fold(word) for word in analysis_data()["en"]["stop_words"])

    # ----- character and word level ---------------------------------------------

    def fold(self, text: str) -> str:
        """Character-level normalisation from analysis.json: NFKC, lowercase, char_map, delete.

        The browser repeats it from the same tables (see analysis.json _about).
        """
        return self.folder(text)

    def part_kind(self, raw_part: str) -> str:
        """Classify one part of a compound as NUMBER, LATIN or NATIVE."""
        if self.latin_part_re.fullmatch(raw_part):
            if self.number_re.fullmatch(self.fold(raw_part)):
                return NUMBER
            return LATIN
        return NATIVE

    def split_compound(self, raw: str) -> tuple[tuple[int, int, str, str], ...]:
        """Split a matched compound into ``(start, end, kind, text)`` parts (offsets into ``raw``).

        Latin-only compounds with a one-letter part stay one word written
        without hyphens (e-mail -> email), because their parts mean nothing alone.
        """
        cache = self.__dict__.setdefault("_compounds", {})
        parts = cache.get(raw)
        if parts is None:
            parts = tuple(self._split_compound(raw))
            if len(cache) >= WORD_CACHE_SIZE:
                cache.clear()
            cache[raw] = parts
        return parts

    def _split_compound(self, raw: str) -> list[tuple[int, int, str, str]]:
        parts: list[tuple[int, int, str, str]] = []
        start = 0
        for hyphen in [*self.hyphen_re.finditer(raw), None]:
            end = hyphen.start() if hyphen else len(raw)
            if end > start:
                text = raw[start:end]
                parts.append((start, end, self.part_kind(text), text))
            start = hyphen.end() if hyphen else start
        if len(parts) > 1 and all(kind == LATIN for _, _, kind, _ in parts):
            if any(len(self.fold(text)) == 1 for _, _, _, text in parts):
                joined = "".join(text for _, _, _, text in parts)
                return [(parts[0][0], parts[-1][1], LATIN, joined)]
        return parts

    def fold_part(self, text: str, kind: str) -> str:
        """fold() one part; an acronym plural (KPIs, CRMs) loses its "s" first."""
        if kind == LATIN and self.acronym_plural_re.fullmatch(text):
            text = text[:-1]
        return self.fold(text)

    def is_stop_word(self, text: str, kind: str) -> bool:
        """True for a stop word; Latin words are judged by the English list, numbers never."""
        if kind == NUMBER:
            return False
        folded = self.fold(text)
        if kind == LATIN:
            return folded in self.latin_stop_words
        return folded in self.stop_words

    @cached_property
    def query_fillers(self) -> frozenset[str]:
        """Question words and conversational fillers of queries (analysis.json query_fillers)."""
        return frozenset(self.fold(word) for word in self.data.get("query_fillers", []))

    @cached_property
    def latin_query_fillers(self) -> frozenset[str]:
        return frozenset(self.fold(word) for word in analysis_data()["en"].get("query_fillers", []))

    def is_query_filler(self, folded: str, kind: str) -> bool:
        """True for a folded query part that only frames the question ("why", "how do we"):
        Latin parts by the English list, native parts by the language's own list, also when
        they carry one of the language's prefixes (Hebrew ולמה). Numbers never."""
        if kind == NUMBER:
            return False
        if kind == LATIN:
            return folded in self.latin_query_fillers
        if folded in self.query_fillers:
            return True
        prefixes = self.data.get("prefixes") or ()
        return any(folded.startswith(p) and folded[len(p):] in self.query_fillers for p in map(self.fold, prefixes))

    def stem_native(self, word: str) -> str:
        """Stem a folded word of the language's own script (identity unless overridden)."""
        return word

    def stem_latin(self, word: str) -> str:
        """Stem a folded Latin word with the English rules, whatever the page language."""
        return english_stem()(word)

    def stem_part(self, word: str, kind: str) -> str:
        """Stem a folded part according to its kind."""
        if kind == NUMBER:
            return word
        if kind == LATIN:
            return self.stem_latin(word)
        return self.stem_native(word)

    # ----- word memo (kept by the analysis cache between builds) -----------------------

    # Per-word results of expensive steps (hazm for Persian), by table name; empty for a
    # language whose steps are cheap. The analysis cache saves them with each build and
    # loads them into the next, so a new text made of known words needs no library at all.
    MEMO_LIMIT = 500_000    # entries a table keeps at most (a query process never grows past it)

    @cached_property
    def memo(self) -> dict[str, dict[str, object]]:
        return {}

    def memoised(self, table: str, word: str, compute):
        """The memo entry of `word` in `table`, computed (and kept) on first use."""
        entries = self.memo[table]
        value = entries.get(word)
        if value is None:
            value = compute(word)
            if len(entries) < self.MEMO_LIMIT:
                entries[word] = value
        return value

    def load_memo(self, state) -> None:
        """Take saved memo tables ({table: {word: str or [str, ...]}}), ignoring bad entries."""
        if not isinstance(state, dict):
            return
        for table, entries in self.memo.items():
            saved = state.get(table)
            if not isinstance(saved, dict):
                continue
            for word, value in saved.items():
                if isinstance(value, list) and all(isinstance(v, str) for v in value):
                    value = tuple(value)
                elif not isinstance(value, str):
                    continue
                if len(entries) < self.MEMO_LIMIT:
                    entries.setdefault(word, value)

    def warm_up(self) -> None:
        """Load what analysis needs (a library, a dictionary) ahead of the first text; a
        no-op for languages with nothing to load. `mkdocs serve` calls it in the background
        once the site is served, so an author's first edit does not wait for hazm."""

    # ----- whoosh ------------------------------------------------------------------

    def build_analyzer(self) -> Analyzer:
        """Compose tokenizer | filters; the default suits alphabetic languages (en, ru)."""
        return (
            p.WordTokenizer(self)
            | p.CompoundSplitFilter(self)
            | p.FoldFilter(self)
            | p.StopWordFilter(self)
            | p.StemFilter(self)
            | p.PositionFilter()
        )

    def analyzer(self) -> Analyzer:
        """The whoosh analyzer of this language, built once.

        Call it as ``analyzer(text, mode="index"|"query", positions=True, chars=True)``;
        tokens carry ``pos`` (alternatives of one word share it) and, with
        ``chars=True``, ``startchar``/``endchar`` into the text passed in.
        """
        if self._analyzer is None:
            with self._build_lock:
                if self._analyzer is None:
                    self._analyzer = self.build_analyzer()
        return self._analyzer

    def terms(self, text: str, mode: str = "index") -> list[str]:
        """The token texts of ``text`` in order (alternatives included), stop words removed."""
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
        return [token.text for token in self.analyzer()(text, mode=mode)]


class SnowballAnalyzer(LanguageAnalyzer):
    """A language whose native words take the Snowball stemmer its declaration names
    (query_fallback snowball:<algorithm>): the default pipeline and that stemmer (ru, ar)."""

    @cached_property
    def _snowball(self):
        return snowball_stemmer(self.data["snowball"])

    def stem_native(self, word: str) -> str:
        return self._snowball(word)
