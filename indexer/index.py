"""Write the per-language whoosh indexes from sections.

One index per language under <index_dir>/<lang>/, plus <index_dir>/manifest.json that records
what the index was built from (so the CLI can tell a stale index from a fresh one). Building
twice from the same sections gives byte-identical files: whoosh's random segment names are
drawn from a generator seeded with the content hash.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import random
import re
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from whoosh import fields, index as whoosh_index
from whoosh.analysis import Composable

from .analysis_cache import AnalysisCache, analyzer_version
from .analyzers import get_analyzer
from .ranking import (BM25_B, BM25_K1, COORD_POWER, DEFAULT_PAGE_KIND, FIELD_BOOSTS, PAGE_FIELDS_ONCE,
                      PAGE_KIND_PRIOR, SECTION_COORD_POWER)
from .sections import Section

# 4: each language's entry lists its files with their sizes and SHA-256 (verified on reading).
FORMAT_VERSION = 4
MANIFEST = "manifest.json"

class SearchIndexError(RuntimeError):
    """The index is missing, stale or unreadable; the message says what to do."""


REBUILD = "rebuild with `atlas-search build`"


def corrupt(path: Path, problem: str, state: str = "corrupt") -> SearchIndexError:
    """The error for one damaged index file: the file, what is wrong with it, the fix."""
    detail = f" ({problem})" if problem else ""
    return SearchIndexError(f"search index file {path} is {state}{detail}: {REBUILD}")


class LanguageFieldAnalyzer(Composable):
    """Picklable stand-in stored in the index schema: it holds only the language code and
    delegates to the language's analyzer, so opening an index never unpickles hazm or jieba.

    While an index is written, `lexicon` may be set to a dict: every token analysed in index
    mode then also records its folded surface form -> term (see surface_lexicon), so the
    lexicon costs no second analysis of the pages."""

    lexicon: dict | None = None
    # While an index is written: the language's AnalysisCache, which replays the tokens of
    # texts analysed before (in this build or an earlier one) instead of analysing again.
    cache = None

    def __init__(self, lang: str):
        self.lang = lang

    def __getstate__(self):
        return {"lang": self.lang}

    def __setstate__(self, state):
        self.lang = state["lang"]

    def __eq__(self, other):
        return isinstance(other, LanguageFieldAnalyzer) and other.lang == self.lang

    def __call__(self, value, **kwargs):
        if self.cache is not None and kwargs.get("mode") == "index":
            tokens = self.cache.tokens(value, **kwargs)
        else:
            tokens = get_analyzer(self.lang).analyzer()(value, **kwargs)
        if self.lexicon is None or kwargs.get("mode") != "index":
            return tokens
        return self._recording(value, tokens)

    def _recording(self, value, tokens):
        assert self.lexicon is not None   # __call__ records only into a lexicon
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
    return text_lexicon(lang, (text for section in sections
                               for text in (section.page_title, section.section_title, section.text, section.terms)))


def text_lexicon(lang: str, texts) -> dict[str, list[str]]:
    """The lexicon pages made of `texts` would have (surface_lexicon, for plain texts)."""
    analyzer = get_analyzer(lang)
    whoosh_analyzer = analyzer.analyzer()
    lexicon: dict[str, set] = {}
    for text in texts:
        for token in whoosh_analyzer(text, mode="index", chars=True, positions=True):
            surface = analyzer.fold(text[token.startchar:token.endchar])
            if surface:
                lexicon.setdefault(surface, set()).add(token.text)
    return sorted_lexicon(lexicon)


def sorted_lexicon(lexicon: dict[str, set]) -> dict[str, list[str]]:
    return {key: sorted(terms) for key, terms in sorted(lexicon.items())}


def read_lexicon(index_dir: Path, lang: str, manifest: dict | None = None) -> dict[str, list[str]]:
    """The language's lexicon, checked against the manifest's size and SHA-256 and for its
    shape ({surface form: [index term, ...]}, never empty when the language has sections)."""
    path, lexicon, entry, check = read_index_json(index_dir, lang, LEXICON, manifest)
    if not isinstance(lexicon, dict):
        raise corrupt(path, f"expected an object of words, found {json_kind(lexicon)}")
    for surface, terms in lexicon.items():
        if not surface or not isinstance(terms, list) or not all(isinstance(t, str) and t for t in terms):
            raise corrupt(path, f"the entry for {surface[:40]!r} is not a list of index terms")
    if entry["sections"] and not lexicon:
        raise corrupt(path, f"it is empty, but the index has {entry['sections']} sections")
    check()
    return lexicon


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


def read_page_table(index_dir: Path, lang: str, manifest: dict | None = None) -> dict:
    """The language's page table (see page_table), checked against the manifest's size and
    SHA-256 and for its shape: pages in document order covering the manifest's sections."""
    path, table, entry, check = read_index_json(index_dir, lang, PAGES, manifest)
    problem = page_table_problem(table, entry["sections"])
    if problem:
        raise corrupt(path, problem)
    check()
    return table


