"""MkDocs plugin `atlas-search`: indexes every page while MkDocs builds the site.

mkdocs-static-i18n runs one full build per language; this plugin collects each language's
sections as its pages render and writes all indexes once the last language is built.
"""
from __future__ import annotations

import logging
import time
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from .export import export_static_index
from .freshness import source_hash
from .index import write_indexes
from .sections import split_sections

log = logging.getLogger("mkdocs.plugins.atlas-search")


class AtlasSearchConfig(config_options.Config):
    index_dir = config_options.Type(str, default="build/search-index")
    # Recorded analyses and exported languages, reused by the next build (indexer/analysis_cache.py).
    cache_dir = config_options.Type(str, default="build/search-cache")


class AtlasSearchPlugin(BasePlugin[AtlasSearchConfig]):
    def __init__(self):
        self.sections: dict[str, list] = {}

    def i18n(self, config):
        plugin = config.plugins.get("i18n")
        if plugin is None:
            raise PluginError("atlas-search needs the i18n plugin (mkdocs-static-i18n)")
        return plugin

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

    @event_priority(-300)
    def on_post_build(self, config):
        if self.i18n(config).building:
            return  # a nested per-language build: wait for the last one
        project = Path(config.config_file_path).parent
        index_dir = project / self.config.index_dir
        by_lang = {lang: sorted(sections, key=lambda s: s.url) for lang, sections in self.sections.items()}
        cache_dir = project / self.config.cache_dir
        started = time.perf_counter()
        manifest = write_indexes(by_lang, index_dir, source_hash(Path(config.docs_dir)), cache_dir=cache_dir / "analysis")
        export_static_index(index_dir, Path(config.site_dir) / "search", cache_dir=cache_dir / "export")
        counts = ", ".join(f"{lang} {entry['sections']}" + (f" ({manifest['build'][lang]['analysed']} texts analysed)"
                                                          if manifest["build"][lang]["rebuilt"] else " (unchanged)")
                           for lang, entry in manifest["languages"].items())
        log.info(f"atlas-search: indexed sections, {counts}, into {index_dir} and {config.site_dir}/search "
                 f"in {time.perf_counter() - started:.2f} s")
