"""Scale mode: how build time, index size, first-query bytes and query time grow with the
knowledge base, for our search and Pagefind.

    .venv/bin/python -m bench.compare --scale 1,10,100 [--out bench/out]

For each multiple N the real docs/ tree is copied and, per language, (N - 1) x its real
section count of synthetic sections is added as Markdown pages under docs/<lang>/synthetic/
(20 sections a page). Synthetic text is made from the same language's real pages: sentences
(Markdown, citations and links stripped) sampled with a fixed seed and recombined, and in about
half of them one word (in Chinese a two-character span) is swapped for a word from elsewhere in
that language's pages, so a larger base has new word combinations, different document
frequencies and longer postings instead of the same pages repeated. Section titles are real
section titles of the language with a running number.

Each multiple is built once with our search (the `atlas` plugin keeps its page rendering and
/<lang>/ layout but runs with `check: false`, because synthetic pages are not in the page
inventory; nav stays the real one), and Pagefind runs over that build's HTML (article only, as
in the comparison; our search box in the header is outside <article>). Then every monolingual
query of the query file runs in Chromium exactly as in the comparison. Relevance is not
reported in the tables (synthetic pages are near-duplicates of real ones by construction).
"""
from __future__ import annotations

import math
import random
import re
import shutil
import time
from pathlib import Path

from . import builds
from .metrics import LANGUAGES, markdown_table, median, order_queries, percentile, quality, write_outputs

SECTIONS_PER_PAGE = 20
SENTENCE_END = re.compile(r"(?<=[.!?。！？؟;；])\s*")
HAN = re.compile(r"[\u3400-\u9fff]")


def plain_text(markdown: str) -> tuple[list[str], list[str]]:
    """(sentences, section titles) of one Markdown page."""
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    titles, lines = [], []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            title = re.sub(r"\{[^}]*\}", "", stripped.lstrip("#")).strip()
            if title:
                titles.append(title)
            continue
        if stripped.startswith(("|", "<", "```", ":::", "!!!", "[^")):
            continue
        lines.append(stripped)
    body = " ".join(lines)
    body = re.sub(r"\[@[^\]]*\]", "", body)                     # citations
    body = re.sub(r"\[\[[^\]]*\]\]", "", body)                  # factor links
    body = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", body)      # links -> text
    body = re.sub(r"\{[^}]*\}", "", body)                       # attr lists
    body = re.sub(r"[*_`]+", "", body)
    body = re.sub(r"(^|\s)(?:[-+]|\d+\.)\s+", " ", body)         # list markers
    body = re.sub(r"\s+", " ", body)
    sentences = [s.strip() for s in SENTENCE_END.split(body) if len(s.strip()) > 12]
    return sentences, titles


def language_material(docs: Path, lang: str) -> dict:
    sentences, titles, sections = [], [], 0
    for md in sorted((docs / lang).rglob("*.md")):
        text = md.read_text(encoding="utf-8")
        s, t = plain_text(text)
        sentences += s
        titles += t
        sections += 1 + sum(1 for line in text.splitlines() if line.startswith("## "))
    return {"sentences": sentences, "titles": titles or ["Section"], "sections": sections}


def vary(sentence: str, rng: random.Random, pool: list[str], lang: str) -> str:
    """Swap one word (Chinese: a two-character span) for one drawn from elsewhere in the language."""
    if rng.random() < 0.5:
        return sentence
    donor = rng.choice(pool)
    if lang == "zh" or (HAN.search(sentence) and " " not in sentence):
        if len(sentence) < 6 or len(donor) < 4:
            return sentence
        at, take = rng.randrange(len(sentence) - 2), rng.randrange(len(donor) - 2)
        return sentence[:at] + donor[take:take + 2] + sentence[at + 2:]
    words, donor_words = sentence.split(" "), donor.split(" ")
    if len(words) < 3:
        return sentence
    words[rng.randrange(len(words))] = rng.choice(donor_words)
    return " ".join(words)


def synthetic_pages(material: dict, extra_sections: int, lang: str, seed: int) -> list[str]:
    rng = random.Random(f"{seed}-{lang}")
    pool = material["sentences"]
    pages = []
    for page_number in range(math.ceil(extra_sections / SECTIONS_PER_PAGE)):
        count = min(SECTIONS_PER_PAGE, extra_sections - page_number * SECTIONS_PER_PAGE)
        out = [f"# {rng.choice(material['titles'])} · {page_number + 1}", ""]
        out += [vary(s, rng, pool, lang) for s in rng.sample(pool, k=min(len(pool), rng.randint(2, 4)))]
        out.append("")
        for section in range(count - 1):   # the page's intro counts as one section
            out += [f"## {rng.choice(material['titles'])} {page_number + 1}.{section + 1}", ""]
            body = [vary(s, rng, pool, lang) for s in rng.sample(pool, k=min(len(pool), rng.randint(3, 9)))]
            out += [" ".join(body), ""]
        pages.append("\n".join(out))
    return pages


