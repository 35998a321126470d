"""Author loop: how long after saving an edit the served preview shows it, search included.

    .venv/bin/python -m bench.author_loop [--rounds 3]

Copies the project's tracked files to a temporary folder, runs `mkdocs serve` there (what
`make serve` runs), and for each kind of edit appends a line with a word that is new to the site
to a page, then polls the served page until it shows the line and the served search index until
its lexicon holds the new word. Also prints what a full `mkdocs build` costs with and without
the search plugin's work (its own log line times it), and what the preview's partial rebuild
costs MkDocs itself. Prints markdown tables; nothing here is a test. The figures depend on the
machine: run it on an idle one.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from indexer.analyzers import get_analyzer
from indexer.query import js_order

PROJECT = Path(__file__).resolve().parent.parent
# (label, page, lines of words the site already has or None, new words or None): one per round
EDITS = [
    ("fa page, known words", "docs/fa/factors/training.md", ["آموزش کاربران", "آموزش مدیران", "آموزش کارکنان",
                                                           "کاربران کلیدی", "مدیران ارشد"], None),
    ("fa page, a new word", "docs/fa/factors/training.md", None, ["پژوهشواژا", "پژوهشواژب", "پژوهشواژت", "پژوهشواژث", "پژوهشواژج"]),
    ("en page, a new word", "docs/en/factors/data-quality.md", None, ["zorbleqa", "zorbleqb", "zorbleqc", "zorbleqd", "zorbleqe"]),
    ("zh page, a new word", "docs/zh/factors/integration.md", None, ["鑫", "淼", "犇", "骉", "羴"]),
    ("he page, a new word", "docs/he/factors/training.md", None, ["זרבלקא", "זרבלקב", "זרבלקג", "זרבלקד", "זרבלקה"]),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def copy_project(target: Path) -> None:
    files = subprocess.run(["git", "ls-files", "-z"], cwd=PROJECT, capture_output=True, check=True).stdout
    for name in files.decode().split("\0"):
        if name and (PROJECT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(PROJECT / name, target / name)


def fetch(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read()
    except OSError:
        return None


def lexicon_has(base: str, lang: str, word: str) -> bool:
    """Does the served search index of `lang` know `word` (as the browser would look it up)?"""
    entry = fetch(f"{base}/search/entry.json")
    if entry is None:
        return False
    meta = fetch(f"{base}/search/{json.loads(entry)['languages'][lang]}")
    if meta is None:
        return False
    meta = json.loads(meta)
    key = get_analyzer(lang).fold(word)
    chunk = max((n for n, first in enumerate(meta["lexicon"]) if js_order(first) <= js_order(key)), default=0)
    data = fetch(f"{base}/search/{lang}/{meta['folder']}/lex.{chunk}{meta.get('fileSuffix', '.json')}")
    if data is None:
        return False
    return key in json.loads(gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data)


def wait_until(check, timeout: float = 60.0, step: float = 0.05) -> float | None:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if check():
            return time.perf_counter() - started
        time.sleep(step)
    return None


def page_url(base: str, page: str) -> str:
    lang, rest = page.split("/", 2)[1:]
    return f"{base}/{lang}/{rest[:-len('.md')]}/"


def serve_rounds(project: Path, rounds: int) -> list[dict]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = (project / "serve.log").open("w")
    env = dict(os.environ, PYTHONPATH=str(project))
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, stdout=log, stderr=subprocess.STDOUT, env=env)
    results = []
    try:
        if wait_until(lambda: fetch(f"{base}/en/") is not None, timeout=300, step=0.5) is None:
            raise SystemExit(f"mkdocs serve did not come up; see {project / 'serve.log'}")
        time.sleep(8)   # the analyzers' background warm-up (hazm, jieba) after the first build
        for round_number in range(rounds):
            for label, page, known, new in EDITS:
                word = new[round_number] if new else None
                line = f"{known[round_number]} {round_number}" if known else word
                assert line is not None   # each edit has known words or new ones
                path = project / page
                lines_before = (project / "serve.log").read_text(encoding="utf-8", errors="replace").count("\n")
                path.write_text(path.read_text(encoding="utf-8") + f"\n\n{line}\n", encoding="utf-8")
                url, lang = page_url(base, page), page.split("/")[1]
                saved = time.perf_counter()
                shown = wait_until(lambda: line.encode() in (fetch(url) or b"")) and time.perf_counter() - saved
                searchable = (wait_until(lambda: lexicon_has(base, lang, word)) and time.perf_counter() - saved
                              if word else shown)
                time.sleep(1.5)   # let the log lines of this rebuild arrive
                tail = (project / "serve.log").read_text(encoding="utf-8", errors="replace").split("\n")[lines_before:]
                results.append({"edit": label, "page": shown, "search": searchable,
                                **rebuild_times("\n".join(tail))})
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    return results


def rebuild_times(log: str) -> dict:
    search = re.findall(r"atlas-search: indexed .* in ([\d.]+) s", log)
    partial = re.findall(r"atlas preview: rebuilt .* in ([\d.]+) s", log)
    out = {"search_part": float(search[-1]) if search else None,
           "rebuild": float(partial[-1]) if partial else None}
    if out["rebuild"] is not None and out["search_part"] is not None:
        out["mkdocs_part"] = out["rebuild"] - out["search_part"]
    return out


def full_builds(project: Path) -> dict:
    """A clean and a no-change full `mkdocs build`, with the search plugin's share of each."""
    out = {}
    env = dict(os.environ, PYTHONPATH=str(project))
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    plain = re.sub(r"^  - atlas-search:?.*\n(?:    .*\n)*", "", config, flags=re.M)
    (project / "mkdocs.plain.yml").write_text(plain, encoding="utf-8")
    for label in ("clean build (empty caches)", "no-change rebuild", "rebuild after one edit",
                  "no-change rebuild without the search plugin"):
        if label.startswith("clean"):
            shutil.rmtree(project / "build", ignore_errors=True)
        if label.startswith("rebuild after"):
            page = project / "docs/ru/factors/training.md"
            page.write_text(page.read_text(encoding="utf-8") + "\n\nобучение персонала\n", encoding="utf-8")
        started = time.perf_counter()
        config_file = "mkdocs.plain.yml" if "without" in label else "mkdocs.yml"
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", config_file, "-d", str(project / "site-full")],
                                cwd=project, capture_output=True, text=True, env=env)
        if result.returncode != 0:
            raise SystemExit(f"{label}: mkdocs build failed: {result.stderr.strip().splitlines()[-1:]}")
        total = time.perf_counter() - started
        search = re.findall(r"atlas-search: indexed .* in ([\d.]+) s", result.stderr)
        out[label] = {"total": total, "search": float(search[-1]) if search else None}
    return out


