"""English: case folding, a modest stop list, Snowball English stemming.

The module-level :func:`stem` is also how every other language stems Latin
words (CRM, ERP, Gartner), so a Latin query matches on any page.
"""

from __future__ import annotations

import threading
from functools import lru_cache

import snowballstemmer

from indexer.analyzers.base import LanguageAnalyzer

_SNOWBALL = snowballstemmer.stemmer("english")
# snowballstemmer keeps per-call state on the stemmer object.
_SNOWBALL_LOCK = threading.Lock()


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """Snowball English stem of a folded (lowercase) word."""
    with _SNOWBALL_LOCK:
        return _SNOWBALL.stemWord(word)


class EnglishAnalyzer(LanguageAnalyzer):
    """English pages: every word is a Latin word, so the default pipeline is all it needs."""

    def stem_native(self, word: str) -> str:
        return stem(word)


ANALYZER = EnglishAnalyzer("en")
