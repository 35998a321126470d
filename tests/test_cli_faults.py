"""Fault suite for the command line (issue 15, items 4, 5 and 7): a damaged index names the
file and the fix, page text cannot drive the terminal, the index is readable like the site,
and a rebuild on another day gives the same site.

Every damaged-index test damages a copy of the fixture index (tests/conftest.py `mini_site`),
never the shared one.
"""
import datetime as dt
import gzip
import json
import os
import shutil
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from indexer.cli import main as cli_main
from indexer.index import FORMAT_VERSION, write_indexes
from indexer.sections import Section

from .conftest import atlas_mini_config, run_cli

ROOT = Path(__file__).resolve().parents[1]
MINI_SITE = ROOT / "tests" / "fixtures" / "mini-site"
REBUILD = "rebuild with `atlas-search build`"




@pytest.fixture
def index_copy(mini_site, tmp_path):
    """A private copy of the fixture index, free to damage."""
    _, index_dir = mini_site
    copy = tmp_path / "index"
    shutil.copytree(index_dir, copy)
    return copy


def segment_file(index_dir: Path, suffix: str) -> Path:
    (path,) = [p for p in (index_dir / "en").iterdir() if p.name.endswith(suffix)]
    return path


def assert_names_the_file_and_the_fix(code, out, err, path: Path):
    assert code == 2, (out, err)
    assert len(err.strip().splitlines()) == 1, err
    assert str(path) in err and REBUILD in err, err
    assert "unexpected error" not in err and "Traceback" not in err and "stale" not in err, err


def search_damaged(capsys, index_dir):
    return run_cli(capsys, "--index", str(index_dir), "--docs", str(MINI_SITE / "docs"), "--lang", "en", "data")


# --- item 4: every damaged file is named, with the fix ------------------------------------

def truncate(path: Path):
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def empty(path: Path):
    path.write_bytes(b"")


@pytest.mark.parametrize("suffix", [".pst", ".trm", "._stored.col", "._body_len.col"])
@pytest.mark.parametrize("damage", [truncate, empty], ids=["truncated", "empty"])
def test_a_truncated_or_empty_whoosh_segment_file_is_named_with_the_fix(index_copy, capsys, suffix, damage):
    path = segment_file(index_copy, suffix)
    damage(path)
    assert_names_the_file_and_the_fix(*search_damaged(capsys, index_copy), path)


def test_a_segment_file_overwritten_with_garbage_of_the_same_size_is_named(index_copy, capsys):
    path = segment_file(index_copy, ".pst")
    path.write_bytes(b"\x07" * path.stat().st_size)
    assert_names_the_file_and_the_fix(*search_damaged(capsys, index_copy), path)


def test_a_deleted_segment_file_is_named_as_missing(index_copy, capsys):
    path = segment_file(index_copy, "._stored.col")
    path.unlink()
    code, out, err = search_damaged(capsys, index_copy)
    assert_names_the_file_and_the_fix(code, out, err, path)
    assert "missing" in err


def write_json(path: Path, value):
    path.write_text(json.dumps(value), encoding="utf-8")


def manifest_with(index_dir: Path, change):
    manifest = json.loads((index_dir / "manifest.json").read_text(encoding="utf-8"))
    change(manifest)
    write_json(index_dir / "manifest.json", manifest)


def test_a_manifest_that_is_a_list_is_named_with_the_fix(index_copy, capsys):
    write_json(index_copy / "manifest.json", [])
    assert_names_the_file_and_the_fix(*search_damaged(capsys, index_copy), index_copy / "manifest.json")


def test_a_manifest_holding_only_its_format_is_called_corrupt_not_stale(index_copy, capsys):
    write_json(index_copy / "manifest.json", {"format": FORMAT_VERSION})
    code, out, err = search_damaged(capsys, index_copy)
    assert_names_the_file_and_the_fix(code, out, err, index_copy / "manifest.json")
    assert "corrupt" in err


def test_a_manifest_whose_language_entry_is_null_is_named_with_the_fix(index_copy, capsys):
    manifest_with(index_copy, lambda m: m["languages"].update(en=None))
    assert_names_the_file_and_the_fix(*search_damaged(capsys, index_copy), index_copy / "manifest.json")


def test_a_manifest_whose_languages_are_null_is_named_with_the_fix(index_copy, capsys):
    manifest_with(index_copy, lambda m: m.update(languages=None))
    assert_names_the_file_and_the_fix(*search_damaged(capsys, index_copy), index_copy / "manifest.json")


