"""Write the per-language whoosh indexes from sections.

One index per language under <index_dir>/<lang>/, plus <index_dir>/manifest.json that records
what the index was built from (so the CLI can tell a stale index from a fresh one). Building
twice from the same sections gives byte-identical files: whoosh's random segment names are
drawn from a generator seeded with the content hash.
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from whoosh import fields, index as whoosh_index
from whoosh.analysis import Composable

from .analyzers import get_analyzer
from .sections import Section

FORMAT_VERSION = 3
MANIFEST = "manifest.json"
# Query-time field weights (the scorer multiplies each field's BM25 by these); the browser
# reads the same numbers from the exported metadata. The page title weighs most: on factor
# pages the section titles are the same generic words everywhere (Summary, Evidence), while
# the page title names the factor. Chosen on bench/queries.jsonl (see bench/README.md).
# `terms` is the curated vocabulary of a page (atlas/data/terminology/<lang>.yml, shown on
# the page as "Related terms"): the words practitioners use for a factor that its prose may
# never use. Measured on the dev half of bench/practitioner-queries.jsonl: terms 1 0.748,
# 2 0.765, 3 0.765 (bench/queries.jsonl 0.960 -> 0.944), 5 0.739.
FIELD_BOOSTS = {"section_title": 1.0, "page_title": 3.0, "body": 1.0, "terms": 2.0}
BM25_B = 0.75
BM25_K1 = 1.2
# Pages are ranked as wholes (see indexer/search.py): a page's score is multiplied by
# (query words the page contains / query words) ** COORD_POWER, so a page holding every word
# outranks one that repeats a few of them. Measured on the dev half of
# bench/practitioner-queries.jsonl (Success@1, with the other constants as set here): power 1
# 0.765, 2 0.730, 3 0.722: the square rewarded long reference pages that hold every word of a
# long question somewhere, so it is tempered to 1 (bench/queries.jsonl stays at 0.960).
COORD_POWER = 1
# Proximity: a page's score is also multiplied by (most query words one of its sections holds
# / query words) ** SECTION_COORD_POWER, so words found together in one section beat the same
# words scattered over a long page. Measured on the dev half: 0 gives 0.765, 0.5 0.765, 1 0.748
# (practitioners' long questions spread their words over a factor page's sections as much as
# over the wrong page), so it is off; the mechanism stays, replayed in the browser, to be
# re-measured when the query sets grow.
SECTION_COORD_POWER = 0
# Page-kind prior: a page's score is multiplied by the prior of its kind (page meta `kind`,
# set by the atlas plugin from page_kinds in atlas/data/pages.yml). Reference pages (checklist,
# sources, statistics, home) and the glossary hold every query word somewhere; the answer to a
# topical query is a topic page. A page without a kind counts as a topic page. Measured with
# the pages as they now stand (Success@1, dev half of bench/practitioner-queries.jsonl /
# bench/queries.jsonl, whose queries also ask for statistics and sources): reference 1.0
# 0.739/0.968, 0.9 0.748/0.968, 0.8 0.757/0.968, 0.7 0.757/0.952, 0.6 0.757/0.919. The glossary
# prior changes no monolingual dev query between 0.8 and 0.3; it is set on the 8 cross-language
# dev queries in the browser (bench.compare), where Latin terms meet the glossary's English
# names: glossary 0.8 0.250, 0.5 0.500, 0.3 0.500.
PAGE_KIND_PRIOR = {"topic": 1.0, "reference": 0.8, "glossary": 0.5}
DEFAULT_PAGE_KIND = "topic"
# Fields every section of a page repeats: a page counts them once, not once per section.
PAGE_FIELDS_ONCE = ("page_title",)


class SearchIndexError(RuntimeError):
    """The index is missing, stale or unreadable; the message says what to do."""


class LanguageFieldAnalyzer(Composable):
    """Picklable stand-in stored in the index schema: it holds only the language code and
    delegates to the language's analyzer, so opening an index never unpickles hazm or jieba.

    While an index is written, `lexicon` may be set to a dict: every token analysed in index
    mode then also records its folded surface form -> term (see surface_lexicon), so the
    lexicon costs no second analysis of the pages."""

    lexicon: dict | None = None

    def __init__(self, lang: str):
        self.lang = lang

    def __getstate__(self):
        return {"lang": self.lang}

    def __setstate__(self, state):
        self.lang = state["lang"]

    def __eq__(self, other):
        return isinstance(other, LanguageFieldAnalyzer) and other.lang == self.lang

    def __call__(self, value, **kwargs):
        tokens = get_analyzer(self.lang).analyzer()(value, **kwargs)
        if self.lexicon is None or kwargs.get("mode") != "index":
            return tokens
        return self._recording(value, tokens)

    def _recording(self, value, tokens):
        fold = get_analyzer(self.lang).fold
        for token in tokens:
            surface = fold(value[token.startchar:token.endchar])
            if surface:
                self.lexicon.setdefault(surface, set()).add(token.text)
            yield token


def schema_for(lang: str) -> fields.Schema:
    analyzer = LanguageFieldAnalyzer(lang)
    return fields.Schema(
        url=fields.ID(stored=True, unique=True),
        page=fields.ID(stored=True),
        anchor=fields.STORED(),
        kind=fields.STORED(),
        page_title=fields.TEXT(analyzer=analyzer, stored=True),
        section_title=fields.TEXT(analyzer=analyzer, stored=True),
        body=fields.TEXT(analyzer=analyzer, stored=True, chars=True),
        terms=fields.TEXT(analyzer=analyzer, stored=True),
    )


def sections_hash(sections: list[Section]) -> str:
    digest = hashlib.sha256()
    for section in sections:
        digest.update(json.dumps(section.as_dict(), ensure_ascii=False, sort_keys=True).encode())
    return digest.hexdigest()


@contextmanager
def seeded_random(seed: str):
    state = random.getstate()
    random.seed(seed)
    try:
        yield
    finally:
        random.setstate(state)


LEXICON = "lexicon.json"
PAGES = "pages.json"
TEXT_FIELDS = ("page_title", "section_title", "body", "terms")


def surface_lexicon(lang: str, sections: list[Section]) -> dict[str, list[str]]:
    """Folded surface form -> the index terms the analyzer made of it.

    This is how the query side replays what only the indexer can compute (hazm lemmas,
    jieba words, Snowball stems, Hebrew prefix variants) for every word the pages contain.
    write_language_index records the same while indexing; this standalone pass is its
    definition (and what tests compare the recording with).
    """
    analyzer = get_analyzer(lang)
    whoosh_analyzer = analyzer.analyzer()
    lexicon: dict[str, set] = {}
    for section in sections:
        for text in (section.page_title, section.section_title, section.text, section.terms):
            for token in whoosh_analyzer(text, mode="index", chars=True, positions=True):
                surface = analyzer.fold(text[token.startchar:token.endchar])
                if surface:
                    lexicon.setdefault(surface, set()).add(token.text)
    return sorted_lexicon(lexicon)


def sorted_lexicon(lexicon: dict[str, set]) -> dict[str, list[str]]:
    return {key: sorted(terms) for key, terms in sorted(lexicon.items())}


def read_lexicon(index_dir: Path, lang: str) -> dict[str, list[str]]:
    path = Path(index_dir) / lang / LEXICON
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise SearchIndexError(f"search index for '{lang}' has no readable {LEXICON}: rebuild with `atlas-search build`") from None


def group_by_page(sections: list[Section]) -> list[Section]:
    """Sections with each page's sections side by side (pages in order of first appearance),
    so a page is a run of consecutive document numbers and the browser can tell a section's
    page from a list of each page's first document."""
    order: dict[str, int] = {}
    for section in sections:
        order.setdefault(section.page, len(order))
    return sorted(sections, key=lambda section: order[section.page])


