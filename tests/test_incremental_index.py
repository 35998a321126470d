"""Incremental indexing (issue 13): a rebuild reuses what an earlier build analysed and
exported, and what it writes is byte for byte what a clean build writes.

Each test builds a copy of the fixture site (six languages) with the real `mkdocs build`.
"""
import json
import re
import os
import shutil
import subprocess
import sys
from pathlib import Path

from indexer.analysis_cache import AnalysisCache, line_check
from indexer.analyzers import get_analyzer

ROOT = Path(__file__).resolve().parents[1]
MINI_SITE = ROOT / "tests" / "fixtures" / "mini-site"

# Builds the site in-process and reports the atlas-search log line and whether hazm was imported.
BUILD_AND_REPORT = """
import logging, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
lines = []
class Keep(logging.Handler):
    def emit(self, record):
        lines.append(record.getMessage())
logging.getLogger("mkdocs.plugins.atlas-search").addHandler(Keep())
logging.getLogger("mkdocs.plugins.atlas-search").setLevel(logging.INFO)
build(load_config("mkdocs.yml", site_dir=sys.argv[1]))
print([line for line in lines if line.startswith("atlas-search: indexed")][-1])
print("hazm imported" if "hazm" in sys.modules else "hazm not imported")
"""


def copy_site(tmp_path: Path, name: str) -> Path:
    project = tmp_path / name
    shutil.copytree(MINI_SITE, project, ignore=shutil.ignore_patterns("build", "site"))
    return project


