"""Reader and trainer experience (issue 6), in real Chromium over the real build, in all five
languages: pictures drawn from the data, self-hosted fonts, copy-link, print and PDF, redirects,
accessibility (axe-core, light and dark) and a site that asks nothing of any other host.

Screenshots and PDFs (with PNG pages when poppler's pdftoppm is installed) go to test-results/
so that a person can look at them."""
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from atlas.figures import NAMES, check_data, load_statistics, load_words, render_figure
from atlas.model import AtlasDataError, load_atlas
from atlas.metadata import load_site_strings
from atlas.redirects import load_redirects, redirect_page, write_redirects

from .conftest import SCREENSHOTS

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "test-results"
LANGUAGES = ["en", "zh", "ru", "fa", "he"]
RTL = {"fa", "he"}
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
FIGURE_PAGES = {"matrix": "coverage/", "statistics": "statistics/",
                "hype-cycle": "factors/unrealistic-expectations/", "factor-map": "factors/"}
FIGURE_SECTIONS = {"matrix": "matrix", "statistics": None, "hype-cycle": "why-it-happens",
                   "factor-map": "by-theme"}
PAGE_TYPES = {"home": "", "factor": "factors/data-quality/", "statistics": "statistics/",
              "success-factors": "success-factors/", "checklist": "checklist/", "sources": "sources/",
              "source": "sources/zh-amt-2005/", "coverage": "coverage/", "glossary": "glossary/",
              "about": "about/"}
PERSIAN_DIGITS = set("۰۱۲۳۴۵۶۷۸۹")


def track_requests(tab, site_url):
    tab.outside_requests = []
    tab.on("request", lambda request: None if request.url.startswith(site_url) or request.url.startswith("data:")
           else tab.outside_requests.append(request.url))
    return tab


def shoot(tab, locator, path):
    """Screenshot of one element, with Material's sticky header out of its way."""
    tab.add_style_tag(content=".md-header { position: static !important; }")
    locator.scroll_into_view_if_needed()
    locator.screenshot(path=str(path))


def pdf_pages(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", path.read_bytes()))


def pdf_to_png(pdf: Path) -> list[Path]:
    """PNG pages for a person to look at (needs poppler-utils, installed by .ci/run)."""
    if not shutil.which("pdftoppm"):
        return []
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "80", "-png", str(pdf), str(prefix)], check=True)
    return sorted(pdf.parent.glob(prefix.name + "-*.png"))


# --- the data behind the pictures ---------------------------------------------------------------

def test_figure_data_is_complete_and_consistent():
    assert check_data(load_atlas()) == []


def test_statistics_data_holds_only_the_facts_sheet_figures():
    figures = {entry["id"]: entry for entry in load_statistics()["figures"]}
    values = {fid: entry["value"] for fid, entry in figures.items()}
    assert values == {"meta-group": [55, 75], "gartner-failure": 65, "gartner-forecast": 80,
                      "gartner-expectations": 55, "kolsky": 55, "crm-forum-organisational": 41,
                      "crm-forum-software": 4, "idc": 10, "bain": 3, "success-sales": 43,
                      "success-satisfaction": 22, "success-sales-cycle": -24}
    assert figures["gartner-forecast"]["year"] == {"forecast": 2003} and figures["gartner-forecast"]["forecast"]
    assert figures["kolsky"]["year"] == 2004 and figures["kolsky"]["sources"] == ["ru-crm-implementation"]
    assert figures["gartner-expectations"]["sources"] == ["zh-amt-2005"]
    assert figures["idc"]["qualifier"] == "under" and figures["success-sales"]["qualifier"] == "up-to"
    assert figures["bain"]["of"] == 25 and figures["bain"]["unit"] == "rank"


def test_unknown_figure_fails_the_page():
    from atlas.render import RenderError, render_page
    with pytest.raises(RenderError, match="unknown figure"):
        render_page(load_atlas(), "en", "coverage.md", "<!-- atlas:figure pie-chart -->")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_hype_cycle_claims_no_exact_position(lang):
    """The sources' figures are missing: the picture marks phases, and its caption says so."""
    html = render_figure(load_atlas(), lang, "factors/unrealistic-expectations.md", "hype-cycle")
    words = load_words()["hype-cycle"]
    for phase in words["phases"][lang]:
        assert phase.split()[0] in html
    assert "he-navarro-10" in html and "ru-crm-implementation" in html
    caption = re.search(r"<figcaption>(.*)</figcaption>", html, re.S).group(1)
    assert caption.count('class="cite"') >= 3