def page_table(reader) -> dict:
    """Pages of an index in document order, with the field lengths a page is scored by.

    {"pages": [[page, first document, [length per field], kind], ...], "avgLengths": [...]}:
    a page's length is the sum of its sections' lengths (as whoosh stores them), except for
    PAGE_FIELDS_ONCE, which the page has once."""
    pages: list[list] = []
    for docnum in range(reader.doc_count_all()):
        stored = reader.stored_fields(docnum)
        page = stored["page"]
        lengths = [reader.doc_field_length(docnum, field, 0) or 0 for field in FIELD_BOOSTS]
        if not pages or pages[-1][0] != page:
            pages.append([page, docnum, lengths, stored.get("kind") or DEFAULT_PAGE_KIND])
            continue
        totals = pages[-1][2]
        for at, field in enumerate(FIELD_BOOSTS):
            if field not in PAGE_FIELDS_ONCE:
                totals[at] += lengths[at]
    count = len(pages) or 1
    averages = [(sum(p[2][at] for p in pages) / count) or 1 for at in range(len(FIELD_BOOSTS))]
    return {"pages": pages, "avgLengths": averages}


def read_page_table(index_dir: Path, lang: str) -> dict:
    path = Path(index_dir) / lang / PAGES
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise SearchIndexError(f"search index for '{lang}' has no readable {PAGES}: rebuild with `atlas-search build`") from None


