"""Smoke tests for the search benchmark harness (bench/): no browser, no build, no timing."""
import json
from pathlib import Path

import pytest

from bench.browser import to_reader_ranking
from bench.metrics import order_queries
from bench.metrics import (Outcome, Query, QueryFileError, dedupe, markdown_table, median, page_key,
                           parse_queries, percentile, quality, recall_at, reciprocal_rank, success_at)
from bench.scale import plain_text, synthetic_pages


def write(tmp_path, lines):
    path = tmp_path / "queries.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_metrics_on_a_toy_ranking():
    ranking = ["glossary", "factors/data-quality", "factors/integration", "statistics", "", "about"]
    assert success_at(ranking, ["factors/data-quality"]) == 0.0
    assert success_at(ranking, ["glossary"]) == 1.0
    assert reciprocal_rank(ranking, ["factors/data-quality"]) == 0.5
    assert reciprocal_rank(ranking, ["factors/integration", "statistics"]) == pytest.approx(1 / 3)
    assert reciprocal_rank(ranking, ["factors/training"]) == 0.0
    assert reciprocal_rank(ranking, ["about"], k=5) == 0.0          # rank 6 is outside @5
    assert recall_at(ranking, ["factors/data-quality", "factors/training"]) == 0.5
    assert recall_at(ranking, ["", "statistics"]) == 1.0            # home page is ""
    q = lambda *expected: Query("en", "x", expected, "en")          # noqa: E731
    summary = quality([Outcome(q("glossary"), ranking), Outcome(q("factors/integration"), ranking),
                       Outcome(q("factors/training"), [], error="timeout")])
    assert summary["n"] == 3
    assert summary["success@1"] == pytest.approx(1 / 3)
    assert summary["mrr@10"] == pytest.approx((1 + 1 / 3 + 0) / 3)
    assert summary["recall@5"] == pytest.approx(2 / 3)


def test_page_keys_and_rankings_in_the_reader_language():
    assert page_key("factors/") == page_key("factors") == page_key("/factors/") == "factors"
    assert page_key("") == page_key("/") == page_key("index.html") == ""
    assert page_key("statistics/#idc") == "statistics"
    raw = ["/fa/factors/data-quality/", "en/factors/data-quality/", "fa/factors/data-quality/#summary", "/fa/"]
    assert to_reader_ranking(raw, "fa") == ["factors/data-quality", "[en]factors/data-quality", ""]
    assert dedupe(["a", "b", "a", "c"]) == ["a", "b", "c"]


def test_percentiles():
    assert median([3, 1, 2]) == 2
    assert median([1, 2, 3, 4]) == 2.5
    assert percentile(list(range(1, 21)), 0.95) == 19
    assert percentile([], 0.95) is None


def test_query_file_parsing(tmp_path):
    path = write(tmp_path, [
        "# a comment",
        json.dumps({"lang": "fa", "q": "کیفیت داده", "expected": ["factors/data-quality"]}, ensure_ascii=False),
        "",
        json.dumps({"lang": "fa", "q": "data quality", "query_lang": "en", "expected": ["factors/data-quality"]}),
    ])
    queries = parse_queries(path)
    assert [q.line for q in queries] == [2, 4]
    assert not queries[0].cross and queries[0].row == "fa"
    assert queries[1].cross and queries[1].row == "cross-language" and queries[1].query_lang == "en"
    ordered = order_queries(list(reversed(queries)))
    assert [q.q for q in ordered["fa"]] == ["کیفیت داده", "data quality"]   # cold query is monolingual