@pytest.mark.parametrize("lang", LANGUAGES)
def test_figure_markers_sit_in_the_same_section_of_every_language(lang):
    for name, page in FIGURE_PAGES.items():
        source = "docs/{}/{}.md".format(lang, page.rstrip("/") if page != "factors/" else "factors/index")
        text = (ROOT / source).read_text(encoding="utf-8")
        marker = f"<!-- atlas:figure {name} -->"
        assert text.count(marker) == 1, f"{source}: {marker} missing"
        section = FIGURE_SECTIONS[name]
        before = text[:text.index(marker)]
        headings = re.findall(r"\{#([a-z0-9-]+)\}", before)
        assert (headings[-1] if headings else None) == section, f"{source}: {marker} is not in #{section}"


# --- pictures in the browser ---------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", NAMES)
def test_figure_is_present_localised_mirrored_and_described(page, site_url, screenshots, lang, name):
    page.goto(f"{site_url}{lang}/{FIGURE_PAGES[name]}")
    figure = page.locator(f"figure.atlas-figure--{name}")
    assert figure.count() == 1
    svg = figure.locator("svg")
    assert svg.get_attribute("role") == "img"
    title_id, desc_id = svg.get_attribute("aria-labelledby").split()
    title = page.locator(f"#{title_id}").text_content()
    desc = page.locator(f"#{desc_id}").text_content()
    assert title == load_words()[name]["title"][lang]
    assert len(desc) > 80
    caption = figure.locator("figcaption")
    assert caption.is_visible() and len(caption.inner_text()) > 80
    texts = svg.locator("text").all_text_contents()
    joined = " ".join(texts)
    atlas = load_atlas()
    if name in ("matrix", "factor-map"):
        for theme in atlas.themes.values():
            assert theme[lang] in texts
        for factor in atlas.factors.values():
            assert factor.title(lang)[:6] in joined
    if name == "statistics":
        for entry in load_statistics()["figures"]:
            assert entry["label"][lang][:3] in joined
    if name == "hype-cycle":
        for mark in load_words()["hype-cycle"]["marks"][lang]:
            assert mark[:6] in joined
    if lang == "fa" and name != "factor-map":
        numbers = [t for t in texts if re.search(r"[0-9۰-۹]", t) and not re.search(r"[a-z]", t)]
        assert numbers and all(not re.search(r"[0-9]", t) for t in numbers), numbers
        assert any(set(t) & PERSIAN_DIGITS for t in numbers)
    assert (svg.get_attribute("direction") == "rtl") == (lang in RTL)
    # Mirrored: the headings of the rows sit on the reading-start side of the marks.
    if name != "hype-cycle":
        first_group = (next(iter(load_statistics()["groups"].values())) if name == "statistics"
                       else next(iter(atlas.themes.values())))[lang]
        label = svg.locator("text").filter(has_text=first_group).first.bounding_box()
        mark = svg.locator({"matrix": "circle.af-dot", "factor-map": "circle",
                            "statistics": "rect.af-bar"}[name]).first.bounding_box()
        if lang in RTL:
            assert label["x"] + label["width"] > mark["x"] + mark["width"]
        else:
            assert label["x"] < mark["x"]
    shoot(page, figure, screenshots / f"figure-{name}-{lang}.png")
    # Every link in the caption leads to a page of the site.
    for href in figure.locator("figcaption a").evaluate_all("links => links.map(a => a.href)"):
        assert page.request.get(href.split("#")[0]).ok, href
    assert page.outside_requests == []


def test_figures_in_the_dark_scheme(browser, site_url, screenshots):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    tab = track_requests(context.new_page(), site_url)
    try:
        for lang, name in (("en", "statistics"), ("fa", "matrix"), ("he", "hype-cycle"), ("zh", "factor-map")):
            tab.goto(f"{site_url}{lang}/{FIGURE_PAGES[name]}")
            assert tab.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
            figure = tab.locator(f"figure.atlas-figure--{name}")
            ink = figure.locator("text.af-ink").first.evaluate("el => getComputedStyle(el).fill")
            background = tab.evaluate("getComputedStyle(document.body).backgroundColor")
            assert ink != background
            assert ink not in ("rgb(31, 31, 31)", "rgb(0, 0, 0)"), "dark text on the dark scheme"
            shoot(tab, figure, screenshots / f"figure-{name}-{lang}-dark.png")
        tab.goto(f"{site_url}en/factors/data-quality/")
        tab.screenshot(path=str(screenshots / "dark-factor-en.png"))
        assert tab.outside_requests == []
    finally:
        context.close()


