"""Split a rendered page into searchable sections.

A page's article HTML (what MkDocs renders from the Markdown, without navigation, header,
footer or skip links) is cut at level-2 and level-3 headings. Each section keeps the anchor
of its heading, so a search result links straight to it.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from html.parser import HTMLParser

SPLIT_LEVELS = {"h2", "h3"}
SKIP_TAGS = {"script", "style", "template", "svg", "nav", "button"}
BLOCK_TAGS = {"p", "li", "td", "th", "tr", "div", "h1", "h2", "h3", "h4", "h5", "h6",
              "blockquote", "pre", "dd", "dt", "br", "table", "ul", "ol", "section", "figure", "figcaption"}
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

    def as_dict(self) -> dict:
        return asdict(self)


class _ArticleParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[dict] = [{"anchor": "", "title": [], "text": []}]
        self.page_title: list[str] = []
        self.skip_depth = 0
        self.heading: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self.skip_depth or tag in SKIP_TAGS or "headerlink" in (attributes.get("class") or ""):
            # Permalink markers ("#", "¶") are chrome, not content.
            if tag not in ("br", "img", "hr", "input"):
                self.skip_depth += 1
            return
        if tag in SPLIT_LEVELS:
            self.parts.append({"anchor": attributes.get("id") or "", "title": [], "text": []})
            self.heading = tag
        elif tag == "h1":
            self.heading = tag
        if tag in BLOCK_TAGS:
            self._emit("\n")

    def handle_endtag(self, tag):
        if self.skip_depth:
            if tag not in ("br", "img", "hr", "input"):
                self.skip_depth -= 1
            return
        if tag == self.heading:
            self.heading = None
        if tag in BLOCK_TAGS:
            self._emit("\n")

    def handle_data(self, data):
        if not self.skip_depth:
            self._emit(data)

    def _emit(self, data):
        if self.heading == "h1":
            self.page_title.append(data)
        elif self.heading in SPLIT_LEVELS:
            self.parts[-1]["title"].append(data)
        else:
            self.parts[-1]["text"].append(data)


def clean(text: str) -> str:
    return BLANK_LINES.sub("\n", SPACES.sub(" ", text)).strip()


def split_sections(html: str, *, lang: str, page: str, url: str, fallback_title: str = "") -> list[Section]:
    """Cut one page's article HTML into sections; empty sections are dropped."""
    parser = _ArticleParser()
    parser.feed(html)
    parser.close()
    page_title = clean("".join(parser.page_title)).replace("\n", " ") or fallback_title
    sections = []
    for part in parser.parts:
        title = clean("".join(part["title"])).replace("\n", " ")
        text = clean("".join(part["text"]))
        if not text and not title:
            continue
        anchor = part["anchor"]
        sections.append(Section(
            lang=lang, page=page, url=f"{url}#{anchor}" if anchor else url, anchor=anchor,
            page_title=page_title, section_title=title or page_title, text=text))
    return sections
