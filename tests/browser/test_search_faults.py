"""The search box survives a redeploy under an open page and damaged index files (issue 15,
items 1 and 2), in Chromium.

Every test serves its own copy of the built site from a small local server whose folder can be
swapped between two requests (a redeploy) and which lets the browser cache every file for an
hour (a host that sets no caching headers may do as much: the worst case for a redeploy). A
test waits for DOM states only: each query starts from the empty box, so the list filling up
or the "unavailable" message showing can only be that query's outcome.
"""
import gzip
import hashlib
import http.server
import json
import re
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from indexer.export import dump, write_hashed

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_MS = 15_000
LIST = "[data-atlas-list] > li"
# The outcome of the query just typed: "results", "unavailable", or not yet (false).
OUTCOME_JS = """() => {
  const strings = JSON.parse(document.querySelector('[data-atlas-search]').dataset.atlasStrings);
  if (document.querySelectorAll('[data-atlas-list] > li').length) return 'results';
  return document.querySelector('[data-atlas-meta]').textContent === strings.error ? 'unavailable' : false;
}"""
EMPTY_JS = """() => {
  const strings = JSON.parse(document.querySelector('[data-atlas-search]').dataset.atlasStrings);
  return !document.querySelector('[data-atlas-list] > li') &&
    document.querySelector('[data-atlas-meta]').textContent === strings.placeholder;
}"""


class _Host(http.server.ThreadingHTTPServer):
    daemon_threads = True
    root: Path


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the host's current root (read at each request); a 200 may be cached an hour."""

    def __init__(self, request, client_address, server):
        super().__init__(request, client_address, server, directory=str(server.root))

    def send_response(self, code, message=None):
        self.status = code
        super().send_response(code, message)

    def end_headers(self):
        if getattr(self, "status", None) == 200:
            self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def host(built_site, tmp_path):
    """A copy of the built site (tmp_path/v1) served on 127.0.0.1; `host.root = other` swaps it."""
    copy = tmp_path / "v1"
    shutil.copytree(built_site, copy)
    server = _Host(("127.0.0.1", 0), _Handler)
    server.root = copy
    server.url = f"http://127.0.0.1:{server.server_address[1]}/"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def tab(browser):
    """A fresh browser (empty cache) that records page errors (uncaught exceptions and unhandled
    promise rejections) and every response of the search index."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.errors = []
    page.search_responses = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("response", lambda response: page.search_responses.append((response.status, response.url))
            if "/search/" in response.url else None)
    yield page
    context.close()


def open_search(tab, url, lang):
    tab.goto(f"{url}{lang}/")
    box = tab.locator("[data-atlas-search] input[name=q]")
    box.click()
    return box


def ask(tab, box, query) -> tuple[str, list[str]]:
    """Type `query` into the emptied box; ("results", result links) or ("unavailable", [])."""
    box.fill("")
    tab.wait_for_function(EMPTY_JS)
    box.fill(query)
    outcome = tab.wait_for_function(OUTCOME_JS).json_value()
    links = [a.get_attribute("href") for a in tab.locator("[data-atlas-list] a").all()]
    return outcome, links


def strings(tab) -> dict:
    return json.loads(tab.locator("[data-atlas-search]").get_attribute("data-atlas-strings"))


# --- Redeploy -------------------------------------------------------------------------------

def redeploy(old: Path, new: Path, retitle: tuple[str, str, str]) -> None:
    """`new` = `old` rebuilt after pages of every language changed: each language's
    content-hashed folder and meta file have new names (the old ones are gone) and entry.json
    points at them. The page `retitle` = (lang, path, title) gets a new title in its results."""
    shutil.copytree(old, new)
    search = new / "search"
    entry = json.loads((search / "entry.json").read_text(encoding="utf-8"))
    for lang, meta_path in entry["languages"].items():
        meta = json.loads((search / meta_path).read_text(encoding="utf-8"))
        folder = hashlib.sha256(f"redeployed {meta['folder']}".encode()).hexdigest()[:12]
        (search / lang / meta["folder"]).rename(search / lang / folder)
        (search / meta_path).unlink()
        meta["folder"] = folder
        entry["languages"][lang] = f"{lang}/" + write_hashed(search / lang, "meta", meta)
        if lang == retitle[0]:
            for bundle in (search / lang / folder).glob("pages.*.json.gz"):
                pages = json.loads(gzip.decompress(bundle.read_bytes()))
                if any(page["page"] == retitle[1] for page in pages):
                    for page in pages:
                        if page["page"] == retitle[1]:
                            page["title"] = retitle[2]
                    bundle.write_bytes(gzip.compress(dump(pages), mtime=0))
    (search / "entry.json").write_bytes(dump(entry))


def titles(tab) -> list[str]:
    return tab.locator("[data-atlas-list] > li > a h1").all_text_contents()


def test_redeploy_under_an_open_page_gives_results_not_unavailable(host, tab, tmp_path):
    box = open_search(tab, host.url, "en")
    outcome, links = ask(tab, box, "integrating ERP")
    assert outcome == "results" and links[0].endswith("/en/factors/integration/"), (outcome, links)
    assert titles(tab)[0] == "Integration problems"

    redeploy(host.root, tmp_path / "v2", ("en", "factors/integration", "Integration problems (redeployed)"))
    host.root = tmp_path / "v2"
    tab.search_responses.clear()
    # The page still holds the old entry: the next queries need files the old entry names and
    # the host no longer has (the other languages' meta files were never loaded).
    outcome, links = ask(tab, box, "data quality")
    assert outcome == "results" and links[0].endswith("/en/factors/data-quality/"), (outcome, links)
    outcome, links = ask(tab, box, "сопротивление изменениям")   # Russian on an English page
    assert outcome == "results" and any(h.endswith("/en/factors/change-management/") for h in links), (outcome, links)
    missing = [url for status, url in tab.search_responses if status == 404]
    assert missing, "the redeploy was not noticed: no file of the old index was asked for"
    assert all("/search/entry.json" not in url for url in missing)
    # After the recovery the page reads the new index, not a mix of the two.
    outcome, links = ask(tab, box, "integrating ERP")
    assert outcome == "results" and titles(tab)[0] == "Integration problems (redeployed)", titles(tab)

    # A returning reader (entry.json in the browser's cache) after a reload: results too.
    tab.reload()
    box = tab.locator("[data-atlas-search] input[name=q]")
    box.click()
    outcome, links = ask(tab, box, "обучение пользователей")
    assert outcome == "results", outcome
    assert tab.errors == []


# --- Damaged files --------------------------------------------------------------------------

FOLDER = r"[0-9a-f]{12}"
# kind -> (reader language, query, files below search/ that the query needs and are damaged)
DAMAGED = {
    "pages": ("ru", "сопротивление изменениям", rf"ru/{FOLDER}/pages\.\d+\.json\.gz"),
    "paths": ("fa", "data quality", rf"fa/{FOLDER}/paths\.json\.gz"),   # a cross-language search
    "terms": ("he", "באיכות הנתונים", rf"he/{FOLDER}/terms\.\d+\.json\.gz"),
    "lexicon": ("zh", "数据质量", rf"zh/{FOLDER}/lex\.\d+\.json\.gz"),
    "meta": ("en", "integrating ERP", r"en/meta\.[0-9a-f]{12}\.json"),
    "analysis": ("en", "integrating ERP", r"analysis\.[0-9a-f]{12}\.json"),
    "entry": ("fa", "دادهها", r"entry\.json"),
}
PROBED: dict[tuple[str, str], list[str]] = {}


def files_needed(browser, site_url, lang, query) -> list[str]:
    """The search files (below search/) a query fetches, in a browser of its own on the
    session's intact site (same file names as every copy)."""
    if (lang, query) not in PROBED:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        probe = context.new_page()
        probe.set_default_timeout(TIMEOUT_MS)
        asked = []
        probe.on("request", lambda request: asked.append(request.url.split("/search/", 1)[1])
                 if "/search/" in request.url else None)
        box = open_search(probe, site_url, lang)
        assert ask(probe, box, query)[0] == "results"
        context.close()
        PROBED[lang, query] = asked
    return PROBED[lang, query]


