"""The languages of the atlas, as each declares itself in indexer/data/analysis.json.

One declaration per language (source: indexer/data/languages/<code>.json, generated into
analysis.json by tools/build_analysis.py) gives its own name, direction, digits, the script
that identifies a query written in it and what a query word the pages never contained goes
through (`query_fallback`). The indexer, the command line, the site (language switcher, right-to-
left pages, figures' digits) and the browser (atlas-search.js reads the same file) all dispatch
on it; no code outside a language's analyzer module names a language.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from indexer.analyzers.base import analysis_data


class UnknownLanguageError(ValueError):
    """A language code that no declaration names."""


@dataclass(frozen=True)
class Language:
    code: str
    name: str                  # its own name (Русский), as the language switcher shows it
    english_name: str
    direction: str             # "ltr" or "rtl"
    digits: str                # the ten digits its pages write numbers with
    decimal_separator: str     # what a decimal point is written as with them
    query_fallback: str        # snowball:<algorithm> | prefixes | suffixes | segment
    script: re.Pattern | None  # a character of this class makes a query this language's
    detect_order: int | None
    page_rules: tuple[tuple[re.Pattern, str], ...] = ()   # (pattern, message): writing rules of its pages
    script_run: re.Pattern | None = None  # one or more characters of the script (in_script)

    @property
    def rtl(self) -> bool:
        return self.direction == "rtl"

    @property
    def fallback_kind(self) -> str:
        """The query fallback without its argument: snowball, prefixes, suffixes or segment."""
        return self.query_fallback.split(":", 1)[0]

    @property
    def segments(self) -> bool:
        """Written without spaces between words: a query run is segmented against the index's
        own vocabulary, and a matched term is highlighted where it occurs, not as a whole word."""
        return self.fallback_kind == "segment"

    def local_digits(self, text: str) -> str:
        """`text` with its ASCII digits written in this language's digits."""
        return text if self.digits == "0123456789" else text.translate(_digit_table(self.digits))

    def local_number(self, text: str) -> str:
        """A number (ASCII digits, "." as decimal point) as this language writes it."""
        return self.local_digits(text).replace(".", self.decimal_separator)

    def in_script(self, text: str) -> bool:
        """True when every character of `text` is of this language's script."""
        return self.script_run is not None and self.script_run.fullmatch(text) is not None


@cache
def _digit_table(digits: str) -> dict[int, int]:
    return str.maketrans("0123456789", digits)


@cache
def languages() -> dict[str, Language]:
    """Every declared language by code, in the order of analysis.json `languages`."""
    data = analysis_data()
    out = {}
    for code in data["languages"]:
        section = data[code]
        script = section.get("script")
        out[code] = Language(
            code=code,
            name=section["name"],
            english_name=section["english_name"],
            direction=section["direction"],
            digits=section["digits"],
            decimal_separator=section.get("decimal_separator", "."),
            query_fallback=section["query_fallback"],
            script=re.compile(f"[{script}]") if script else None,
            script_run=re.compile(f"[{script}]+") if script else None,
            detect_order=section.get("detect_order"),
            page_rules=tuple((re.compile(rule["pattern"]), rule["message"]) for rule in section.get("page_rules", [])),
        )
    return out


def language(code: str) -> Language:
    """The declaration of `code`; UnknownLanguageError names the known codes otherwise."""
    found = languages().get(code) if isinstance(code, str) else None
    if found is None:
        raise UnknownLanguageError(f"unknown language code {code!r}: declared languages are "
                                   f"{', '.join(languages())}")
    return found


@cache
def _detection_order() -> tuple[Language, ...]:
    declared = [lang for lang in languages().values() if lang.script is not None]
    return tuple(sorted(declared, key=lambda lang: (lang.detect_order, lang.code)))


def detect_language(text: str, default: str = "en") -> str:
    """A query's language by its script: the first language, by detect_order, whose script
    occurs in `text`; Latin (no declared script) gives `default`."""
    for lang in _detection_order():
        if lang.script and lang.script.search(text):
            return lang.code
    return default


def right_to_left() -> frozenset[str]:
    """Codes of the languages written right to left."""
    return frozenset(code for code, lang in languages().items() if lang.rtl)


def page_path(src_uri: str, lang: str) -> str:
    """A page's path inside its language's docs folder (docs/<lang>/...): zh/factors/x.md ->
    factors/x.md. The atlas plugin and the search plugin both name pages by it."""
    return src_uri[len(lang) + 1:] if src_uri.startswith(f"{lang}/") else src_uri
