"""Russian: ё→е folding, Russian stop words, Snowball Russian stemming (its declaration,
indexer/data/languages/ru.json, names the algorithm).

Latin words inside Russian text (CRM, ERP, Gartner) follow the English rules
(see base.LanguageAnalyzer.stem_latin), so a Latin query matches in any language.
"""

from __future__ import annotations

from indexer.analyzers.base import SnowballAnalyzer

ANALYZER = SnowballAnalyzer("ru")
stem = ANALYZER.stem_native
