"""Russian: ё→е folding, Russian stop words, Snowball Russian stemming.

Latin words inside Russian text (CRM, ERP, Gartner) follow the English rules
(see base.LanguageAnalyzer.stem_latin), so a Latin query matches in any language.
"""

from __future__ import annotations

from indexer.analyzers.base import LanguageAnalyzer, snowball_stemmer

stem = snowball_stemmer("russian")


class RussianAnalyzer(LanguageAnalyzer):
    """Russian pages: default pipeline with the Russian stemmer for Cyrillic words."""

    def stem_native(self, word: str) -> str:
        return stem(word)


ANALYZER = RussianAnalyzer("ru")
