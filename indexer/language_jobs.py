"""Each language's index and export, built in a process of its own while MkDocs renders.

mkdocs-static-i18n renders the languages one after another on one core. The search plugin
starts one worker process per language before the first page renders (`LanguageJobs`); each
worker loads what its analyzer needs (hazm, jieba) at once when its analysis cache will not
cover the pages, then waits. Each rendered page's HTML goes to its language's worker as it
is rendered (a queue: MkDocs never waits for a worker), and the worker cuts it into sections
on the other core. When the language is done the worker keeps its sections for the preview
(`write_sections`), writes (or reuses) the language's index in the build's staging folder and
exports it into the export cache, while MkDocs renders the next language.
At the end the plugin collects the manifest entries, swaps the index in and copies each
export from the cache (indexer/export.py), so the last language's work is all that is left
after rendering.

Each worker does exactly what `write_indexes` does for its language (index.build_language),
so the output is byte-identical to a build in one process (tests/test_incremental_index.py).
A worker that fails reports its error, which the plugin raises naming the language; the
processes are daemons, so an interrupted build leaves none behind.
"""
from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import tempfile
from pathlib import Path

from .analysis_cache import cache_is_current
from .analyzers import get_analyzer
from .export import export_key, export_language, has_export, store_export
from .index import build_language, previous_manifest, staging_folder
from .sections import Section, split_sections


class LanguageJobError(RuntimeError):
    """A language's worker failed; the message names the language and the error."""


class LanguageJobs:
    def __init__(self, languages, index_dir: Path, analysis_cache: Path, export_cache: Path, sections_cache: Path):
        self.index_dir = Path(index_dir)
        self.previous = previous_manifest(self.index_dir)
        self.staging = staging_folder(self.index_dir)
        self.submitted: set[str] = set()
        self.workers = {}
        self.inboxes = {}
        context = multiprocessing.get_context("fork")   # the workers inherit the loaded code
        for lang in languages:
            warm = not cache_is_current(Path(analysis_cache) / f"{lang}.jsonl")
            inbox = context.Queue()        # its feeder thread buffers: put() never blocks MkDocs
            ours, theirs = context.Pipe(duplex=False)
            process = context.Process(target=work, name=f"atlas-search-{lang}", daemon=True,
                                      args=(lang, inbox, theirs, self.staging, self.index_dir, self.previous,
                                            Path(analysis_cache), Path(export_cache), Path(sections_cache), warm))
            process.start()
            theirs.close()
            self.workers[lang] = (process, ours)
            self.inboxes[lang] = inbox

    def page(self, lang: str, html: str, page: str, url: str, title: str, kind: str) -> None:
        """A rendered page of `lang`: its worker cuts it into sections."""
        if lang in self.inboxes and lang not in self.submitted:
            self.inboxes[lang].put(("page", (html, page, url, title, kind)))

    def done(self, lang: str) -> None:
        """Every page of `lang` is rendered: its worker indexes it now."""
        if lang in self.inboxes and lang not in self.submitted:
            self.inboxes[lang].put(("done", None))
            self.submitted.add(lang)

    def submit(self, lang: str, sections: list) -> None:
        """A language this build did not render: its sections (from the last full build)."""
        if lang in self.inboxes and lang not in self.submitted:
            self.inboxes[lang].put(("sections", sections))
            self.done(lang)

    def results(self) -> dict[str, dict]:
        """Each language's manifest entry (with its build report), once every worker is done."""
        entries = {}
        for lang, (process, connection) in sorted(self.workers.items()):
            try:
                status, value = connection.recv()
            except (EOFError, OSError):
                status, value = "error", f"the worker process ended without a result (exit code {process.exitcode})"
            process.join()
            if status != "ok":
                raise LanguageJobError(f"atlas-search: indexing '{lang}' failed: {value}")
            entries[lang] = value
        return entries

    def close(self) -> None:
        for inbox in self.inboxes.values():
            inbox.close()
            inbox.cancel_join_thread()   # a worker that died must not hold the build's exit
        for process, connection in self.workers.values():
            connection.close()
            if process.is_alive():
                process.terminate()
            process.join()
        shutil.rmtree(self.staging, ignore_errors=True)


def work(lang, inbox, connection, staging, index_dir, previous, analysis_cache, export_cache, sections_cache,
         warm) -> None:
    """A language's worker: warm up, cut pages into sections as they come, index, export, report."""
    try:
        if warm:
            get_analyzer(lang).warm_up()
        sections, rendered = [], False
        while True:
            kind, value = inbox.get()
            if kind == "page":
                html, page, url, title, page_kind = value
                sections.extend(split_sections(html, lang=lang, page=page, url=url, fallback_title=title,
                                               kind=page_kind))
                rendered = True
            elif kind == "sections":
                sections.extend(value)
            else:
                break
        sections.sort(key=lambda section: section.url)
        if rendered:
            write_sections(sections_cache, lang, sections)
        entry = build_language(lang, sections, staging, index_dir, previous, analysis_cache)
        export(lang, entry, staging, export_cache)
        connection.send(("ok", entry))
    except BaseException as exc:  # noqa: BLE001 - reported to the plugin, which names the language
        try:
            connection.send(("error", f"{type(exc).__name__}: {exc}"))
        except OSError:
            pass
    finally:
        connection.close()


def write_sections(folder: Path, lang: str, sections: list[Section]) -> None:
    """Keep a language's sections for a later build that does not render that language."""
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{lang}.", dir=folder)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump([section.as_dict() for section in sections], out, ensure_ascii=False)
    os.replace(temporary, folder / f"{lang}.json")


def read_sections(folder: Path, lang: str) -> list[Section]:
    """The sections write_sections kept; LanguageJobError naming the file when there are none."""
    path = folder / f"{lang}.json"
    try:
        return [Section(**entry) for entry in json.loads(path.read_text(encoding="utf-8"))]
    except (OSError, ValueError, TypeError) as exc:
        raise LanguageJobError(f"atlas-search: '{lang}' was not built and its sections from the last full build "
                               f"({path}) cannot be read ({type(exc).__name__}): run a full build") from None


def export(lang: str, entry: dict, staging: Path, export_cache: Path) -> None:
    """The language's export, into the export cache unless an export for this index is there
    already (the plugin then copies it, checking every file, and exports afresh if one is damaged)."""
    files = {"languages": {lang: {key: value for key, value in entry.items() if key not in ("rebuilt", "analysed")}}}
    key = export_key(files["languages"][lang])
    if has_export(export_cache, lang, key):
        return
    export_cache.mkdir(parents=True, exist_ok=True)
    out = Path(tempfile.mkdtemp(prefix=f".{lang}.", dir=export_cache))
    try:
        meta = export_language(staging, lang, out, manifest=files)
        store_export(export_cache, lang, key, out, meta)
    finally:
        shutil.rmtree(out, ignore_errors=True)
