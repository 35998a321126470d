"""Expand the atlas markers in a page's Markdown, in that page's language.

Authors write prose; everything that must be identical across languages (links between
factors, citations, the coverage matrix, theme lists) is generated here from the data files.

Markers:
  [@source-id] or [@a; @b]      citation, rendered as links to the source pages
  [[factor-id]]                 link to a factor page with its localized title
  <!-- atlas:related -->        the page's related factors (factor pages only)
  <!-- atlas:sources -->        the page's supporting sources (factor pages only)
  <!-- atlas:themes -->         all factors grouped by theme
  <!-- atlas:matrix -->         factor x source coverage table
  <!-- atlas:source-factors ID --> the factors that source ID supports
  <!-- atlas:figure NAME -->    a picture drawn from the data (atlas/figures.py)
  <!-- atlas:changelog -->      the changelog, from atlas/data/changelog.yml (atlas/freshness.py)

Vocabulary lines (no marker): on a factor page, after the first paragraph of #summary, the
factor's terms, phrases and questions from atlas/data/terminology/<lang>.yml ("Related terms: …"); in the
glossary, under each entry's heading, its variants. They are marked data-search-field="terms",
so the search indexes them as their own field (indexer/sections.py).
"""
from __future__ import annotations

import html
import posixpath
import re

from .figures import FigureError, render_figure
from .freshness import changelog_markdown
from .model import Atlas, AtlasDataError

CITATION = re.compile(r"\[@([a-z0-9-]+(?:\s*;\s*@[a-z0-9-]+)*)\]")
FACTOR_LINK = re.compile(r"\[\[([a-z0-9-]+)\]\](?!\()")
MARKER = re.compile(r"<!--\s*atlas:([a-z-]+)(?:\s+([a-z0-9-]+))?\s*-->")


class RenderError(ValueError):
    """A marker names something the data files do not know."""


def link(from_page: str, to_page: str) -> str:
    """Relative Markdown link target from one page path to another (both under docs/<lang>/)."""
    start = posixpath.dirname(from_page) or "."
    return posixpath.relpath(to_page, start)


def cited_ids(markdown: str) -> list[str]:
    ids: list[str] = []
    for match in CITATION.finditer(markdown):
        ids.extend(part.strip().lstrip("@") for part in match.group(1).split(";"))
    return ids


def linked_factors(markdown: str) -> list[str]:
    return FACTOR_LINK.findall(markdown)


def render_page(atlas: Atlas, lang: str, page_path: str, markdown: str) -> str:
    """Return the page's Markdown with every marker expanded for `lang`."""

    def source_link(sid: str) -> str:
        if sid not in atlas.sources:
            raise RenderError(f"unknown source id '{sid}'")
        return f"[{sid}]({link(page_path, f'sources/{sid}.md')}){{dir=ltr .cite}}"

    def factor_link(fid: str) -> str:
        if fid not in atlas.factors:
            raise RenderError(f"unknown factor id '{fid}'")
        return f"[{atlas.factors[fid].title(lang)}]({link(page_path, f'factors/{fid}.md')})"

    def citation(match: re.Match) -> str:
        ids = [part.strip().lstrip("@") for part in match.group(1).split(";")]
        return "[" + atlas.list_separator(lang).join(source_link(sid) for sid in ids) + "]"

    def bullet_factors(ids) -> str:
        return "\n".join(f"- {factor_link(fid)}" for fid in ids)

    def marker(match: re.Match) -> str:
        kind, arg = match.group(1), match.group(2)
        factor = atlas.factor_for_page(page_path)
        if kind in ("related", "sources") and factor is None:
            raise RenderError(f"<!-- atlas:{kind} --> is only valid on a factor page")
        if kind == "related":
            assert factor is not None   # checked above
            return bullet_factors(factor.related)
        if kind == "sources":
            assert factor is not None   # checked above
            return "\n".join(
                f"- {source_link(sid)} — {original_title(atlas, atlas.sources[sid])}" for sid in factor.sources)
        if kind == "themes":
            blocks = []
            for theme, titles in atlas.themes.items():
                ids = [f.id for f in atlas.factors_in_theme(theme)]
                blocks.append(f"**{titles[lang]}**\n\n{bullet_factors(ids)}")
            return "\n\n".join(blocks)
        if kind == "source-factors":
            if arg not in atlas.sources:
                raise RenderError(f"unknown source id '{arg}'")
            return bullet_factors(f.id for f in atlas.factors_citing(arg))
        if kind == "matrix":
            return coverage_table(atlas, lang, page_path, factor_link, source_link)
        if kind == "figure":
            try:
                return render_figure(atlas, lang, page_path, arg)
            except FigureError as exc:
                raise RenderError(str(exc)) from None
        if kind == "changelog":
            try:
                return changelog_markdown(atlas.languages, lang)
            except AtlasDataError as exc:
                raise RenderError(str(exc)) from None
        raise RenderError(f"unknown marker <!-- atlas:{kind} -->")

    markdown = MARKER.sub(marker, markdown)
    markdown = CITATION.sub(citation, markdown)
    markdown = add_vocabulary(atlas, lang, page_path, markdown)
    return FACTOR_LINK.sub(lambda m: factor_link(m.group(1)), markdown)