def test_a_manifest_language_entry_without_its_hash_is_named_with_the_fix(index_copy, capsys):
    manifest_with(index_copy, lambda m: m["languages"]["en"].pop("sections_hash"))
    assert_names_the_file_and_the_fix(*search_damaged(capsys, index_copy), index_copy / "manifest.json")


def test_a_page_table_that_is_an_empty_object_is_named_with_the_fix(index_copy, capsys):
    write_json(index_copy / "en" / "pages.json", {})
    assert_names_the_file_and_the_fix(*search_damaged(capsys, index_copy), index_copy / "en" / "pages.json")


def test_a_page_table_pointing_beyond_the_sections_is_named_with_the_fix(index_copy, capsys):
    path = index_copy / "en" / "pages.json"
    table = json.loads(path.read_text(encoding="utf-8"))
    table["pages"] = [[page, first + 1000, lengths, kind] for page, first, lengths, kind in table["pages"]]
    write_json(path, table)
    assert_names_the_file_and_the_fix(*search_damaged(capsys, index_copy), path)


def test_an_empty_lexicon_list_is_named_instead_of_searching_without_it(index_copy, capsys):
    write_json(index_copy / "en" / "lexicon.json", [])
    assert_names_the_file_and_the_fix(*search_damaged(capsys, index_copy), index_copy / "en" / "lexicon.json")


def test_an_empty_lexicon_object_is_named_instead_of_searching_without_it(index_copy, capsys):
    write_json(index_copy / "en" / "lexicon.json", {})
    assert_names_the_file_and_the_fix(*search_damaged(capsys, index_copy), index_copy / "en" / "lexicon.json")


def test_a_lexicon_entry_that_is_not_a_list_of_terms_is_named_with_the_fix(index_copy, capsys):
    write_json(index_copy / "en" / "lexicon.json", {"data": "data"})
    assert_names_the_file_and_the_fix(*search_damaged(capsys, index_copy), index_copy / "en" / "lexicon.json")


def test_a_missing_language_folder_is_named_with_the_fix(index_copy, capsys):
    shutil.rmtree(index_copy / "en")
    code, out, err = search_damaged(capsys, index_copy)
    assert code == 2 and str(index_copy / "en") in err and REBUILD in err and "unexpected" not in err, err


def test_a_query_of_two_dashes_is_searched_not_a_crash(mini_site, capsys):
    _, index_dir = mini_site
    for option in ("--query=--", "-q--"):
        code, _, err = run_cli(capsys, "--index", str(index_dir), "--docs", str(MINI_SITE / "docs"), option)
        assert code == 2 and "nothing to search for in '--'" in err, err


def test_a_limit_of_two_dashes_is_a_one_line_usage_error(mini_site, capsys):
    _, index_dir = mini_site
    code, _, err = run_cli(capsys, "--index", str(index_dir), "--limit=--", "data")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "--limit" in err and "unexpected" not in err, err


OPTIONS = ["-q", "--query", "-l", "--lang", "-n", "--limit", "--json", "--jsonl", "--index", "--docs", "--config",
           "-h", "--help", "--version", "--color", "--colour", "--base-url"]
VALUES = ["--", "-", "-1", "0", "3", "99999999999999999999", "=", "en", "fa", "xx", "EN", "data", "nowhere", "", " ",
          "\x1b[2J", "\u202e", "auto", "always", "never", "https://atlas.example.org/crm", "http://", "ftp://x/",
          "https://[::1/", "javascript:alert(1)", "\udcff", "build"]
# Query text: words of the fixture pages in every language, misspelt, run together or split by
# what a query may hold (ZWNJ, dashes, control and bidi characters, lone surrogates as invalid
# UTF-8 on a command line gives them), and any other text.
QUERY_PIECES = ["data", "quality", "integrating", "integraton", "training", "CRM", "ERP", "KPIs", "e-mail", "2024",
                "数据", "质量", "集成", "数据质量问题", "интеграции", "данных", "обучение", "دادهها", "داده‌ها",
                "یکپارچه", "میکنن", "והנתונים", "נתונים", "ב-CRM", "למה", "why", "the", "*", "[zh-amt-2005]",
                "\u200c", "\u200f", "\u202e", "-", "--", "\x1b[31m", "\x00", "\udcff", "\ufffd", "🔥"]