def page_table_problem(table, sections: int) -> str | None:
    """What is wrong with a page table's shape, or None."""
    if not isinstance(table, dict):
        return f"expected an object with 'pages' and 'avgLengths', found {json_kind(table)}"
    pages, averages = table.get("pages"), table.get("avgLengths")
    if not isinstance(pages, list):
        return "no 'pages' list"
    if not (isinstance(averages, list) and len(averages) == len(FIELD_BOOSTS)
            and all(is_number(n) and n > 0 for n in averages)):
        return f"'avgLengths' is not {len(FIELD_BOOSTS)} positive numbers"
    if sections and not pages:
        return f"no pages, but the index has {sections} sections"
    previous = -1
    for number, page in enumerate(pages):
        if not (isinstance(page, list) and len(page) == 4 and isinstance(page[0], str) and is_count(page[1])
                and isinstance(page[2], list) and len(page[2]) == len(FIELD_BOOSTS)
                and all(is_number(n) and n >= 0 for n in page[2]) and isinstance(page[3], str)):
            return f"page {number} is not [page, first section, {len(FIELD_BOOSTS)} field lengths, kind]"
        if page[1] <= previous or page[1] >= sections or (number == 0 and page[1] != 0):
            return f"page {number} starts at section {page[1]}, out of order or beyond the {sections} sections"
        previous = page[1]
    return None


def write_language_index(lang: str, sections: list[Section], directory: Path, cache_dir: Path | None = None) -> dict:
    """(Re)write one language's whoosh index, its lexicon and its page table; returns its
    manifest entry. With `cache_dir`, texts analysed by an earlier build are replayed from
    the language's analysis cache there (indexer/analysis_cache.py), and the cache updated."""
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    sections = group_by_page(sections)
    digest = sections_hash(sections)
    cache = AnalysisCache(lang, Path(cache_dir) / f"{lang}.jsonl" if cache_dir is not None else None)
    with seeded_random(digest):
        ix = whoosh_index.create_in(str(directory), schema_for(lang))
        # Separate segment files: a compound file would embed file modification times.
        writer = ix.writer(compound=False)
        lexicon: dict[str, set] = {}
        for name in TEXT_FIELDS:
            writer.schema[name].analyzer.lexicon = lexicon
            writer.schema[name].analyzer.cache = cache
        for section in sections:
            writer.add_document(url=section.url, page=section.page, anchor=section.anchor, kind=section.kind,
                                page_title=section.page_title, section_title=section.section_title,
                                body=section.text, terms=section.terms)
        writer.commit(optimize=True)
        with ix.reader() as reader:
            pages = page_table(reader)
        ix.close()
    for lock in directory.glob(f"*{WHOOSH_LOCK}"):
        lock.unlink()   # whoosh's empty lock files: a reused index has none either
    cache.save()
    (directory / PAGES).write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")
    (directory / LEXICON).write_text(json.dumps(sorted_lexicon(lexicon), ensure_ascii=False, sort_keys=True),
                                     encoding="utf-8")
    return {"sections": len(sections), "sections_hash": digest, "analyzer": cache.version,
            "analysed": cache.analysed, "files": file_table(directory)}


