"""Content checks that fail the build: page parity, anchors, links, citations, factor graph.

Run by the MkDocs plugin before every build and by `python -m atlas.check DOCS_DIR`.
Every problem names the offending file so an author can fix it without reading code.
"""
from __future__ import annotations

import posixpath
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .model import Atlas, load_atlas
from .render import FACTOR_LINK, MARKER, cited_ids, linked_factors

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$", re.MULTILINE)
EXPLICIT_ID = re.compile(r"\{[^}]*#([A-Za-z0-9_-]+)[^}]*\}\s*$")
MD_LINK = re.compile(r"\]\(([^)\s]+?)\)")
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
ARABIC_LETTERS = re.compile(r"[\u064A\u0643]")          # ي ك: Arabic forms, Persian uses ی ک
HALF_WIDTH_AFTER_HAN = re.compile(r"[\u4e00-\u9fff][,;:?!()]")


@dataclass(frozen=True)
class Problem:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def strip_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            return text[end + 4:]
    return text


def heading_anchors(markdown: str) -> tuple[list[str], list[str]]:
    """Explicit anchors of level-2+ headings, and the headings that lack one."""
    body = FENCE.sub("", markdown)
    anchors, bare = [], []
    for hashes, text in HEADING.findall(body):
        if len(hashes) == 1:
            continue
        found = EXPLICIT_ID.search(text)
        if found:
            anchors.append(found.group(1))
        else:
            bare.append(text)
    return anchors, bare


def check_docs(docs_dir: Path, atlas: Atlas | None = None) -> list[Problem]:
    """Return every problem found under docs_dir (empty list: the content is consistent)."""
    atlas = atlas or load_atlas()
    problems: list[Problem] = []
    docs_dir = Path(docs_dir)
    for lang in atlas.languages:
        lang_dir = docs_dir / lang
        present = {p.relative_to(lang_dir).as_posix() for p in lang_dir.rglob("*.md")} if lang_dir.is_dir() else set()
        for page in sorted(set(atlas.pages) - present):
            problems.append(Problem(f"docs/{lang}/{page}", "missing translation (page exists in the inventory atlas/data/pages.yml)"))
        for page in sorted(present - set(atlas.pages)):
            problems.append(Problem(f"docs/{lang}/{page}", "page is not in the inventory atlas/data/pages.yml; add it there and in every language"))
        for page in sorted(present & set(atlas.pages)):
            problems.extend(check_page(atlas, lang, page, lang_dir / page))
    return problems


def check_page(atlas: Atlas, lang: str, page: str, path: Path) -> list[Problem]:
    where = f"docs/{lang}/{page}"
    try:
        text = strip_front_matter(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        return [Problem(where, f"cannot read page: {exc}")]
    problems = []
    if not re.search(r"^#\s+\S", text, re.MULTILINE):
        problems.append(Problem(where, "page has no level-1 title"))
    anchors, bare = heading_anchors(text)
    for heading in bare:
        problems.append(Problem(where, f"heading '{heading}' has no explicit anchor {{#id}}; links to it would differ between languages"))
    expected = list(atlas.pages[page])
    if anchors != expected:
        problems.append(Problem(where, f"section anchors {anchors} differ from the inventory {expected}"))
    for sid in cited_ids(text):
        if sid not in atlas.sources:
            problems.append(Problem(where, f"citation [@{sid}] names an unknown source id"))
    for fid in linked_factors(text):
        if fid not in atlas.factors:
            problems.append(Problem(where, f"factor link [[{fid}]] names an unknown factor"))
    for kind, _arg in MARKER.findall(text):
        if kind in ("related", "sources") and atlas.factor_for_page(page) is None:
            problems.append(Problem(where, f"<!-- atlas:{kind} --> only belongs on a factor page"))
    factor = atlas.factor_for_page(page)
    if factor is not None:
        title = re.search(r"^#\s+(.+?)\s*$", text, re.MULTILINE)
        # Non-breaking spaces are typography (Russian editors bind short words), not a new title.
        if title and re.sub(r"[\u00a0\u202f]", " ", title.group(1)) != factor.title(lang):
            problems.append(Problem(where, f"title '{title.group(1)}' differs from the factor's {lang} title in atlas/data/factors.yml ('{factor.title(lang)}')"))
        for kind in ("related", "sources"):
            if f"<!-- atlas:{kind} -->" not in text:
                problems.append(Problem(where, f"factor page lacks <!-- atlas:{kind} -->; the factor graph must be rendered from atlas/data/factors.yml"))
        if not cited_ids(text):
            problems.append(Problem(where, "factor page cites no source ([@source-id])"))
    for target in MD_LINK.findall(FENCE.sub("", text)):
        problems.extend(check_link(atlas, where, page, target))
    if lang == "fa" and ARABIC_LETTERS.search(text):
        problems.append(Problem(where, "Arabic letters ي/ك found; Persian text uses ی/ک"))
    if lang == "zh":
        for match in HALF_WIDTH_AFTER_HAN.finditer(text):
            problems.append(Problem(where, f"half-width punctuation after Chinese text: '{match.group(0)}'; use full-width"))
            break
    return problems


def check_link(atlas: Atlas, where: str, page: str, target: str) -> list[Problem]:
    if re.match(r"^[a-z][a-z0-9+.-]*:", target):
        return []
    path, _, anchor = target.partition("#")
    if not path:
        resolved = page
    elif not path.endswith(".md"):
        return []
    else:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if resolved not in atlas.pages:
        return [Problem(where, f"link '{target}' points to no page")]
    if anchor and anchor not in atlas.pages[resolved]:
        return [Problem(where, f"link '{target}' points to no section of {resolved}")]
    return []


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    docs = Path(argv[0] if argv else "docs")
    problems = check_docs(docs)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(problems)} problem(s) in {docs}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