QUERY_TEXT = st.one_of(
    st.lists(st.sampled_from(QUERY_PIECES), min_size=1, max_size=40).map(" ".join),
    st.lists(st.sampled_from(QUERY_PIECES), min_size=1, max_size=8).map("".join),
    st.text(max_size=60),
    st.text(alphabet=st.characters(min_codepoint=0x0590, max_codepoint=0x06FF), max_size=40),
    st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF), max_size=40),
)
PIECES = st.one_of(
    st.sampled_from(OPTIONS + VALUES),
    st.builds(lambda o, v: f"{o}={v}", st.sampled_from(OPTIONS), st.sampled_from(VALUES)),
    st.builds(lambda o, v: f"{o}{v}", st.sampled_from(["-q", "-l", "-n"]), st.sampled_from(VALUES)),
    st.builds(lambda o, q: f"{o}={q}", st.sampled_from(["--query", "-q", "--lang"]), QUERY_TEXT),
    QUERY_TEXT,
    st.text(max_size=12),
)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(argv=st.lists(PIECES, max_size=6))
@example(argv=["build"])            # the rebuild, here without a config to build from
@example(argv=["--query=--"])
@example(argv=["--jsonl", "--color=always", "--base-url=--", "data"])
def test_no_argument_shape_reaches_unexpected_error(mini_site, tmp_path, monkeypatch, capsys, argv):
    _, index_dir = mini_site
    # Relative paths (--docs=, --config=, `build`) resolve in an empty folder: no real build runs.
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ATLAS_INDEX", raising=False)
    code = cli_main(["--index", str(index_dir), "--docs", str(MINI_SITE / "docs"), *argv])
    captured = capsys.readouterr()
    assert code in (0, 1, 2), argv
    assert "unexpected error" not in captured.err and "Traceback" not in captured.err, (argv, captured.err)
    if code == 2:
        assert len(captured.err.strip().splitlines()) == 1, (argv, captured.err)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=QUERY_TEXT, lang=st.sampled_from([None, "en", "zh", "ru", "fa", "he"]),
       output=st.sampled_from([[], ["--json"], ["--jsonl"], ["--color=always"]]))
def test_no_query_text_reaches_unexpected_error(mini_site, capsys, query, lang, output):
    _, index_dir = mini_site
    argv = ["--index", str(index_dir), "--docs", str(MINI_SITE / "docs"), *output, *(["--lang", lang] if lang else []),
            "--query", query]
    code = cli_main(argv)
    captured = capsys.readouterr()
    assert code in (0, 1, 2), argv
    assert "unexpected error" not in captured.err and "Traceback" not in captured.err, (argv, captured.err)
    if code == 2:
        assert len(captured.err.strip().splitlines()) == 1, (argv, captured.err)
    if "--json" in output and code != 2:
        json.loads(captured.out)
    if "--jsonl" in output:
        assert all(json.loads(line) for line in captured.out.splitlines())


# --- item 5: page text cannot drive the terminal ------------------------------------------

HOSTILE_TITLE = "Payroll \x1b]0;owned\x07guide\u202e"
HOSTILE_BODY = "\x1b[2J\x1b[31mPayroll\x1b[0m data \u202egnilduob\u202c and \u2066isolated\u2069 \x9b1mtext\x07 ends."


@pytest.fixture
def hostile_index(tmp_path):
    section = Section(lang="en", page="hostile", url="en/hostile/#s0", anchor="s0", page_title=HOSTILE_TITLE,
                      section_title=HOSTILE_TITLE, text=HOSTILE_BODY)
    write_indexes({"en": [section]}, tmp_path / "index", source_hash="test")
    return tmp_path / "index"


def test_escape_sequences_and_bidi_overrides_in_page_text_are_printed_cleaned(hostile_index, tmp_path, capsys):
    code, out, err = run_cli(capsys, "--index", str(hostile_index), "--docs", str(tmp_path / "none"), "payroll")
    assert code == 0, err
    for unsafe in ("\x1b", "\x07", "\x9b", "\u202e", "\u202c", "\u2066", "\u2069"):
        assert unsafe not in out, (unsafe, out)
    assert "owned" not in out  # the window-title string went with its escape sequence
    assert "1. Payroll guide" in out and "*Payroll* data gnilduob and isolated" in out, out


