"""Split a rendered page into searchable sections.

A page's article HTML (what MkDocs renders from the Markdown, without navigation, header,
footer or skip links) is cut at level-2 and level-3 headings. Each section keeps the anchor
of its heading, so a search result links straight to it.

An element marked `data-search-field="terms"` (the curated vocabulary the atlas plugin renders
as "Related terms") goes to the section's `terms` field instead of its text, so it is ranked
with its own weight; an element marked `data-search-skip` (such a line's label) is not indexed.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from html.parser import HTMLParser

SPLIT_LEVELS = {"h2", "h3"}
SKIP_TAGS = {"script", "style", "template", "svg", "nav", "button"}
BLOCK_TAGS = {"p", "li", "td", "th", "tr", "div", "h1", "h2", "h3", "h4", "h5", "h6",
              "blockquote", "pre", "dd", "dt", "br", "table", "ul", "ol", "section", "figure", "figcaption"}
VOID_TAGS = {"br", "img", "hr", "input", "meta", "link", "wbr", "source"}
SPACES = re.compile(r"[ \t\r\f\v]+")
BLANK_LINES = re.compile(r"\s*\n\s*")


@dataclass(frozen=True)
class Section:
    """One search document: a titled, anchored part of a page in one language."""
    lang: str
    page: str            # language-independent page path, e.g. "factors/data-quality"
    url: str             # site-relative URL with anchor, e.g. "fa/factors/data-quality/#summary"
    anchor: str          # "" for the part before the first heading
    page_title: str
    section_title: str
    text: str
    terms: str = ""      # curated vocabulary shown in the section (data-search-field="terms")
    kind: str = ""       # the page's kind (page meta `kind`), for the ranking's page prior

    def as_dict(self) -> dict:
        return asdict(self)


class _ArticleParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[dict] = [{"anchor": "", "title": [], "text": [], "terms": []}]
        self.page_title: list[str] = []
        self.skip_depth = 0
        self.terms_depth = 0     # >0 inside an element marked data-search-field="terms"
        self.heading: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if (self.skip_depth or tag in SKIP_TAGS or "headerlink" in (attributes.get("class") or "")
                or "data-search-skip" in attributes):
            # Permalink markers ("#", "¶") are chrome, not content.
            if tag not in VOID_TAGS:
                self.skip_depth += 1
            return
        if self.terms_depth and tag not in VOID_TAGS:
            self.terms_depth += 1
        elif attributes.get("data-search-field") == "terms":
            self.terms_depth = 1
        if tag in SPLIT_LEVELS:
            self.parts.append({"anchor": attributes.get("id") or "", "title": [], "text": [], "terms": []})
            self.heading = tag
        elif tag == "h1":
            self.heading = tag
        if tag in BLOCK_TAGS:
            self._emit("\n")

    def handle_endtag(self, tag):
        if self.skip_depth:
            if tag not in VOID_TAGS:
                self.skip_depth -= 1
            return
        if self.terms_depth:
            self.terms_depth -= 1
        if tag == self.heading:
            self.heading = None
        if tag in BLOCK_TAGS:
            self._emit("\n")

    def handle_data(self, data):
        if not self.skip_depth:
            self._emit(data)

    def _emit(self, data):
        if self.terms_depth:
            self.parts[-1]["terms"].append(data)
        elif self.heading == "h1":
            self.page_title.append(data)
        elif self.heading in SPLIT_LEVELS:
            self.parts[-1]["title"].append(data)
        else:
            self.parts[-1]["text"].append(data)


def clean(text: str) -> str:
    return BLANK_LINES.sub("\n", SPACES.sub(" ", text)).strip()


def split_sections(html: str, *, lang: str, page: str, url: str, fallback_title: str = "",
                   kind: str = "") -> list[Section]:
    """Cut one page's article HTML into sections; empty sections are dropped."""
    parser = _ArticleParser()
    parser.feed(html)
    parser.close()
    page_title = clean("".join(parser.page_title)).replace("\n", " ") or fallback_title
    sections = []
    for part in parser.parts:
        title = clean("".join(part["title"])).replace("\n", " ")
        text = clean("".join(part["text"]))
        terms = clean("".join(part["terms"]))
        if not text and not title and not terms:
            continue
        anchor = part["anchor"]
        sections.append(Section(
            lang=lang, page=page, url=f"{url}#{anchor}" if anchor else url, anchor=anchor,
            page_title=page_title, section_title=title or page_title, text=text, terms=terms, kind=kind))
    return sections
