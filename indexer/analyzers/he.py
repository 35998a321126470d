"""Hebrew: niqqud and geresh removal, final-letter folding, prefix alternatives.

Prefix letters (ו ה ב כ ל מ ש and their combinations, listed in
analysis.json) are never stripped destructively: a word is indexed, and
queried, as itself plus each prefix-stripped candidate, all at one position,
so והנתונים finds נתונים while מחשב still finds מחשב.
"""

from __future__ import annotations

from functools import cached_property

from indexer.analyzers import _pipeline as p
from indexer.analyzers.base import NATIVE, LanguageAnalyzer

class HebrewPrefixFilter(p.LanguageFilter):
    """Expands each Hebrew word into its prefix alternatives (same in index and query mode)."""

    def __call__(self, tokens):
        for token in tokens:
            if token.kind != NATIVE:
                yield token
                continue
            if token.text in self.lang.prefixes:
                # What is left of ב-CRM, ה-ERP: a bare prefix means nothing alone.
                if not token.removestops:
                    token.stopped = True
                    yield token
                continue
            yield token
            for candidate in self.lang.prefix_candidates(token.text):
                yield p.alternative(token, candidate)


class HebrewAnalyzer(LanguageAnalyzer):
    """Hebrew pages: fold (niqqud, geresh, finals), stop words, prefix alternatives."""

    @cached_property
    def prefixes(self) -> frozenset[str]:
        """The prefix combinations of analysis.json, folded."""
        return frozenset(self.fold(prefix) for prefix in self.data["prefixes"])

    @cached_property
    def min_remainder(self) -> int:
        """Letters a prefix-stripped candidate must keep."""
        return self.data["min_remainder"]

    @cached_property
    def _prefix_lengths(self) -> list[int]:
        return sorted({len(prefix) for prefix in self.prefixes})

    def prefix_candidates(self, word: str) -> list[str]:
        """Prefix-stripped forms of a folded word, shortest prefix first, stop words dropped."""
        candidates: list[str] = []
        for length in self._prefix_lengths:
            remainder = word[length:]
            if len(remainder) < self.min_remainder:
                break
            if (
                word[:length] in self.prefixes
                and remainder not in self.stop_words
                and remainder not in candidates
                and remainder != word
            ):
                candidates.append(remainder)
        return candidates

    def alternatives(self, word: str) -> list[str]:
        """All terms of a folded Hebrew word: the word itself, then its prefix candidates."""
        return [word, *self.prefix_candidates(word)]

    def build_analyzer(self):
        return (
            p.WordTokenizer(self)
            | p.CompoundSplitFilter(self)
            | p.FoldFilter(self)
            | p.StopWordFilter(self)
            | HebrewPrefixFilter(self)
            | p.StemFilter(self)
            | p.PositionFilter()
        )


ANALYZER = HebrewAnalyzer("he")
