"""Build the three search variants of the site into the benchmark's own folders.

Every build uses a generated MkDocs config written under the output folder: a copy of the
project's mkdocs.yml (read at run time, so the benchmark follows whatever mkdocs.yml says
today) with absolute paths, its own site_dir, `strict: false`, and the plugin list changed:

  ours      i18n + atlas + atlas-search (index_dir moved into the output folder, so the
            project's build/search-index is never touched).
  material  i18n (reconfigure_search: true, its default) + atlas + Material's `search` plugin,
            configured as its documentation says for this site: `lang` = every site language
            lunr supports (en, ru, zh; lunr has no Persian or Hebrew in MkDocs' language list),
            the Chinese separator `[\\s\\u200b\\u3000\\-、。，．？！；]+` (Material's zh default, a
            superset of the `[\\s\\u200b\\-]` its docs show) with jieba installed for build-time
            segmentation, and the `stemmer` in the pipeline. atlas-search removed.
  plain     i18n + atlas, no search plugin at all: the HTML that Pagefind indexes. (The
            project's header override then links the atlas search scripts, which this build
            does not have: two small 404s per page load, not counted for any engine.)

Pagefind (the extended binary from the `pagefind[extended]` wheel) then runs over the plain
build: `--site <plain> --output-path <pagefind> --root-selector article` (Material's
<article class="md-content__inner">, i.e. the page body without header, navigation and
footer); each page's language comes from its <html lang>.
"""
from __future__ import annotations

import copy
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

PROJECT = Path(__file__).resolve().parents[1]
MATERIAL_SEARCH = {
    "lang": ["en", "ru", "zh"],
    "separator": "[\\s\\u200b\\u3000\\-、。，．？！；]+",
    "pipeline": ["stemmer", "stopWordFilter"],
}
ENGINE_PLUGINS = {"atlas-search", "search", "material/search"}


class BuildFailed(RuntimeError):
    pass


def plugin_name(entry) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def plugin_options(entry) -> dict:
    return {} if isinstance(entry, str) else dict(next(iter(entry.values())) or {})


