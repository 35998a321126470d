"""The command line follows common conventions (issue 12, item 7): --version, --color with
NO_COLOR and the terminal, matches that cannot be taken for citations, results grouped by
page as in the search box, site-root or absolute URLs in --json and --jsonl, start-up without
the index's libraries when none is needed, and a fast "did you mean" with the same answers.

Colour is decided by whether stdout is a terminal, so those tests run the command on a real
pseudo-terminal (pty). Nothing here is timed: speed is measured by bench/indexer_bench.py.
"""
import json
import os
import pty
import random
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from indexer import suggest as suggest_module
from indexer.index import read_lexicon, write_indexes
from indexer.sections import Section

from .conftest import run_cli

ROOT = Path(__file__).resolve().parents[1]
MINI_SITE = ROOT / "tests" / "fixtures" / "mini-site"
BOLD = "\x1b[1m"




def mini_args(mini_site, *args):
    _, index_dir = mini_site
    return ["--index", str(index_dir), "--docs", str(MINI_SITE / "docs"), *args]


def section(page, anchor, text, title=None, page_title=None):
    """A section of page `page` (anchor "" is the page's own text before its first heading)."""
    url = f"en/{page}/" + (f"#{anchor}" if anchor else "")
    return Section(lang="en", page=page, url=url, anchor=anchor, page_title=page_title or page.title(),
                   section_title=title or (anchor.title() if anchor else page_title or page.title()), text=text)


@pytest.fixture
def payroll_index(tmp_path):
    """Three pages about payroll: `ledger` has its own text and fourteen matching sections
    (more than the hits first asked for two pages), `wages` two, `audit` one; page text with
    a citation and a literal asterisk."""
    ledger = "Payroll ledger"   # the query in its title puts the page first
    sections = [section("ledger", "", "Payroll and payroll [zh-amt-2005], a 5* rating.", page_title=ledger)]
    sections += [section("ledger", f"part-{n}", f"Payroll, part {n} of the ledger, in more words than its summary.",
                         page_title=ledger) for n in range(1, 15)]
    sections += [section("wages", "rates", "Payroll rates for wages."), section("wages", "dates", "Payroll dates.")]
    sections += [section("audit", "checks", "An audit of payroll.")]
    write_indexes({"en": sections}, tmp_path / "index", source_hash="test")
    return ["--index", str(tmp_path / "index"), "--docs", str(tmp_path / "no-docs")]


# --- --version -------------------------------------------------------------------------------

def test_version_prints_the_package_version_and_exits_with_0(capsys):
    code, out, err = run_cli(capsys, "--version")
    assert code == 0 and out == f"atlas-search {version('crm-failure-atlas')}\n" and err == ""


@pytest.mark.parametrize("argv", [["--version"], ["--help"]])
def test_version_and_help_load_neither_whoosh_nor_the_index(argv):
    script = (f"import sys\nfrom indexer.cli import main\ncode = main({argv!r})\n"
              "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'whoosh' or m in "
              "('indexer.index', 'indexer.search', 'json'))\nprint(code, loaded)")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.splitlines()[-1] == "0 []", result.stdout + result.stderr


# --- colour: --color, NO_COLOR, the terminal ---------------------------------------------------

def run_on_terminal(args, **environment) -> str:
    """The command's stdout when stdout is a terminal (a pty), with `environment` set (None
    unsets a variable)."""
    env = {**os.environ, "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    for name, value in environment.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    main_end, terminal_end = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "indexer.cli", *args], stdout=terminal_end,
                               stderr=subprocess.PIPE, cwd=ROOT, env=env)
    os.close(terminal_end)
    output = b""
    while True:
        try:
            chunk = os.read(main_end, 65536)
        except OSError:   # the terminal closed with the process (Linux: EIO)
            break
        if not chunk:
            break
        output += chunk
    os.close(main_end)
    assert process.wait() in (0, 1), process.stderr.read()
    return output.decode("utf-8")


def test_matches_are_bold_on_a_terminal_by_default(mini_site):
    out = run_on_terminal(mini_args(mini_site, "integrating"))
    assert BOLD + "integrating" in out and "*integrat" not in out


@pytest.mark.parametrize("no_color", ["1", "true", "0"])
def test_no_color_set_to_anything_turns_colour_off_on_a_terminal(mini_site, no_color):
    out = run_on_terminal(mini_args(mini_site, "integrating"), NO_COLOR=no_color)
    assert "\x1b" not in out and "*integrating*" in out


def test_an_empty_no_color_leaves_colour_on(mini_site):
    assert BOLD in run_on_terminal(mini_args(mini_site, "integrating"), NO_COLOR="")


def test_a_dumb_terminal_gets_no_colour(mini_site):
    assert "\x1b" not in run_on_terminal(mini_args(mini_site, "integrating"), TERM="dumb")


def test_color_never_turns_colour_off_on_a_terminal(mini_site):
    assert "\x1b" not in run_on_terminal(mini_args(mini_site, "--color", "never", "integrating"))


