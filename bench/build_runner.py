"""Run one `mkdocs build` in this process and time the search engine's own indexing code.

    python -m bench.build_runner CONFIG.yml RESULT.json

Used by bench.builds in a subprocess (one per build: plugin state never leaks between builds,
and a crash or a timeout stays in its column). Before the config is loaded, the indexing entry
points of the engines are wrapped with timers, so "index build time" is the time spent inside
the engine's own code during the build, not the rest of MkDocs:

  ours      atlas-search plugin: on_config (starting a worker process per language) +
            on_page_content (section splitting, per language) + on_post_build (handing each
            language to its worker, then waiting for them, the manifest and the export). The
            workers index while MkDocs renders the next language, so this is the time the
            build spends on search beyond rendering; their CPU time is in "index_cpu_s".
  material  Material's search plugin: on_page_context (HTML parsing, jieba, per language) +
            on_post_build (serialising the merged index; mkdocs-static-i18n calls it again once
            all languages are built).

Missing entry points (the indexer is still changing) only remove that detail from the result.
"""
from __future__ import annotations

import functools
import importlib
import json
import resource
import sys
import time
import traceback
from collections import defaultdict

TOTAL: defaultdict[str, float] = defaultdict(float)     # label -> seconds (outermost hooks only)
BY_LANG: defaultdict[str, float] = defaultdict(float)   # lang -> seconds (per-language parts)
WRAPPED: list = []


def lang_of_page(page) -> str | None:
    try:
        return page.file.src_uri.split("/", 1)[0]
    except AttributeError:
        return None


def wrap(module: str, qualname: str, total_label: str | None, lang_of=None) -> None:
    try:
        owner = importlib.import_module(module)
        *parents, name = qualname.split(".")
        for part in parents:
            owner = getattr(owner, part)
        original = owner.__dict__[name] if isinstance(owner, type) else getattr(owner, name)
    except (ImportError, AttributeError, KeyError):
        return

    def timer(function):
        @functools.wraps(function)  # keeps mkdocs' event priority (mkdocs_priority)
        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                elapsed = time.perf_counter() - started
                if total_label:
                    TOTAL[total_label] += elapsed
                if lang_of is not None:
                    try:
                        lang = lang_of(args, kwargs)
                    except Exception:  # noqa: BLE001 - timing must never break a build
                        lang = None
                    if lang:
                        BY_LANG[lang] += elapsed
        return timed

    from mkdocs.plugins import CombinedEvent
    if isinstance(original, CombinedEvent):   # several handlers of one event, each with its priority
        setattr(owner, name, CombinedEvent(*(timer(method) for method in original.methods)))
    else:
        setattr(owner, name, timer(original))
    WRAPPED.append(f"{module}.{qualname}")


def install_timers() -> None:
    # ours (indexer/): hooks give the total, inner functions the per-language share
    wrap("indexer.plugin", "AtlasSearchPlugin.on_config", "ours")
    wrap("indexer.plugin", "AtlasSearchPlugin.on_page_content", "ours",
         lambda a, k: lang_of_page(k.get("page", a[2] if len(a) > 2 else None)))
    wrap("indexer.plugin", "AtlasSearchPlugin.on_post_build", "ours")
    wrap("indexer.index", "write_language_index", None, lambda a, k: k.get("lang", a[0] if a else None))
    wrap("indexer.export", "export_language", None, lambda a, k: k.get("lang", a[1] if len(a) > 1 else None))
    # Material's built-in search plugin
    wrap("material.plugins.search.plugin", "SearchPlugin.on_page_context", "material",
         lambda a, k: lang_of_page(k.get("page")))
    wrap("material.plugins.search.plugin", "SearchPlugin.on_post_build", "material")


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    config_file, result_file = argv
    result = {"ok": False, "error": "", "index_s": {}, "index_s_by_lang": {}, "wrapped": WRAPPED}
    started = time.perf_counter()
    try:
        install_timers()
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        config = load_config(config_file=config_file)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config, dirty=False)
        finally:
            config.plugins.on_shutdown()
        result["ok"] = True
    except BaseException as exc:  # noqa: BLE001 - reported in the engine's column
        result["error"] = f"{type(exc).__name__}: {exc}".strip()[:2000]
        result["traceback"] = traceback.format_exc()[-4000:]
    result["wall_s"] = time.perf_counter() - started
    # CPU of this process and of the worker processes it waited for (the index workers).
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    result["cpu_s"] = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    result["children_cpu_s"] = children.ru_utime + children.ru_stime
    result["index_s"] = dict(TOTAL)
    result["index_s_by_lang"] = dict(BY_LANG)
    with open(result_file, "w", encoding="utf-8") as handle:
        json.dump(result, handle, ensure_ascii=False, indent=1)
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
