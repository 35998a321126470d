"""'Did you mean': each word the index does not have, replaced by the closest word of the pages
(the lexicon's surface forms) within an edit-distance limit, as AtlasSearch.suggest does."""
from __future__ import annotations

from functools import cached_property

from .query import query_groups, query_parts, segment_vocabulary
from .ranking import FIELD_BOOSTS


def suggest(searcher, lang: str, text: str, lexicon: dict) -> str | None:
    """'Did you mean': each word the index does not have, replaced by the closest word of the
    pages (the lexicon's surface forms), if one is close enough."""
    # What query_groups would otherwise recompute for every unknown part (the Chinese words
    # of the index); the same set, so the same groups.
    vocabulary = _suggestion_tables(lexicon).segment_vocabulary(lang)
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
    first in code point order (the browser's port in web/atlas-search.js keeps
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

    def segment_vocabulary(self, lang: str) -> frozenset[str]:
        found = self.__dict__.setdefault("_segment", {})
        if lang not in found:
            found[lang] = segment_vocabulary(lang, self.vocabulary)
        return found[lang]


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
