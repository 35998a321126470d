"""What a page says about itself to link previews and search engines, in its own language:
the description (from the page's summary), OpenGraph and Twitter card tags, the canonical
address and absolute hreflang alternates with x-default; and the strings of the 404 pages.
The per-language values are data (atlas/data/site.yml); overrides/main.html renders them."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .model import DATA_DIR, AtlasDataError

SITE_FILE = DATA_DIR / "site.yml"
NOT_FOUND_KEYS = ("title", "text", "home", "factors", "search")
LOCALE = re.compile(r"^[a-z]{2,3}_[A-Z]{2}$")
# Link previews and search engines cut descriptions at about 160 Latin characters' width; a
# Han character is as wide as two, so it counts twice (east_asian_width W or F).
DESCRIPTION_LIMIT = 160
SUMMARY_ANCHOR = "summary"


@dataclass(frozen=True)
class SiteStrings:
    default_language: str
    locales: dict        # language -> og:locale (en_GB)
    descriptions: dict   # language -> the site's description, for pages without a paragraph
    not_found: dict      # language -> {title, text, home, factors, search}
    page_moved: dict     # language -> the title of a moved page's redirect (atlas/redirects.py)


def load_site_strings(languages, path: Path | None = None) -> SiteStrings:
    """Read atlas/data/site.yml and check that every language has every string."""
    path = path or SITE_FILE
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise AtlasDataError(f"{path}: cannot read: {exc}") from None
    entries = raw.get("languages")
    if not isinstance(entries, dict):
        raise AtlasDataError(f"{path}: `languages` must map each language code to its strings")
    default = raw.get("default_language")
    if not isinstance(default, str) or default not in languages:
        raise AtlasDataError(f"{path}: default_language '{default}' is not one of {', '.join(languages)}")
    locales, descriptions, not_found, page_moved = {}, {}, {}, {}
    for lang in languages:
        entry = entries.get(lang)
        if not isinstance(entry, dict):
            raise AtlasDataError(f"{path}: no strings for language '{lang}'")
        locale = entry.get("locale")
        if not isinstance(locale, str) or not LOCALE.match(locale):
            raise AtlasDataError(f"{path}: {lang}.locale must look like en_GB (language_TERRITORY), not {locale!r}")
        description = entry.get("description")
        if not isinstance(description, str) or not description.strip():
            raise AtlasDataError(f"{path}: {lang}.description is missing")
        strings = entry.get("not_found") or {}
        missing = [key for key in NOT_FOUND_KEYS if not isinstance(strings.get(key), str) or not strings[key].strip()]
        if missing:
            raise AtlasDataError(f"{path}: {lang}.not_found is missing {', '.join(missing)}")
        moved = entry.get("page_moved")
        if not isinstance(moved, str) or not moved.strip():
            raise AtlasDataError(f"{path}: {lang}.page_moved is missing")
        locales[lang], descriptions[lang], page_moved[lang] = locale, description.strip(), moved.strip()
        not_found[lang] = {key: strings[key].strip() for key in NOT_FOUND_KEYS}
    unknown = sorted(set(entries) - set(languages))
    if unknown:
        raise AtlasDataError(f"{path}: unknown language(s) {', '.join(unknown)} (factors.yml lists the languages)")
    return SiteStrings(default, locales, descriptions, not_found, page_moved)


# --- the description -------------------------------------------------------------------------

CITE_MARK = "\x00"
# A citation as atlas/render.py writes it: [source, source] around links of class "cite".
CITATION_GROUP = re.compile(r"\s*\[[^\[\]]*" + CITE_MARK + r"[^\[\]]*\]")
SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,;:!?،؛؟。，；：！？、])")
SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|(?<=[。！？])")
# Whole elements whose text is not prose of the paragraph.
SKIPPED = {"sup", "script", "style", "button", "svg"}
VOID = {"br", "img", "hr", "wbr", "input", "meta", "link", "source", "col", "area", "base", "embed", "track"}


class _Paragraphs(HTMLParser):
    """The page's top-level paragraphs (not inside a list, table, admonition, …) as text, each
    with whether it comes after the summary heading; a citation link's text becomes CITE_MARK."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0              # open elements
        self.paragraph = None       # text parts of the top-level <p> being read
        self.plain = False          # that <p> has no class (not a "Related terms" line)
        self.skip_depth = None      # inside an element whose text is left out
        self.in_cite = False
        self.after_summary = False
        self.found = []             # (after_summary, text)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in VOID:
            return
        self.depth += 1
        if self.depth == 1 and tag in ("h1", "h2", "h3") and attributes.get("id"):
            self.after_summary = attributes["id"] == SUMMARY_ANCHOR or (self.after_summary and tag == "h3")
        if self.depth == 1 and tag == "p":
            self.paragraph, self.plain = [], not attributes.get("class")
        elif self.paragraph is not None and self.skip_depth is None:
            classes = (attributes.get("class") or "").split()
            if tag in SKIPPED or "headerlink" in classes or "footnote-ref" in classes:
                self.skip_depth = self.depth
            elif tag == "a" and "cite" in classes:
                self.in_cite = True
                self.paragraph.append(CITE_MARK)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.skip_depth == self.depth:
            self.skip_depth = None
        if tag == "a":
            self.in_cite = False
        if self.depth == 1 and tag == "p" and self.paragraph is not None:
            if self.plain:
                self.found.append((self.after_summary, "".join(self.paragraph)))
            self.paragraph = None
        self.depth = max(0, self.depth - 1)

    def handle_data(self, data):
        if self.paragraph is not None and self.skip_depth is None and not self.in_cite:
            self.paragraph.append(data)


