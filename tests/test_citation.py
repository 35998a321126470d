"""Reuse and freshness (issue 12, items 4 and 6): the licence in the repository, the footer and
the About page; "Cite this page" in four formats in the page's language; the last-updated date
of every page from git, written as each language writes dates; the changelog from data; and
edit-this-page links only where a repository is configured."""
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from atlas.citation import (Citation, as_bibtex, as_csl_json, as_ris, as_text, bibtex_escape, check_reuse_data,
                            citations, load_reuse_strings, page_address, stable_url)
from atlas.freshness import (PageDates, changelog_markdown, edit_url, format_date, git_commit_times,
                             load_changelog, load_date_styles, to_jalali)
from atlas.model import AtlasDataError, load_atlas

from .conftest import LANGUAGES, MINI_SITE, ROOT, atlas_mini_config

DAY = dt.date(2026, 11, 30)


# --- dates in each language ----------------------------------------------------------------------

@pytest.mark.parametrize("gregorian,jalali", [
    ((1981, 8, 17), (1360, 5, 26)), ((2013, 1, 10), (1391, 10, 21)), ((2014, 8, 4), (1393, 5, 13)),
    ((2024, 3, 20), (1403, 1, 1)),     # Nowruz after a 29-day Esfand
    ((2025, 3, 20), (1403, 12, 30)),   # 1403 is a leap year: Esfand has a 30th
    ((2025, 3, 21), (1404, 1, 1)), ((2026, 3, 21), (1405, 1, 1)),
    ((2026, 9, 22), (1405, 6, 31)), ((2026, 9, 23), (1405, 7, 1)),   # 31-day months end with Shahrivar
    ((2026, 11, 30), (1405, 9, 9)),
])
def test_persian_dates_are_solar_hijri(gregorian, jalali):
    assert to_jalali(dt.date(*gregorian)) == jalali


@pytest.mark.parametrize("lang,written", [
    ("en", "30 November 2026"), ("zh", "2026年11月30日"), ("ru", "30\u00a0ноября 2026\u00a0г."),
    ("fa", "۹ آذر ۱۴۰۵ (۳۰ نوامبر ۲۰۲۶)"), ("he", "30 בנובמבר 2026"),
])
def test_each_language_writes_a_date_its_own_way(lang, written):
    assert format_date(DAY, lang) == written


def test_persian_dates_have_only_persian_digits_and_the_others_only_latin_ones():
    for day in (dt.date(2026, 1, 1), dt.date(2026, 3, 20), dt.date(2026, 12, 31)):
        assert not re.search(r"[0-9]", format_date(day, "fa"))
        for lang in ("en", "zh", "ru", "he"):
            assert not re.search(r"[۰-۹٠-٩]", format_date(day, lang))


def test_a_date_table_without_twelve_months_is_named(tmp_path):
    path = tmp_path / "dates.yml"
    path.write_text(yaml.safe_dump({"languages": {"xx": {
        "calendar": "gregorian", "digits": "latin", "months": ["Jan"], "long": "{day} {month} {year}",
        "labels": {"updated": "Updated {date}", "edit": "Edit"}}}}), encoding="utf-8")
    with pytest.raises(AtlasDataError, match=r"dates\.yml: xx: months must list the twelve month names"):
        load_date_styles(path)


# --- last-updated dates from git -----------------------------------------------------------------

GIT_ENV = {"GIT_AUTHOR_NAME": "Atlas test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Atlas test", "GIT_COMMITTER_EMAIL": "test@example.org",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(repo: Path, *args, when: str | None = None):
    env = {**os.environ, **GIT_ENV}
    if when:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when
    subprocess.run(["git", "-C", str(repo), *args], check=True, env=env, capture_output=True)


def utc(text: str) -> int:
    return int(dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC).timestamp())


