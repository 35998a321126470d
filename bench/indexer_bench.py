"""Indexer benchmark: build time, index size and command-line query latency per language.

    .venv/bin/python -m bench.indexer_bench [--index build/search-index] [--scales 1000,10000]

Needs a built index (`make build`). Prints markdown tables; nothing here is a test.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from indexer.index import write_language_index
from indexer.search import search

from .corpus import sections_from_index, synthetic_sections

LANGUAGES = ["en", "zh", "ru", "fa", "he"]
QUERIES = {"en": "data quality", "zh": "数据质量", "ru": "интеграции", "fa": "دادهها", "he": "והנתונים"}


def directory_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def time_build(lang, sections, workdir: Path) -> tuple[float, int]:
    target = workdir / f"{lang}-{len(sections)}"
    started = time.perf_counter()
    write_language_index(lang, sections, target)
    return time.perf_counter() - started, directory_size(target)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def cli_latency(index_dir: Path, lang: str, runs: int) -> tuple[float, float, float]:
    """Wall time of whole `atlas-search` processes: the first (cold) and warm p50/p95."""
    command = [sys.executable, "-m", "indexer.cli", "--index", str(index_dir), "--lang", lang, "--docs", "/nonexistent", QUERIES[lang]]
    times = []
    for _ in range(runs + 1):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True)
        times.append(time.perf_counter() - started)
    return times[0], percentile(times[1:], 0.5), percentile(times[1:], 0.95)


def in_process_latency(index_dir: Path, lang: str, runs: int) -> tuple[float, float]:
    search(index_dir, QUERIES[lang], lang=lang)  # load analyzers and open the index once
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        search(index_dir, QUERIES[lang], lang=lang)
        times.append(time.perf_counter() - started)
    return percentile(times, 0.5), percentile(times, 0.95)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", default="build/search-index")
    parser.add_argument("--scales", default="1000,10000", help="synthetic sections per language")
    parser.add_argument("--runs", type=int, default=10, help="query repetitions for latency")
    args = parser.parse_args(argv)
    index_dir = Path(args.index)
    if not (index_dir / "manifest.json").exists():
        print(f"no index at {index_dir}: run `make build` first", file=sys.stderr)
        return 2
    scales = [int(s) for s in args.scales.split(",") if s]

    print("## Index build time and size per language\n")
    header = "| lang | sections (real) | build s | size KiB |" + "".join(
        f" build s @{n} | size KiB @{n} |" for n in scales)
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    with tempfile.TemporaryDirectory() as work:
        for lang in LANGUAGES:
            real = sections_from_index(index_dir, lang)
            seconds, size = time_build(lang, real, Path(work))
            row = f"| {lang} | {len(real)} | {seconds:.2f} | {size / 1024:.0f} |"
            for n in scales:
                seconds, size = time_build(lang, synthetic_sections(real, n), Path(work))
                row += f" {seconds:.2f} | {size / 1024:.0f} |"
            print(row, flush=True)

    print("\n## Query latency (real pages)\n")
    print("| lang | query | CLI cold s | CLI warm p50 s | CLI warm p95 s | in-process p50 ms | in-process p95 ms |")
    print("|---|---|---|---|---|---|---|")
    for lang in LANGUAGES:
        cold, warm50, warm95 = cli_latency(index_dir, lang, args.runs)
        p50, p95 = in_process_latency(index_dir, lang, args.runs * 5)
        print(f"| {lang} | {QUERIES[lang]} | {cold:.2f} | {warm50:.2f} | {warm95:.2f} | {p50 * 1000:.1f} | {p95 * 1000:.1f} |",
              flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