def test_json_output_keeps_page_text_as_data_with_unsafe_characters_escaped(hostile_index, tmp_path, capsys):
    code, out, err = run_cli(capsys, "--index", str(hostile_index), "--docs", str(tmp_path / "none"), "--json", "payroll")
    assert code == 0, err
    for unsafe in ("\x1b", "\x07", "\x9b", "\u202e", "\u2066"):
        assert unsafe not in out, (unsafe, out)
    hit = json.loads(out)["hits"][0]
    assert hit["page_title"] == HOSTILE_TITLE and "\u202egnilduob" in hit["snippet"] and "\x9b1m" in hit["snippet"]


def test_a_language_echoed_in_an_error_message_cannot_drive_the_terminal(mini_site, capsys):
    _, index_dir = mini_site
    code, out, err = run_cli(capsys, "--index", str(index_dir), "--docs", str(MINI_SITE / "docs"),
                             "--lang", "\x1b]0;owned\x07\u202e", "data")
    assert code == 2 and "unknown language" in err and "\x1b" not in err and "\u202e" not in err, err


# --- item 7: permissions and reproducible dates --------------------------------------------

def modes(root: Path) -> set:
    return {(p.is_dir(), stat.S_IMODE(p.stat().st_mode)) for p in [root, *root.rglob("*")]}


def test_the_command_line_index_is_readable_like_the_site_search_folder(mini_site):
    site, index_dir = mini_site
    assert modes(index_dir) == {(True, 0o755), (False, 0o644)}
    assert stat.S_IMODE((site / "search").stat().st_mode) == stat.S_IMODE(index_dir.stat().st_mode)


def test_the_index_is_readable_by_all_whatever_the_umask(tmp_path):
    section = Section(lang="en", page="p", url="en/p/#s0", anchor="s0", page_title="P", section_title="S", text="data")
    old = os.umask(0o077)
    try:
        write_indexes({"en": [section]}, tmp_path / "index", source_hash="test")
    finally:
        os.umask(old)
    assert modes(tmp_path / "index") == {(True, 0o755), (False, 0o644)}




@pytest.fixture
def atlas_project(tmp_path):
    """The fixture pages with the `atlas` plugin (content checks off), in a folder of its own."""
    project = tmp_path / "project"
    shutil.copytree(MINI_SITE / "docs", project / "docs")
    (project / "mkdocs.yml").write_text(atlas_mini_config(), encoding="utf-8")
    return project


def build_on(project: Path, site: Path, day: dt.datetime, monkeypatch) -> Path:
    """Build in-process with the clock reading `day` (as MkDocs sees it)."""
    import mkdocs.utils
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    class Clock(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return day.astimezone(tz) if tz else day.replace(tzinfo=None)

    with monkeypatch.context() as patch:
        patch.setattr(mkdocs.utils, "datetime", Clock)
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(site)))
    return site


def site_files(site: Path) -> dict:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_two_builds_on_different_days_give_the_same_sitemap(atlas_project, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = build_on(atlas_project, tmp_path / "first", dt.datetime(2031, 3, 4, 12, tzinfo=dt.UTC), monkeypatch)
    assert "SOURCE_DATE_EPOCH" not in os.environ  # the plugin leaves the environment as it found it
    second = build_on(atlas_project, tmp_path / "second", dt.datetime(2032, 9, 10, 23, tzinfo=dt.UTC), monkeypatch)
    sitemap = (first / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>" in sitemap and "2031-03-04" not in sitemap
    assert (first / "sitemap.xml").read_bytes() == (second / "sitemap.xml").read_bytes()
    assert gzip.decompress((first / "sitemap.xml.gz").read_bytes()) == (first / "sitemap.xml").read_bytes()
    assert site_files(first) == site_files(second)


def test_source_date_epoch_set_by_the_caller_dates_the_sitemap(atlas_project, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2001, 2, 3, tzinfo=dt.UTC).timestamp())))
    site = build_on(atlas_project, tmp_path / "site", dt.datetime(2031, 3, 4, tzinfo=dt.UTC), monkeypatch)
    assert "<lastmod>2001-02-03</lastmod>" in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_without_git_history_the_content_is_dated_by_its_newest_file(tmp_path):
    from atlas.plugin import content_epoch
    pages = tmp_path / "pages"
    (pages / "en").mkdir(parents=True)
    for name, when in (("a.md", 1_000_000_000), ("b.md", 1_200_000_000)):
        (pages / "en" / name).write_text("# Page\n", encoding="utf-8")
        os.utime(pages / "en" / name, (when, when))
    assert content_epoch([pages]) == 1_200_000_000
