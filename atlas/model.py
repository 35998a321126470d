"""Load and validate the factor graph, sources and page inventory (atlas/data/*.yml)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from indexer.languages import language, languages as declared_languages

DATA_DIR = Path(__file__).parent / "data"

# Loaders of atlas/data, cached for the build; `mkdocs serve` keeps one process across rebuilds,
# so the caches are emptied when a data file changes (reload_data_if_changed).
_DATA_CACHES: list = []
_data_stamp: tuple | None = None


def data_cache(function):
    """lru_cache for a loader of atlas/data, emptied by reload_data_if_changed."""
    cached = lru_cache(maxsize=None)(function)
    _DATA_CACHES.append(cached)
    return cached


def data_stamp(folder: Path = DATA_DIR) -> tuple:
    """Every data file with its size and modification time: changes when any file does."""
    return tuple(sorted((str(path.relative_to(folder)), info.st_size, info.st_mtime_ns)
                        for path in folder.rglob("*") if path.is_file() and (info := path.stat())))


def reload_data_if_changed(folder: Path = DATA_DIR) -> bool:
    """Empty the data caches if a file under `folder` changed since the last call (the
    atlas plugin calls it at the start of every build); True if they were emptied."""
    global _data_stamp
    stamp = data_stamp(folder)
    changed = _data_stamp is not None and stamp != _data_stamp
    _data_stamp = stamp
    if changed:
        for cached in _DATA_CACHES:
            cached.cache_clear()
    return changed


class AtlasDataError(ValueError):
    """The data files contradict themselves; the message names the file and the entry."""


@dataclass(frozen=True)
class Factor:
    id: str
    theme: str
    sources: tuple[str, ...]
    related: tuple[str, ...]
    titles: dict = field(hash=False, compare=False)

    def title(self, lang: str) -> str:
        return self.titles[lang]


@dataclass(frozen=True)
class Atlas:
    languages: tuple[str, ...]
    right_to_left: frozenset  # language codes written right to left
    list_separators: dict     # language code -> separator between listed items (default ", ")
    themes: dict            # theme id -> {lang: title}
    factors: dict           # factor id -> Factor, in declaration order
    sources: dict           # source id -> metadata dict
    factor_sections: tuple[str, ...]
    pages: dict             # page path -> tuple of anchors (factor pages included)
    page_kinds: dict = field(default_factory=dict, hash=False, compare=False)  # page path -> kind (else "topic")
    terminology: dict = field(default_factory=dict, hash=False, compare=False)  # lang -> Terminology

    def page_kind(self, page_path: str) -> str:
        """The page's kind for the search ranking's page prior (pages.yml page_kinds)."""
        return self.page_kinds.get(page_path, "topic")

    def list_separator(self, lang: str) -> str:
        return self.list_separators.get(lang, ", ")

    def factor_for_page(self, page_path: str) -> Factor | None:
        if page_path.startswith("factors/") and page_path != "factors/index.md":
            return self.factors.get(page_path[len("factors/"):-len(".md")])
        return None

    def factors_in_theme(self, theme: str) -> list[Factor]:
        return [f for f in self.factors.values() if f.theme == theme]

    def factors_citing(self, source_id: str) -> list[Factor]:
        return [f for f in self.factors.values() if source_id in f.sources]


def _read(name: str) -> dict:
    path = DATA_DIR / name
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise AtlasDataError(f"{path}: cannot read: {exc}") from None


@dataclass(frozen=True)
class Terminology:
    """One language's terminology table (atlas/data/terminology/<lang>.yml): the labels of the
    vocabulary lines, each factor's terms and phrases, each glossary entry's variants."""
    labels: dict
    factors: dict    # factor id -> {"terms": [...], "phrases": [...], "questions": [...]}
    glossary: dict   # glossary anchor -> {"variants": [...]}
    pages: dict = field(default_factory=dict)   # other page path (pages.yml) -> the same three lists


TERMINOLOGY_LABELS = ("terms", "phrases", "variants")
FACTOR_LISTS = ("terms", "phrases", "questions")   # shown in this order under a factor's summary


def load_terminology(lang: str, factor_ids, glossary_ids, page_paths=()) -> Terminology:
    """Read and check one language's terminology table; a missing file is an empty table."""
    name = f"terminology/{lang}.yml"
    if not (DATA_DIR / name).exists():
        return Terminology({}, {}, {})
    raw = _read(name)
    where = f"atlas/data/{name}"
    labels = raw.get("labels") or {}
    missing = [key for key in TERMINOLOGY_LABELS if not isinstance(labels.get(key), str)]
    if missing:
        raise AtlasDataError(f"{where}: labels needs {', '.join(missing)} (the words shown before each list)")
    factors = raw.get("factors") or {}
    glossary = raw.get("glossary") or {}
    pages = raw.get("pages") or {}
    for fid, entry in factors.items():
        if fid not in factor_ids:
            raise AtlasDataError(f"{where}: unknown factor '{fid}'")
        check_vocabulary_lists(where, f"factor '{fid}'", entry, labels)
    for path, entry in pages.items():
        if path not in page_paths or path == "glossary.md":
            raise AtlasDataError(f"{where}: pages names '{path}', not a page of pages.yml (factors and the glossary have their own sections)")
        check_vocabulary_lists(where, f"page '{path}'", entry, labels)
    for gid, entry in glossary.items():
        if gid not in glossary_ids:
            raise AtlasDataError(f"{where}: unknown glossary entry '{gid}' (see glossary.md in pages.yml)")
        values = (entry or {}).get("variants") or []
        if not all(isinstance(v, str) and v.strip() for v in values):
            raise AtlasDataError(f"{where}: glossary entry '{gid}' variants must be a list of words")
    return Terminology(labels, factors, glossary, pages)


