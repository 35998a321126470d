"""English: case folding, a modest stop list, Snowball English stemming.

The module-level :func:`stem` is also how every other language stems Latin
words (CRM, ERP, Gartner), so a Latin query matches on any page.
"""

from __future__ import annotations

from indexer.analyzers.base import LanguageAnalyzer, english_stem

stem = english_stem()


class EnglishAnalyzer(LanguageAnalyzer):
    """English pages: every word is a Latin word, so the default pipeline is all it needs."""

    def stem_native(self, word: str) -> str:
        return stem(word)


ANALYZER = EnglishAnalyzer("en")
