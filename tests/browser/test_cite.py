""""Cite this page" and the page foot in Chromium over the real build, in all five languages:
each format copies exactly what the page shows (the text citation in the page's language, with
its stable address and last-updated date), from the mouse and from the keyboard; without script
the citations are still there to select; on paper the date stays and the box goes.

Screenshots go to test-results/screenshots/ (cite-<lang>.png, footer-<lang>.png)."""
import datetime as dt
import json

import pytest

from atlas.citation import Citation, as_text, load_reuse_strings, stable_url
from atlas.model import load_atlas

from ..conftest import LANGUAGES, ROOT

FORMATS = ["text", "bibtex", "csl-json", "ris"]
PAGE = "factors/data-quality/"


def configured_site_url() -> str:
    from mkdocs.config import load_config
    return load_config(str(ROOT / "mkdocs.yml")).site_url


def track_requests(tab, site_url):
    tab.outside_requests = []
    tab.on("request", lambda request: None if request.url.startswith(site_url) or request.url.startswith("data:")
           else tab.outside_requests.append(request.url))
    return tab


def clipboard_context(browser, **options):
    return browser.new_context(viewport={"width": 1280, "height": 900},
                               permissions=["clipboard-read", "clipboard-write"], **options)


def copy_shown_format(tab, format_id: str) -> tuple[str, str]:
    """Choose a format's tab, press its copy button; (what the page shows, what was copied)."""
    tab.locator(f'label[for="atlas-cite-{format_id}"]').click()
    block = tab.locator(f'[data-atlas-cite-format="{format_id}"]')
    button = block.locator("[data-atlas-cite-copy]")
    assert button.is_visible()
    button.click()
    tab.wait_for_function("b => b.getAttribute('data-state') === 'copied'", arg=button.element_handle())
    return block.locator("[data-atlas-cite-value]").text_content(), tab.evaluate("navigator.clipboard.readText()")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_format_copies_the_citation_the_page_shows(browser, site_url, screenshots, lang):
    context = clipboard_context(browser)
    tab = track_requests(context.new_page(), site_url)
    try:
        tab.goto(f"{site_url}{lang}/{PAGE}")
        box = tab.locator("details.atlas-cite")
        box.locator("summary").click()
        copied = {}
        for format_id in FORMATS:
            shown, on_clipboard = copy_shown_format(tab, format_id)
            assert on_clipboard == shown, format_id
            copied[format_id] = on_clipboard
        strings = load_reuse_strings()[lang]["cite"]
        assert tab.locator("[data-atlas-cite-status]").text_content() == strings["copied"]
        # The text citation is the page's, in its language, dated by the page's last update.
        updated = dt.date.fromisoformat(tab.locator(".atlas-freshness time").get_attribute("datetime"))
        site = tab.locator(".md-header__topic .md-ellipsis").first.text_content().strip()
        url = stable_url(configured_site_url(), f"{lang}/{PAGE}")
        title = load_atlas().factors["data-quality"].title(lang)
        assert copied["text"] == as_text(Citation(lang, PAGE, title, site, url, updated))
        assert json.loads(copied["csl-json"])[0]["URL"] == url
        assert copied["bibtex"].startswith("@misc{") and f"url          = {{{url}}}" in copied["bibtex"]
        assert copied["ris"].startswith("TY  - ELEC\n") and f"\nUR  - {url}\n" in copied["ris"]
        tab.locator('label[for="atlas-cite-text"]').click()
        tab.add_style_tag(content=".md-header { position: static !important; }")
        # The tab indicator slides to the chosen tab: picture it where it stops.
        tab.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
        foot = tab.locator(".atlas-freshness")
        foot.scroll_into_view_if_needed()
        top = foot.bounding_box()["y"]
        bottom = box.bounding_box()["y"] + box.bounding_box()["height"]
        tab.screenshot(path=str(screenshots / f"cite-{lang}.png"),
                       clip={"x": 0, "y": top - 20, "width": 1280, "height": bottom - top + 40})
        tab.locator("footer .md-copyright").screenshot(path=str(screenshots / f"footer-{lang}.png"))
        assert tab.outside_requests == []
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["he", "zh"])
def test_a_citation_is_copied_with_the_keyboard_alone(browser, site_url, lang):
    context = clipboard_context(browser)
    tab = context.new_page()
    try:
        tab.goto(f"{site_url}{lang}/{PAGE}")
        tab.locator("details.atlas-cite summary").focus()
        tab.keyboard.press("Enter")
        tab.wait_for_function("document.querySelector('details.atlas-cite').open")
        tab.keyboard.press("Tab")                     # the format tabs: a radio group
        assert tab.evaluate("document.activeElement.id") == "atlas-cite-text"
        tab.keyboard.press("ArrowDown")               # next format, in either direction of writing
        assert tab.evaluate("document.activeElement.id") == "atlas-cite-bibtex"
        tab.keyboard.press("Tab")                     # the shown format's copy button
        focused = tab.evaluate("document.activeElement.closest('[data-atlas-cite-format]')?.dataset.atlasCiteFormat")
        assert focused == "bibtex"
        assert tab.evaluate("document.activeElement.getAttribute('aria-label')") == \
            load_reuse_strings()[lang]["cite"]["copy_as"].format(format="BibTeX")
        tab.keyboard.press("Enter")
        tab.wait_for_function("document.activeElement.getAttribute('data-state') === 'copied'")
        assert tab.evaluate("navigator.clipboard.readText()").startswith("@misc{crm-failure-atlas-")
    finally:
        context.close()


def test_without_script_every_format_can_still_be_read(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto(f"{site_url}fa/{PAGE}")
        tab.locator("details.atlas-cite summary").click()
        assert tab.locator('[data-atlas-cite-format="text"] [data-atlas-cite-value]').is_visible()
        assert tab.locator("[data-atlas-cite-copy]").first.is_hidden()   # nothing to press that would not work
        tab.locator('label[for="atlas-cite-ris"]').click()
        assert tab.locator('[data-atlas-cite-format="ris"] [data-atlas-cite-value]').is_visible()
        assert tab.locator('[data-atlas-cite-format="text"] [data-atlas-cite-value]').is_hidden()
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_paper_keeps_the_date_and_drops_the_citation_box(page, site_url, lang):
    page.goto(f"{site_url}{lang}/{PAGE}")
    page.emulate_media(media="print")
    assert page.locator(".atlas-freshness__updated").is_visible()
    assert page.locator("details.atlas-cite").is_hidden()