def seconds(value) -> str:
    return "–" if value is None else f"{value:.2f}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, choices=range(1, 6))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="atlas-author-loop-") as folder:
        project = Path(folder)
        copy_project(project)
        builds = full_builds(project)
        rounds = serve_rounds(project, args.rounds)
    print("## Full `mkdocs build` (all five languages)\n")
    print("| build | total s | search after the last page s | search's share s (total − MkDocs alone) |")
    print("|---|---|---|---|")
    alone = builds["no-change rebuild without the search plugin"]["total"]
    for label, row in builds.items():
        share = None if "without" in label else row["total"] - alone
        print(f"| {label} | {seconds(row['total'])} | {seconds(row['search'])} | {seconds(share)} |")
    print(f"\n## Author loop under `mkdocs serve` (median of {args.rounds} rounds; an edit appends a line)\n")
    print("| edit | page fresh s | search fresh s | partial rebuild s | search's part s | MkDocs' part s |")
    print("|---|---|---|---|---|---|")
    for label, *_ in EDITS:
        rows = [r for r in rounds if r["edit"] == label]

        def median(key):
            values = [value for r in rows if (value := r.get(key)) is not None]
            return statistics.median(values) if values else None
        print(f"| {label} | {seconds(median('page'))} | {seconds(median('search'))} | {seconds(median('rebuild'))} "
              f"| {seconds(median('search_part'))} | {seconds(median('mkdocs_part'))} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