@pytest.mark.parametrize("damage", ["deleted", "truncated"])
@pytest.mark.parametrize("kind", list(DAMAGED))
def test_damaged_file_shows_unavailable_and_recovers(browser, site_url, host, tab, kind, damage):
    lang, query, pattern = DAMAGED[kind]
    names = sorted({name for name in files_needed(browser, site_url, lang, query) if re.fullmatch(pattern, name)})
    assert names, f"the query {query!r} does not need any {kind} file: pick another"
    search = host.root / "search"
    kept = {name: (search / name).read_bytes() for name in names}
    for name, payload in kept.items():
        if damage == "deleted":
            (search / name).unlink()
        else:
            (search / name).write_bytes(payload[: len(payload) // 2])

    box = open_search(tab, host.url, lang)
    outcome, links = ask(tab, box, query)
    assert outcome == "unavailable", (outcome, links)
    message = tab.locator("[data-atlas-meta]").text_content()
    assert message == strings(tab)["error"] and message
    if lang != "en":
        assert message != "Search is unavailable.", "the message is not in the reader's language"

    for name, payload in kept.items():
        (search / name).write_bytes(payload)
    outcome, links = ask(tab, box, query)
    assert outcome == "results", outcome
    assert tab.errors == [], tab.errors


# --- The core, from Node ------------------------------------------------------------------

NODE_REDEPLOY = r"""
const AtlasSearch = require(process.argv[1]);
const fs = require("node:fs"), path = require("node:path");
const [oldDir, newDir] = process.argv.slice(2);
let dir = oldDir;
const fresh = [];
const site = new AtlasSearch.Site(async (file, options) => {
  if (options && options.fresh) fresh.push(file);
  return fs.readFileSync(path.join(dir, file));   // bytes: the Site parses and gunzips
});
(async () => {
  const search = () => AtlasSearch.search(site, "en", "data quality", { prefix: true });
  const before = await site.recover(search);
  dir = newDir;    // the redeploy: the old folder names are gone
  const index = await site.index("en");
  let failed = false;
  try { await index.fragment(before.hits[before.hits.length - 1].doc); } catch (e) { failed = true; }
  const after = await site.recover(async () => {
    const found = await search();
    return Promise.all(found.hits.map(async (hit) => (await (await site.index("en")).fragment(hit.doc)).url));
  });
  console.log(JSON.stringify({ failed, fresh, hits: before.hits.length, urls: after.length }));
})().catch((e) => { console.error(e); process.exitCode = 1; });
"""


def test_site_recovers_from_a_redeploy_with_a_file_loader(built_site, tmp_path):
    """AtlasSearch.Site stays usable from Node: the loader receives {fresh} and may ignore it."""
    node = shutil.which("node")
    assert node, "node is required"
    redeploy(built_site, tmp_path / "v2", ("en", "factors/integration", "Integration problems"))
    result = subprocess.run([node, "-e", NODE_REDEPLOY, str(ROOT / "web" / "atlas-search.js"),
                             str(built_site / "search"), str(tmp_path / "v2" / "search")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["failed"], "the old files should be gone after the redeploy"
    assert "entry.json" in report["fresh"], report
    assert report["urls"] == report["hits"] > 0, report
