"""Russian: ё→е folding, Russian stop words, Snowball Russian stemming.

Latin words inside Russian text (CRM, ERP, Gartner) follow the English rules
(see base.LanguageAnalyzer.stem_latin), so a Latin query matches in any language.
"""

from __future__ import annotations

import threading
from functools import lru_cache

import snowballstemmer

from indexer.analyzers.base import LanguageAnalyzer

_SNOWBALL = snowballstemmer.stemmer("russian")
# snowballstemmer keeps per-call state on the stemmer object.
_SNOWBALL_LOCK = threading.Lock()


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """Snowball Russian stem of a folded (lowercase) Cyrillic word."""
    with _SNOWBALL_LOCK:
        return _SNOWBALL.stemWord(word)


class RussianAnalyzer(LanguageAnalyzer):
    """Russian pages: default pipeline with the Russian stemmer for Cyrillic words."""

    def stem_native(self, word: str) -> str:
        return stem(word)


ANALYZER = RussianAnalyzer("ru")
