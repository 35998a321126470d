"""Search benchmark: our search against Material's built-in search and Pagefind, in Chromium.

    .venv/bin/python -m bench.compare [--queries FILE] [--out bench/out] [--engines LIST]
    .venv/bin/python -m bench.compare --scale 1,10,100 [--out bench/out]

Builds the site once per engine (bench.builds), serves each build on 127.0.0.1
(bench.serve), runs every query of the JSON Lines query file through each engine's own
browser search in headless Chromium (bench.browser), and prints one markdown table per
metric (row per language, column per engine); the same numbers go to <out>/results.json and
<out>/tables.md. With --scale, runs the scale mode instead (bench.scale). See bench/README.md.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from . import builds
from .metrics import (ALL_ROW, CROSS_ROW, LANGUAGES, Outcome, QueryFileError, markdown_table, median,
                      order_queries, page_key, pages_in_docs, parse_queries, percentile, quality, write_outputs)

PROJECT = Path(__file__).resolve().parents[1]
DEFAULT_QUERIES = Path(__file__).resolve().parent / "queries.jsonl"
ENGINES = ["ours", "material", "material-en", "pagefind"]
ROWS = LANGUAGES + [CROSS_ROW, ALL_ROW]

# material-en: the configuration that works on this site after testing (see README): a single
# lunr language, so lunr-languages' multi-language trimmer does not strip Persian and Hebrew
# words, and Material's default pipeline (no stemmer), because Material appends a wildcard to
# every query term and lunr does not stem wildcard terms.
MATERIAL_VARIANTS = {
    "material": dict(builds.MATERIAL_SEARCH),
    "material-en": {"lang": ["en"], "separator": builds.MATERIAL_SEARCH["separator"]},
}
I18N_RECONFIGURE = {"material": True, "material-en": False}


class Log:
    def __init__(self):
        self.started = time.perf_counter()

    def __call__(self, message: str) -> None:
        print(f"[{time.perf_counter() - self.started:6.1f}s] {message}", file=sys.stderr, flush=True)


def build_all(engines: list[str], work: Path, timeout: float, log: Log, docs_dir: Path | None = None,
              atlas_check: bool = True) -> dict:
    """Build every requested engine; returns {engine: build result} (failures included)."""
    results = {}
    site = lambda name: work / f"site-{name}"  # noqa: E731
    options = {"docs_dir": docs_dir, "atlas_check": atlas_check}
    if "ours" in engines:
        log("building the site with our search (atlas-search)")
        results["ours"] = builds.build_site("ours", site("ours"), work, timeout, **options)
    for variant in ("material", "material-en"):
        if variant in engines:
            log(f"building the site with Material's search ({variant})")
            results[variant] = build_material(variant, site(variant), work, timeout, **options)
    if "pagefind" in engines:
        log("building the plain site (no search plugin) for Pagefind")
        plain = builds.build_site("plain", site("plain"), work, timeout, **options)
        if plain.get("ok"):
            log("running Pagefind over the plain site")
            result = builds.run_pagefind(site("plain"), work / "pagefind", work / "pagefind.log", timeout)
            result["site"] = str(site("plain"))
            result["site_build"] = {k: plain.get(k) for k in ("wall_s", "config")}
        else:
            result = {"ok": False, "error": f"plain site build failed: {plain.get('error')}"}
        results["pagefind"] = result
    for name, result in results.items():
        log(f"  {name}: " + ("ok" if result.get("ok") else f"FAILED: {result.get('error', '')[:300]}"))
    return results


def build_material(variant: str, site_dir: Path, work: Path, timeout: float, **options) -> dict:
    if site_dir.exists():
        import shutil
        shutil.rmtree(site_dir)
    try:
        config_file = builds.variant_config("material", site_dir, work, material_search=MATERIAL_VARIANTS[variant],
                                            **options)
        import yaml
        config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
        for entry in config["plugins"]:
            if isinstance(entry, dict) and "i18n" in entry:
                entry["i18n"]["reconfigure_search"] = I18N_RECONFIGURE[variant]
        config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    except Exception as exc:  # noqa: BLE001
        return {"ok": False, "error": f"cannot write the {variant} config: {exc}"}
    result = builds.run_mkdocs(config_file, work / f"build-{site_dir.name}.log", timeout)
    result.update(config=str(config_file), site=str(site_dir))
    if result.get("ok"):
        try:
            result["search_config"] = json.loads((site_dir / "search" / "search_index.json")
                                                 .read_text(encoding="utf-8"))["config"]
        except (OSError, ValueError, KeyError):
            pass
    return result


def sizes_for(engine: str, result: dict) -> dict:
    if not result.get("ok"):
        return {}
    if engine == "ours":
        return builds.sizes_ours(Path(result["site"]), LANGUAGES)
    if engine.startswith("material"):
        langs = (result.get("search_config") or {}).get("lang") or ["en"]
        return builds.sizes_material(Path(result["site"]), LANGUAGES, langs)
    if engine == "pagefind":
        return builds.sizes_pagefind(Path(result["out"]), LANGUAGES)
    return {}


def index_times(engine: str, result: dict) -> dict:
    if not result.get("ok"):
        return {}
    out = {}
    label = "material" if engine.startswith("material") else engine
    total = (result.get("index_s") or {}).get(label)
    if total is not None:
        out["all"] = total
    if engine == "ours":
        out.update(result.get("index_s_by_lang") or {})
    return out


def specs_for(build_results: dict):
    from .browser import engine_specs
    get = lambda name, key="site": Path(build_results[name][key]) if build_results.get(name, {}).get("ok") else None  # noqa: E731
    specs = engine_specs(get("ours"), get("material"), get("pagefind", "site"), get("pagefind", "out"))
    if get("material-en"):
        extra = engine_specs(None, get("material-en"), None, None)["material"]
        extra.name = "material-en"
        specs["material-en"] = extra
    return specs


def run_browser(engines: list[str], build_results: dict, queries_by_lang, log: Log, deadline: float,
                query_timeout_ms: int = 20_000) -> dict:
    """{engine: {lang: LangRun}} or {engine: 'error string'} for engines that could not run."""
    runs: dict[str, object] = {}
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        return {e: f"playwright not importable: {exc}" for e in engines}
    specs = specs_for(build_results)
    with sync_playwright() as playwright:
        for engine in engines:
            if not build_results.get(engine, {}).get("ok"):
                runs[engine] = f"build failed: {build_results.get(engine, {}).get('error', 'not built')}"
                continue
            if time.perf_counter() > deadline:
                runs[engine] = "skipped: time budget exhausted"
                log(f"{engine}: skipped (time budget)")
                continue
            log(f"querying {engine} in Chromium")
            try:
                from .browser import run_engine
                runs[engine] = run_engine(playwright, specs[engine], queries_by_lang,
                                          query_timeout_ms=query_timeout_ms, log=log)
            except Exception as exc:  # noqa: BLE001 - the engine's column says so
                runs[engine] = f"browser run failed: {str(exc).splitlines()[0][:300]}"
                log(f"{engine}: {runs[engine]}")
    return runs


# --------------------------------------------------------------------------- aggregation

def summarise(engines, build_results, runs) -> dict:
    """All metrics as {metric: {row: {engine: value or 'failed'}}} plus per-query details."""
    metrics: dict[str, dict[str, dict]]
    metrics = {name: {row: {} for row in ROWS} for name in
               ("success@1", "mrr@10", "recall@5", "first_query_bytes", "first_query_bytes_uncompressed",
                "first_query_ms", "query_ms_median", "query_ms_p95", "index_build_s", "index_size_bytes")}
    details: dict[str, dict] = {}
    status: dict[str, str] = {}
    for engine in engines:
        build = build_results.get(engine, {})
        engine_runs = runs.get(engine)
        failed = None
        if not build.get("ok"):
            failed = "failed (build)"
            status[engine] = f"build failed: {build.get('error', 'not built')}"
        elif isinstance(engine_runs, str) or engine_runs is None:
            failed = "failed (browser)" if engine_runs and not engine_runs.startswith("skipped") else "skipped"
            status[engine] = engine_runs or "not run"
        else:
            status[engine] = "ok"
        sizes, times = sizes_for(engine, build), index_times(engine, build)
        for row in ROWS:
            metrics["index_size_bytes"][row][engine] = sizes.get(row) if build.get("ok") else "failed (build)"
            metrics["index_build_s"][row][engine] = times.get(row) if build.get("ok") else "failed (build)"
        if failed:
            for name in metrics:
                if name not in ("index_size_bytes", "index_build_s"):
                    for row in ROWS:
                        metrics[name][row][engine] = failed
            continue
        outcomes_by_row: dict[str, list[Outcome]] = {row: [] for row in ROWS + SPLIT_ROWS}
        warm_ms: dict[str, list[float]] = {row: [] for row in ROWS}
        per_query, lang_errors = [], []
        for lang, run in engine_runs.items():
            if run.error:
                lang_errors.append(f"{lang}: {run.error}")
            for number, outcome in enumerate(run.outcomes):
                row = outcome.query.row
                outcomes_by_row[row].append(outcome)
                outcomes_by_row[ALL_ROW].append(outcome)
                outcomes_by_row[split_row(row, outcome.query.split)].append(outcome)
                outcomes_by_row[split_row(ALL_ROW, outcome.query.split)].append(outcome)
                if number > 0 and outcome.ms is not None and not outcome.error:
                    warm_ms[row].append(outcome.ms)
                    warm_ms[ALL_ROW].append(outcome.ms)
                expected = {page_key(e) for e in outcome.query.expected}
                rank = next((i + 1 for i, p in enumerate(outcome.ranking[:10]) if p in expected), None)
                per_query.append({"lang": lang, "query_lang": outcome.query.query_lang, "q": outcome.query.q,
                                  "split": outcome.query.split,
                                  "line": outcome.query.line, "expected": list(outcome.query.expected),
                                  "rank": rank, "ranking": outcome.ranking[:10], "ms": outcome.ms,
                                  "cold": number == 0, "error": outcome.error})
            metrics["first_query_bytes"][lang][engine] = run.first_bytes
            metrics["first_query_bytes_uncompressed"][lang][engine] = run.first_bytes_uncompressed
            first = run.outcomes[0] if run.outcomes else None
            metrics["first_query_ms"][lang][engine] = first.ms if first and not first.error else None
        for row in ROWS + SPLIT_ROWS:
            if not outcomes_by_row[row]:
                continue
            q = quality(outcomes_by_row[row])
            for name in ("success@1", "mrr@10", "recall@5"):
                metrics[name].setdefault(row, {})[engine] = q.get(name)
        for row in ROWS:
            metrics["query_ms_median"][row][engine] = median(warm_ms[row])
            metrics["query_ms_p95"][row][engine] = percentile(warm_ms[row], 0.95)
        firsts = [v for lang in LANGUAGES for v in [metrics["first_query_bytes"][lang].get(engine)] if isinstance(v, int)]
        metrics["first_query_bytes"][ALL_ROW][engine] = median(firsts) if firsts else None
        first_ms = [v for lang in LANGUAGES for v in [metrics["first_query_ms"][lang].get(engine)] if isinstance(v, float)]
        metrics["first_query_ms"][ALL_ROW][engine] = median(first_ms) if first_ms else None
        details[engine] = {
            "queries": per_query,
            "errors": lang_errors + [f"{d['lang']} {d['q']!r}: {d['error']}" for d in per_query if d["error"]],
            "first_query_requests": {lang: run.first_requests for lang, run in engine_runs.items()},
            "warm_bytes": {lang: run.warm_bytes for lang, run in engine_runs.items()},
            "ready_ms": {lang: run.ready_ms for lang, run in engine_runs.items()},
        }
        if details[engine]["errors"]:
            status[engine] = f"ok, with {len(details[engine]['errors'])} error(s): " + "; ".join(details[engine]["errors"][:3])
    return {"metrics": metrics, "details": details, "status": status}


TABLES = [
    ("success@1", "Success@1 (the first result is an expected page)", "ratio", ""),
    ("mrr@10", "MRR@10", "ratio", ""),
    ("recall@5", "Recall@5 (share of the expected pages among the first 5)", "ratio", ""),
    ("first_query_bytes", "Bytes transferred for the first query in a cold browser (on the wire, gzip)", "bytes",
     "Search resources only, from navigation to /<lang>/ in a fresh context until the first query's top-10 pages "
     "are known (engine code + index + result data, incl. anything the engine fetches eagerly at page load). "
     "Row `all`: median over languages."),
    ("first_query_ms", "First (cold) query time, ms", "ms",
     "From issuing the first query (page loaded, search idle) to its top-10 result pages; includes downloading "
     "what the engine fetches lazily. Row `all`: median over languages."),
    ("query_ms_median", "Median query time after the first query, ms", "ms", ""),
    ("query_ms_p95", "p95 query time after the first query, ms", "ms", ""),
    ("index_build_s", "Index build time, s", "s",
     "Time spent in the engine's own indexing code: ours = atlas-search plugin hooks, i.e. the time the build "
     "spends on search beyond rendering pages (each language is split, indexed and exported by a worker process "
     "while the next language renders, so the per-language rows show only the hooks); Material = its search "
     "plugin hooks (one merged index; per language only in results.json); Pagefind = wall time of the pagefind "
     "binary over the built HTML."),
    ("index_size_bytes", "Index size on disk (index data, without engine code)", "bytes",
     "ours: search/**/*.json and the index folders' *.json.gz; Material: search/search_index.json (per language: that language's entries); "
     "Pagefind: pagefind-entry.json + *.pf_meta/pf_index/pf_fragment. Engine code sizes are in results.json."),
]


def split_row(row: str, split: str) -> str:
    """The row of a query file's dev or test half (bench/metrics.py: the split rule)."""
    return f"{row} · {split}"