# --- typography ----------------------------------------------------------------------------------

def test_font_files_are_small_licensed_and_referenced():
    fonts = ROOT / "docs" / "assets" / "fonts"
    files = sorted(fonts.rglob("*.woff2"))
    assert files and sum(f.stat().st_size for f in files) < 200_000
    for font in files:
        assert (font.parent / "OFL.txt").is_file(), f"{font}: no licence beside it"
    css = (ROOT / "docs" / "assets" / "stylesheets" / "typography.css").read_text(encoding="utf-8")
    for font in files:
        assert font.name in css
    assert "fonts.googleapis" not in css and "http" not in css.replace("https://", "").replace("http://", "")


@pytest.mark.parametrize("lang,family", [("fa", "Atlas Vazirmatn"), ("he", "Atlas Noto Sans Hebrew")])
def test_rtl_fonts_load_from_the_site(page, site_url, lang, family):
    fonts = []
    page.on("request", lambda request: fonts.append(request.url) if request.resource_type == "font" else None)
    page.goto(f"{site_url}{lang}/factors/data-quality/")
    page.evaluate("document.fonts.ready.then(() => true)")
    loaded = page.evaluate("""family => Array.from(document.fonts)
        .filter(f => f.family.replace(/"/g, '') === family && f.status === 'loaded').length""", family)
    assert loaded >= 1
    assert page.evaluate("f => document.fonts.check('16px \"' + f + '\"')", family)
    assert family in page.evaluate("getComputedStyle(document.querySelector('.md-typeset p')).fontFamily")
    assert fonts and all(url.startswith(site_url) for url in fonts), fonts
    assert page.outside_requests == []


def test_chinese_uses_system_simplified_chinese_faces_and_no_webfont(page, site_url):
    fonts = []
    page.on("request", lambda request: fonts.append(request.url) if request.resource_type == "font" else None)
    page.goto(f"{site_url}zh/factors/data-quality/")
    page.evaluate("document.fonts.ready.then(() => true)")
    family = page.evaluate("getComputedStyle(document.querySelector('.md-typeset p')).fontFamily")
    assert "Noto Sans CJK SC" in family and "PingFang SC" in family
    assert fonts == []


@pytest.mark.parametrize("lang,minimum", [("fa", 1.85), ("he", 1.7), ("zh", 1.75), ("ru", 1.6), ("en", 1.55)])
def test_line_height_per_script(page, site_url, lang, minimum):
    page.goto(f"{site_url}{lang}/factors/training/")
    ratio = page.evaluate("""(() => { const s = getComputedStyle(document.querySelector('.md-typeset p'));
        return parseFloat(s.lineHeight) / parseFloat(s.fontSize); })()""")
    assert ratio >= minimum
    if lang == "zh":
        assert page.evaluate("getComputedStyle(document.querySelector('.md-typeset p')).textAlign") == "justify"


@pytest.mark.parametrize("lang", ["fa", "he"])
def test_mixed_direction_text(page, site_url, screenshots, lang):
    """Document direction, Latin runs kept whole, Persian digits where Persian writes them."""
    page.goto(f"{site_url}{lang}/statistics/")
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.evaluate("document.body.dir") == "rtl"
    cites = page.locator("article a.cite")
    assert cites.count() > 5
    assert set(cites.evaluate_all("els => els.map(e => e.dir + ' ' + getComputedStyle(e).unicodeBidi)")) == {"ltr isolate"}
    if lang == "fa":
        table = page.locator("article table").first.inner_text()
        assert "۶۵٪" in table and "65%" not in table
    shoot(page, page.locator("article table").first, screenshots / f"bidi-table-{lang}.png")
    # The language switcher names each language in its own language and direction.
    links = page.locator("a.md-select__link[hreflang]")
    assert links.evaluate_all("els => els.map(e => e.lang + ':' + getComputedStyle(e).direction)") == \
        ["en:ltr", "zh:ltr", "ru:ltr", "fa:rtl", "he:rtl"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_source_titles_keep_their_own_language_and_direction(page, site_url, screenshots, lang):
    """Hebrew and Persian titles inside left-to-right pages (and the reverse) are isolated runs."""
    sources = load_atlas().sources
    page.goto(f"{site_url}{lang}/factors/data-quality/")
    spans = page.locator("article #sources ~ ul span[lang]")
    assert spans.count() == len(load_atlas().factors["data-quality"].sources)
    for span in spans.all():
        code = span.get_attribute("lang")
        assert code in {s["language"] for s in sources.values()}
        assert span.get_attribute("dir") == ("rtl" if code in RTL else "ltr")
        assert span.evaluate("e => getComputedStyle(e).unicodeBidi") == "isolate"
    if lang not in RTL:
        page.goto(f"{site_url}{lang}/sources/")
        rtl_titles = page.locator("article span[dir=rtl]")
        assert rtl_titles.count() >= 2
        assert set(rtl_titles.evaluate_all("els => els.map(e => e.lang)")) >= {"he", "fa"}
        shoot(page, page.locator("article").first, screenshots / f"sources-index-{lang}.png")


# --- keyboard ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_language_switcher_and_copy_links_are_keyboard_reachable(page, site_url, lang):
    page.goto(f"{site_url}{lang}/factors/data-quality/")
    reached = []
    for _ in range(160):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("""(() => { const e = document.activeElement;
            return e.matches('.md-search__input') ? 'search'
                 : e.matches('a.md-select__link[hreflang]') ? 'lang:' + e.getAttribute('hreflang')
                 : e.matches('.md-select button, .md-select .md-header__button') ? 'switcher'
                 : e.matches('.atlas-copy-link') ? 'copy:' + e.dataset.atlasAnchor : e.tagName; })()"""))
        if "copy:summary" in reached:
            break
    assert "search" in reached
    assert {f"lang:{code}" for code in LANGUAGES} <= set(reached)
    assert "copy:summary" in reached