HEADING = re.compile(r"^##+ .*\{#([a-z0-9-]+)\}[ \t]*$", re.MULTILINE)


def vocabulary_line(label: str, words, quotes: str = "") -> str:
    """One labelled line of words; each word isolated (<bdi>) so that a Latin term in a
    right-to-left list, or the reverse, keeps its own direction."""
    opening, closing = (quotes[0], quotes[1]) if len(quotes) == 2 else ("", "")
    items = " · ".join(f"<bdi>{opening}{html.escape(word.strip())}{closing}</bdi>" for word in words)
    return (f'<p class="atlas-aka" data-search-field="terms"><span class="atlas-aka__label" '
            f'data-search-skip>{html.escape(label)}</span>{"" if label.endswith("：") else " "}{items}</p>')


def after_first_paragraph(markdown: str, anchor: str, block: str) -> str:
    """Insert `block` after the first paragraph under the heading with {#anchor}."""
    heading = re.search(r"^##+ .*\{#" + re.escape(anchor) + r"\}[ \t]*$", markdown, re.MULTILINE)
    if heading is None:
        return markdown
    body = re.search(r"\S.*?(?:\n[ \t]*\n|\Z)", markdown[heading.end():], re.DOTALL)
    if body is None:
        return markdown
    at = heading.end() + body.end()
    return markdown[:at].rstrip("\n") + "\n\n" + block + "\n\n" + markdown[at:].lstrip("\n")


def vocabulary_lines(table, entry: dict) -> str:
    """The terms, phrases and questions of a factor or page, one labelled line each."""
    lines = []
    if entry.get("terms"):
        lines.append(vocabulary_line(table.labels["terms"], entry["terms"]))
    if entry.get("phrases"):
        lines.append(vocabulary_line(table.labels["phrases"], entry["phrases"], table.labels.get("quotes", "")))
    if entry.get("questions"):
        lines.append(vocabulary_line(table.labels["questions"], entry["questions"]))
    return "\n\n".join(lines)


PROSE = re.compile(r"(?:\A|\n[ \t]*\n)([^\n#|<>\s-][^\n]*(?:\n[^\n]+)*)")


def after_first_prose(markdown: str, block: str) -> str:
    """Insert `block` after the page's first paragraph of prose (not a heading, table, list,
    quote or marker), where a page's introduction ends."""
    match = PROSE.search(markdown)
    if match is None:
        return markdown
    at = match.end()
    return markdown[:at].rstrip("\n") + "\n\n" + block + "\n\n" + markdown[at:].lstrip("\n")


def add_vocabulary(atlas: Atlas, lang: str, page_path: str, markdown: str) -> str:
    table = atlas.terminology.get(lang)
    if table is None:
        return markdown
    factor = atlas.factor_for_page(page_path)
    if factor is not None and factor.id in table.factors:
        lines = vocabulary_lines(table, table.factors[factor.id] or {})
        if lines:
            markdown = after_first_paragraph(markdown, "summary", lines)
    elif page_path in table.pages:
        lines = vocabulary_lines(table, table.pages[page_path] or {})
        if lines:
            markdown = after_first_prose(markdown, lines)
    if page_path == "glossary.md" and table.glossary:
        def with_variants(match: re.Match) -> str:
            variants = (table.glossary.get(match.group(1)) or {}).get("variants")
            if not variants:
                return match.group(0)
            return match.group(0) + "\n\n" + vocabulary_line(table.labels["variants"], variants)
        markdown = HEADING.sub(with_variants, markdown)
    return markdown


def original_title(atlas: Atlas, source: dict) -> str:
    """A source's title in its own language and direction, kept whole inside any page."""
    direction = "rtl" if source["language"] in atlas.right_to_left else "ltr"
    return f'<span lang="{source["language"]}" dir="{direction}">{source["title"]}</span>'


def coverage_table(atlas, lang, page_path, factor_link, source_link) -> str:
    source_ids = list(atlas.sources)
    rows = ["| | " + " | ".join(source_link(s) for s in source_ids) + " |",
            "|---|" + "|".join(":-:" for _ in source_ids) + "|"]
    for factor in atlas.factors.values():
        marks = ["●" if s in factor.sources else "" for s in source_ids]
        rows.append(f"| {factor_link(factor.id)} | " + " | ".join(marks) + " |")
    return "\n".join(rows)
