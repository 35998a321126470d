"""End to end: build the six-language fixture site with the real plugin, then search it.

The expected top results live in tests/golden/ranking/mini-site.tsv, which the browser search
tests read too.
"""
import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from indexer.index import write_indexes
from indexer.search import search
from indexer.sections import Section

from .conftest import run_cli

ROOT = Path(__file__).resolve().parents[1]
MINI_SITE = ROOT / "tests" / "fixtures" / "mini-site"
RANKING = ROOT / "tests" / "golden" / "ranking" / "mini-site.tsv"


def ranking_cases():
    with RANKING.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return [pytest.param(r["lang"], r["query"], r["top_page"], id=f"{r['lang']}-{r['case']}") for r in rows]


@pytest.mark.parametrize("lang,query,top_page", ranking_cases())
def test_expected_page_ranks_first(mini_site, lang, query, top_page):
    _, index_dir = mini_site
    response = search(index_dir, query, lang=lang)
    assert response.hits, f"no hits for {query!r}"
    assert response.hits[0].page == top_page, [(h.page, h.score) for h in response.hits[:3]]


def test_words_spread_over_one_page_are_a_full_match(mini_site):
    _, index_dir = mini_site
    response = search(index_dir, "duplicated audit", lang="en")
    assert not response.partial
    assert sorted(hit.url for hit in response.hits) == ["data-quality/#remedies", "data-quality/#symptoms"]


def sections_of(page: str, *texts: str) -> list[Section]:
    return [Section(lang="en", page=page, url=f"en/{page}/#s{n}", anchor=f"s{n}", page_title=page.title(),
                    section_title=f"Part {n}", text=text) for n, text in enumerate(texts)]


def test_page_holding_every_word_outranks_a_page_repeating_some(tmp_path):
    sections = (sections_of("repeats", "CRM failure. CRM failure. CRM failure, again CRM failure.")
                + sections_of("holds-all", "The CRM budget grew.", "A failure followed the overrun."))
    write_indexes({"en": sections}, tmp_path / "index", source_hash="test")
    response = search(tmp_path / "index", "crm failure overrun", lang="en")
    assert [hit.page for hit in response.hits] == ["holds-all", "holds-all", "repeats"]
    assert not response.partial


def test_a_partial_response_says_how_much_of_the_query_its_best_page_holds(tmp_path):
    sections = sections_of("budget", "The CRM budget grew.") + sections_of("other", "A failure.")
    write_indexes({"en": sections}, tmp_path / "index", source_hash="test")
    response = search(tmp_path / "index", "crm budget overrun", lang="en")
    assert response.partial and response.coverage == round(2 / 3, 9)
    assert search(tmp_path / "index", "crm budget", lang="en").coverage == 1.0


def test_a_page_section_order_follows_the_sections_own_scores(tmp_path):
    sections = sections_of("page", "Nothing here.", "Budget overrun.", "Budget overrun, budget overrun, budget.")
    write_indexes({"en": sections}, tmp_path / "index", source_hash="test")
    response = search(tmp_path / "index", "budget", lang="en")
    assert [hit.url for hit in response.hits] == ["en/page/#s2", "en/page/#s1"]


def test_hits_link_to_their_section_anchor(mini_site):
    _, index_dir = mini_site
    response = search(index_dir, "cleanse", lang="en")
    # The fixture has no atlas plugin, so its default language stays at the site root.
    assert response.hits[0].url == "data-quality/#remedies"
    assert response.hits[0].section_title == "Remedies"


def test_language_is_guessed_from_the_script(mini_site):
    _, index_dir = mini_site
    assert search(index_dir, "והנתונים").lang == "he"
    assert search(index_dir, "интеграция").lang == "ru"
    # Arabic shares Persian's script and is detected after it: an Arabic query needs --lang ar.
    assert search(index_dir, "البيانات").lang == "fa"
    assert search(index_dir, "البيانات", lang="ar").hits[0].page == "data-quality"


def test_rebuilding_gives_byte_identical_indexes(mini_site, tmp_path):
    site, index_dir = mini_site
    before = {p.relative_to(index_dir): p.read_bytes() for p in index_dir.rglob("*") if p.is_file()}
    exported = {p.relative_to(site / "search"): p.read_bytes() for p in (site / "search").rglob("*") if p.is_file()}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "again")],
                            cwd=MINI_SITE, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    after = {p.relative_to(index_dir): p.read_bytes() for p in index_dir.rglob("*") if p.is_file()}
    again = {p.relative_to(tmp_path / "again" / "search"): p.read_bytes()
             for p in (tmp_path / "again" / "search").rglob("*") if p.is_file()}
    assert before == after
    assert exported == again




