"""The site's own search, typed into the real search box of the real site in Chromium."""
from pathlib import Path

import pytest

from indexer.search import search

INDEX = Path(__file__).resolve().parents[2] / "build" / "search-index"   # written by the site build (built_site)

# (reader language, query as a user types it, page expected first)
CASES = [
    ("en", "integrating ERP", "factors/integration"),
    ("zh", "数据质量", "factors/data-quality"),
    ("ru", "сопротивление изменениям", "factors/change-management"),
    ("fa", "دادهها", "factors/data-quality"),
    ("he", "באיכות הנתונים", "factors/data-quality"),   # prefixes ב and ה
]


def results(page):
    """The result list once it answers the query now in the box (data-atlas-query, set by the
    box when it renders), not the results of a query still being typed."""
    page.wait_for_function("""() => {
        const list = document.querySelector('[data-atlas-list]');
        const box = document.querySelector('[data-atlas-search] input[name=q]');
        return list && box && list.getAttribute('data-atlas-query') === box.value && list.children.length > 0; }""")
    return page.locator("[data-atlas-list] > li")


def open_search(page, site_url, lang):
    page.goto(f"{site_url}{lang}/")
    box = page.locator("[data-atlas-search] input[name=q]")
    if not box.is_visible():  # narrow screens: the magnifier opens the search
        page.locator("label.md-header__button[for=__search]").click()
    box.click()
    return box


@pytest.mark.parametrize("lang,query,expected", CASES)
def test_typed_query_shows_the_expected_page_first(page, site_url, screenshots, lang, query, expected):
    box = open_search(page, site_url, lang)
    box.type(query, delay=20)
    first = results(page).first.locator("a").first
    assert first.get_attribute("href").endswith(f"/{lang}/{expected}/"), first.get_attribute("href")
    if lang in ("fa", "he", "zh"):
        page.screenshot(path=str(screenshots / f"search-{lang}.png"))
    assert page.outside_requests == []


def test_section_result_leads_to_its_anchor(page, site_url):
    box = open_search(page, site_url, "en")
    box.type("warning signs data duplicated", delay=10)
    section_links = results(page).first.locator("a.md-search-result__link").nth(1)
    href = section_links.get_attribute("href")
    assert "#" in href
    section_links.click()
    path, anchor = href.split('127.0.0.1', 1)[-1].split('/', 1)[-1].split("#", 1)
    page.wait_for_url(f"**{path}?h=*#{anchor}")   # the opened page marks the query's words (?h=)
    anchor = href.split("#", 1)[1]
    assert page.evaluate(f"document.getElementById({anchor!r}) !== null")


def test_shared_q_link_opens_with_the_search_run(page, site_url):
    page.goto(f"{site_url}fa/?q=یکپارچه‌سازی")
    first = results(page).first.locator("a").first
    assert "/fa/factors/integration/" in first.get_attribute("href")
    assert page.locator("[data-atlas-search] input[name=q]").input_value() == "یکپارچه‌سازی"


@pytest.mark.parametrize("payload", ['<img src=x onerror="window.__xss=1">', '"><script>window.__xss=1</script>',
                                     "<svg/onload=window.__xss=1>"])
def test_query_is_never_inserted_as_html(page, site_url, payload):
    from urllib.parse import quote
    page.goto(f"{site_url}en/?q={quote(payload)}")
    page.wait_for_timeout(600)
    box = open_search(page, site_url, "en")
    box.fill(payload)
    page.wait_for_timeout(600)
    assert page.evaluate("window.__xss") is None
    assert page.locator("[data-atlas-search] img, [data-atlas-search] svg[onload], [data-atlas-search] script").count() == 0


def test_cross_language_query_finds_the_page_in_the_readers_language(page, site_url):
    box = open_search(page, site_url, "fa")
    box.type("data quality", delay=10)
    hrefs = [a.get_attribute("href") for a in results(page).locator("a.md-search-result__link").all()]
    assert any(h.endswith("/fa/factors/data-quality/") for h in hrefs), hrefs
    assert page.locator(".atlas-search__language").count() > 0


def test_a_latin_query_that_the_readers_pages_hold_only_in_part_shows_the_english_match_first(page, site_url):
    """No Hebrew page holds all of "CRM license costs" (several hold "CRM" in Latin script); an
    English page holds every word: the reader's own page for the English match comes first."""
    assert search(INDEX, "CRM license costs", lang="he", prefix=True).partial
    box = open_search(page, site_url, "he")
    box.type("CRM license costs", delay=10)
    first = results(page).locator("a.md-search-result__link").first.get_attribute("href")
    assert first.endswith("/he/factors/budget-hidden-costs/"), first
    hrefs = [a.get_attribute("href") for a in page.locator("[data-atlas-list] > li > a").all()]
    assert len(hrefs) == len(set(hrefs)), "a page is listed twice"


def test_all_languages_switch_searches_every_language(page, site_url):
    box = open_search(page, site_url, "en")
    page.locator("[data-atlas-all-languages]").check()
    box.type("CRM", delay=10)
    results(page)
    page.wait_for_timeout(500)
    hrefs = " ".join(a.get_attribute("href") for a in page.locator("[data-atlas-list] a").all())
    assert "/he/" in hrefs or "/fa/" in hrefs or "/zh/" in hrefs


def test_keyboard_moves_through_results_and_escape_closes(page, site_url):
    box = open_search(page, site_url, "ru")
    box.type("обучение", delay=10)
    results(page)
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    page.keyboard.press("Escape")
    assert page.evaluate("document.getElementById('__search').checked") is False
