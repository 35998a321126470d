"""A mistyped address lands on a 404 page in the reader's language, with its direction,
navigation and search, on any static host and below any path (issue 12, item 1); and no page
load asks for anything that is not there (item 5), in Chromium.

The site is built for https://atlas.example.org/sub/ (SITE_URL, as README's Deploying says)
and served below /sub/ by a small host that answers a missing address the way static hosts do:
with the root 404.html (GitHub Pages, S3, a plain nginx `error_page`), or with the nearest
<folder>/404.html above it (Cloudflare Pages, Netlify, nginx with a rule per language). The
test suite's own build (site_url at the root) is also served below /sub/: a deploy that forgot
SITE_URL. Tests wait for DOM states only.
"""
import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from ..conftest import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
RTL = {"fa", "he"}
PREFIX = "/sub/"
SITE_URL = "https://atlas.example.org/sub/"
# The real config, built for SITE_URL into a folder of the test's, with its own search index
# (the project's build/search-index is left to the suite's own build).
BUILD_FOR_SITE_URL = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config("mkdocs.yml", site_dir=sys.argv[1], strict=True)
config.plugins["atlas-search"].config.index_dir = sys.argv[2]
build(config)
"""
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
NOT_FOUND = {lang: entry["not_found"] for lang, entry in
             yaml.safe_load((ROOT / "atlas" / "data" / "site.yml").read_text(encoding="utf-8"))["languages"].items()}
# Every XMLHttpRequest and fetch the page's scripts start, recorded as they start (before any
# answer), so that a test can read them once the page has loaded without waiting for the network.
RECORD_REQUESTS = """
window.__requested = [];
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url) {
  window.__requested.push(String(new URL(url, document.baseURI)));
  return open.apply(this, arguments);
};
const fetchBefore = window.fetch;
window.fetch = function (input) {
  window.__requested.push(String(new URL(input instanceof Request ? input.url : input, document.baseURI)));
  return fetchBefore.apply(this, arguments);
};
"""


class _StaticHost(http.server.SimpleHTTPRequestHandler):
    """The site below PREFIX; a missing address gets a 404 page as `mode` says: 'root' (the
    site's /404.html) or 'nearest' (the closest 404.html in the address's folders)."""
    mode = "root"

    def translate_path(self, path):
        path = urlsplit(path).path
        if not path.startswith(PREFIX):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(PREFIX):])

    def send_error(self, code, message=None, explain=None):
        page = self.error_page() if code == 404 else None
        if page is None:
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def error_page(self):
        site = Path(self.directory)
        if self.mode == "nearest":
            folders = unquote(urlsplit(self.path).path)[len(PREFIX):].split("/")[:-1]
            for depth in range(len(folders), 0, -1):
                candidate = site.joinpath(*folders[:depth], "404.html")
                if candidate.is_file():
                    return candidate
        return site / "404.html"

    def log_message(self, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser that moves on (the root 404 sending it to another page) drops the answers
        # it no longer needs: nothing to report.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(site: Path, mode: str):
    handler = type("Host", (_StaticHost,), {"mode": mode})
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"


@pytest.fixture(scope="module")
def site_for_sub(tmp_path_factory):
    """The real site built with SITE_URL naming /sub/; fails (never skips) if the build fails."""
    work = tmp_path_factory.mktemp("site-for-sub")
    site, index = work / "site", work / "search-index"
    result = subprocess.run([sys.executable, "-c", BUILD_FOR_SITE_URL, str(site), str(index)], cwd=ROOT,
                            env={**os.environ, "SITE_URL": SITE_URL}, capture_output=True, text=True)
    assert result.returncode == 0, f"build for {SITE_URL} failed:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture(scope="module")
def hosts(site_for_sub, built_site):
    """Hosts serving below /sub/: 'root' and 'nearest' (see _StaticHost) the site built for
    /sub/, and 'unconfigured' (root 404) the suite's build, whose site_url names the root."""
    servers, urls = [], {}
    for name, site, mode in (("root", site_for_sub, "root"), ("nearest", site_for_sub, "nearest"),
                             ("unconfigured", built_site, "root")):
        server, url = serve(site, mode)
        servers.append(server)
        urls[name] = url
    yield urls
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def tab(browser):
    """A fresh tab that records every response and every script request."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_REQUESTS)
    page = context.new_page()
    page.responses = []
    page.on("response", lambda response: page.responses.append((response.status, response.url)))
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def open_missing(tab, url, lang):
    """Open a missing address and wait until the 404 page in `lang` has loaded (the root 404
    may first send the browser on to the language's own)."""
    tab.goto(url, wait_until="commit")
    tab.wait_for_function("""lang => document.documentElement.lang === lang && document.readyState === 'complete'
                             && document.querySelector('article h1') !== null""", arg=lang)


def failed_responses(tab, *allowed):
    return [(status, url) for status, url in tab.responses if status >= 400 and url not in allowed]


def assert_complete_404_page(tab, base, lang):
    """The page is the language's 404: its words, direction, styles, navigation and start page
    link all under the site root `base`."""
    strings = NOT_FOUND[lang]
    assert tab.locator("article h1").inner_text() == strings["title"]
    assert tab.evaluate("document.body.dir") == ("rtl" if lang in RTL else "ltr")
    assert tab.title().startswith(strings["title"])
    # Material's stylesheet applied: the header is sticky (unstyled it would be static).
    assert tab.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    home = tab.get_by_role("link", name=strings["home"])
    assert home.evaluate("a => a.href") == f"{base}{lang}/"
    nav = tab.locator(".md-sidebar--primary a.md-nav__link[href]").evaluate_all("els => els.map(a => a.href)")
    assert len(nav) > 20 and all(href.startswith(f"{base}{lang}/") for href in nav)
    assert tab.errors == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_a_404_page_in_its_own_language_and_direction(built_site, lang):
    html = (built_site / lang / "404.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in html
    assert f'<body dir="{"rtl" if lang in RTL else "ltr"}"' in html
    assert f"<h1>{NOT_FOUND[lang]['title']}</h1>" in html


def test_root_404_is_the_default_language_page(built_site):
    assert (built_site / "404.html").read_text(encoding="utf-8") == \
        (built_site / "en" / "404.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["fa", "zh", "he"])
def test_root_404_sends_an_address_in_another_language_to_that_languages_404(hosts, tab, lang):
    missing = f"{hosts['root']}{lang}/factors/dta-quality/"
    open_missing(tab, missing, lang)
    assert_complete_404_page(tab, hosts["root"], lang)
    # The reader's address is back in the address bar, to correct a typo in.
    assert tab.url == missing
    assert failed_responses(tab, missing) == []


def test_root_404_shows_an_english_address_in_english(hosts, tab):
    missing = f"{hosts['root']}en/nothing/here"
    open_missing(tab, missing, "en")
    assert_complete_404_page(tab, hosts["root"], "en")
    assert tab.url == missing
    assert failed_responses(tab, missing) == []


@pytest.mark.parametrize("lang", ["fa", "ru"])
def test_a_hosts_own_language_404_works_at_any_depth(hosts, tab, lang):
    missing = f"{hosts['nearest']}{lang}/factors/a/b/c/d/"
    open_missing(tab, missing, lang)
    assert tab.url == missing                          # shown where it was asked for, no redirect
    assert_complete_404_page(tab, hosts["nearest"], lang)
    assert failed_responses(tab, missing) == []


def test_served_below_a_path_that_site_url_does_not_name_the_404_finds_its_root(hosts, tab):
    """A deploy that forgot SITE_URL: the browser's look-ahead reads the page's files below the
    configured root (/) before the page's script names the real one. Those reads, outside the
    site's folder, fail; the page itself is whole."""
    missing = f"{hosts['unconfigured']}fa/factors/dta-quality/"
    open_missing(tab, missing, "fa")
    assert_complete_404_page(tab, hosts["unconfigured"], "fa")
    assert tab.url == missing
    assert [(status, url) for status, url in failed_responses(tab, missing)
            if url.startswith(hosts["unconfigured"])] == []


def test_a_site_built_for_its_address_names_it_everywhere(site_for_sub):
    html = (site_for_sub / "zh" / "factors" / "training" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SITE_URL}zh/factors/training/">' in html
    assert f'<meta property="og:url" content="{SITE_URL}zh/factors/training/">' in html
    assert f'<link rel="alternate" hreflang="x-default" href="{SITE_URL}en/factors/training/">' in html
    sitemap = (site_for_sub / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE_URL}zh/factors/training/</loc>" in sitemap and "localhost" not in sitemap
    assert '<base href="/sub/">' in (site_for_sub / "404.html").read_text(encoding="utf-8")


def test_search_on_the_persian_404_page_finds_persian_pages(hosts, tab):
    open_missing(tab, f"{hosts['root']}fa/factors/missing/", "fa")
    tab.get_by_role("button", name=NOT_FOUND["fa"]["search"]).click()
    box = tab.locator(".md-search__input")
    box.wait_for(state="visible")
    box.fill("داده‌ها")
    first = tab.locator("[data-atlas-list] > li a").first
    first.wait_for()
    assert first.evaluate("a => a.href").startswith(f"{hosts['root']}fa/")
    assert failed_responses(tab, f"{hosts['root']}fa/factors/missing/") == []


def test_language_switcher_on_a_404_page_leads_to_each_languages_start_page(hosts, tab):
    open_missing(tab, f"{hosts['root']}fa/missing/", "fa")
    links = tab.locator("a.md-select__link[hreflang]")
    assert links.evaluate_all("els => els.map(a => a.hreflang + ' ' + a.href)") == \
        [f"{code} {hosts['root']}{code}/" for code in LANGUAGES]
    tab.locator(".md-header__option .md-select").first.hover()
    tab.locator('a.md-select__link[hreflang="he"]').click()
    tab.wait_for_url(f"{hosts['root']}he/")
    assert tab.evaluate("document.documentElement.lang") == "he"


def test_404_page_keeps_the_readers_colour_scheme(hosts, tab):
    """Material keeps the scheme the reader chose per site root: the 404's is the site's."""
    tab.goto(f"{hosts['root']}en/")
    tab.locator("form[data-md-component=palette] label:visible").first.click()
    tab.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    open_missing(tab, f"{hosts['root']}fa/factors/a/b/", "fa")
    assert tab.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_404_page_has_no_serious_accessibility_violation(hosts, tab, lang):
    if not AXE.is_file():
        pytest.fail("axe-core is not installed: run `npm ci` (the Makefile's test target does)")
    open_missing(tab, f"{hosts['root']}{lang}/missing/", lang)
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = {v["id"]: [n["target"] for n in v["nodes"][:3]] for v in result["violations"]
               if v["impact"] in ("serious", "critical")}
    assert serious == {}, json.dumps(serious, ensure_ascii=False)


@pytest.mark.parametrize("lang", ["fa", "en", "zh"])
def test_404_page_screenshots(hosts, tab, screenshots, lang):
    """For a person to look at: test-results/screenshots/not-found-<lang>.png."""
    open_missing(tab, f"{hosts['root']}{lang}/factors/dta-quality/", lang)
    tab.screenshot(path=str(screenshots / f"not-found-{lang}.png"))


# --- no request that fails -------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", ["", "factors/data-quality/", "sources/fa-mir-1401/"])
def test_a_page_load_requests_nothing_that_is_not_there(site_url, tab, lang, path):
    """Material's bundle reads sitemap.xml next to every <link rel="alternate"> it finds when
    the page loads; the page's language alternates must not be among them (one 404 each)."""
    tab.goto(f"{site_url}{lang}/{path}")
    requested = tab.evaluate("window.__requested")
    assert [url for url in requested if url.endswith("sitemap.xml")] == []
    assert failed_responses(tab) == []
    assert tab.errors == []
    # The alternates are in the document for whoever reads it after the load.
    alternates = tab.locator('link[rel="alternate"][hreflang]').evaluate_all("els => els.map(e => e.hreflang)")
    assert alternates == LANGUAGES + ["x-default"]


def test_language_switcher_still_keeps_the_page_and_the_section(site_url, tab):
    tab.goto(f"{site_url}ru/factors/training/#what-to-do")
    tab.locator(".md-header__option .md-select").first.hover()
    tab.locator('a.md-select__link[hreflang="he"]').click()
    tab.wait_for_url(f"{site_url}he/factors/training/#what-to-do")
    assert tab.evaluate("document.body.dir") == "rtl"