def test_cli_prints_ranked_pages_with_their_sections_anchors_and_highlights(mini_site, capsys):
    _, index_dir = mini_site
    code, out, err = run_cli(capsys, "--index", str(index_dir), "--docs", str(MINI_SITE / "docs"), "integrating")
    assert code == 0, err
    assert out.startswith("1. Integration problems\n   /integration/\n")
    assert "   › Remedies  #remedies\n" in out and "*integrating*" in out


def test_cli_json_output_is_machine_readable(mini_site, capsys):
    _, index_dir = mini_site
    code, out, _ = run_cli(capsys, "--index", str(index_dir), "--docs", str(MINI_SITE / "docs"), "--json", "--lang", "fa", "دادهها")
    data = json.loads(out)
    assert code == 0 and data["lang"] == "fa" and data["hits"][0]["page"] == "data-quality"
    assert data["hits"][0]["url"].startswith("/fa/data-quality/#")


def test_cli_suggests_a_spelling_when_nothing_matches(mini_site, capsys):
    _, index_dir = mini_site
    code, out, _ = run_cli(capsys, "--index", str(index_dir), "--docs", str(MINI_SITE / "docs"), "integraton")
    assert code == 1
    assert "Did you mean: integration" in out


@pytest.mark.parametrize("args,message", [
    (["--lang", "xx", "data"], "unknown language 'xx'"),
    (["   "], "empty query"),
    (["--lang", "en", "the and of"], "only stop words"),
])
def test_cli_bad_input_is_one_clear_line(mini_site, capsys, args, message):
    _, index_dir = mini_site
    code, out, err = run_cli(capsys, "--index", str(index_dir), "--docs", str(MINI_SITE / "docs"), *args)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_cli_reports_a_missing_index(tmp_path, capsys):
    code, _, err = run_cli(capsys, "--index", str(tmp_path / "nowhere"), "data")
    assert code == 2 and "no search index" in err


def test_cli_reports_a_stale_index(mini_site, tmp_path, capsys):
    _, index_dir = mini_site
    docs = tmp_path / "docs"
    subprocess.run(["cp", "-r", str(MINI_SITE / "docs"), str(docs)], check=True)
    (docs / "en" / "training.md").write_text("# Changed\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "--index", str(index_dir), "--docs", str(docs), "training")
    assert code == 2 and "stale" in err


def test_cli_reports_a_corrupt_index(mini_site, tmp_path, capsys):
    _, index_dir = mini_site
    broken = tmp_path / "index"
    subprocess.run(["cp", "-r", str(index_dir), str(broken)], check=True)
    for segment in (broken / "en").glob("*.seg"):
        segment.write_bytes(b"garbage")
    for toc in (broken / "en").glob("*.toc"):
        toc.write_bytes(b"garbage")
    code, _, err = run_cli(capsys, "--index", str(broken), "--lang", "en", "data")
    assert code == 2 and "corrupt" in err and "Traceback" not in err


def test_cli_survives_lone_surrogates_and_huge_queries(mini_site):
    _, index_dir = mini_site
    huge = "data " * 2000
    # Invalid UTF-8 on the command line reaches Python as lone surrogates (surrogateescape).
    for query in [b"\xff\xed\xa0\x80 data", huge.encode(), ("\u200f\u200c\u200d" * 50).encode(), "💥🔥 CRM".encode()]:
        result = subprocess.run([sys.executable, "-m", "indexer.cli", "--index", str(index_dir), "--docs", str(MINI_SITE / "docs"), query],
                                capture_output=True, text=True, errors="replace")
        assert result.returncode in (0, 1, 2), result.stderr
        assert "Traceback" not in result.stderr


def stored_sections(index_dir, lang) -> list[Section]:
    from indexer.index import open_language_index
    with open_language_index(index_dir, lang).reader() as reader:
        return [Section(lang=lang, page=d["page"], url=d["url"], anchor=d.get("anchor", ""), page_title=d["page_title"],
                        section_title=d["section_title"], text=d.get("body", ""))
                for d in (reader.stored_fields(n) for n in range(reader.doc_count_all()))]


@pytest.mark.parametrize("lang", ["en", "zh", "ru", "fa", "he", "ar"])
def test_lexicon_recorded_while_indexing_equals_a_separate_analysis(mini_site, lang):
    from indexer.index import read_lexicon, surface_lexicon
    _, index_dir = mini_site
    assert read_lexicon(index_dir, lang) == surface_lexicon(lang, stored_sections(index_dir, lang))
