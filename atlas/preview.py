"""`mkdocs serve` for authors: after an edit, rebuild only the languages whose pages changed.

mkdocs-static-i18n builds every language on every rebuild, so a one-line edit to a Persian
page costs the five-language build. While serving, the atlas plugin (on_serve) hands the live
reload server a PreviewBuilder instead: it looks at what changed since the last build and

- when only pages under docs/<lang>/ changed, builds those languages (and the default
  language, which mkdocs-static-i18n always builds) into a staging folder with
  mkdocs-static-i18n's own per-language switch (`build: false` for the others), then moves the
  built language folders and the search index into the served site. The search plugin takes
  the other languages' sections from its last full build (indexer/plugin.py) and reuses their
  indexes, so search stays complete;
- otherwise (configuration, data, templates, assets, a file outside the language folders)
  runs MkDocs' own full build.

What a partial build leaves stale, until the next full build: the other languages' links to a
page that was added or removed, and their language selector's view of it. `mkdocs build` (and
so `make build` and the tests) always builds everything.
"""
from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

log = logging.getLogger("mkdocs.plugins.atlas")


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under folder with its modification time (ns) and size."""
    files = {}
    for root, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            try:
                info = os.stat(path)
            except OSError:
                continue
            files[os.path.relpath(path, folder)] = (info.st_mtime_ns, info.st_size)
    return files


def changed_languages(before: dict, after: dict, languages) -> set[str] | None:
    """The languages whose docs/<lang>/ files changed, or None when something else changed
    (a file outside the language folders): then only a full build will do."""
    changed = {path for path in set(before) | set(after) if before.get(path) != after.get(path)}
    touched = set()
    for path in changed:
        lang = path.split(os.sep, 1)[0]
        if lang not in languages or os.sep not in path:
            return None
        touched.add(lang)
    return touched


class PreviewBuilder:
    """The live reload server's builder: partial builds for page edits, else MkDocs' own."""

    def __init__(self, config, full_builder):
        self.config_file = config.config_file_path
        self.site_dir = Path(config.site_dir)
        self.docs_dir = Path(config.docs_dir)
        self.serve_url = config.site_url
        self.full_builder = full_builder
        i18n = config.plugins["i18n"]
        self.languages = list(i18n.all_languages)
        self.default = i18n.default_language
        self.docs = snapshot(self.docs_dir)

    def __call__(self):
        docs = snapshot(self.docs_dir)
        languages = changed_languages(self.docs, docs, self.languages)
        self.docs = docs
        if not languages:
            # Not a page edit alone (or nothing under docs/ changed: a watched data file,
            # template or the configuration did): MkDocs' full build.
            return self.full_builder()
        started = time.perf_counter()
        self.build_languages(languages)
        log.info(f"atlas preview: rebuilt {', '.join(sorted(languages))} only, in "
                 f"{time.perf_counter() - started:.2f} s (the other languages are the last full build's)")

    def build_languages(self, languages: set[str]) -> None:
        staging = Path(tempfile.mkdtemp(prefix="atlas-preview-"))
        try:
            config = load_config(config_file=self.config_file, site_dir=str(staging))
            config.site_url = self.serve_url
            built = languages | {self.default}
            for language in config.plugins["i18n"].config.languages:
                language.build = language.locale in built
            build(config, serve_url=self.serve_url)
            # The edited languages and the search index move into the served site (the default
            # language, built only because mkdocs-static-i18n always builds it, stays as it was
            # unless it was edited). A default language written at the site root (a site without
            # the atlas plugin's /<lang>/ layout) is everything at the root but the languages.
            names = [name for name in sorted(languages) if (staging / name).is_dir()] + ["search"]
            if self.default in languages and not (staging / self.default).is_dir():
                names += [path.name for path in staging.iterdir()
                          if path.name not in self.languages and path.name not in names]
            for name in names:
                self.replace(staging / name, self.site_dir / name)
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    @staticmethod
    def replace(new: Path, target: Path) -> None:
        old = target.with_name(f".{target.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if target.exists() or target.is_symlink():
            os.replace(target, old)
        shutil.move(str(new), str(target))
        if old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
        elif old.exists():
            old.unlink()
