"""What every page says about itself to link previews and search engines, in its own language
(issue 12, item 5), and the 404 page every language gets (item 1), read from the real build."""
import html
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from indexer.languages import language
from atlas.metadata import (DESCRIPTION_LIMIT, head_metadata, load_site_strings, page_description,
                            plain_text, shorten, site_root_path, width)
from atlas.model import AtlasDataError, load_atlas

from .conftest import LANGUAGES, ROOT

RTL = {"fa", "he"}
SITE_STRINGS = load_site_strings(LANGUAGES)
SITE_URL = "http://localhost:8000/"     # mkdocs.yml's default when SITE_URL is not set


class _Head(HTMLParser):
    """The <meta>, <link> and <base> elements of a page's <head>, and its <html> attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.metas, self.links, self.bases, self.html = {}, [], [], {}
        self.in_head = True

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.html = attributes
        elif tag == "body":
            self.in_head = False
        elif not self.in_head:
            return
        elif tag == "meta" and ("name" in attributes or "property" in attributes):
            key = attributes.get("property") or attributes["name"]
            self.metas.setdefault(key, []).append(attributes.get("content"))
        elif tag == "link":
            self.links.append(attributes)
        elif tag == "base":
            self.bases.append(attributes.get("href"))


def head(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page_files(site: Path, lang: str):
    """(page path below the language folder, file) of every inventory page."""
    for page in load_atlas().pages:
        tail = page[:-len(".md")]
        tail = tail[:-len("index")] if tail.endswith("index") else tail + "/"
        yield tail, site / lang / tail / "index.html"


def one(metas: dict, key: str) -> str:
    values = metas.get(key) or []
    assert len(values) == 1, f"{key}: {values}"
    return values[0]


# --- descriptions ----------------------------------------------------------------------------------

def summary_paragraph(site: Path, lang: str, page: str) -> str:
    body = (site / lang / page / "index.html").read_text(encoding="utf-8")
    paragraph = re.search(r'<h2 id="summary">.*?</h2>\s*<p>(.*?)</p>', body, re.S).group(1)
    return html.unescape(re.sub(r"<[^>]+>", "", paragraph))


def test_factor_page_description_is_its_summary_without_citations(built_site):
    metas = head(built_site / "en" / "factors" / "data-quality" / "index.html").metas
    assert one(metas, "description") == (
        "The CRM is loaded with inaccurate, incomplete, duplicated or scattered data, and nobody is "
        "responsible for keeping it clean. Every source names this factor.")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_factor_page_is_described_by_the_start_of_its_own_summary(built_site, lang):
    for factor in load_atlas().factors:
        description = one(head(built_site / lang / "factors" / factor / "index.html").metas, "description")
        summary = " ".join(summary_paragraph(built_site, lang, f"factors/{factor}").split())
        start = description.rstrip("…")
        assert summary.startswith(start[:20]), (factor, description)
        assert width(description) <= DESCRIPTION_LIMIT, (factor, description)
        assert not re.search(r"[\[\]@]", description), (factor, description)
        for source in load_atlas().sources:
            assert source not in description, (factor, description)


def test_descriptions_differ_per_language_and_are_not_the_site_description(built_site):
    for tail, _ in page_files(built_site, "en"):
        descriptions = {lang: one(head(built_site / lang / tail / "index.html").metas, "description")
                        for lang in LANGUAGES}
        assert len(set(descriptions.values())) == len(LANGUAGES), (tail, descriptions)
        assert not set(descriptions.values()) & set(SITE_STRINGS.descriptions.values()), tail


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_has_a_description_in_its_language_and_script(built_site, lang):
    script = {"zh": r"[\u4e00-\u9fff]", "ru": r"[\u0400-\u04ff]", "fa": r"[\u0600-\u06ff]",
              "he": r"[\u0590-\u05ff]", "en": r"[a-z]"}[lang]
    for tail, path in page_files(built_site, lang):
        description = one(head(path).metas, "description")
        assert 20 <= len(description) and width(description) <= DESCRIPTION_LIMIT, (tail, description)
        assert re.search(script, description), (tail, description)


def test_a_description_keeps_whole_sentences_when_they_fit():
    text = "First sentence is here. " + "Second one runs on and on " * 8 + "."
    assert shorten(text) == "First sentence is here."


def test_a_long_sentence_is_cut_at_a_word_with_an_ellipsis():
    text = "word " * 60
    cut = shorten(text.strip())
    assert cut.endswith("word…") and width(cut) <= DESCRIPTION_LIMIT


def test_han_characters_count_twice_towards_the_limit():
    assert width("数据质量") == 8
    cut = shorten("数" * 200)
    assert cut == "数" * 79 + "…" and width(cut) == 159
    assert shorten("句子一。" + "长" * 100 + "。") == "句子一。"


def test_citations_leave_no_trace_in_plain_text():
    cite = "\x00zh-amt-2005"
    assert plain_text(f"Data matters [{cite}, {cite}]. Really [{cite}].") == "Data matters. Really."
    assert plain_text(f"داده مهم است [{cite}، {cite}].") == "داده مهم است."


def test_summary_wins_over_an_earlier_paragraph_and_term_lines_are_skipped():
    page = ('<h1 id="t">T</h1><p>Intro.</p><h2 id="summary">S</h2>'
            '<p class="atlas-aka"><span>Related terms:</span> a · b</p><p>The summary '
            '[<a class="cite" href="x">he-navarro-10</a>] itself.</p>')
    assert page_description(page) == "The summary itself."
    assert page_description('<ul><li><p>in a list</p></li></ul><p>First <em>real</em> one.</p>') == "First real one."
    assert page_description("<h1>Only a title</h1>") is None


# --- OpenGraph, Twitter, hreflang, canonical ---------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_has_opengraph_and_twitter_tags_in_its_language(built_site, lang):
    site_name = {"en": "CRM Failure Atlas", "zh": "CRM 失败图谱", "ru": "Атлас провалов CRM",
                 "fa": "اطلس شکست CRM", "he": "אטלס הכישלונות של CRM"}[lang]
    for tail, path in page_files(built_site, lang):
        metas = head(path).metas
        url = f"{SITE_URL}{lang}/{tail}"
        assert one(metas, "og:url") == url
        assert one(metas, "og:type") == ("website" if tail == "" else "article")
        assert one(metas, "og:site_name") == site_name
        assert one(metas, "og:locale") == SITE_STRINGS.locales[lang]
        assert sorted(metas["og:locale:alternate"]) == sorted(
            SITE_STRINGS.locales[code] for code in LANGUAGES if code != lang)
        assert one(metas, "og:description") == one(metas, "description") == one(metas, "twitter:description")
        assert one(metas, "og:title") == one(metas, "twitter:title")
        if tail == "":
            assert one(metas, "og:title") == site_name
        assert one(metas, "twitter:card") == "summary"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_hreflang_alternates_are_absolute_for_every_language_with_x_default(built_site, lang):
    for tail, path in page_files(built_site, lang):
        links = head(path).links
        alternates = {link["hreflang"]: link["href"] for link in links if link.get("rel") == "alternate"}
        assert alternates == {**{code: f"{SITE_URL}{code}/{tail}" for code in LANGUAGES},
                              "x-default": f"{SITE_URL}en/{tail}"}, tail
        canonical = [link["href"] for link in links if link.get("rel") == "canonical"]
        assert canonical == [f"{SITE_URL}{lang}/{tail}"]


def test_factor_page_title_is_the_factor_in_each_language(built_site):
    factor = load_atlas().factors["integration"]
    for lang in LANGUAGES:
        metas = head(built_site / lang / "factors" / "integration" / "index.html").metas
        assert one(metas, "og:title") == factor.title(lang)


def test_site_url_comes_from_the_environment_for_a_deploy():
    """README, Deploying: SITE_URL names the published address; without it, the local one."""
    read = ("from mkdocs.config import load_config; "
            "print(load_config('mkdocs.yml', site_dir='/nonexistent').site_url)")
    environment = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    deployed = subprocess.run([sys.executable, "-c", read], cwd=ROOT, capture_output=True, text=True,
                              env={**environment, "SITE_URL": "https://atlas.example.org/crm/"})
    local = subprocess.run([sys.executable, "-c", read], cwd=ROOT, capture_output=True, text=True, env=environment)
    assert deployed.stdout.strip().splitlines()[-1] == "https://atlas.example.org/crm/", deployed.stderr
    assert local.stdout.strip().splitlines()[-1] == SITE_URL, local.stderr


def test_head_metadata_puts_every_address_under_the_site_url():
    meta = head_metadata(SITE_STRINGS, lang="he", languages=LANGUAGES, url_tail="factors/training/",
                         title="t", description="d", site_url="https://example.org/atlas/", is_homepage=False)
    assert meta["canonical"] == "https://example.org/atlas/he/factors/training/"
    assert {a["hreflang"]: a["href"] for a in meta["alternates"]}["x-default"] == \
        "https://example.org/atlas/en/factors/training/"
    assert meta["locale"] == "he_IL" and "he_IL" not in meta["locale_alternates"]
    assert site_root_path("https://example.org/atlas") == "/atlas/" and site_root_path(None) == "/"


# --- 404 pages ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_a_404_page_that_no_search_engine_indexes(built_site, lang):
    page = head(built_site / lang / "404.html")
    assert page.html["lang"] == lang
    assert one(page.metas, "robots") == "noindex"
    assert one(page.metas, "description") == SITE_STRINGS.descriptions[lang]
    assert [link for link in page.links if link.get("rel") in ("canonical", "alternate")] == []
    assert "og:url" not in page.metas


@pytest.mark.parametrize("name", ["404.html", "fa/404.html", "zh/404.html"])
def test_404_pages_address_everything_from_the_site_root(built_site, name):
    """A host shows a 404 page at any depth: its addresses are relative to <base>, the site
    root (the configured one; the page's script corrects it from the address)."""
    text = (built_site / name).read_text(encoding="utf-8")
    assert head(built_site / name).bases == ["/"]
    addresses = re.findall(r'\s(?:href|src)="([^"]*)"', text)
    local = [a for a in addresses if not re.match(r"^[a-z]+:", a)]
    assert local and all(not a.startswith(("/", "../", "./")) for a in local if a != "/"), local


def test_site_strings_are_complete_and_in_each_languages_script():
    raw = yaml.safe_load((ROOT / "atlas" / "data" / "site.yml").read_text(encoding="utf-8"))
    assert set(raw["languages"]) == set(LANGUAGES)
    for lang in LANGUAGES:   # the writing rules of each language's declaration (page_rules)
        strings = yaml.safe_dump(raw["languages"][lang], allow_unicode=True)
        assert not [message for pattern, message in language(lang).page_rules if pattern.search(strings)], lang
    titles = {SITE_STRINGS.not_found[lang]["title"] for lang in LANGUAGES}
    assert len(titles) == len(LANGUAGES)


@pytest.mark.parametrize("change,message", [
    (lambda raw: raw["languages"].pop("he"), "no strings for language 'he'"),
    (lambda raw: raw["languages"]["fa"].update(locale="fa-IR"), "fa.locale must look like en_GB"),
    (lambda raw: raw["languages"]["zh"]["not_found"].pop("search"), "zh.not_found is missing search"),
    (lambda raw: raw.update(default_language="de"), "default_language 'de'"),
])
def test_bad_site_strings_are_named_in_one_line(tmp_path, change, message):
    raw = yaml.safe_load((ROOT / "atlas" / "data" / "site.yml").read_text(encoding="utf-8"))
    change(raw)
    path = tmp_path / "site.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(AtlasDataError) as error:
        load_site_strings(LANGUAGES, path)
    assert message in str(error.value) and str(path) in str(error.value) and "\n" not in str(error.value)