def make_docs(real_docs: Path, target: Path, multiple: int, seed: int = 7) -> dict[str, int]:
    """Copy docs/ to `target` and add synthetic pages; returns sections per language."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(real_docs, target)
    counts = {}
    for lang in LANGUAGES:
        material = language_material(real_docs, lang)
        extra = (multiple - 1) * material["sections"]
        folder = target / lang / "synthetic"
        for number, page in enumerate(synthetic_pages(material, extra, lang, seed)):
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"p{number:05d}.md").write_text(page, encoding="utf-8")
        counts[lang] = material["sections"] + extra
    return counts


CHART_METRICS = [("index_s", "Index build time", "s"), ("peak_mib", "Peak build memory", "MiB"),
                 ("size", "Index size on disk", "MiB"), ("first_query_bytes", "First-query bytes", "KiB"),
                 ("query_ms_median", "Median query", "ms"), ("query_ms_p95", "p95 query", "ms")]


def write_chart(out: Path, rows: list[str], results: dict, engines: list[str], log) -> Path | None:
    """scale.svg and scale.png: each cost against the multiple, both axes logarithmic."""
    from .plot import loglog_panels, write_png

    scale_of_unit = {"MiB": 1 / 2**20, "KiB": 1 / 1024}
    panels = []
    for metric, title, unit in CHART_METRICS:
        series = {}
        for engine in engines:
            points = []
            for row in rows:
                info = results[row]["engines"].get(engine, {})
                value = info.get("size", {}).get("all") if metric == "size" else info.get(metric)
                if info.get("ok") and isinstance(value, (int, float)) and value > 0:
                    factor = scale_of_unit.get(unit, 1) if metric in ("size", "first_query_bytes") else 1
                    points.append((int(row.rstrip("×")), value * factor))
            series[engine] = points
        panels.append((title, unit, series))
    svg = loglog_panels(panels, "CRM Failure Atlas search vs Pagefind: cost against knowledge-base size (log-log)")
    (out / "scale.svg").write_text(svg, encoding="utf-8")
    try:
        return write_png(svg, out / "scale.png")
    except Exception as exc:  # noqa: BLE001 - the tables and the SVG are written either way
        log(f"scale chart: PNG not written ({exc}); the SVG is in {out / 'scale.svg'}")
        return out / "scale.svg"


def run_scale(args, queries, out: Path, log) -> int:
    from .browser import engine_specs, run_engine

    multiples = [int(m) for m in args.scale.split(",") if m.strip()]
    project = Path(__file__).resolve().parents[1]
    mono = [q for q in queries if not q.cross]
    by_lang = order_queries(mono)
    engines = ["ours", "pagefind"]
    results: dict[str, dict]
    rows, results = [], {}
    started = time.perf_counter()
    for multiple in multiples:
        row = f"{multiple}×"
        rows.append(row)
        work = out / "scale" / f"x{multiple}"
        work.mkdir(parents=True, exist_ok=True)
        log(f"scale {row}: generating docs")
        counts = make_docs(project / "docs", work / "docs", multiple)
        entry: dict = {"sections_per_lang": counts, "sections": sum(counts.values()), "engines": {}}
        results[row] = entry
        timeout = max(args.build_timeout, 60 * multiple)
        log(f"scale {row}: building with our search ({entry['sections']} sections)")
        ours = builds.build_site("ours", work / "site-ours", work, timeout, docs_dir=work / "docs", atlas_check=False)
        pagefind: dict = {"ok": False, "error": "site build failed"}
        if ours.get("ok"):
            log(f"scale {row}: Pagefind over the same HTML")
            pagefind = builds.run_pagefind(work / "site-ours", work / "pagefind", work / "pagefind.log", timeout)
        for engine, build in (("ours", ours), ("pagefind", pagefind)):
            if build.get("ok"):
                sizes = (builds.sizes_ours(work / "site-ours", LANGUAGES) if engine == "ours"
                         else builds.sizes_pagefind(work / "pagefind", LANGUAGES))
                entry["engines"][engine] = {"ok": True, "index_s": (build.get("index_s") or {}).get(engine),
                                            "site_build_s": ours.get("wall_s") if engine == "ours" else None,
                                            "peak_mib": build.get("peak_mib"), "cpu_s": build.get("cpu_s"),
                                            "size": sizes}
            else:
                entry["engines"][engine] = {"ok": False, "error": build.get("error", "")}
                log(f"scale {row}: {engine} FAILED: {build.get('error', '')[:300]}")
        specs = engine_specs(work / "site-ours", None, work / "site-ours", work / "pagefind")
        try:
            from playwright.sync_api import sync_playwright
            with sync_playwright() as playwright:
                for engine in engines:
                    info = entry["engines"][engine]
                    if not info.get("ok"):
                        continue
                    log(f"scale {row}: querying {engine}")
                    try:
                        runs = run_engine(playwright, specs[engine], by_lang,
                                          query_timeout_ms=int(args.query_timeout * 1000) * 3, log=log)
                    except Exception as exc:  # noqa: BLE001
                        info.update(ok=False, error=f"browser run failed: {exc}")
                        continue
                    warm = [o.ms for r in runs.values() for o in r.outcomes[1:] if o.ms is not None and not o.error]
                    firsts = [r.first_bytes for r in runs.values() if r.first_bytes is not None]
                    first_ms = [r.outcomes[0].ms for r in runs.values() if r.outcomes and r.outcomes[0].ms is not None]
                    outcomes = [o for r in runs.values() for o in r.outcomes]
                    info.update(first_query_bytes=median(firsts), first_query_bytes_by_lang={l: r.first_bytes for l, r in runs.items()},
                                first_query_ms=median(first_ms), query_ms_median=median(warm),
                                query_ms_p95=percentile(warm, 0.95), quality=quality(outcomes),
                                errors=sum(1 for o in outcomes if o.error))
        except ImportError as exc:
            for engine in engines:
                entry["engines"][engine].update(ok=False, error=f"playwright not importable: {exc}")
        if not args.keep_builds:   # 100x is over 1 GB of docs, HTML and indexes; logs and configs stay
            for name in ("docs", "site-ours", "pagefind") + tuple(p.name for p in work.glob("whoosh-*")):
                shutil.rmtree(work / name, ignore_errors=True)

    def cell(metric):
        def get(row, engine):
            info = results[row]["engines"].get(engine, {})
            if not info.get("ok"):
                return "failed"
            if metric == "size":
                return info["size"].get("all")
            return info.get(metric)
        return get

    elapsed = time.perf_counter() - started
    parts = [f"## Scale mode: {', '.join(rows)} the real sections per language, run time {elapsed:.0f} s\n",
             "| scale | sections (all languages) | per language |\n|---|---|---|\n" + "".join(
                 f"| {row} | {results[row]['sections']} | "
                 + ", ".join(f"{l} {n}" for l, n in results[row]["sections_per_lang"].items()) + " |\n" for row in rows)]
    for metric, title, kind in [("index_s", "Index build time, s (ours: time the build spends on search beyond rendering pages; Pagefind: its run)", "s"),
                                ("site_build_s", "Whole site build (mkdocs incl. our indexing; Pagefind indexes that same HTML), s", "s"),
                                ("cpu_s", "Build CPU time, s (ours: the whole mkdocs build, rendering included, with its index workers; Pagefind: its binary)", "s"),
                                ("peak_mib", "Peak memory of the build, MiB (largest process: ours the whole mkdocs build with its index workers, Pagefind its binary)", "MiB"),
                                ("size", "Index size on disk (data, all languages)", "bytes"),
                                ("first_query_bytes", "First-query bytes, cold browser (median over languages)", "bytes"),
                                ("first_query_ms", "First (cold) query time, ms (median over languages)", "ms"),
                                ("query_ms_median", "Median query time after the first, ms", "ms"),
                                ("query_ms_p95", "p95 query time after the first, ms", "ms")]:
        parts.append(markdown_table(title, rows, engines, cell(metric), kind).replace("| lang |", "| scale |"))
    tables = "\n".join(parts)
    write_outputs(out, {"multiples": multiples, "run_time_s": elapsed, "results": results}, tables, "scale")
    print(tables)
    chart = write_chart(out, rows, results, engines, log)
    log(f"scale mode done in {elapsed:.0f} s; wrote {out / 'scale.json'}, {out / 'scale.md'}"
        + (f" and {chart}" if chart else ""))
    return 0