def reuse_language_index(lang: str, sections: list[Section], previous_dir: Path, previous: dict | None,
                         directory: Path) -> dict | None:
    """The previous build's index of the language, copied to `directory`, when it was built
    from the same sections by the same analyzer and its files are intact; else None."""
    if not (isinstance(previous, dict) and previous.get("format") == FORMAT_VERSION):
        return None
    entry = previous.get("languages", {}).get(lang)
    if not (isinstance(entry, dict) and entry.get("analyzer") == analyzer_version()
            and entry.get("sections_hash") == sections_hash(group_by_page(sections))):
        return None
    try:
        directory.mkdir(parents=True)
        for name, recorded in entry["files"].items():
            data = read_index_file(previous_dir / lang / name)
            check_recorded(previous_dir / lang / name, data, recorded)
            (directory / name).write_bytes(data)
    except (SearchIndexError, OSError):
        shutil.rmtree(directory, ignore_errors=True)
        return None
    return dict(entry, analysed=0)


def file_table(directory: Path) -> dict[str, dict]:
    """Size and SHA-256 of every file of a language's index (whoosh's empty lock file aside),
    recorded in the manifest so that a reader names a truncated or damaged file."""
    return {path.name: {"bytes": path.stat().st_size, "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}
            for path in sorted(directory.iterdir()) if path.is_file() and not path.name.endswith(WHOOSH_LOCK)}


WHOOSH_LOCK = "_WRITELOCK"
DIR_MODE, FILE_MODE = 0o755, 0o644   # as the static export in site/search


def set_permissions(root: Path) -> None:
    """Readable by all, as the site is: tempfile.mkdtemp creates the staging folder 0700."""
    os.chmod(root, DIR_MODE)
    for folder, dirs, files in os.walk(root):
        for name in dirs:
            os.chmod(os.path.join(folder, name), DIR_MODE)
        for name in files:
            os.chmod(os.path.join(folder, name), FILE_MODE)


def write_indexes(sections_by_lang: dict[str, list[Section]], index_dir: Path, source_hash: str,
                  cache_dir: Path | None = None, workers: int | None = None) -> dict:
    """Write every language's index and the manifest, replacing index_dir atomically: the
    new index is built in a sibling folder and swapped in, so a concurrent reader or a second
    build never sees a half-written index. Returns the manifest.

    A language whose sections and analyzer are those of the index already at index_dir is
    copied from it, not rebuilt; the others are built in parallel processes (up to `workers`,
    default the machine's cores), each with its analysis cache under `cache_dir`. What each
    language cost is in the returned manifest's "build" (not written to disk: the files are
    the same however they were made). The MkDocs plugin does the same per language, each in a
    process of its own while the next language renders (indexer/language_jobs.py)."""
    index_dir = Path(index_dir)
    previous = previous_manifest(index_dir)
    staging = staging_folder(index_dir)
    try:
        jobs = [(lang, sections_by_lang[lang], staging, index_dir, previous, cache_dir) for lang in sorted(sections_by_lang)]
        entries = dict(zip(sorted(sections_by_lang), run_parallel(build_language_job, jobs, workers), strict=True))
        return commit_indexes(staging, index_dir, entries, source_hash)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def staging_folder(index_dir: Path) -> Path:
    """A new folder beside index_dir to build the next index in."""
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{index_dir.name}.", dir=index_dir.parent))


def build_language(lang: str, sections: list[Section], staging: Path, index_dir: Path, previous: dict | None,
                   cache_dir: Path | None) -> dict:
    """One language's index in staging/<lang>: copied from the index at index_dir when its
    sections and analyzer are unchanged, else written. Returns its manifest entry, plus
    "rebuilt" and "analysed" (texts analysed, not replayed) for the build's report."""
    entry = reuse_language_index(lang, sections, index_dir, previous, staging / lang)
    if entry is not None:
        return dict(entry, rebuilt=False)
    return dict(write_language_index(lang, sections, staging / lang, cache_dir), rebuilt=True)


def commit_indexes(staging: Path, index_dir: Path, entries: dict[str, dict], source_hash: str) -> dict:
    """Write the manifest of the languages built in staging and swap staging in as index_dir.
    Returns the manifest, with each language's "build" report (not written to disk)."""
    manifest: dict
    manifest = {"format": FORMAT_VERSION, "source_hash": source_hash,
                "field_boosts": FIELD_BOOSTS, "bm25": {"B": BM25_B, "K1": BM25_K1},
                "coord_power": COORD_POWER, "section_coord_power": SECTION_COORD_POWER,
                "page_kind_prior": PAGE_KIND_PRIOR, "languages": {}}
    build = {}
    for lang in sorted(entries):
        entry = dict(entries[lang])
        build[lang] = {"rebuilt": entry.pop("rebuilt", True), "analysed": entry.pop("analysed", 0)}
        manifest["languages"][lang] = entry
    (staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                    encoding="utf-8")
    set_permissions(staging)
    replace_directory(staging, index_dir)
    return dict(manifest, build=build)


def build_language_job(job) -> dict:
    return build_language(*job)


def run_parallel(function, jobs: list, workers: int | None = None) -> list:
    """function(job) for every job, in worker processes when there are several jobs and
    cores; results in job order (so the output does not depend on which finishes first).
    Workers: `workers`, else $ATLAS_SEARCH_WORKERS, else one per core."""
    workers = min(len(jobs), workers or int(os.environ.get("ATLAS_SEARCH_WORKERS") or 0) or os.cpu_count() or 1)
    if workers <= 1:
        return [function(job) for job in jobs]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    # fork: the workers inherit the loaded code and data instead of importing them again.
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(function, jobs))