def plain_text(text: str) -> str:
    """A paragraph's text without its citations, on one line."""
    text = CITATION_GROUP.sub("", text).replace(CITE_MARK, "")
    text = " ".join(text.split())
    return SPACE_BEFORE_PUNCTUATION.sub(r"\1", text)


def width(text: str) -> int:
    """Display width in Latin characters: wide (Han, kana, full-width) characters count two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def shorten(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """At most `limit` wide (see width): whole sentences when the first fits, else cut at a
    word (or, in text without spaces, at any character) with an ellipsis."""
    if width(text) <= limit:
        return text
    kept = ""
    for sentence in SENTENCE_END.split(text):
        # Sentences ending in a full-width stop follow each other without a space.
        joined = kept + sentence if not kept or kept.endswith(("。", "！", "？")) else f"{kept} {sentence}"
        if width(joined) > limit:
            break
        kept = joined
    if kept:
        return kept
    cut, used = "", 1                          # the ellipsis
    for char in text:
        used += width(char)
        if used > limit:
            break
        cut += char
    space = cut.rfind(" ")
    if space > len(cut) // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:،؛，、；：") + "…"


def page_description(html: str, limit: int = DESCRIPTION_LIMIT) -> str | None:
    """The description of a rendered page: the first paragraph of its summary (#summary) if it
    has one, else its first paragraph; as plain text without citations, shortened. None when
    the page has no paragraph."""
    parser = _Paragraphs()
    parser.feed(html)
    parser.close()
    candidates = [text for after_summary, text in parser.found if after_summary] + \
                 [text for _, text in parser.found]
    for text in candidates:
        text = plain_text(text)
        if text:
            # A paragraph that introduces a list ends in a colon: the description stops there.
            if text.endswith((":", "：")):
                text = text[:-1].rstrip() + "…"
            return shorten(text, limit)
    return None


# --- the tags ----------------------------------------------------------------------------------

def absolute(site_url: str | None, path: str) -> str | None:
    """`path` (relative to the site root, e.g. fa/factors/x/) under the configured site_url."""
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def head_metadata(strings: SiteStrings, *, lang: str, languages, url_tail: str, title: str,
                  description: str, site_url: str | None, is_homepage: bool) -> dict:
    """What overrides/main.html writes into a page's <head>. `url_tail` is the page's address
    below its language folder (factors/data-quality/, or '' for the language's start page)."""
    alternates = []
    if site_url:
        alternates = [{"hreflang": code, "href": absolute(site_url, f"{code}/{url_tail}")} for code in languages]
        alternates.append({"hreflang": "x-default",
                           "href": absolute(site_url, f"{strings.default_language}/{url_tail}")})
    return {
        "description": description,
        "title": title,
        "canonical": absolute(site_url, f"{lang}/{url_tail}"),
        "type": "website" if is_homepage else "article",
        "locale": strings.locales[lang],
        "locale_alternates": [strings.locales[code] for code in languages if code != lang],
        "alternates": alternates,
        "robots": None,
    }


def not_found_metadata(strings: SiteStrings, lang: str) -> dict:
    """The 404 page's <head>: its language's description, no address of its own, not indexed."""
    return {"description": strings.descriptions[lang], "title": strings.not_found[lang]["title"],
            "canonical": None, "type": None, "locale": strings.locales[lang], "locale_alternates": [],
            "alternates": [], "robots": "noindex"}


def site_root_path(site_url: str | None) -> str:
    """The path the site is configured to live under (/ or /atlas/)."""
    path = urlsplit(site_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"
