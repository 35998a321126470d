"""Redirect pages for renamed pages (atlas/data/redirects.yml), written into every language.

A trainer's link must keep working after a page is renamed: the old address gets a small page
that sends the reader on (meta refresh), names the new address as canonical, and links to it
for readers and tools that do not follow refreshes.
"""
from __future__ import annotations

import html
from pathlib import Path

import yaml

from indexer.languages import language

from .figures import page_url
from .model import DATA_DIR, AtlasDataError



def load_redirects(atlas, path: Path | None = None) -> dict:
    """Read and check the redirects: {old page path: (new page path, anchor or '')}."""
    path = path or DATA_DIR / "redirects.yml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise AtlasDataError(f"{path}: cannot read: {exc}") from None
    entries = raw.get("redirects") or {}
    if not isinstance(entries, dict):
        raise AtlasDataError(f"{path}: `redirects` must map old paths to new paths")
    checked = {}
    for old, new in entries.items():
        target, _, anchor = str(new).partition("#")
        where = f"{path.name}: redirect '{old}' -> '{new}'"
        if not str(old).endswith(".md") or not target.endswith(".md"):
            raise AtlasDataError(f"{where}: both sides must be page paths ending in .md")
        if old in atlas.pages:
            raise AtlasDataError(f"{where}: '{old}' is still a page; a redirect would hide it")
        if target not in atlas.pages:
            raise AtlasDataError(f"{where}: the target is not a page of atlas/data/pages.yml")
        if anchor and anchor not in atlas.pages[target]:
            raise AtlasDataError(f"{where}: '{anchor}' is not a section anchor of {target}")
        checked[old] = (target, anchor)
    return checked


def redirect_page(lang: str, old: str, target: str, anchor: str, site_url: str, title: str) -> str:
    """The HTML written at /<lang>/<old url>/ pointing at /<lang>/<new url>/."""
    depth = page_url(old).count("/") + 1            # <lang>/<old url>/ -> back to the site root
    relative = "../" * depth + f"{lang}/{page_url(target)}" + (f"#{anchor}" if anchor else "")
    absolute = f"{site_url.rstrip('/')}/{lang}/{page_url(target)}" + (f"#{anchor}" if anchor else "")
    title = html.escape(title)
    rel, canon = html.escape(relative), html.escape(absolute)
    direction = language(lang).direction
    return ("<!doctype html>\n"
            f'<html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">'
            f'<title>{title}</title>'
            f'<meta http-equiv="refresh" content="0; url={rel}">'
            f'<link rel="canonical" href="{canon}">'
            '<meta name="robots" content="noindex">'
            f'</head><body><p>{title}: <a href="{rel}">{canon}</a></p></body></html>\n')


def write_redirects(site_dir: Path, languages, redirects: dict, site_url: str, titles: dict) -> list[Path]:
    """Write every moved page's redirect in every language; `titles` is each language's title of
    a redirect page (site.yml page_moved)."""
    written = []
    for lang in languages:
        for old, (target, anchor) in redirects.items():
            out = Path(site_dir) / lang / page_url(old) / "index.html"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(redirect_page(lang, old, target, anchor, site_url, titles[lang]), encoding="utf-8")
            written.append(out)
    return written