def write_language_index(lang: str, sections: list[Section], directory: Path) -> dict:
    """(Re)write one language's whoosh index, its lexicon and its page table; returns its
    manifest entry."""
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    sections = group_by_page(sections)
    digest = sections_hash(sections)
    with seeded_random(digest):
        ix = whoosh_index.create_in(str(directory), schema_for(lang))
        # Separate segment files: a compound file would embed file modification times.
        writer = ix.writer(compound=False)
        lexicon: dict[str, set] = {}
        for name in TEXT_FIELDS:
            writer.schema[name].analyzer.lexicon = lexicon
        for section in sections:
            writer.add_document(url=section.url, page=section.page, anchor=section.anchor, kind=section.kind,
                                page_title=section.page_title, section_title=section.section_title,
                                body=section.text, terms=section.terms)
        writer.commit(optimize=True)
        with ix.reader() as reader:
            pages = page_table(reader)
        ix.close()
    (directory / PAGES).write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")
    (directory / LEXICON).write_text(json.dumps(sorted_lexicon(lexicon), ensure_ascii=False, sort_keys=True),
                                     encoding="utf-8")
    return {"sections": len(sections), "sections_hash": digest}


def write_indexes(sections_by_lang: dict[str, list[Section]], index_dir: Path, source_hash: str) -> dict:
    """Write every language's index and the manifest, replacing index_dir atomically: the
    new index is built in a sibling folder and swapped in, so a concurrent reader or a second
    build never sees a half-written index. Returns the manifest."""
    index_dir = Path(index_dir)
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{index_dir.name}.", dir=index_dir.parent))
    try:
        manifest = {"format": FORMAT_VERSION, "source_hash": source_hash,
                    "field_boosts": FIELD_BOOSTS, "bm25": {"B": BM25_B, "K1": BM25_K1},
                    "coord_power": COORD_POWER, "section_coord_power": SECTION_COORD_POWER,
                    "page_kind_prior": PAGE_KIND_PRIOR, "languages": {}}
        for lang in sorted(sections_by_lang):
            manifest["languages"][lang] = write_language_index(lang, sections_by_lang[lang], staging / lang)
        (staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                        encoding="utf-8")
        replace_directory(staging, index_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return manifest


def replace_directory(new: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
        os.replace(target, old / "index")
    os.replace(new, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def read_manifest(index_dir: Path) -> dict:
    path = Path(index_dir) / MANIFEST
    if not path.exists():
        raise SearchIndexError(f"no search index at {index_dir}: run `mkdocs build` (or `atlas-search build`) first")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SearchIndexError(f"search index manifest {path} is unreadable ({exc}): rebuild with `atlas-search build`") from None
    if manifest.get("format") != FORMAT_VERSION:
        raise SearchIndexError(f"search index at {index_dir} has format {manifest.get('format')}, expected {FORMAT_VERSION}: rebuild with `atlas-search build`")
    return manifest


def open_language_index(index_dir: Path, lang: str):
    directory = Path(index_dir) / lang
    try:
        return whoosh_index.open_dir(str(directory))
    except Exception as exc:  # whoosh raises many types for a damaged index
        raise SearchIndexError(f"search index for '{lang}' at {directory} is missing or corrupt ({type(exc).__name__}): rebuild with `atlas-search build`") from None