def build(project: Path, workers: int = 0) -> list[str]:
    """Builds; with workers=1 every language is indexed in this process (so the hazm check sees it)."""
    env = dict(os.environ, ATLAS_SEARCH_WORKERS=str(workers)) if workers else None
    result = subprocess.run([sys.executable, "-c", BUILD_AND_REPORT, str(project / "site")], cwd=project,
                            capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def tree(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def outputs(project: Path) -> dict[str, dict[str, bytes]]:
    return {"index": tree(project / "build" / "search-index"), "export": tree(project / "site" / "search")}


def edit(project: Path) -> None:
    for page, line in (("fa/training.md", "آموزش کارکنان تازه‌وارد پس از راه‌اندازی"),
                       ("en/data-quality.md", "Duplicates come back when nobody owns the customer data.")):
        path = project / "docs" / page
        path.write_text(path.read_text(encoding="utf-8") + f"\n\n{line}\n", encoding="utf-8")


def test_a_rebuild_after_an_edit_writes_the_same_bytes_as_a_clean_build(tmp_path):
    incremental = copy_site(tmp_path, "incremental")
    build(incremental)
    edit(incremental)
    log, _ = build(incremental)
    assert re.search(r"fa \d+ \(\d+ texts analysed\)", log) and re.search(r"ru \d+ \(unchanged\)", log), log
    clean = copy_site(tmp_path, "clean")
    edit(clean)
    build(clean)
    assert outputs(incremental) == outputs(clean)


def test_a_rebuild_with_no_change_analyses_nothing_and_never_imports_hazm(tmp_path):
    project = copy_site(tmp_path, "site")
    first, hazm_first = build(project, workers=1)
    assert hazm_first == "hazm imported"
    before = outputs(project)
    again, hazm_again = build(project, workers=1)
    fixture_languages = len(re.findall(r"- \{locale: ", (project / "mkdocs.yml").read_text(encoding="utf-8")))
    assert fixture_languages == 6 and again.count("(unchanged)") == fixture_languages, again
    assert hazm_again == "hazm not imported"
    assert outputs(project) == before


def test_a_damaged_cache_is_ignored_and_the_build_comes_out_the_same(tmp_path):
    project = copy_site(tmp_path, "site")
    build(project)
    expected = outputs(project)
    cache = project / "build" / "search-cache"
    (cache / "analysis" / "fa.jsonl").write_text('{"analyzer": "x"}\n0123\t["b", 0, 0, 9]\n')
    (cache / "analysis" / "en.jsonl").write_bytes(b"\x00not json")
    ru = cache / "analysis" / "ru.jsonl"          # right version, every record garbled
    header, *lines = ru.read_text(encoding="utf-8").splitlines()
    ru.write_text("\n".join([header] + [line.rsplit("\t", 1)[0] + '\t["x", 0, 0, 1]' for line in lines]) + "\n")
    for stored in (cache / "export").rglob("terms.*"):
        stored.write_bytes(b"{}")
    shutil.rmtree(project / "build" / "search-index")      # so every language is rebuilt
    log, _ = build(project)
    assert "(unchanged)" not in log
    assert outputs(project) == expected


def test_a_recorded_analysis_with_offsets_outside_its_text_is_analysed_again(tmp_path):
    path = tmp_path / "en.jsonl"
    cache = AnalysisCache("en", path)
    cache.record("Customer data")
    cache.save()
    header, line = path.read_text(encoding="utf-8").splitlines()
    key = line.split("\t")[0]
    record = '["custom", 0, 0, 99]'     # checksummed as the cache writes it, but out of bounds
    path.write_text(f"{header}\n{key}\t{line_check(key, record)}\t{record}\n", encoding="utf-8")
    again = AnalysisCache("en", path)
    assert again.record("Customer data")[0::4] == ["custom", "data"]
    assert again.analysed == 1


def test_persian_words_seen_by_an_earlier_build_are_analysed_without_hazm(tmp_path, monkeypatch):
    path = tmp_path / "fa.jsonl"
    first = AnalysisCache("fa", path)
    expected = first.record("کیفیت داده‌ها")
    first.save()
    persian = get_analyzer("fa")
    for table in persian.memo.values():
        table.clear()                       # as in a new process
    import indexer.analyzers.fa as fa

    def no_hazm():
        raise AssertionError("hazm was needed")
    monkeypatch.setattr(fa, "hazm_tools", no_hazm)
    second = AnalysisCache("fa", path)
    # A new text (another order, another word already seen as part of the first text).
    assert second.record("داده‌ها کیفیت")[0] == expected[4]
    assert second.analysed == 1


def test_a_preview_rebuild_of_the_edited_language_serves_the_edit_and_the_full_search_index(tmp_path):
    """`mkdocs serve` rebuilds only the edited language (atlas/preview.py); the served search
    index is still every language's, byte for byte what a full build makes."""
    preview = copy_site(tmp_path, "preview")
    build(preview)
    script = """
import logging, sys
logging.basicConfig(level=logging.INFO)
from mkdocs.config import load_config
from atlas.preview import PreviewBuilder
config = load_config("mkdocs.yml", site_dir=sys.argv[1])
def full_build():
    raise SystemExit("a full build was started for a page edit")
builder = PreviewBuilder(config, full_build)
page = config.docs_dir + "/fa/training.md"
open(page, "a", encoding="utf-8").write("\\n\\nآموزش کارکنان تازه‌وارد پس از راه‌اندازی\\n")
builder()
"""
    result = subprocess.run([sys.executable, "-c", script, str(preview / "site")], cwd=preview,
                            capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert result.returncode == 0, result.stderr
    assert "rebuilt fa only" in result.stderr
    assert "تازه‌وارد" in (preview / "site" / "fa" / "training" / "index.html").read_text(encoding="utf-8")
    clean = copy_site(tmp_path, "clean")
    (clean / "docs" / "fa" / "training.md").write_text(
        (preview / "docs" / "fa" / "training.md").read_text(encoding="utf-8"), encoding="utf-8")
    build(clean)
    assert outputs(preview) == outputs(clean)


def test_the_preview_rebuilds_everything_when_a_file_outside_the_language_folders_changes():
    from atlas.preview import changed_languages

    before = {"fa/a.md": (1, 1), "en/b.md": (1, 1), "assets/x.css": (1, 1)}
    assert changed_languages(before, dict(before, **{"fa/a.md": (2, 1)}), ["en", "fa"]) == {"fa"}
    assert changed_languages(before, dict(before, **{"fa/new.md": (2, 1)}), ["en", "fa"]) == {"fa"}
    assert changed_languages(before, dict(before, **{"assets/x.css": (2, 1)}), ["en", "fa"]) is None
    assert changed_languages(before, before, ["en", "fa"]) == set()


def test_a_language_whose_indexing_fails_stops_the_build_naming_it_and_keeps_the_last_index(tmp_path):
    project = copy_site(tmp_path, "site")
    build(project)
    before = tree(project / "build" / "search-index")
    script = """
import sys
import indexer.index
from mkdocs.commands.build import build
from mkdocs.config import load_config
written = indexer.index.write_language_index
def failing(lang, *args, **kwargs):
    if lang == "fa":
        raise MemoryError("no room for Persian")
    return written(lang, *args, **kwargs)
indexer.index.write_language_index = failing
build(load_config("mkdocs.yml", site_dir=sys.argv[1]))
"""
    edit(project)           # fa and en must be rebuilt
    result = subprocess.run([sys.executable, "-c", script, str(project / "site")], cwd=project,
                            capture_output=True, text=True)
    assert result.returncode != 0
    assert "indexing 'fa' failed: MemoryError: no room for Persian" in result.stderr
    assert tree(project / "build" / "search-index") == before
    assert not [p for p in (project / "build").iterdir() if p.name.startswith(".search-index.")], "staging left behind"


def test_a_lone_surrogate_in_a_persian_text_never_stops_the_cache_from_being_written(tmp_path):
    path = tmp_path / "fa.jsonl"
    cache = AnalysisCache("fa", path)
    cache.record("داده\ud800ها و کیفیت")     # hostile text: the word memo sees the raw surrogate
    cache.save()
    header, *lines = path.read_text(encoding="utf-8").splitlines()
    assert json.loads(header)["memo"]["lemma"] and lines


def test_an_edited_data_file_is_read_again_by_the_next_build_in_the_same_process(tmp_path):
    """`mkdocs serve` keeps one process: the atlas plugin empties the data caches when a file
    under atlas/data changed (here a stand-in folder), so an edited terminology table shows."""
    from atlas.figures import load_words
    from atlas.model import reload_data_if_changed

    (tmp_path / "terminology.yml").write_text("a: 1\n", encoding="utf-8")
    reload_data_if_changed(tmp_path)
    load_words()
    assert load_words.cache_info().currsize == 1
    assert not reload_data_if_changed(tmp_path)          # nothing changed: the cache stays
    assert load_words.cache_info().currsize == 1
    (tmp_path / "terminology.yml").write_text("a: 2, b: 3\n", encoding="utf-8")
    assert reload_data_if_changed(tmp_path)
    assert load_words.cache_info().currsize == 0


def test_a_cached_export_is_keyed_by_every_indexer_module_the_export_takes_values_from():
    # The ranking constants moved from index.py to ranking.py once, and a build with a new
    # field weight kept serving the cached meta files with the old one.
    import ast
    import indexer.export
    source = Path(indexer.export.__file__).read_text(encoding="utf-8")
    imported = {f"{node.module}.py" for node in ast.walk(ast.parse(source))
                if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module}
    assert imported, "export.py imports nothing from the indexer package?"
    assert imported | {"export.py"} <= set(indexer.export.EXPORTED_FROM)
