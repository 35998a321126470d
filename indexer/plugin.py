"""MkDocs plugin `atlas-search`: indexes every page while MkDocs builds the site.

mkdocs-static-i18n runs one full build per language; this plugin collects each language's
sections as its pages render and writes all indexes once the last language is built.
"""
from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
import time
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from .analyzers import get_analyzer
from .export import export_static_index
from .freshness import source_hash
from .index import commit_indexes, write_indexes
from .language_jobs import LanguageJobError, LanguageJobs
from .sections import Section, split_sections

log = logging.getLogger("mkdocs.plugins.atlas-search")
_warming: threading.Thread | None = None    # the analyzers' warm-up while serving (on_serve)


class AtlasSearchConfig(config_options.Config):
    index_dir = config_options.Type(str, default="build/search-index")
    # Recorded analyses and exported languages, reused by the next build (indexer/analysis_cache.py).
    cache_dir = config_options.Type(str, default="build/search-cache")


class AtlasSearchPlugin(BasePlugin[AtlasSearchConfig]):
    def __init__(self):
        self.sections: dict[str, list] = {}
        self.jobs: LanguageJobs | None = None

    def i18n(self, config):
        plugin = config.plugins.get("i18n")
        if plugin is None:
            raise PluginError("atlas-search needs the i18n plugin (mkdocs-static-i18n)")
        return plugin

    def paths(self, config) -> tuple[Path, Path]:
        project = Path(config.config_file_path).parent
        return project / self.config.index_dir, project / self.config.cache_dir

    def on_config(self, config):
        # Before the first page renders: a worker process per language (indexer/language_jobs.py),
        # unless $ATLAS_SEARCH_WORKERS=1 asks for everything in this process at the end.
        if self.jobs is None and not self.i18n(config).building and os.environ.get("ATLAS_SEARCH_WORKERS") != "1":
            if _warming is not None:
                _warming.join()   # never fork while a thread is importing
            index_dir, cache_dir = self.paths(config)
            self.jobs = LanguageJobs(self.i18n(config).all_languages, index_dir,
                                     cache_dir / "analysis", cache_dir / "export")
        return config

    @event_priority(-200)
    def on_files(self, files, config):
        self.sections[self.i18n(config).current_language] = []
        return files

    def on_page_content(self, html, page, config, files):
        lang = self.i18n(config).current_language
        src = page.file.src_uri
        path = src[len(lang) + 1:] if src.startswith(f"{lang}/") else src
        page_id = path[:-len(".md")]
        page_id = page_id[:-len("index")] if page_id.endswith("index") else page_id
        self.sections[lang].extend(split_sections(
            html, lang=lang, page=page_id, url=page.url, fallback_title=page.title or "",
            kind=str(page.meta.get("kind") or "")))
        return html

    def on_serve(self, server, config, builder):
        # While serving, load the analyzers' libraries (hazm, jieba) in the background: an
        # unchanged site never needs them, but an author's edit usually brings a new word.
        global _warming
        languages = list(self.sections) or self.i18n(config).all_languages
        _warming = threading.Thread(target=warm_up, args=(languages,), name="atlas-search-warm-up", daemon=True)
        _warming.start()
        return server

    @event_priority(-50)
    def _language_rendered(self, config):
        # Runs when a language's pages are all rendered, before mkdocs-static-i18n (-100)
        # starts the next language: its worker indexes it while the next one renders.
        lang = self.i18n(config).current_language
        if lang in self.sections:
            sections = sorted(self.sections[lang], key=lambda s: s.url)
            write_sections(self.paths(config)[1] / "sections", lang, sections)
            if self.jobs is not None:
                self.jobs.submit(lang, sections)

    @event_priority(-300)
    def _all_rendered(self, config):
        i18n = self.i18n(config)
        if i18n.building:
            return  # a nested per-language build: wait for the last one
        index_dir, cache_dir = self.paths(config)
        started = time.perf_counter()
        # A preview that rebuilds only the edited language (atlas/preview.py) leaves the other
        # languages out of this build: their sections are the last full build's.
        by_lang = {lang: (sorted(self.sections[lang], key=lambda s: s.url) if lang in self.sections
                          else read_sections(cache_dir / "sections", lang)) for lang in i18n.all_languages}
        try:
            if self.jobs is not None:
                for lang, sections in by_lang.items():
                    self.jobs.submit(lang, sections)
                manifest = commit_indexes(self.jobs.staging, index_dir, self.jobs.results(),
                                          source_hash(Path(config.docs_dir)))
            else:
                manifest = write_indexes(by_lang, index_dir, source_hash(Path(config.docs_dir)),
                                         cache_dir=cache_dir / "analysis", workers=1)
        except LanguageJobError as exc:
            raise PluginError(str(exc)) from None
        finally:
            self.close_jobs()
        export_static_index(index_dir, Path(config.site_dir) / "search", cache_dir=cache_dir / "export")
        counts = ", ".join(f"{lang} {entry['sections']}" + (f" ({manifest['build'][lang]['analysed']} texts analysed)"
                                                          if manifest["build"][lang]["rebuilt"] else " (unchanged)")
                           for lang, entry in manifest["languages"].items())
        log.info(f"atlas-search: indexed sections, {counts}, into {index_dir} and {config.site_dir}/search "
                 f"in {time.perf_counter() - started:.2f} s after the last page")

    on_post_build = CombinedEvent(_language_rendered, _all_rendered)

    def on_build_error(self, error):
        self.close_jobs()

    def close_jobs(self):
        if self.jobs is not None:
            self.jobs.close()
            self.jobs = None


def write_sections(folder: Path, lang: str, sections: list[Section]) -> None:
    """Keep a language's sections for a later build that does not render that language."""
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{lang}.", dir=folder)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump([section.as_dict() for section in sections], out, ensure_ascii=False)
    os.replace(temporary, folder / f"{lang}.json")


def read_sections(folder: Path, lang: str) -> list[Section]:
    """The sections write_sections kept; PluginError naming the file when there are none."""
    path = folder / f"{lang}.json"
    try:
        return [Section(**entry) for entry in json.loads(path.read_text(encoding="utf-8"))]
    except (OSError, ValueError, TypeError) as exc:
        raise PluginError(f"atlas-search: '{lang}' was not built and its sections from the last full build "
                          f"({path}) cannot be read ({type(exc).__name__}): run a full build") from None


def warm_up(languages) -> None:
    for lang in languages:
        try:
            get_analyzer(lang).warm_up()
        except Exception:  # a failure here only costs the first edit its speed
            log.debug(f"atlas-search: could not warm up the '{lang}' analyzer", exc_info=True)