@pytest.fixture
def dated_docs(tmp_path):
    """A git repository: docs/en/a.md and b.md committed on 2025-03-21, b.md changed on
    2026-01-05, docs/en/new.md never committed (modified 2026-02-02); data/changelog.yml
    committed on 2026-04-04."""
    repo = tmp_path / "repo"
    (repo / "docs" / "en").mkdir(parents=True)
    (repo / "data").mkdir()
    git(repo, "init", "-q")
    for name in ("a.md", "b.md"):
        (repo / "docs" / "en" / name).write_text(f"# {name}\n", encoding="utf-8")
    git(repo, "add", "docs")
    git(repo, "commit", "-q", "-m", "first", when="2025-03-21T12:00:00+00:00")
    (repo / "docs" / "en" / "b.md").write_text("# b, again\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "second", when="2026-01-05T23:30:00+00:00")
    (repo / "data" / "changelog.yml").write_text("entries: []\n", encoding="utf-8")
    git(repo, "add", "data")
    git(repo, "commit", "-q", "-m", "data", when="2026-04-04T08:00:00+00:00")
    new = repo / "docs" / "en" / "new.md"
    new.write_text("# new\n", encoding="utf-8")
    os.utime(new, (utc("2026-02-02T10:00:00"), utc("2026-02-02T10:00:00")))
    return repo


def test_a_page_is_dated_by_the_last_commit_that_touched_it(dated_docs):
    dates = PageDates(dated_docs / "docs", dated_docs / "data")
    assert dates.day("en/a.md") == dt.date(2025, 3, 21)
    assert dates.day("en/b.md") == dt.date(2026, 1, 5)


def test_a_page_git_does_not_know_is_dated_by_its_modification_time(dated_docs):
    assert PageDates(dated_docs / "docs", dated_docs / "data").day("en/new.md") == dt.date(2026, 2, 2)


def test_without_git_history_pages_are_dated_by_their_modification_time(dated_docs, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(dated_docs / "docs", copy)   # keeps modification times, not history
    os.utime(copy / "en" / "a.md", (utc("2024-06-01T00:00:00"), utc("2024-06-01T00:00:00")))
    assert git_commit_times(copy) == {}
    assert PageDates(copy, tmp_path).day("en/a.md") == dt.date(2024, 6, 1)


def test_the_changelog_page_is_dated_by_its_data_too(dated_docs):
    (dated_docs / "docs" / "en" / "changelog.md").write_text("# Changelog\n", encoding="utf-8")
    git(dated_docs, "add", "docs")
    git(dated_docs, "commit", "-q", "-m", "page", when="2026-03-03T08:00:00+00:00")
    dates = PageDates(dated_docs / "docs", dated_docs / "data")
    assert dates.day("en/changelog.md", "changelog.md") == dt.date(2026, 4, 4)


def test_a_callers_source_date_epoch_is_the_latest_date_a_page_shows(dated_docs):
    dates = PageDates(dated_docs / "docs", dated_docs / "data", newest=utc("2025-12-31T00:00:00"))
    assert dates.day("en/b.md") == dt.date(2025, 12, 31)
    assert dates.day("en/a.md") == dt.date(2025, 3, 21)


# --- the changelog -------------------------------------------------------------------------------

def test_the_changelog_is_complete_in_every_language_and_newest_first():
    entries = load_changelog(tuple(LANGUAGES))
    assert len(entries) >= 3
    assert [e.day for e in entries] == sorted((e.day for e in entries), reverse=True)


def test_the_changelog_has_the_same_anchors_in_every_language():
    anchors = {lang: re.findall(r"\{#([a-z0-9-]+)\}", changelog_markdown(LANGUAGES, lang)) for lang in LANGUAGES}
    ids = [e.id for e in load_changelog(tuple(LANGUAGES))]
    assert all(found == anchors["en"] for found in anchors.values())
    assert [a for a in anchors["en"] if not a.startswith("changes-")] == ids


def test_the_changelog_writes_its_dates_in_the_pages_language():
    assert '<time datetime="2026-11-30">۹ آذر ۱۴۰۵ (۳۰ نوامبر ۲۰۲۶)</time>' in changelog_markdown(LANGUAGES, "fa")
    assert '<time datetime="2026-11-30">2026年11月30日</time>' in changelog_markdown(LANGUAGES, "zh")


@pytest.mark.parametrize("change,message", [
    (lambda e: e[0]["title"].pop("he"), r"entry 1 \(.*\): title is missing in he"),
    (lambda e: e[0].update(date="30.11.2026"), r"entry 1 \(.*\): date must be a day, YYYY-MM-DD"),
    (lambda e: e.reverse(), r"entries must be listed newest first"),
    (lambda e: e[1].update(id=e[0]["id"]), r"entry 2 \(.*\): id is used twice"),
])
def test_a_broken_changelog_is_named_with_its_file(tmp_path, change, message):
    raw = yaml.safe_load((ROOT / "atlas" / "data" / "changelog.yml").read_text(encoding="utf-8"))
    change(raw["entries"])
    path = tmp_path / "changelog.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(AtlasDataError, match=rf"changelog\.yml: {message}"):
        load_changelog(tuple(LANGUAGES), path)


# --- citations -----------------------------------------------------------------------------------

TITLES = {"en": "Poor data quality and preparation", "zh": "数据质量差、数据准备不足",
          "ru": "Низкое качество и плохая подготовка данных", "fa": "کیفیت پایین و آماده‌سازی ناکافی داده‌ها",
          "he": "איכות נתונים ירודה והכנה לא מספקת"}
SITES = {"en": "CRM Failure Atlas", "zh": "CRM 失败图谱", "ru": "Атлас провалов CRM", "fa": "اطلس شکست CRM",
         "he": "אטלס הכישלונות של CRM"}


def factor_citation(lang: str, title: str | None = None) -> Citation:
    return Citation(lang, "factors/data-quality/", title or TITLES[lang], SITES[lang],
                    f"https://atlas.example.org/{lang}/factors/data-quality/", DAY)


@pytest.mark.parametrize("lang,text", [
    ("en", "“Poor data quality and preparation.” CRM Failure Atlas, English edition. Last updated 30 November 2026. "
           "https://atlas.example.org/en/factors/data-quality/"),
    ("zh", "CRM 失败图谱. 数据质量差、数据准备不足[EB/OL]. 中文版. (2026-11-30). "
           "https://atlas.example.org/zh/factors/data-quality/."),
    ("ru", "Низкое качество и плохая подготовка данных // Атлас провалов CRM : [сайт]. — Русская версия. — "
           "Дата обновления: 30.11.2026. — URL: https://atlas.example.org/ru/factors/data-quality/."),
    ("fa", "«کیفیت پایین و آماده‌سازی ناکافی داده‌ها». اطلس شکست CRM، نسخهٔ فارسی. آخرین به‌روزرسانی: ۹ آذر ۱۴۰۵ (۳۰ نوامبر ۲۰۲۶). "
           "https://atlas.example.org/fa/factors/data-quality/\u200e"),
    ("he", "אטלס הכישלונות של CRM, \"איכות נתונים ירודה והכנה לא מספקת\", הגרסה העברית, "
           "עודכן לאחרונה ב-30 בנובמבר 2026, https://atlas.example.org/he/factors/data-quality/\u200e"),
])
def test_the_text_citation_follows_the_languages_usual_style(lang, text):
    assert as_text(factor_citation(lang)) == text


def test_a_quoted_title_inside_a_quoted_citation_takes_the_inner_quotation_marks():
    citation = factor_citation("he", '"10 סיבות לכישלון crm" – רשימת נבארו בעברית')
    assert "\"'10 סיבות לכישלון crm' – רשימת נבארו בעברית\"" in as_text(citation)


def test_the_home_page_is_cited_as_the_atlas_itself():
    home = Citation("en", "", "CRM Failure Atlas", "CRM Failure Atlas", "https://atlas.example.org/en/", DAY)
    assert as_text(home) == "CRM Failure Atlas, English edition. Last updated 30 November 2026. https://atlas.example.org/en/"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_bibtex_is_one_misc_entry_with_braced_fields(lang):
    entry = as_bibtex(factor_citation(lang))
    assert entry.startswith(f"@misc{{crm-failure-atlas-{lang}-factors-data-quality,\n")
    assert entry.count("{") == entry.count("}")
    fields = dict(re.findall(r"^  (\w+)\s+= (.*?),?$", entry, re.MULTILINE))
    assert fields["title"] == "{{" + TITLES[lang] + "}}"
    assert fields["year"] == "{2026}" and fields["month"] == "nov" and fields["date"] == "{2026-11-30}"
    assert fields["url"] == f"{{https://atlas.example.org/{lang}/factors/data-quality/}}"


def test_bibtex_escapes_what_latex_would_read_as_commands():
    assert bibtex_escape("R&D: 50% of #1 {x}_y ~ ^ \\") == r"R\&D: 50\% of \#1 \{x\}\_y \textasciitilde{} \textasciicircum{} \textbackslash{}"
    assert r"{{R\&D \%}}" in as_bibtex(factor_citation("en", "R&D %"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_csl_json_is_a_list_of_one_webpage_item(lang):
    items = json.loads(as_csl_json(factor_citation(lang)))
    assert len(items) == 1
    item = items[0]
    assert item["type"] == "webpage" and item["title"] == TITLES[lang] and item["container-title"] == SITES[lang]
    assert item["issued"] == {"date-parts": [[2026, 11, 30]]}
    assert item["URL"] == f"https://atlas.example.org/{lang}/factors/data-quality/" and item["language"] == lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_ris_is_one_web_page_record_of_tagged_lines(lang):
    lines = as_ris(factor_citation(lang)).split("\n")
    assert lines[0] == "TY  - ELEC" and lines[-1] == "ER  - "
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in lines)
    tags = dict(line.split("  - ", 1) for line in lines)
    assert tags["TI"] == TITLES[lang] and tags["DA"] == "2026/11/30" and tags["LA"] == lang
    assert tags["AU"].endswith(",")   # a corporate author, not split into first and last name


def test_a_title_with_a_line_break_cannot_start_a_new_ris_tag():
    lines = as_ris(factor_citation("en", "one\nER  - two")).split("\n")
    assert [line for line in lines if line.startswith("ER")] == ["ER  - "]


def test_every_format_is_written_for_every_language():
    for lang in LANGUAGES:
        assert list(citations(factor_citation(lang))) == ["text", "bibtex", "csl-json", "ris"]


def test_a_missing_citation_string_is_named_with_its_file_and_language(tmp_path):
    raw = yaml.safe_load((ROOT / "atlas" / "data" / "reuse.yml").read_text(encoding="utf-8"))
    del raw["languages"]["ru"]["cite"]["copied"]
    path = tmp_path / "reuse.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(AtlasDataError, match=r"reuse\.yml: ru: cite needs copied"):
        load_reuse_strings(path)


def test_every_language_has_every_reuse_string():
    assert set(load_reuse_strings()) == set(LANGUAGES)
    assert set(load_date_styles()) == set(LANGUAGES)
    check_reuse_data(LANGUAGES)


def test_a_language_without_reuse_strings_stops_the_build_naming_the_file():
    with pytest.raises(AtlasDataError, match=r"reuse\.yml: no entry for language 'xx'"):
        check_reuse_data([*LANGUAGES, "xx"])


@pytest.mark.parametrize("src_uri,address", [
    ("en/index.md", "en/"), ("fa/factors/index.md", "fa/factors/"),
    ("he/factors/data-quality.md", "he/factors/data-quality/"), ("zh/about.md", "zh/about/"),
])
def test_a_page_is_cited_at_its_published_directory_address(src_uri, address):
    assert page_address(src_uri) == address
    assert stable_url("https://atlas.example.org/sub/", address) == f"https://atlas.example.org/sub/{address}"
    assert stable_url(None, address) == f"/{address}"


def test_an_edit_link_exists_only_when_a_repository_is_configured():
    assert edit_url("", "edit/main/", "docs", "en/about.md") is None
    assert edit_url("https://git.example.org/atlas/", "edit/main/", "docs", "en/about.md") == \
        "https://git.example.org/atlas/edit/main/docs/en/about.md"
    assert edit_url("https://gitlab.example.org/atlas", "-/edit/main", "docs", "fa/factors/training.md") == \
        "https://gitlab.example.org/atlas/-/edit/main/docs/fa/factors/training.md"


# --- licence files -------------------------------------------------------------------------------

def test_the_code_is_under_mit_and_the_text_under_cc_by():
    mit = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert mit.startswith("MIT License\n") and "Permission is hereby granted, free of charge" in mit
    content = (ROOT / "LICENSE-CONTENT").read_text(encoding="utf-8")
    for needed in ("Creative Commons Attribution 4.0 International (CC BY 4.0)",
                   "https://creativecommons.org/licenses/by/4.0/legalcode", "docs/<lang>/**/*.md",
                   "Dr Maziar Mir", "remain the copyright of their authors and publishers",
                   "reproduced from memory"):
        assert needed in content


# The root keys of Citation File Format 1.2.0 (its schema.json sets additionalProperties: false).
CFF_KEYS = {"abstract", "authors", "cff-version", "commit", "contact", "date-released", "doi", "identifiers",
            "keywords", "license", "license-url", "message", "preferred-citation", "references", "repository",
            "repository-artifact", "repository-code", "title", "type", "url", "version"}


def test_citation_cff_cites_the_project_in_citation_file_format_1_2_0():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert set(cff) <= CFF_KEYS
    assert {"authors", "cff-version", "message", "title"} <= set(cff)
    assert cff["cff-version"] == "1.2.0" and cff["type"] in ("dataset", "software")
    assert cff["license"] == "CC-BY-4.0"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(cff["date-released"]))
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert str(cff["version"]) == project["version"]
    assert cff["authors"] == [{"name": load_reuse_strings()["en"]["authors"]}]
    assert any(ref["authors"][0].get("family-names") == "Mir" for ref in cff["references"])


# --- the built site ------------------------------------------------------------------------------

def page_files(site: Path):
    for page in load_atlas().pages:
        path = page[:-len(".md")]
        path = path[:-len("index")] if path.endswith("index") else path + "/"
        for lang in LANGUAGES:
            yield lang, path, site / lang / path / "index.html"


def site_url() -> str:
    from mkdocs.config import load_config
    return load_config(str(ROOT / "mkdocs.yml")).site_url


def test_every_page_shows_when_it_was_last_updated_in_its_language(built_site):
    for lang, path, file in page_files(built_site):
        html = file.read_text(encoding="utf-8")
        found = re.search(r'class="md-source-file atlas-freshness".*?<time datetime="(\d{4}-\d{2}-\d{2})">([^<]+)</time>',
                          html, re.DOTALL)
        assert found, f"/{lang}/{path}: no last-updated date"
        assert found.group(2) == format_date(dt.date.fromisoformat(found.group(1)), lang), f"/{lang}/{path}"


def test_every_page_can_be_cited_at_its_stable_address_in_four_formats(built_site):
    base = site_url()
    for lang, path, file in page_files(built_site):
        html = file.read_text(encoding="utf-8")
        box = html.split('class="quote atlas-cite"', 1)[1].split("</details>", 1)[0]
        assert re.findall(r'data-atlas-cite-format="([a-z-]+)"', box) == ["text", "bibtex", "csl-json", "ris"]
        url = stable_url(base, f"{lang}/{path}")
        day = re.search(r'<time datetime="([\d-]+)"', html).group(1)
        csl = json.loads(re.search(r'data-atlas-cite-format="csl-json">\s*<pre[^>]*><code[^>]*>(.*?)</code>',
                                   box, re.DOTALL).group(1).replace("&#34;", '"').replace("&amp;", "&"))
        assert csl[0]["URL"] == url and csl[0]["language"] == lang, f"/{lang}/{path}"
        assert csl[0]["issued"]["date-parts"][0] == [int(part) for part in day.split("-")]
        assert url in box.split('data-atlas-cite-format="text"', 1)[1].split("</p>", 1)[0]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_footer_carries_the_licence_notice_in_the_pages_language(built_site, lang):
    notice = load_reuse_strings()[lang]["licence"]
    pages = [built_site / lang / "index.html", built_site / lang / "factors" / "training" / "index.html"]
    pages += [page for page in [built_site / lang / "404.html"] if page.is_file()]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        footer = html.split('class="md-copyright"', 1)[1].split("</footer>", 1)[0]
        assert notice["deed"] in footer and notice["link"] in footer and notice["after"] in footer, page
        assert re.search(r'href="[^"]*about/#licence"', footer), page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_about_page_states_both_licences_and_what_stays_its_authors(built_site, lang):
    html = (built_site / lang / "about" / "index.html").read_text(encoding="utf-8")
    section = html.split('id="licence"', 1)[1]
    assert "creativecommons.org/licenses/by/4.0/" in section and "CC BY 4.0" in section and "MIT" in section
    assert 'href="../checklist/"' in section and 'href="../sources/fa-mir-1401/"' in section
    assert "LICENSE-CONTENT" in section


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_changelog_page_lists_every_milestone(built_site, lang):
    html = (built_site / lang / "changelog" / "index.html").read_text(encoding="utf-8")
    for entry in load_changelog(tuple(LANGUAGES)):
        assert f'id="{entry.id}"' in html and f'id="changes-{entry.day.isoformat()}"' in html
        assert entry.title[lang].strip() in html


def test_the_sitemap_dates_each_page_by_its_last_update(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    for lang, path, file in page_files(built_site):
        day = re.search(r'<time datetime="([\d-]+)"', file.read_text(encoding="utf-8")).group(1)
        entry = re.search(rf"<loc>[^<]*/{re.escape(lang)}/{re.escape(path)}</loc>\s*<lastmod>([^<]+)</lastmod>", sitemap)
        assert entry and entry.group(1) == day, f"/{lang}/{path}"


# --- a small project: dates from its git history, edit links from its configuration -------------



@pytest.fixture(scope="module")
def mini_project(tmp_path_factory):
    """The fixture pages with the atlas plugin and templates, in a git repository of their own:
    everything committed on Nowruz 1404 (2025-03-21), en/training.md changed on 2026-01-05."""
    project = tmp_path_factory.mktemp("dated") / "project"
    shutil.copytree(MINI_SITE / "docs", project / "docs")
    (project / "mkdocs.yml").write_text(atlas_mini_config("https://atlas.example.org/sub/", ROOT / "overrides"), encoding="utf-8")
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "pages", when="2025-03-21T09:00:00+00:00")
    page = project / "docs" / "en" / "training.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    git(project, "commit", "-q", "-am", "training", when="2026-01-05T09:00:00+00:00")
    return project


def build_mini(project: Path, site: Path, **env) -> Path:
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("SOURCE_DATE_EPOCH", "ATLAS_REPOSITORY_URL")}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                            cwd=project, capture_output=True, text=True, env={**environment, **env})
    assert result.returncode == 0, result.stderr
    return site