def check_vocabulary_lists(where: str, what: str, entry, labels: dict) -> None:
    """The terms, phrases and questions of a factor or page: lists of non-empty words."""
    if (entry or {}).get("questions") and not isinstance(labels.get("questions"), str):
        raise AtlasDataError(f"{where}: {what} has questions, so labels needs questions")
    for key in FACTOR_LISTS:
        values = (entry or {}).get(key) or []
        if not all(isinstance(v, str) and v.strip() for v in values):
            raise AtlasDataError(f"{where}: {what} {key} must be a list of words")


@data_cache
def load_atlas() -> Atlas:
    """Read the data files once and check every cross-reference in them."""
    raw = _read("factors.yml")
    languages = tuple(raw["languages"])
    undeclared = [code for code in languages if code not in declared_languages()]
    if undeclared:
        raise AtlasDataError(f"{DATA_DIR / 'factors.yml'}: language {', '.join(undeclared)} has no declaration: "
                             "add indexer/data/languages/<code>.json and run python -m tools.build_analysis")
    # Direction is each language's own declaration (indexer/data/languages/<code>.json).
    right_to_left = frozenset(code for code in languages if language(code).rtl)
    list_separators = dict(raw.get("list_separator") or {})
    themes = raw["themes"]
    sources = _read("sources.yml")["sources"]
    inventory = _read("pages.yml")

    related: dict[str, set] = {fid: set(spec.get("related", [])) for fid, spec in raw["factors"].items()}
    for fid, targets in list(related.items()):
        for target in targets:
            if target not in related:
                raise AtlasDataError(f"atlas/data/factors.yml: factor '{fid}' is related to unknown factor '{target}'")
            related[target].add(fid)

    factors = {}
    for fid, spec in raw["factors"].items():
        if spec["theme"] not in themes:
            raise AtlasDataError(f"atlas/data/factors.yml: factor '{fid}' has unknown theme '{spec['theme']}'")
        for sid in spec["sources"]:
            if sid not in sources:
                raise AtlasDataError(f"atlas/data/factors.yml: factor '{fid}' cites unknown source '{sid}'")
        missing = [lang for lang in languages if not spec["title"].get(lang)]
        if missing:
            raise AtlasDataError(f"atlas/data/factors.yml: factor '{fid}' has no title in {', '.join(missing)}")
        # Related factors are listed in the order the graph declares factors, so every
        # language renders the same list in the same order.
        ordered_related = tuple(other for other in raw["factors"] if other in related[fid])
        factors[fid] = Factor(fid, spec["theme"], tuple(spec["sources"]), ordered_related, spec["title"])

    pages = {path: tuple(anchors) for path, anchors in inventory["pages"].items()}
    sections = tuple(inventory["factor_sections"])
    for fid in factors:
        pages[f"factors/{fid}.md"] = sections
    page_kinds = {path: kind for kind, paths in (inventory.get("page_kinds") or {}).items() for path in paths}
    unknown = sorted(set(page_kinds) - set(pages))
    if unknown:
        raise AtlasDataError(f"atlas/data/pages.yml: page_kinds lists unknown page(s) {', '.join(unknown)}")
    terminology = {lang: load_terminology(lang, factors, pages.get("glossary.md", ()), pages) for lang in languages}
    return Atlas(languages, right_to_left, list_separators, themes, factors, sources, sections, pages,
                 page_kinds, terminology)
