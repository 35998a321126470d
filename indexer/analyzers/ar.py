"""Arabic: Arabic-script words stemmed by Snowball Arabic (which normalises diacritics, tatweel,
presentation forms and hamza itself), Arabic stop words; fold() only maps the Persian-keyboard
letters ی/ک and drops diacritics (its declaration, indexer/data/languages/ar.json).

Latin words inside Arabic text (CRM, ERP, Gartner) follow the English rules
(see base.LanguageAnalyzer.stem_latin), so a Latin query matches in any language.
"""

from __future__ import annotations

from indexer.analyzers.base import SnowballAnalyzer

ANALYZER = SnowballAnalyzer("ar")
stem = ANALYZER.stem_native