# --- copy link -----------------------------------------------------------------------------------

@pytest.mark.parametrize("lang,copied", [("en", "Link copied"), ("fa", "پیوند کپی شد"), ("zh", "链接已复制")])
def test_copy_link_puts_the_sections_absolute_url_on_the_clipboard(browser, site_url, screenshots, lang, copied):
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  permissions=["clipboard-read", "clipboard-write"])
    tab = track_requests(context.new_page(), site_url)
    try:
        tab.goto(f"{site_url}{lang}/factors/data-quality/")
        buttons = tab.locator("article .atlas-copy-link")
        assert buttons.count() == len(load_atlas().factor_sections)
        button = tab.locator("h2#warning-signs .atlas-copy-link")
        assert button.is_visible()
        assert button.get_attribute("aria-label")
        button.focus()
        tab.keyboard.press("Enter")
        tab.wait_for_function("document.getElementById('atlas-copy-link-status')?.textContent.length > 0")
        assert tab.evaluate("navigator.clipboard.readText()") == f"{site_url}{lang}/factors/data-quality/#warning-signs"
        assert tab.locator("#atlas-copy-link-status").text_content() == copied
        assert button.locator(".atlas-copy-link__feedback").inner_text() == copied
        shoot(tab, tab.locator("h2#warning-signs"), screenshots / f"copy-link-{lang}.png")
        # The copied link works: same section, and the anchor exists in every language.
        for other in LANGUAGES:
            tab.goto(f"{site_url}{other}/factors/data-quality/#warning-signs")
            assert tab.locator("#warning-signs").count() == 1
        assert tab.outside_requests == []
    finally:
        context.close()


# --- print ---------------------------------------------------------------------------------------

CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search",
          ".atlas-copy-link", ".md-top"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_print_hides_chrome_and_shows_link_urls(page, site_url, lang):
    page.goto(f"{site_url}{lang}/factors/data-quality/")
    page.emulate_media(media="print")
    for selector in CHROME:
        for element in page.locator(selector).all():
            assert not element.is_visible(), f"{selector} is printed"
    link = page.locator("article #related ~ ul a").first
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert link.evaluate("a => a.href") in after
    assert page.evaluate("getComputedStyle(document.querySelector('article h1')).breakBefore") == "page"
    assert page.outside_requests == []


@pytest.mark.parametrize("lang", ["fa", "zh"])
def test_factor_page_prints_to_pdf(page, site_url, lang):
    page.goto(f"{site_url}{lang}/factors/data-quality/")
    page.evaluate("document.fonts.ready.then(() => true)")
    page.emulate_media(media="print")
    RESULTS.mkdir(exist_ok=True)
    pdf = RESULTS / f"print-factor-{lang}.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    pages = pdf_pages(pdf)
    assert 1 <= pages <= 4
    pngs = pdf_to_png(pdf)
    if pngs:
        assert len(pngs) == pages
        text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"],
                              capture_output=True, text=True).stdout
        assert load_atlas().factors["data-quality"].title(lang)[:4] in text, "first sheet is blank"
    assert page.outside_requests == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_checklist_prints_on_one_a4_sheet(page, site_url, lang):
    page.goto(f"{site_url}{lang}/checklist/")
    page.evaluate("document.fonts.ready.then(() => true)")
    page.emulate_media(media="print")
    assert page.locator(".atlas-checklist-refs").count() >= 60
    RESULTS.mkdir(exist_ok=True)
    pdf = RESULTS / f"print-checklist-{lang}.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    assert pdf_pages(pdf) == 1
    pdf_to_png(pdf)
    # The sheet names the online page that carries each item's factors and sources.
    assert page.evaluate("document.querySelector('article h1').dataset.printPageUrl") == f"{site_url}{lang}/checklist/"