def shown_date(site: Path, lang: str, page: str) -> tuple[str, str]:
    html = (site / lang / page / "index.html").read_text(encoding="utf-8")
    found = re.search(r'atlas-freshness__updated.*?<time datetime="([\d-]+)">([^<]+)</time>', html, re.DOTALL)
    return found.group(1), found.group(2)


def test_pages_show_the_date_of_their_last_commit_and_link_to_their_source(mini_project, tmp_path):
    site = build_mini(mini_project, tmp_path / "site", ATLAS_REPOSITORY_URL="https://git.example.org/atlas")
    assert shown_date(site, "fa", "data-quality") == ("2025-03-21", "۱ فروردین ۱۴۰۴ (۲۱ مارس ۲۰۲۵)")
    assert shown_date(site, "he", "data-quality") == ("2025-03-21", "21 במרץ 2025")
    assert shown_date(site, "en", "training") == ("2026-01-05", "5 January 2026")
    assert shown_date(site, "ru", "training") == ("2025-03-21", "21\u00a0марта 2025\u00a0г.")
    html = (site / "zh" / "training" / "index.html").read_text(encoding="utf-8")
    assert '<a href="https://git.example.org/atlas/edit/main/docs/zh/training.md" rel="nofollow">编辑此页</a>' in html
    assert "https://atlas.example.org/sub/zh/training/" in html.split("atlas-cite", 1)[1]
    assert "<lastmod>2026-01-05</lastmod>" in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_without_a_repository_there_is_no_edit_link_and_a_callers_date_caps_the_pages(mini_project, tmp_path):
    epoch = str(utc("2025-12-01T00:00:00"))
    site = build_mini(mini_project, tmp_path / "site", SOURCE_DATE_EPOCH=epoch)
    html = (site / "en" / "training" / "index.html").read_text(encoding="utf-8")
    assert "atlas-freshness__edit" not in html
    assert shown_date(site, "en", "training") == ("2025-12-01", "1 December 2025")
    assert shown_date(site, "en", "data-quality") == ("2025-03-21", "21 March 2025")