def variant_config(kind: str, site_dir: Path, work: Path, *, docs_dir: Path | None = None,
                   project: Path = PROJECT, atlas_check: bool = True, material_search: dict | None = None) -> Path:
    """Write the generated config for `kind` (ours, material, plain) and return its path."""
    # MkDocs' own loader: mkdocs.yml uses its !ENV tag (site_url from SITE_URL).
    with (project / "mkdocs.yml").open(encoding="utf-8") as handle:
        base = yaml_load(handle)
    config = copy.deepcopy(base)
    config["docs_dir"] = str(docs_dir or (project / config.get("docs_dir", "docs")))
    config["site_dir"] = str(site_dir)
    config["strict"] = False
    theme = config.setdefault("theme", {})
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str((project / theme["custom_dir"]).resolve())
    # Paths `mkdocs serve` watches are relative to mkdocs.yml; the generated config lives elsewhere.
    if config.get("watch"):
        config["watch"] = [str((project / path).resolve()) for path in config["watch"]]
    plugins = []
    for entry in config.get("plugins", []):
        name = plugin_name(entry)
        options = plugin_options(entry)
        if name in ENGINE_PLUGINS:
            continue
        if name == "i18n" and kind == "material":
            options["reconfigure_search"] = True
        if name == "atlas" and not atlas_check:
            options["check"] = False
        plugins.append({name: options} if options else name)
    if kind == "ours":
        plugins.append({"atlas-search": {"index_dir": str(work / f"whoosh-{site_dir.name}"),
                                         "cache_dir": str(work / f"whoosh-{site_dir.name}-cache")}})
    elif kind == "material":
        plugins.append({"search": dict(material_search or MATERIAL_SEARCH)})
    elif kind == "plain":
        pass  # no search plugin (a disabled Material search plugin crashes mkdocs-static-i18n)
    else:
        raise ValueError(kind)
    config["plugins"] = plugins
    work.mkdir(parents=True, exist_ok=True)
    path = work / f"mkdocs.{site_dir.name}.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def run_measured(command: list[str], log, timeout: float, **options) -> tuple[int, float, float]:
    """Run `command` (output to `log`); returns (exit code, peak memory in MiB, CPU seconds of
    the process and the descendants it waited for). Peak memory is the resident
    set of the largest process of its tree (wait4's ru_maxrss covers the process and every
    descendant it waited for, such as the indexer's worker processes). Raises
    subprocess.TimeoutExpired after `timeout` seconds (the process is killed)."""
    proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, **options)
    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode == -signal.SIGKILL and not timer.is_alive():
        raise subprocess.TimeoutExpired(command, timeout)
    return proc.returncode, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def run_mkdocs(config_file: Path, log_file: Path, timeout: float) -> dict:
    """Build in a subprocess (bench.build_runner); returns its result dict, never raises."""
    result_file = log_file.with_suffix(".json")
    result_file.unlink(missing_ok=True)
    started = time.perf_counter()
    try:
        with open(log_file, "w", encoding="utf-8") as log:
            returncode, peak, _cpu = run_measured([sys.executable, "-m", "bench.build_runner", str(config_file),
                                                   str(result_file)], log, timeout, cwd=PROJECT)
    except subprocess.TimeoutExpired:
        return {"ok": False, "error": f"build timed out after {timeout:.0f} s", "wall_s": time.perf_counter() - started}
    try:
        result = json.loads(result_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        tail = log_file.read_text(encoding="utf-8", errors="replace")[-1500:]
        return {"ok": False, "error": f"build process exited with {returncode}: {tail.strip()[-600:]}",
                "wall_s": time.perf_counter() - started}
    if not result.get("ok") and not result.get("error"):
        result["error"] = f"build process exited with {returncode}"
    result["peak_mib"] = peak
    return result


def build_site(kind: str, site_dir: Path, work: Path, timeout: float, **options) -> dict:
    """A clean build: no site, index or search cache of an earlier run is left to reuse."""
    for leftover in (site_dir, work / f"whoosh-{site_dir.name}", work / f"whoosh-{site_dir.name}-cache"):
        shutil.rmtree(leftover, ignore_errors=True)
    try:
        config_file = variant_config(kind, site_dir, work, **options)
    except Exception as exc:  # noqa: BLE001
        return {"ok": False, "error": f"cannot write the {kind} config from mkdocs.yml: {exc}"}
    result = run_mkdocs(config_file, work / f"build-{site_dir.name}.log", timeout)
    result["config"] = str(config_file)
    result["site"] = str(site_dir)
    return result


def pagefind_executable() -> list[str]:
    try:
        from pagefind_bin_extended import get_executable
        return [str(get_executable())]
    except Exception:  # noqa: BLE001 - fall back to the wheel's launcher
        return [sys.executable, "-m", "pagefind"]


def run_pagefind(site_dir: Path, out_dir: Path, log_file: Path, timeout: float) -> dict:
    """Pagefind over built HTML; index time = wall time of the Pagefind binary."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    command = pagefind_executable() + ["--site", str(site_dir), "--output-path", str(out_dir),
                                       "--root-selector", "article"]
    started = time.perf_counter()
    try:
        with open(log_file, "w", encoding="utf-8") as log:
            returncode, peak, cpu = run_measured(command, log, timeout, env={**os.environ, "NO_COLOR": "1"})
    except FileNotFoundError as exc:
        return {"ok": False, "error": f"pagefind not installed ({exc}); pip install -r requirements-bench.txt"}
    except subprocess.TimeoutExpired:
        return {"ok": False, "error": f"pagefind timed out after {timeout:.0f} s"}
    elapsed = time.perf_counter() - started
    if returncode != 0 or not (out_dir / "pagefind.js").exists():
        tail = log_file.read_text(encoding="utf-8", errors="replace")[-600:]
        return {"ok": False, "error": f"pagefind exited with {returncode}: {tail.strip()}", "wall_s": elapsed}
    return {"ok": True, "wall_s": elapsed, "index_s": {"pagefind": elapsed}, "out": str(out_dir),
            "command": " ".join(command), "peak_mib": peak, "cpu_s": cpu}


# --------------------------------------------------------------------------- sizes on disk

CODE_SUFFIXES = {".js", ".css", ".pagefind", ".wasm", ".html"}


def tree_bytes(root: Path, predicate=lambda p: True) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and predicate(p))


def is_data(path: Path) -> bool:
    return path.suffix not in CODE_SUFFIXES


def sizes_ours(site_dir: Path, languages) -> dict:
    root = site_dir / "search"
    if not root.is_dir():
        return {}
    out = {lang: tree_bytes(root / lang, is_data) for lang in languages if (root / lang).is_dir()}
    out["all"] = tree_bytes(root, is_data)
    out["code"] = tree_bytes(root, lambda p: not is_data(p))
    return out


def sizes_material(site_dir: Path, languages, lunr_langs=("en", "ru", "zh")) -> dict:
    index = site_dir / "search" / "search_index.json"
    if not index.is_file():
        return {}
    out = {"all": index.stat().st_size}
    try:
        data = json.loads(index.read_text(encoding="utf-8"))
        for lang in languages:
            docs = [d for d in data.get("docs", []) if d.get("location", "").split("/", 1)[0] == lang]
            out[lang] = len(json.dumps(docs, separators=(",", ":")).encode("utf-8"))
    except ValueError:
        pass
    js = site_dir / "assets" / "javascripts"
    code = sum(p.stat().st_size for p in (js / "workers").glob("search.*.min.js"))
    lunr = js / "lunr" / "min"
    # what Material's worker imports: stemmer support + each non-English language (+ multi for several)
    others = [f"lunr.{l}.min.js" for l in lunr_langs if l != "en"]
    wanted = (["lunr.stemmer.support.min.js"] + others if others else []) + (
        ["lunr.multi.min.js"] if len(lunr_langs) > 1 else [])
    code += sum((lunr / name).stat().st_size for name in wanted if (lunr / name).is_file())
    out["code"] = code
    return out


def sizes_pagefind(out_dir: Path, languages) -> dict:
    if not out_dir.is_dir():
        return {}
    out = {}
    for lang in languages:
        out[lang] = sum(p.stat().st_size for p in out_dir.rglob(f"*{lang}_*") if p.is_file() and is_data(p)
                        and (p.name.startswith(f"{lang}_") or p.name.startswith(f"pagefind.{lang}_")))
    out["all"] = tree_bytes(out_dir, is_data)
    # code a page needs: pagefind.js, its worker and the wasm files (the UI bundles are optional)
    out["code"] = tree_bytes(out_dir, lambda p: p.name in ("pagefind.js", "pagefind-worker.js") or p.suffix == ".pagefind")
    return out