SPLIT_ROWS = [split_row(row, split) for split in ("dev", "test") for row in ROWS]


def render_tables(summary: dict, engines: list[str]) -> str:
    parts = []
    metrics = summary["metrics"]
    for name, title, kind, note in TABLES:
        rows = ROWS if name not in ("first_query_bytes", "first_query_ms") else LANGUAGES + [ALL_ROW]
        if name in ("success@1", "mrr@10", "recall@5"):
            # The dev and test halves, when the query file has a test half.
            halves = [row for row in SPLIT_ROWS if row in metrics[name]]
            rows = ROWS + (halves if any(row.endswith("test") for row in halves) else [])
        if name in ("index_build_s", "index_size_bytes"):
            rows = LANGUAGES + [ALL_ROW]
        parts.append(markdown_table(title, rows, engines, lambda r, e: metrics[name][r].get(e), kind, note))
    status = "\n".join(f"- **{engine}**: {message}" for engine, message in summary["status"].items())
    parts.append("### Engine status\n\n" + status + "\n")
    return "\n".join(parts)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.compare", description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=Path, default=DEFAULT_QUERIES, help="JSON Lines query file")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out",
                        help="output folder (builds, results.json, tables.md)")
    parser.add_argument("--engines", default=",".join(ENGINES), help=f"comma-separated subset of {','.join(ENGINES)}")
    parser.add_argument("--scale", default="", help="run the scale mode with these multiples, e.g. 1,10,100")
    parser.add_argument("--keep-builds", action="store_true",
                        help="scale mode: keep the generated docs, sites and indexes (large at 100x)")
    parser.add_argument("--build-timeout", type=float, default=300, help="seconds per site build")
    parser.add_argument("--query-timeout", type=float, default=20, help="seconds per query")
    parser.add_argument("--budget", type=float, default=540,
                        help="seconds after which engines not yet queried are skipped (default 540)")
    args = parser.parse_args(argv)
    log = Log()
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    unknown = [e for e in engines if e not in ENGINES]
    if unknown:
        parser.error(f"unknown engine(s): {', '.join(unknown)}")
    out = args.out.resolve()
    try:
        queries = parse_queries(args.queries, known_pages=pages_in_docs(PROJECT / "docs"))
    except QueryFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.scale:
        from .scale import run_scale
        return run_scale(args, queries, out, log)

    work = out / "work"
    started = time.perf_counter()
    deadline = started + args.budget
    log(f"{len(queries)} queries from {args.queries}; engines: {', '.join(engines)}; output: {out}")
    build_results = build_all(engines, work, args.build_timeout, log)
    runs = run_browser(engines, build_results, order_queries(queries), log, deadline,
                       query_timeout_ms=int(args.query_timeout * 1000))
    summary = summarise(engines, build_results, runs)
    elapsed = time.perf_counter() - started
    tables = (f"## Search benchmark: {len(queries)} queries ({args.queries.name}), run time {elapsed:.0f} s\n\n"
              + render_tables(summary, engines))
    payload = {"queries_file": str(args.queries), "queries": len(queries), "engines": engines,
               "run_time_s": elapsed, "builds": {e: {k: v for k, v in r.items() if k != "traceback"}
                                                 for e, r in build_results.items()},
               **summary}
    write_outputs(out, payload, tables, "results")
    print(tables)
    log(f"done in {elapsed:.0f} s; wrote {out / 'results.json'} and {out / 'results.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
