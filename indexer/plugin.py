"""MkDocs plugin `atlas-search`: indexes every page while MkDocs builds the site.

mkdocs-static-i18n runs one full build per language; this plugin collects each language's
sections as its pages render and writes all indexes once the last language is built.
"""
from __future__ import annotations

import logging
import os
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
from .language_jobs import LanguageJobError, LanguageJobs, read_sections, write_sections
from .languages import page_path
from .sections import split_sections

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
            i18n = self.i18n(config)
            index_dir, cache_dir = self.paths(config)
            self.jobs = LanguageJobs(i18n.all_languages, index_dir, cache_dir / "analysis",
                                     cache_dir / "export", cache_dir / "sections")
            # A preview building only the edited languages (atlas/preview.py): the others' workers
            # take the last full build's sections now and reuse their index while pages render.
            try:
                for lang in i18n.all_languages:
                    if lang not in i18n.build_languages:
                        self.jobs.submit(lang, read_sections(cache_dir / "sections", lang))
            except LanguageJobError as exc:
                self.close_jobs()
                raise PluginError(str(exc)) from None
        return config

    @event_priority(-200)
    def on_files(self, files, config):
        self.sections[self.i18n(config).current_language] = []
        return files

    def on_page_content(self, html, page, config, files):
        lang = self.i18n(config).current_language
        page_id = page_path(page.file.src_uri, lang)[:-len(".md")]
        page_id = page_id[:-len("index")] if page_id.endswith("index") else page_id
        title, kind = page.title or "", str(page.meta.get("kind") or "")
        if self.jobs is not None:
            self.jobs.page(lang, html, page_id, page.url, title, kind)   # cut into sections by its worker
        else:
            self.sections[lang].extend(split_sections(html, lang=lang, page=page_id, url=page.url,
                                                      fallback_title=title, kind=kind))
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
        if lang in self.sections and self.jobs is not None:
            self.jobs.done(lang)

    @event_priority(-300)
    def _all_rendered(self, config):
        i18n = self.i18n(config)
        if i18n.building:
            return  # a nested per-language build: wait for the last one
        index_dir, cache_dir = self.paths(config)
        started = time.perf_counter()
        try:
            # A preview that rebuilds only the edited language (atlas/preview.py) leaves the
            # other languages out of this build: their sections are the last full build's.
            submitted = self.jobs.submitted if self.jobs is not None else set()
            others = {lang: read_sections(cache_dir / "sections", lang)
                      for lang in i18n.all_languages if lang not in self.sections and lang not in submitted}
            if self.jobs is not None:
                for lang, sections in others.items():
                    self.jobs.submit(lang, sections)
                manifest = commit_indexes(self.jobs.staging, index_dir, self.jobs.results(),
                                          source_hash(Path(config.docs_dir)))
            else:
                by_lang = {lang: sorted(sections, key=lambda s: s.url) for lang, sections in self.sections.items()}
                for lang, sections in by_lang.items():
                    write_sections(cache_dir / "sections", lang, sections)
                manifest = write_indexes({**by_lang, **others}, index_dir, source_hash(Path(config.docs_dir)),
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



def warm_up(languages) -> None:
    for lang in languages:
        try:
            get_analyzer(lang).warm_up()
        except Exception:  # a failure here only costs the first edit its speed
            log.debug(f"atlas-search: could not warm up the '{lang}' analyzer", exc_info=True)