@pytest.mark.parametrize("bad, message", [
    ('{"lang": "fa", "q": "x", "expected": ["a"]', "not valid JSON"),
    ('{"lang": "xx", "q": "x", "expected": ["a"]}', "'lang' must be one of"),
    ('{"lang": "fa", "q": "  ", "expected": ["a"]}', "'q' must be a non-empty string"),
    ('{"lang": "fa", "q": "x", "expected": "factors/a"}', "'expected' must be a non-empty list"),
    ('{"lang": "fa", "q": "x", "expected": ["a"], "query_lang": "de"}', "'query_lang' must be one of"),
    ('{"lang": "fa", "q": "x", "expected": ["a"], "extra": 1}', "unknown field(s): extra"),
    ('["fa", "x"]', "expected a JSON object"),
])
def test_malformed_line_names_file_and_line(tmp_path, bad, message):
    good = json.dumps({"lang": "en", "q": "data quality", "expected": ["factors/data-quality"]})
    path = write(tmp_path, [good, good, bad])
    with pytest.raises(QueryFileError) as info:
        parse_queries(path)
    assert f"{path}:3:" in str(info.value)
    assert message in str(info.value)


def test_unknown_expected_page_and_empty_file(tmp_path):
    path = write(tmp_path, [json.dumps({"lang": "he", "q": "x", "expected": ["factors/nope"]})])
    with pytest.raises(QueryFileError, match=r"queries\.jsonl:1: expected page\(s\) 'factors/nope'"):
        parse_queries(path, known_pages={"he": {"factors/data-quality"}})
    empty = write(tmp_path, ["# nothing"])
    with pytest.raises(QueryFileError, match="no queries"):
        parse_queries(empty)


# Every practitioner set the bench folder holds, so a new set is checked without editing this list.
PRACTITIONER_SETS = sorted(path.name for path in (Path(__file__).resolve().parents[1] / "bench")
                           .glob("practitioner-queries*.jsonl"))


@pytest.mark.parametrize("name, per_language, cross", [
    ("queries.jsonl", 20, 10),
    *((name, 40, 15) for name in PRACTITIONER_SETS),
])
def test_shipped_query_files_are_valid_and_large_enough(name, per_language, cross):
    from bench.metrics import LANGUAGES, pages_in_docs
    root = Path(__file__).resolve().parents[1]
    queries = parse_queries(root / "bench" / name, known_pages=pages_in_docs(root / "docs"))
    for lang in LANGUAGES:
        assert sum(1 for q in queries if q.lang == lang and not q.cross) >= per_language, lang
    assert sum(1 for q in queries if q.cross) >= cross


def test_markdown_table_marks_failures_and_missing_values():
    table = markdown_table("T", ["en", "all"], ["ours", "pagefind"],
                           lambda row, col: "failed (build)" if col == "ours" else (None if row == "all" else 0.5),
                           "ratio")
    assert "| en | failed (build) | 0.500 |" in table
    assert "| all | failed (build) | — |" in table


def test_synthetic_pages_vary_and_keep_section_count():
    sentences, titles = plain_text("---\nfactor: x\n---\n# Title\n\n## Summary {#summary}\n\n"
                                   "Data is scattered across systems [@zh-worktile-kb]. "
                                   "See [IDC](../statistics.md#idc) for the survey of integration. "
                                   "Nobody owns the customer records in the company. "
                                   "Managers dispute the figures in every report.\n")
    assert "Title" in titles and "Summary" in titles
    assert all("[@" not in s and "](" not in s for s in sentences)
    material = {"sentences": sentences * 3, "titles": titles, "sections": 2}
    pages = synthetic_pages(material, 45, "en", seed=1)
    assert len(pages) == 3
    assert sum(1 + p.count("\n## ") for p in pages) == 45
    assert len(set(pages)) == 3


