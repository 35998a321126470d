"""Arabic: Arabic-script words stemmed by Snowball Arabic (which normalises diacritics, tatweel,
presentation forms and hamza itself), Arabic stop words; fold() only maps the Persian-keyboard
letters ی/ک and drops diacritics (analysis.json, section "ar").

Latin words inside Arabic text (CRM, ERP, Gartner) follow the English rules
(see base.LanguageAnalyzer.stem_latin), so a Latin query matches in any language.
"""

from __future__ import annotations

from indexer.analyzers.base import LanguageAnalyzer, snowball_stemmer

stem = snowball_stemmer("arabic")


class ArabicAnalyzer(LanguageAnalyzer):
    """Arabic pages: default pipeline with the Arabic stemmer for Arabic-script words."""

    def stem_native(self, word: str) -> str:
        return stem(word)


ANALYZER = ArabicAnalyzer("ar")
