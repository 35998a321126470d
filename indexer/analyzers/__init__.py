"""Per-language text analyzers: ``get_analyzer(lang)`` loads ``indexer.analyzers.<lang>`` on demand.

A language is one module of this package defining ``ANALYZER`` (a
base.LanguageAnalyzer); adding a language means adding its module (and its
section of indexer/data/analysis.json), nothing else.
"""

from __future__ import annotations

import importlib
import pkgutil
import threading

from indexer.analyzers.base import LanguageAnalyzer

__all__ = ["LanguageAnalyzer", "UnknownLanguageError", "available_languages", "get_analyzer"]

# Modules of this package that are machinery, not languages (private "_x" modules are skipped too).
_NOT_LANGUAGES = frozenset({"base"})

_cache: dict[str, LanguageAnalyzer] = {}
_cache_lock = threading.Lock()


class UnknownLanguageError(ValueError):
    """Raised for a language code that names no analyzer module."""


def available_languages() -> list[str]:
    """Codes of the languages that have an analyzer module, sorted."""
    return sorted(
        module.name
        for module in pkgutil.iter_modules(__path__)
        if not module.ispkg and not module.name.startswith("_") and module.name not in _NOT_LANGUAGES
    )


def get_analyzer(lang: str) -> LanguageAnalyzer:
    """Return the (cached) analyzer of language ``lang``, importing its module on first use.

    Raises UnknownLanguageError for an unknown or malformed code.
    """
    analyzer = _cache.get(lang) if isinstance(lang, str) else None
    if analyzer is not None:
        return analyzer
    available = available_languages()
    if not isinstance(lang, str) or lang not in available:
        raise UnknownLanguageError(
            f"unknown language code {lang!r}: available languages are {', '.join(available)}"
        )
    with _cache_lock:
        if lang not in _cache:
            _cache[lang] = importlib.import_module(f"{__name__}.{lang}").ANALYZER
        return _cache[lang]