def test_relevance_table_scores_each_split_and_lists_dev_misses_only(mini_site, tmp_path, capsys):
    from bench.relevance import main as relevance_main
    _, index_dir = mini_site
    queries = tmp_path / "queries.jsonl"
    queries.write_text('{"lang": "en", "q": "integrating", "expected": ["integration"]}\n'   # dev
                       '{"lang": "en", "q": "integrating", "expected": ["training"]}\n'      # test
                       '{"lang": "en", "q": "warehouse", "expected": ["training"]}\n',       # dev
                       encoding="utf-8")
    assert relevance_main(["--queries", str(queries), "--index", str(index_dir), "--misses"]) == 0
    out = capsys.readouterr().out
    assert "| en | dev | 2 | 0.500 |" in out
    assert "| en | test | 1 | 0.000 |" in out
    assert "'warehouse' expected ['training']" in out
    assert "'integrating' expected ['training']" not in out   # test misses are never shown


def test_relevance_pools_query_files_and_counts_the_queries_that_moved_since_a_saved_run(mini_site, tmp_path, capsys):
    from bench.relevance import main as relevance_main
    _, index_dir = mini_site
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text('{"lang": "en", "q": "integrating", "expected": ["integration"]}\n'    # dev
                     '{"lang": "en", "q": "integrating", "expected": ["integration"]}\n', encoding="utf-8")   # test
    second.write_text('{"lang": "en", "q": "warehouse", "expected": ["training"]}\n', encoding="utf-8")   # dev
    ranks = tmp_path / "ranks.json"
    assert relevance_main(["--queries", str(first), "--queries", str(second), "--index", str(index_dir),
                           "--save", str(ranks)]) == 0
    assert "| en | dev | 2 | 0.500 |" in capsys.readouterr().out     # one table over both files
    saved = json.loads(ranks.read_text(encoding="utf-8"))
    assert saved["first.jsonl:1"] == 1 and saved["second.jsonl:1"] != 1
    saved["first.jsonl:1"], saved["first.jsonl:2"] = 3, None    # as if an earlier search ranked worse
    ranks.write_text(json.dumps(saved), encoding="utf-8")
    assert relevance_main(["--queries", str(first), "--queries", str(second), "--index", str(index_dir),
                           "--against", str(ranks), "--misses"]) == 0
    out = capsys.readouterr().out
    assert "| dev | 1 | 0 | 1 | 0 |" in out and "| test | 1 | 0 | 0 | 0 |" in out
    assert "first.jsonl:1: 'integrating' rank 3 -> 1" in out
    assert "first.jsonl:2" not in out      # a test query is counted, never listed
    ranks.write_text("[1, 2]", encoding="utf-8")
    assert relevance_main(["--queries", str(first), "--index", str(index_dir), "--against", str(ranks)]) == 2
    assert "ranks.json: not a ranks file" in capsys.readouterr().err


def test_query_split_alternates_within_each_row(tmp_path):
    from bench.metrics import parse_queries
    queries = tmp_path / "queries.jsonl"
    queries.write_text('{"lang": "en", "q": "a", "expected": [""]}\n'
                       '{"lang": "fa", "q": "b", "expected": [""]}\n'
                       '{"lang": "en", "q": "c", "expected": [""]}\n'
                       '{"lang": "fa", "q": "d", "query_lang": "en", "expected": [""]}\n'
                       '{"lang": "en", "q": "e", "expected": [""], "kind": "symptom"}\n', encoding="utf-8")
    assert [(q.q, q.split) for q in parse_queries(queries)] == [
        ("a", "dev"), ("b", "dev"), ("c", "test"), ("d", "dev"), ("e", "dev")]


def test_relevance_reports_a_missing_index(tmp_path, capsys):
    from bench.relevance import main as relevance_main
    assert relevance_main(["--index", str(tmp_path / "nowhere")]) == 2
    assert "run `make build` first" in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["ours", "material", "plain"])
def test_the_generated_benchmark_configs_pass_mkdocs_validation(tmp_path, kind):
    """The benchmark builds from a config written elsewhere: every path in it must still resolve
    (a relative `watch` entry once made every benchmark build abort)."""
    from mkdocs.config import load_config

    from bench.builds import variant_config

    path = variant_config(kind, tmp_path / "site", tmp_path)
    load_config(str(path))
