"""Each language's index and export, built in a process of its own while MkDocs renders.

mkdocs-static-i18n renders the languages one after another on one core. The search plugin
starts one worker process per language before the first page renders (`LanguageJobs`); each
worker loads what its analyzer needs (hazm, jieba) at once when its analysis cache will not
cover the pages, then waits. When a language's pages are rendered the plugin hands its sections
to its worker, which writes (or reuses) the language's index in the build's staging folder and
exports it into the export cache, while MkDocs renders the next language on the other core.
At the end the plugin collects the manifest entries, swaps the index in and copies each
export from the cache (indexer/export.py), so the last language's work is all that is left
after rendering.

Each worker does exactly what `write_indexes` does for its language (index.build_language),
so the output is byte-identical to a build in one process (tests/test_incremental_index.py).
A worker that fails reports its error, which the plugin raises naming the language; the
processes are daemons, so an interrupted build leaves none behind.
"""
from __future__ import annotations

import multiprocessing
import shutil
import tempfile
from pathlib import Path

from .analysis_cache import cache_is_current
from .analyzers import get_analyzer
from .export import cached_export, export_key, export_language, store_export
from .index import build_language, previous_manifest, staging_folder


class LanguageJobError(RuntimeError):
    """A language's worker failed; the message names the language and the error."""


class LanguageJobs:
    def __init__(self, languages, index_dir: Path, analysis_cache: Path, export_cache: Path):
        self.index_dir = Path(index_dir)
        self.previous = previous_manifest(self.index_dir)
        self.staging = staging_folder(self.index_dir)
        self.submitted: set[str] = set()
        self.workers = {}
        context = multiprocessing.get_context("fork")   # the workers inherit the loaded code
        for lang in languages:
            warm = not cache_is_current(Path(analysis_cache) / f"{lang}.jsonl")
            ours, theirs = context.Pipe()
            process = context.Process(target=work, name=f"atlas-search-{lang}", daemon=True,
                                      args=(lang, theirs, self.staging, self.index_dir, self.previous,
                                            Path(analysis_cache), Path(export_cache), warm))
            process.start()
            theirs.close()
            self.workers[lang] = (process, ours)

    def submit(self, lang: str, sections: list) -> None:
        """Hand a language's sections (all of them, in order) to its worker."""
        if lang in self.workers and lang not in self.submitted:
            self.workers[lang][1].send(sections)
            self.submitted.add(lang)

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
        for process, connection in self.workers.values():
            connection.close()
            if process.is_alive():
                process.terminate()
            process.join()
        shutil.rmtree(self.staging, ignore_errors=True)


def work(lang, connection, staging, index_dir, previous, analysis_cache, export_cache, warm) -> None:
    """A language's worker: warm up, wait for the sections, index, export, report."""
    try:
        if warm:
            get_analyzer(lang).warm_up()
        sections = connection.recv()
        entry = build_language(lang, sections, staging, index_dir, previous, analysis_cache)
        export(lang, entry, staging, export_cache)
        connection.send(("ok", entry))
    except EOFError:
        pass   # the build ended without this language (an error elsewhere): nothing to report
    except BaseException as exc:  # noqa: BLE001 - reported to the plugin, which names the language
        try:
            connection.send(("error", f"{type(exc).__name__}: {exc}"))
        except OSError:
            pass
    finally:
        connection.close()


def export(lang: str, entry: dict, staging: Path, export_cache: Path) -> None:
    """The language's export, into the export cache (unless it is there already)."""
    files = {"languages": {lang: {key: value for key, value in entry.items() if key not in ("rebuilt", "analysed")}}}
    key = export_key(files["languages"][lang])
    export_cache.mkdir(parents=True, exist_ok=True)
    probe = Path(tempfile.mkdtemp(prefix=f".{lang}.", dir=export_cache))
    try:
        if cached_export(export_cache, lang, key, probe) is None:
            meta = export_language(staging, lang, probe, manifest=files)
            store_export(export_cache, lang, key, probe, meta)
    finally:
        shutil.rmtree(probe, ignore_errors=True)
