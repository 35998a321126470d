"""Real pages in real Chromium: direction, language switching, and no outside requests."""
import pytest

LANGUAGES = ["en", "zh", "ru", "fa", "he"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_factor_page_renders_and_is_screenshotted(page, site_url, screenshots, lang):
    page.goto(f"{site_url}{lang}/factors/data-quality/")
    assert page.locator("h1").first.inner_text().strip()
    page.screenshot(path=str(screenshots / f"factor-{lang}.png"), full_page=False)
    assert page.outside_requests == []


@pytest.mark.parametrize("lang", ["fa", "he"])
def test_right_to_left_page_puts_navigation_on_the_right(page, site_url, lang):
    page.goto(f"{site_url}{lang}/factors/training/")
    assert page.evaluate("getComputedStyle(document.querySelector('article')).direction") == "rtl"
    nav = page.locator(".md-sidebar--primary").bounding_box()
    article = page.locator("article").bounding_box()
    assert nav["x"] > article["x"], "primary navigation should sit right of the article in RTL"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_left_to_right_page_puts_navigation_on_the_left(page, site_url, lang):
    page.goto(f"{site_url}{lang}/factors/training/")
    nav = page.locator(".md-sidebar--primary").bounding_box()
    article = page.locator("article").bounding_box()
    assert nav["x"] < article["x"]


def test_language_switcher_keeps_the_page_and_the_section(page, site_url):
    page.goto(f"{site_url}en/factors/data-quality/#warning-signs")
    page.locator(".md-header__option .md-select").first.hover()
    page.locator('a.md-select__link[hreflang="fa"]').click()
    page.wait_for_url("**/fa/factors/data-quality/#warning-signs")
    assert page.evaluate("document.body.dir") == "rtl"
    page.locator(".md-header__option .md-select").first.hover()
    page.locator('a.md-select__link[hreflang="zh"]').click()
    page.wait_for_url("**/zh/factors/data-quality/#warning-signs")


def test_site_root_redirects_to_english(page, site_url):
    page.goto(site_url)
    page.wait_for_url("**/en/")
    assert page.evaluate("document.documentElement.lang") == "en"