# --- redirects -----------------------------------------------------------------------------------

def test_redirects_file_is_valid():
    atlas = load_atlas()
    assert isinstance(load_redirects(atlas), dict)
    raw = yaml.safe_load((ROOT / "atlas" / "data" / "redirects.yml").read_text(encoding="utf-8"))
    assert "redirects" in raw


@pytest.mark.parametrize("entry,message", [
    ({"factors/old.md": "factors/nowhere.md"}, "not a page"),
    ({"factors/training.md": "factors/data-quality.md"}, "still a page"),
    ({"factors/old.md": "factors/data-quality.md#nowhere"}, "not a section anchor"),
])
def test_redirect_to_nowhere_fails(tmp_path, entry, message):
    path = tmp_path / "redirects.yml"
    path.write_text(yaml.safe_dump({"redirects": entry}), encoding="utf-8")
    with pytest.raises(AtlasDataError, match=message):
        load_redirects(load_atlas(), path)


def test_redirects_resolve_in_every_language(built_site, browser, tmp_path):
    """A renamed page keeps its old address: the redirect pages lead to the new page and section."""
    import functools
    import http.server
    import threading
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    path = tmp_path / "redirects.yml"
    path.write_text(yaml.safe_dump({"redirects": {"factors/bad-data.md": "factors/data-quality.md#warning-signs",
                                                  "numbers.md": "statistics.md"}}), encoding="utf-8")
    redirects = load_redirects(load_atlas(), path)
    write_redirects(site, LANGUAGES, redirects, "http://localhost:8000/", load_site_strings(LANGUAGES).page_moved)
    assert 'rel="canonical" href="http://localhost:8000/fa/factors/data-quality/#warning-signs"' in \
        (site / "fa" / "factors" / "bad-data" / "index.html").read_text(encoding="utf-8")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    context = browser.new_context()
    tab = track_requests(context.new_page(), url)
    try:
        for lang in LANGUAGES:
            tab.goto(f"{url}{lang}/factors/bad-data/")
            tab.wait_for_url(f"{url}{lang}/factors/data-quality/#warning-signs")
            assert tab.evaluate("document.documentElement.lang") == lang
            tab.goto(f"{url}{lang}/numbers/")
            tab.wait_for_url(f"{url}{lang}/statistics/")
        assert tab.outside_requests == []
    finally:
        context.close()
        server.shutdown()


def test_redirect_page_links_without_a_refresh():
    html = redirect_page("he", "factors/old.md", "factors/training.md", "", "http://localhost:8000/", "הדף הועבר")
    assert '<html lang="he" dir="rtl">' in html
    assert "<title>הדף הועבר</title>" in html
    assert 'href="../../../he/factors/training/"' in html
    assert 'url=../../../he/factors/training/' in html


# --- accessibility -------------------------------------------------------------------------------

@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_axe_finds_no_serious_or_critical_violation(browser, site_url, lang, scheme):
    if not AXE.is_file():
        pytest.fail("axe-core is not installed: run `npm ci` (the Makefile's test target does)")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    tab = track_requests(context.new_page(), site_url)
    found = {}
    try:
        for kind, path in PAGE_TYPES.items():
            tab.goto(f"{site_url}{lang}/{path}")
            assert tab.evaluate("document.documentElement.lang") == lang
            assert tab.evaluate("document.body.dir") == ("rtl" if lang in RTL else "ltr")
            expected = "slate" if scheme == "dark" else "default"
            assert tab.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
            tab.add_script_tag(path=str(AXE))
            result = tab.evaluate("axe.run(document, {resultTypes: ['violations']})")
            for violation in result["violations"]:
                if violation["impact"] in ("serious", "critical"):
                    found[f"{kind} {violation['id']}"] = [node["target"] for node in violation["nodes"][:3]]
        assert found == {}, json.dumps(found, ensure_ascii=False, indent=1)
        assert tab.outside_requests == []
    finally:
        context.close()


def test_screenshots_directory_is_the_shared_one():
    assert SCREENSHOTS == RESULTS / "screenshots"
