""""Cite this page": one page's citation as text in its language, BibTeX, CSL-JSON and RIS, with
its stable address and its last-updated date; and the reuse strings of atlas/data/reuse.yml
(the licence notice of the footer, the labels of the citation box).

The citations are written at build time into every page (overrides/partials/cite.html);
docs/assets/javascripts/cite.js only copies them. Machine formats carry Gregorian dates;
the text citation writes the date as the page's language does (atlas/freshness.py).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .freshness import date_style, format_date, load_changelog
from .model import DATA_DIR, AtlasDataError, data_cache

LICENCE_KEYS = ("before", "link", "after", "about", "deed")
CITE_KEYS = ("summary", "note", "text", "copy", "copy_as", "copy_text", "copied", "failed")
CITATION_STYLES = ("page", "site")
CITATION_FIELDS = ("title", "site", "edition", "date", "iso", "dotted", "url")
FORMATS = ("text", "bibtex", "csl-json", "ris")
FORMAT_NAMES = {"bibtex": "BibTeX", "csl-json": "CSL-JSON", "ris": "RIS"}


@data_cache
def load_reuse_strings(path: Path = DATA_DIR / "reuse.yml") -> dict:
    """lang -> that language's entry of atlas/data/reuse.yml, checked for every key the
    templates and the citations use; a missing key is named with the file and language."""
    try:
        raw = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("languages") or {}
    except (OSError, yaml.YAMLError) as exc:
        raise AtlasDataError(f"{path}: cannot read: {exc}") from None
    for lang, entry in raw.items():
        where = f"{path}: {lang}"
        entry = entry if isinstance(entry, dict) else {}
        for group, keys in (("licence", LICENCE_KEYS), ("cite", CITE_KEYS), ("citation", CITATION_STYLES)):
            values = found if isinstance(found := entry.get(group), dict) else {}
            missing = [key for key in keys if not isinstance(values.get(key), str) or not values[key]]
            if missing:
                raise AtlasDataError(f"{where}: {group} needs {', '.join(missing)}")
        for key in ("edition", "published_in", "authors", "bibtex_language", "built_with"):
            if not isinstance(entry.get(key), str) or not entry[key]:
                raise AtlasDataError(f"{where}: {key} is missing")
        if "{link}" not in entry["built_with"]:
            raise AtlasDataError(f"{where}: built_with must contain {{link}}")
        for style in CITATION_STYLES:
            unknown = set(re.findall(r"\{(\w+)\}", entry["citation"][style])) - set(CITATION_FIELDS)
            if unknown:
                raise AtlasDataError(f"{where}: citation {style} uses unknown field(s) {', '.join(sorted(unknown))}"
                                     f" (known: {', '.join(CITATION_FIELDS)})")
        if "{format}" not in entry["cite"]["copy_as"]:
            raise AtlasDataError(f"{where}: cite copy_as must contain {{format}}")
        quotes = entry.get("nested_quotes") or {}
        if not isinstance(quotes, dict) or not all(len(k) == 1 and isinstance(v, str) for k, v in quotes.items()):
            raise AtlasDataError(f"{where}: nested_quotes maps one quotation mark to another")
    return raw


def check_reuse_data(languages) -> None:
    """Read the licence, citation, date and changelog data for every language, so that a build
    stops before its first page with the file and entry at fault (AtlasDataError)."""
    for lang in languages:
        reuse_strings(lang)
        date_style(lang)
    load_changelog(tuple(languages))


def reuse_strings(lang: str) -> dict:
    strings = load_reuse_strings()
    if lang not in strings:
        raise AtlasDataError(f"{DATA_DIR / 'reuse.yml'}: no entry for language '{lang}'")
    return strings[lang]


@dataclass(frozen=True)
class Citation:
    """What a citation of one page says, before it is written in any format."""
    lang: str
    path: str          # the page's address under its language, e.g. "factors/data-quality/" ("" for home)
    title: str         # the page's title in its language
    site: str          # the atlas's name in that language
    url: str           # the stable absolute (or site-root) address
    updated: dt.date   # the page's last-updated day

    @property
    def is_home(self) -> bool:
        return self.path.strip("/") == ""

    @property
    def key(self) -> str:
        """A citation key that says what it is: crm-failure-atlas-fa-factors-data-quality."""
        slug = re.sub(r"[^a-z0-9]+", "-", f"{self.lang}/{self.path}".lower()).strip("-")
        return f"crm-failure-atlas-{slug}"


def as_text(citation: Citation) -> str:
    strings = reuse_strings(citation.lang)
    pattern = strings["citation"]["site" if citation.is_home else "page"]
    day = citation.updated
    title = citation.title.translate(str.maketrans(strings.get("nested_quotes") or {}))
    return pattern.format(title=title, site=citation.site, edition=strings["edition"],
                          date=format_date(day, citation.lang), iso=day.isoformat(),
                          dotted=day.strftime("%d.%m.%Y"), url=citation.url)


BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%",
                  "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def bibtex_escape(text: str) -> str:
    return "".join(BIBTEX_SPECIAL.get(ch, ch) for ch in text)


def as_bibtex(citation: Citation) -> str:
    """A @misc entry (BibTeX and biblatex both read it). The title and the collective author
    are braced so that no style changes their case or splits the author into names."""
    strings = reuse_strings(citation.lang)
    day = citation.updated
    title = citation.site if citation.is_home else citation.title
    fields = [
        ("author", "{" + bibtex_escape(strings["authors"]) + "}"),
        ("title", "{" + bibtex_escape(title) + "}"),
        ("howpublished", bibtex_escape(strings["published_in"].format(site=citation.site, edition=strings["edition"]))),
        ("year", str(day.year)),
        ("month", MONTH_MACROS[day.month - 1]),
        ("date", day.isoformat()),
        ("url", citation.url),
        ("language", strings["bibtex_language"]),
    ]
    width = max(len(name) for name, _ in fields)
    # month is BibTeX's macro (nov), unbraced, so that every style prints its own month name.
    body = ",\n".join(f"  {name.ljust(width)} = {value if name == 'month' else '{' + value + '}'}"
                      for name, value in fields)
    return f"@misc{{{citation.key},\n{body}\n}}"


def as_csl_json(citation: Citation) -> str:
    """One CSL-JSON item (in a list, as Zotero, Pandoc and citeproc read files of them)."""
    strings = reuse_strings(citation.lang)
    day = citation.updated
    item = {
        "id": citation.key,
        "type": "webpage",
        "title": citation.site if citation.is_home else citation.title,
        "container-title": citation.site,
        "author": [{"literal": strings["authors"]}],
        "genre": strings["edition"],
        "issued": {"date-parts": [[day.year, day.month, day.day]]},
        "URL": citation.url,
        "language": citation.lang,
    }
    # One field a line, each value on its line (a date-parts array spread over nine lines
    # would bury the fields a reader checks).
    fields = ",\n".join(f"    {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}" for key, value in item.items())
    return "[\n  {\n" + fields + "\n  }\n]"


def as_ris(citation: Citation) -> str:
    """An RIS record of type ELEC (web page), as reference managers import it."""
    strings = reuse_strings(citation.lang)
    day = citation.updated
    lines = [
        ("TY", "ELEC"),
        ("AU", strings["authors"] + ","),   # a trailing comma: a corporate author, not "First Last"
        ("TI", citation.site if citation.is_home else citation.title),
        ("T2", citation.site),
        ("ET", strings["edition"]),
        ("PY", str(day.year)),
        ("DA", day.strftime("%Y/%m/%d")),
        ("UR", citation.url),
        ("LA", citation.lang),
        ("ER", ""),
    ]
    # RIS has no escaping: a line break inside a value would start a new tag.
    return "\n".join(f"{tag}  - {' '.join(value.split())}" for tag, value in lines)


def citations(citation: Citation) -> dict:
    """format -> the citation written in it, in the order the page shows them."""
    return {"text": as_text(citation), "bibtex": as_bibtex(citation),
            "csl-json": as_csl_json(citation), "ris": as_ris(citation)}


def cite_context(citation: Citation) -> dict:
    """What the "Cite this page" box shows (overrides/partials/cite.html): its labels and each
    format's name, citation and copy-button name."""
    strings = reuse_strings(citation.lang)["cite"]
    formats = []
    for format_id, value in citations(citation).items():
        name = strings["text"] if format_id == "text" else FORMAT_NAMES[format_id]
        copy_as = strings["copy_text"] if format_id == "text" else strings["copy_as"].format(format=name)
        formats.append({"id": format_id, "name": name, "value": value, "copy_as": copy_as})
    return {"strings": strings, "formats": formats}


def page_address(src_uri: str) -> str:
    """The page's published address under the site root, from its Markdown file:
    en/factors/data-quality.md -> en/factors/data-quality/, en/index.md -> en/. The same
    whether this build writes directory URLs or not (the offline edition writes .html files
    but cites the published pages)."""
    path = src_uri[:-len(".md")] if src_uri.endswith(".md") else src_uri
    if path == "index" or path.endswith("/index"):
        path = path[:-len("index")]
    return path if path == "" or path.endswith("/") else path + "/"


def stable_url(site_url: str | None, address: str) -> str:
    """The page's address from the configured site_url (a site-root address without one)."""
    base = (site_url or "/").rstrip("/") + "/"
    return base + address.lstrip("/")