def test_color_always_colours_a_pipe_even_with_no_color_set(mini_site, capsys, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    code, out, _ = run_cli(capsys, *mini_args(mini_site, "--color=always", "integrating"))
    assert code == 0 and BOLD + "integrating" in out


def test_a_pipe_gets_no_colour_by_default(mini_site, capsys, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    code, out, _ = run_cli(capsys, *mini_args(mini_site, "integrating"))
    assert code == 0 and "\x1b" not in out and "*integrating*" in out


def test_colour_is_also_spelled_colour(mini_site, capsys):
    code, out, _ = run_cli(capsys, *mini_args(mini_site, "--colour", "always", "integrating"))
    assert code == 0 and BOLD in out


# --- highlights without colour ----------------------------------------------------------------

def test_a_match_is_marked_with_asterisks_and_a_citation_keeps_its_brackets(payroll_index, capsys):
    code, out, _ = run_cli(capsys, *payroll_index, "--color", "never", "payroll")
    assert code == 0
    assert "*payroll* [zh-amt-2005]" in out and "[payroll]" not in out.lower()


def test_an_asterisk_of_the_page_text_is_escaped_so_it_is_not_taken_for_a_mark(payroll_index, capsys):
    code, out, _ = run_cli(capsys, *payroll_index, "--color", "never", "payroll")
    assert code == 0 and "a 5\\* rating" in out


# --- grouped by page --------------------------------------------------------------------------

def page_blocks(out: str) -> list[list[str]]:
    return [block.splitlines() for block in out.strip().split("\n\n")]


def test_each_page_shows_its_title_and_url_once_then_its_sections(payroll_index, capsys):
    code, out, _ = run_cli(capsys, *payroll_index, "--color", "never", "payroll")
    assert code == 0
    ledger, wages, audit = page_blocks(out)
    assert ledger[:3] == ["1. Payroll ledger", "   /en/ledger/", "   *Payroll* and *payroll* [zh-amt-2005], a 5\\* rating."]
    # Its own text matched best: shown under the title, then three sections, as in the search box.
    assert [line for line in ledger if line.startswith("   › ")] == [
        "   › Part-1  #part-1", "   › Part-2  #part-2", "   › Part-3  #part-3"]
    assert wages[:2] == ["2. Wages", "   /en/wages/"] and out.count("/en/wages/") == 1
    assert audit[0] == "3. Audit"


def test_the_limit_counts_pages_not_sections(payroll_index, capsys):
    code, out, _ = run_cli(capsys, *payroll_index, "--color", "never", "-n", "2", "payroll")
    blocks = page_blocks(out)
    assert code == 0 and [block[0] for block in blocks] == ["1. Payroll ledger", "2. Wages"]
    # The hits first asked for end inside the second page: it still shows both its sections.
    assert [line for line in blocks[1] if line.startswith("   › ")] == ["   › Dates  #dates", "   › Rates  #rates"]


def test_the_real_site_shows_as_many_pages_as_asked_for_a_common_query(built_site, capsys):
    """`data quality` matches several sections of most pages: `-n 10` still gives ten pages."""
    index_dir = ROOT / "build" / "search-index"
    code, out, err = run_cli(capsys, "--index", str(index_dir), "--docs", str(ROOT / "no-docs"), "--json", "-n", "10",
                             "data quality")
    assert code == 0, err
    hits = json.loads(out)["hits"]
    assert sorted({hit["page_rank"] for hit in hits}) == list(range(1, 11))
    assert hits[0]["page"] == "factors/data-quality"


# --- --json and --jsonl -------------------------------------------------------------------------

def test_json_urls_are_site_root_paths(mini_site, capsys):
    code, out, _ = run_cli(capsys, *mini_args(mini_site, "--json", "--lang", "fa", "دادهها"))
    hit = json.loads(out)["hits"][0]
    assert code == 0 and hit["url"] == "/fa/data-quality/#remedies" and hit["page_url"] == "/fa/data-quality/"


@pytest.mark.parametrize("base", ["https://atlas.example.org/crm", "https://atlas.example.org/crm/"])
def test_base_url_makes_every_url_absolute(mini_site, capsys, base):
    code, out, _ = run_cli(capsys, *mini_args(mini_site, "--json", "--base-url", base, "--lang", "fa", "دادهها"))
    hits = json.loads(out)["hits"]
    assert code == 0 and hits
    assert hits[0]["page_url"] == "https://atlas.example.org/crm/fa/data-quality/"
    for hit in hits:
        assert hit["page_url"].startswith("https://atlas.example.org/crm/fa/")
        assert hit["url"].startswith(hit["page_url"] + "#")
    code, out, _ = run_cli(capsys, *mini_args(mini_site, "--base-url", base, "--lang", "fa", "دادهها"))
    assert "   https://atlas.example.org/crm/fa/data-quality/\n" in out


@pytest.mark.parametrize("base", ["atlas.example.org", "/crm/", "ftp://atlas.example.org/", "https://",
                                  "https://atlas.example.org/?x=1", "https://atlas.example.org/#top",
                                  "https://atlas example.org/", "https://[::1/", "https://\x1b]0;x\x07/"])
def test_a_base_url_that_is_not_an_absolute_http_url_is_a_one_line_error(mini_site, capsys, base):
    code, out, err = run_cli(capsys, *mini_args(mini_site, "--base-url", base, "data"))
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and "--base-url" in err
    assert "\x1b" not in err


def test_jsonl_gives_one_hit_per_line_the_same_hits_as_json(mini_site, capsys):
    _, whole, _ = run_cli(capsys, *mini_args(mini_site, "--json", "integrating"))
    code, lines, _ = run_cli(capsys, *mini_args(mini_site, "--jsonl", "integrating"))
    records = [json.loads(line) for line in lines.splitlines()]
    assert code == 0 and len(records) >= 2 and records == json.loads(whole)["hits"]
    assert [record["rank"] for record in records] == list(range(1, len(records) + 1))


def test_jsonl_without_results_prints_nothing_and_says_why_on_stderr(mini_site, capsys):
    code, out, err = run_cli(capsys, *mini_args(mini_site, "--jsonl", "integraton"))
    assert code == 1 and out == "" and "no results for 'integraton'" in err and "did you mean: integration" in err


def test_json_and_jsonl_together_are_a_usage_error(mini_site, capsys):
    code, out, err = run_cli(capsys, *mini_args(mini_site, "--json", "--jsonl", "data"))
    assert code == 2 and out == "" and "not allowed with" in err and len(err.strip().splitlines()) == 1


# --- files that cannot be read ----------------------------------------------------------------

def test_pages_that_cannot_be_read_are_a_one_line_error_not_an_unexpected_one(mini_site, capsys, tmp_path):
    docs = tmp_path / "docs"
    (docs / "en" / "broken.md").mkdir(parents=True)   # a folder where a page should be
    _, index_dir = mini_site
    code, _, err = run_cli(capsys, "--index", str(index_dir), "--docs", str(docs), "data")
    assert code == 2 and "cannot read" in err and "broken.md" in err and "unexpected" not in err, err


# --- "did you mean": fast, with the same answers ------------------------------------------------

def closest_by_scan(word: str, vocabulary: dict):
    """The rule as first written (a scan of the whole vocabulary): what _closest must answer."""
    limit = 1 if len(word) <= 4 else 2
    best, best_key = None, None
    for candidate in vocabulary:
        if abs(len(candidate) - len(word)) > limit:
            continue
        distance = suggest_module._edit_distance(word, candidate, limit)
        if distance <= limit:
            key = (distance, len(candidate), candidate)
            if best_key is None or key < best_key:
                best, best_key = candidate, key
    return best


WORDS = st.text(alphabet="abcdeé\u200c数据", max_size=9)


@settings(max_examples=500, deadline=None)
@given(vocabulary=st.lists(st.text(alphabet="abcdeé\u200c数据", min_size=1, max_size=9), max_size=40), word=WORDS)
def test_the_closest_word_is_the_one_a_scan_of_the_vocabulary_finds(vocabulary, word):
    vocabulary = dict.fromkeys(vocabulary, ["term"])
    assert suggest_module._closest(word, vocabulary) == closest_by_scan(word, vocabulary)


def misspellings(words: list[str], rng: random.Random, count: int) -> list[str]:
    alphabet = sorted({ch for word in words for ch in word})
    out = []
    for _ in range(count):
        word = list(rng.choice(words))
        for _ in range(rng.randint(0, 3)):
            at = rng.randrange(len(word) + 1)
            edit = rng.choice(["insert", "delete", "replace", "swap"])
            if edit == "insert":
                word.insert(at, rng.choice(alphabet))
            elif at < len(word) and edit == "delete":
                del word[at]
            elif at < len(word) and edit == "replace":
                word[at] = rng.choice(alphabet)
            elif at + 1 < len(word):
                word[at], word[at + 1] = word[at + 1], word[at]
        out.append("".join(word))
    return out


@pytest.mark.parametrize("lang", ["en", "zh", "ru", "fa", "he"])
def test_the_closest_word_of_a_real_lexicon_is_the_one_a_scan_finds(built_site, lang):
    lexicon = read_lexicon(ROOT / "build" / "search-index", lang)
    for word in misspellings(list(lexicon), random.Random(lang), 300):
        assert suggest_module._closest(word, lexicon) == closest_by_scan(word, lexicon), word


def test_a_suggestion_measures_only_the_words_that_can_be_that_close(built_site, monkeypatch):
    lexicon = read_lexicon(ROOT / "build" / "search-index", "ru")
    measured = []
    real = suggest_module._edit_distance
    monkeypatch.setattr(suggest_module, "_edit_distance", lambda a, b, limit: measured.append(b) or real(a, b, limit))
    for word in misspellings(list(lexicon), random.Random(7), 50):
        suggest_module._closest(word, lexicon)
    # A scan measures every word of a similar length (thousands each time).
    assert len(measured) < 50 * 20, len(measured)
