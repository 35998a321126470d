"""Each language is declared once (indexer/data/languages/<code>.json), generated into
analysis.json by tools/build_analysis.py, and read by Python, the browser and the site alike."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from indexer.analyzers import available_languages
from indexer.analyzers.base import analysis_data
from indexer.languages import UnknownLanguageError, detect_language, language, languages
from tools import build_analysis

REPO = Path(__file__).resolve().parents[1]
ATLAS_SEARCH_JS = REPO / "web" / "atlas-search.js"

DETECTION_SAMPLES = [
    "data quality", "качество данных", "数据质量", "کیفیت داده", "איכות נתונים", "CRM", "",
    "CRM в России", "ERP 和 CRM", "ב-CRM", "crm داده", "々", "1405", "Ёлка", "ﭏ", "ﷺ", "𠀀",
    "جودة البيانات", "ﺍﻟﺒﻴﺎﻧﺎﺕ", "٣٠",
]


def test_committed_analysis_json_is_what_its_sources_generate():
    expected = build_analysis.render(build_analysis.generate())
    assert build_analysis.OUTPUT.read_text(encoding="utf-8") == expected, (
        "indexer/data/analysis.json is out of date: run python -m tools.build_analysis")


def test_generator_check_mode_names_a_stale_file(tmp_path, monkeypatch, capsys):
    stale = tmp_path / "analysis.json"
    stale.write_text("{}\n", encoding="utf-8")
    monkeypatch.setattr(build_analysis, "OUTPUT", stale)
    assert build_analysis.main(["--check"]) == 1
    error = capsys.readouterr().err.strip()
    assert str(stale) in error and error.count("\n") == 0


@pytest.mark.parametrize("damage, message", [
    ({"direction": "sideways"}, "'direction' must be ltr or rtl"),
    ({"query_fallback": "magic"}, "query_fallback must be"),
    ({"digits": "0123"}, "ten digits"),
    ({"name": ""}, "'name' must be a non-empty string"),
    ({"word_pattern_template": "[@NOSUCH]+"}, "unknown class @NOSUCH"),
])
def test_a_broken_declaration_is_named_in_one_line(tmp_path, capsys, damage, message):
    sources = tmp_path / "languages"
    shutil.copytree(build_analysis.SOURCES, sources)
    declared = json.loads((sources / "he.json").read_text(encoding="utf-8"))
    (sources / "he.json").write_text(json.dumps({**declared, **damage}, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(build_analysis.SourceError) as caught:
        build_analysis.generate(sources)
    assert str(sources / "he.json") in str(caught.value) and message in str(caught.value)


def test_a_source_that_is_not_json_is_named(tmp_path):
    sources = tmp_path / "languages"
    shutil.copytree(build_analysis.SOURCES, sources)
    (sources / "ru.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(build_analysis.SourceError, match="ru.json: cannot be read as JSON"):
        build_analysis.generate(sources)


def test_every_analyzer_module_has_a_declaration_and_every_declaration_a_module():
    assert sorted(languages()) == available_languages() == analysis_data()["languages"]


def test_each_language_section_is_the_shared_tables_plus_its_own():
    common = json.loads((build_analysis.SOURCES / "common.json").read_text(encoding="utf-8"))
    for code in languages():
        section = analysis_data()[code]
        assert common["char_map"].items() <= section["char_map"].items()
        assert section["delete"][:len(common["delete"])] == common["delete"]
        assert "@" not in section["word_pattern"]


def test_site_facts_come_from_the_declarations():
    # Arabic is declared (the fixture site uses it) but is no language of the real site.
    assert {code for code, lang in languages().items() if lang.rtl} == {"ar", "fa", "he"}
    assert language("ar").local_number("12.5") == "12.5"
    assert language("fa").local_number("12.5") == "۱۲٫۵"
    assert language("he").local_number("12.5") == "12.5"
    assert language("ru").name == "Русский"
    from atlas.figures import is_rtl
    from atlas.model import load_atlas
    assert load_atlas().right_to_left == {"fa", "he"}
    assert is_rtl("he") and not is_rtl("zh")


def test_a_site_publishes_the_tables_of_its_own_languages_only():
    from indexer.export import analysis_tables
    assert analysis_tables()["languages"] == sorted(languages())
    published = analysis_tables({"fa": {}, "he": {}})
    assert published["languages"] == ["en", "fa", "he"]   # English: the rules of every Latin word
    assert "ar" not in published and "ru" not in published
    # Notes and build-only tables stay behind; everything the browser reads is there as it is.
    assert "_stop_words_note" not in published["fa"] and "page_rules" not in published["fa"]
    assert "_about" not in published and "word_pattern_template" not in published["fa"]
    assert {key: value for key, value in analysis_data()["fa"].items() if key in published["fa"]} == published["fa"]
    assert published["fa"]["word_pattern"] == analysis_data()["fa"]["word_pattern"]


def test_unknown_language_is_one_clear_error():
    with pytest.raises(UnknownLanguageError, match="unknown language code 'xx': declared languages are"):
        language("xx")


def test_detection_follows_detect_order_and_latin_falls_back():
    assert [detect_language(text) for text in ["data", "данные", "数据", "داده", "נתונים", "ב-CRM"]] == [
        "en", "ru", "zh", "fa", "he", "he"]
    assert detect_language("CRM", default="fa") == "fa"
    # Arabic shares Persian's script and is detected after it: Arabic text is judged Persian.
    assert detect_language("جودة البيانات") == "fa"


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_browser_detects_the_language_of_a_query_as_python_does():
    script = """
    const fs = require('fs');
    const AtlasSearch = require(process.argv[1]);
    const tables = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
    const samples = JSON.parse(fs.readFileSync(0, 'utf8'));
    process.stdout.write(JSON.stringify(samples.map(s => [
      AtlasSearch.detectLanguage(tables, s, 'en'), AtlasSearch.needsSnowball(tables, s)])));
    """
    result = subprocess.run(
        ["node", "-e", script, str(ATLAS_SEARCH_JS), str(build_analysis.OUTPUT)],
        input=json.dumps(DETECTION_SAMPLES), capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout)
    for text, (lang, snowball) in zip(DETECTION_SAMPLES, answers, strict=True):
        assert lang == detect_language(text, "en"), text
        python_snowball = any(c.isascii() and c.isalpha() for c in text) or any(
            "\u00c0" <= c <= "\u024f" for c in text) or any(
            declared.fallback_kind == "snowball" and declared.script and declared.script.search(text)
            for declared in languages().values())
        assert snowball == python_snowball, text


def test_generator_runs_as_a_module_and_reports_fresh():
    result = subprocess.run([sys.executable, "-m", "tools.build_analysis", "--check"], cwd=REPO,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_mkdocs_language_names_are_the_declared_names():
    """mkdocs-static-i18n needs a name per language in mkdocs.yml; the switcher shows the
    declaration's (atlas plugin), so the two must not drift apart."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml's own tags (!ENV, !!python/name) are not needed here.
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    names = {entry["locale"]: entry["name"] for entry in i18n["languages"]}
    assert names == {code: language(code).name for code in names}, "mkdocs.yml and indexer/data/languages disagree"


def test_a_site_language_without_a_declaration_is_named_in_one_line(monkeypatch):
    from atlas import model

    real_read = model._read

    def with_german(name):
        data = real_read(name)
        return {**data, "languages": [*data["languages"], "de"]} if name == "factors.yml" else data

    monkeypatch.setattr(model, "_read", with_german)
    model.load_atlas.cache_clear()
    try:
        with pytest.raises(model.AtlasDataError) as caught:
            model.load_atlas()
    finally:
        model.load_atlas.cache_clear()
    message = str(caught.value)
    assert "factors.yml: language de has no declaration" in message and "\n" not in message
