"""The offline edition (`make offline`, atlas/offline.py), unzipped and opened from disk
(file://) in Chromium, as a trainer hands it out in a classroom without internet: links open
pages (never folder listings), pictures and fonts show, search works in every script, and not
one request fails or leaves the disk."""
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest


ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def offline_root(tmp_path_factory):
    """The folder the offline zip unzips to, made by the command `make offline` runs."""
    work = tmp_path_factory.mktemp("offline")
    archive = work / "offline.zip"
    result = subprocess.run([sys.executable, "-m", "atlas.offline", "--output", str(archive)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, f"python -m atlas.offline failed:\n{result.stdout}\n{result.stderr}"
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(work / "unzipped")
    folders = list((work / "unzipped").iterdir())
    assert len(folders) == 1 and folders[0].is_dir(), f"the zip should hold one folder, not {folders}"
    return folders[0]


@pytest.fixture
def disk_page(browser):
    """A tab that records every request that failed or went anywhere but the disk."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.failed_requests, tab.off_disk_requests = [], []
    tab.on("requestfailed", lambda request: tab.failed_requests.append(f"{request.url}: {request.failure}"))
    tab.on("request", lambda request: None if request.url.startswith(("file://", "data:"))
           else tab.off_disk_requests.append(request.url))
    yield tab
    context.close()


def file_url(path: Path) -> str:
    return path.as_uri()


def disk_path(url: str) -> Path:
    return Path(unquote(urlsplit(url).path))


def results(page):
    """The result list once the search has answered; its error message fails the test."""
    page.wait_for_function("""() => (document.querySelector('[data-atlas-list]').getAttribute('data-atlas-query') ===
        document.querySelector('[data-atlas-search] input[name=q]').value &&
        document.querySelectorAll('[data-atlas-list] > li').length > 0) ||
        document.querySelector('[data-atlas-meta]').textContent ===
        JSON.parse(document.querySelector('[data-atlas-search]').dataset.atlasStrings).error""")
    items = page.locator("[data-atlas-list] > li")
    assert items.count() > 0, f"the search answered: {page.locator('[data-atlas-meta]').inner_text()}"
    return items


def assert_only_disk_requests_all_answered(page):
    assert page.failed_requests == [], page.failed_requests
    assert page.off_disk_requests == [], page.off_disk_requests


def wait_for_file(page, path):
    """Until the tab shows the page `path` (below the edition's folder), whatever its query."""
    page.wait_for_url(lambda url: urlsplit(url).path.endswith(f"/{path}"))


def assert_is_a_page_of_the_atlas(page):
    """A rendered page of the site, not a folder listing or a browser error page."""
    assert urlsplit(page.url).path.endswith(".html"), page.url
    assert page.locator(".md-content .md-typeset h1").count() == 1, page.url


def test_links_from_the_home_page_open_pages_and_figures_show(disk_page, offline_root):
    page = disk_page
    page.goto(file_url(offline_root / "index.html"))
    wait_for_file(page, "en/index.html")               # the root page sends the reader on to a file
    assert_is_a_page_of_the_atlas(page)

    page.locator(".md-content a[href='factors/unrealistic-expectations.html']").first.click()
    wait_for_file(page, "en/factors/unrealistic-expectations.html")
    assert_is_a_page_of_the_atlas(page)
    figure = page.locator("figure.atlas-figure svg[role=img]").first
    figure.wait_for(state="visible")
    box = figure.bounding_box()
    assert box and box["width"] > 200 and box["height"] > 100, box

    # The figure's own links are written for folder addresses (atlas/figures.py): from disk
    # they must lead to the page's file too.
    cite = page.locator("figure.atlas-figure a.cite").first
    cite.click()
    page.wait_for_url(lambda url: "/en/sources/" in urlsplit(url).path)
    assert_is_a_page_of_the_atlas(page)
    assert_only_disk_requests_all_answered(page)


@pytest.mark.parametrize("lang", ["en", "zh", "ru", "fa", "he"])
def test_every_link_of_a_page_leads_to_a_file(disk_page, offline_root, lang):
    page = disk_page
    page.goto(file_url(offline_root / lang / "factors" / "unrealistic-expectations.html"))
    hrefs = page.evaluate("""Array.from(document.querySelectorAll('a[href]'), a => a.href)
                             .filter(href => href.startsWith('file:'))""")
    assert len(hrefs) > 40, hrefs
    missing = sorted({href for href in hrefs if not disk_path(href).is_file()})
    assert missing == [], missing
    # The language switcher keeps the reader on the same page, as a file too.
    other = "he" if lang == "fa" else "fa"
    switch = page.locator(f"a.md-select__link[hreflang={other}]").first.evaluate("link => link.href")
    assert switch.endswith(f"/{other}/factors/unrealistic-expectations.html"), switch


@pytest.mark.parametrize("lang,family,sample", [("fa", "Atlas Vazirmatn", "داده"),
                                                ("he", "Atlas Noto Sans Hebrew", "נתונים")])
def test_the_sites_own_fonts_load_from_disk(disk_page, offline_root, lang, family, sample):
    page = disk_page
    page.goto(file_url(offline_root / lang / "factors" / "data-quality.html"))
    # document.fonts.load rejects, or resolves to no face, when the font file cannot be read.
    loaded = page.evaluate("([family, sample]) => document.fonts.load('16px \"' + family + '\"', sample)"
                           ".then(faces => faces.map(face => face.status))", [family, sample])
    assert loaded and set(loaded) == {"loaded"}, loaded
    assert family in page.evaluate("getComputedStyle(document.querySelector('.md-typeset')).fontFamily")
    assert_only_disk_requests_all_answered(page)


# (reader language, query as typed, page expected first)
SEARCHES = [("zh", "数据质量", "factors/data-quality.html"),
            ("fa", "دادهها", "factors/data-quality.html"),
            ("he", "באיכות הנתונים", "factors/data-quality.html"),
            ("ru", "сопротивление изменениям", "factors/change-management.html")]


@pytest.mark.parametrize("lang,query,expected", SEARCHES)
def test_search_from_disk_finds_the_page_and_opens_it(disk_page, offline_root, screenshots, lang, query, expected):
    page = disk_page
    page.goto(file_url(offline_root / lang / "index.html"))
    box = page.locator("[data-atlas-search] input[name=q]")
    box.click()
    box.fill(query)        # one input event: the results are those of the whole query
    first = results(page).first.locator("a").first
    href = first.get_attribute("href")
    assert href.startswith("file:") and urlsplit(href).path.endswith(f"/{lang}/{expected}"), href
    if lang in ("zh", "fa"):
        page.screenshot(path=str(screenshots / f"offline-search-{lang}.png"), animations="disabled")
    first.click()
    wait_for_file(page, f"{lang}/{expected}")
    assert_is_a_page_of_the_atlas(page)
    assert_only_disk_requests_all_answered(page)


def test_search_in_all_languages_from_disk(disk_page, offline_root):
    page = disk_page
    page.goto(file_url(offline_root / "en" / "index.html"))
    page.locator("[data-atlas-search] input[name=q]").click()
    page.locator("[data-atlas-all-languages]").check()
    page.locator("[data-atlas-search] input[name=q]").fill("数据质量")
    hrefs = [a.get_attribute("href") for a in results(page).locator("a.md-search-result__link").all()]
    assert any(urlsplit(href).path.endswith("/zh/factors/data-quality.html") for href in hrefs), hrefs
    assert all(disk_path(href).is_file() for href in hrefs), hrefs
    assert_only_disk_requests_all_answered(page)