def previous_manifest(index_dir: Path) -> dict | None:
    """The manifest of the index at index_dir, or None when there is none or it is damaged
    (then everything is rebuilt)."""
    try:
        return read_manifest(index_dir)
    except SearchIndexError:
        return None


def replace_directory(new: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
        os.replace(target, old / "index")
    os.replace(new, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def read_manifest(index_dir: Path) -> dict:
    """The index's manifest, checked for the shape every reader relies on."""
    path = Path(index_dir) / MANIFEST
    if not path.exists():
        raise SearchIndexError(f"no search index at {index_dir}: run `mkdocs build` (or `atlas-search build`) first")
    try:
        manifest = json.loads(read_index_file(path).decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise corrupt(path, f"not valid JSON: {exc}") from None
    if isinstance(manifest, dict) and "format" in manifest and manifest["format"] != FORMAT_VERSION:
        raise SearchIndexError(f"search index manifest {path} has format {repr(manifest['format'])[:20]}, expected "
                               f"{FORMAT_VERSION} (built by another version): {REBUILD}")
    problem = manifest_problem(manifest)
    if problem:
        raise corrupt(path, problem)
    return manifest


LANGUAGE_CODE = re.compile(r"^[a-z]{2,8}$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")


def manifest_problem(manifest) -> str | None:
    """What is wrong with a manifest's shape, or None."""
    if not isinstance(manifest, dict):
        return f"expected an object, found {json_kind(manifest)}"
    if manifest.get("format") != FORMAT_VERSION:
        return "no 'format'"
    if not isinstance(manifest.get("source_hash"), str):
        return "no 'source_hash'"
    languages = manifest.get("languages")
    if not isinstance(languages, dict):
        return f"'languages' is {json_kind(languages)}, not an object"
    for lang, entry in languages.items():
        if not LANGUAGE_CODE.match(lang):
            return f"{lang[:20]!r} is not a language code"
        if not (isinstance(entry, dict) and is_count(entry.get("sections"))
                and isinstance(entry.get("sections_hash"), str) and isinstance(entry.get("files"), dict)):
            return f"'languages.{lang}' is not an object of sections, sections_hash and files"
        for name, recorded in entry["files"].items():
            if "/" in name or "\\" in name or name in ("", ".", ".."):
                return f"'languages.{lang}.files' names {name[:40]!r}, not a file of the index"
            if not (isinstance(recorded, dict) and is_count(recorded.get("bytes"))
                    and isinstance(recorded.get("sha256"), str) and SHA256.match(recorded["sha256"])):
                return f"'languages.{lang}.files.{name}' is not {{bytes, sha256}}"
        for name in (LEXICON, PAGES):
            if name not in entry["files"]:
                return f"'languages.{lang}.files' has no {name}"
    return None


def json_kind(value) -> str:
    if value is None:
        return "null"
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}.get(type(value), "a number")


def is_count(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def language_entry(index_dir: Path, lang: str, manifest: dict | None) -> dict:
    manifest = read_manifest(index_dir) if manifest is None else manifest
    entry = manifest["languages"].get(lang)
    if entry is None:
        raise SearchIndexError(f"the index at {index_dir} has no '{lang}' part: {REBUILD}")
    return entry


# Files already found intact, by (path, inode, size, mtime, expected hash): a process that
# searches many times (the benchmarks) hashes each file once, and any change is seen again.
_VERIFIED: set = set()


def read_index_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise corrupt(path, "", "missing") from None
    except OSError as exc:
        raise corrupt(path, exc.strerror or str(exc), "unreadable") from None


def check_recorded(path: Path, data: bytes, recorded: dict) -> None:
    """SearchIndexError naming the file unless its bytes have the size and SHA-256 the build
    recorded (a truncated, emptied or altered file)."""
    if len(data) != recorded["bytes"]:
        raise corrupt(path, f"{len(data)} bytes, the build wrote {recorded['bytes']}")
    if hashlib.sha256(data).hexdigest() != recorded["sha256"]:
        raise corrupt(path, "its content differs from what the build wrote")


def verify_file(path: Path, recorded: dict) -> None:
    """check_recorded for a file not yet read, once per version of the file."""
    try:
        info = path.stat()
        key = (str(path), info.st_ino, info.st_size, info.st_mtime_ns, recorded["sha256"])
    except OSError:
        key = None   # read_index_file says why
    if key is None or key not in _VERIFIED:
        check_recorded(path, read_index_file(path), recorded)
        if key is not None:
            _VERIFIED.add(key)


def read_index_json(index_dir: Path, lang: str, name: str, manifest: dict | None):
    """(path, parsed JSON, manifest entry, check) for one of a language's JSON files; the
    caller checks the shape first (the more telling message), then calls check() to compare
    the bytes with what the build recorded."""
    entry = language_entry(index_dir, lang, manifest)
    path = Path(index_dir) / lang / name
    data = read_index_file(path)
    try:
        parsed = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise corrupt(path, f"not valid JSON: {exc}") from None
    return path, parsed, entry, lambda: check_recorded(path, data, entry["files"][name])


def open_language_index(index_dir: Path, lang: str, manifest: dict | None = None):
    """The language's whoosh index, after checking each of its files against the manifest
    (whoosh reads them lazily and fails deep inside a search on a truncated file)."""
    directory = Path(index_dir) / lang
    entry = language_entry(index_dir, lang, manifest)
    for name, recorded in entry["files"].items():
        verify_file(directory / name, recorded)
    try:
        return whoosh_index.open_dir(str(directory))
    except Exception as exc:  # whoosh raises many types for a damaged index
        raise SearchIndexError(f"search index for '{lang}' at {directory} is missing or corrupt ({type(exc).__name__}): {REBUILD}") from None
