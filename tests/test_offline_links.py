"""The offline edition's links (atlas/offline.py): from disk a folder address opens a folder
listing, so every link must name a file. The edition itself is opened in Chromium by
tests/browser/test_offline.py."""
import json
import subprocess

import pytest

from atlas.offline import LANGUAGE_ALTERNATE, file_link, index_script, link_files

PAGES = ["index.html", "en/index.html", "en/factors/index.html", "en/factors/data-quality.html",
         "en/sources/he-navarro-10.html", "en/glossary.html"]


@pytest.fixture
def site(tmp_path):
    for page in PAGES:
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text("<!doctype html>", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("page,url,expected", [
    # Written by atlas/figures.py for the page at its folder address en/factors/data-quality/.
    ("en/factors/data-quality.html", "../../sources/he-navarro-10/", "../sources/he-navarro-10.html"),
    ("en/factors/data-quality.html", "../../glossary/#crm", "../glossary.html#crm"),
    ("en/factors/data-quality.html", "./", "data-quality.html"),
    ("en/factors/data-quality.html", "../", "index.html"),
    ("en/factors/index.html", "../sources/he-navarro-10/", "../sources/he-navarro-10.html"),
    ("index.html", "en/", "en/index.html"),                        # the root page's refresh
    ("en/glossary.html", "/en/factors/", "factors/index.html"),     # a site-root address
])
def test_folder_addresses_are_pointed_at_the_pages_file(site, page, url, expected):
    assert file_link(site, page, url) == expected


@pytest.mark.parametrize("url", ["data-quality.html", "../glossary.html#crm", "#summary", "?q=data",
                                 "https://example.org/", "mailto:a@example.org", "data:image/png;base64,AA", ""])
def test_links_that_already_work_from_disk_are_kept(site, url):
    assert file_link(site, "en/factors/data-quality.html", url) == url


@pytest.mark.parametrize("url", ["../../nowhere/", "missing.html", "../../../../outside/"])
def test_a_link_to_no_file_is_reported_with_its_page(site, url):
    assert file_link(site, "en/factors/data-quality.html", url) is None
    (site / "en/factors/data-quality.html").write_text(f'<a href="{url}">x</a>', encoding="utf-8")
    assert link_files(site) == [f"en/factors/data-quality.html: {url}"]


def test_pages_are_rewritten_in_place_and_language_alternates_left_out(site):
    (site / "index.html").write_text(
        '<meta http-equiv="refresh" content="0; url=en/">\n'
        '<link rel="alternate" href="en/" hreflang="en">\n<a href="en/">English</a>', encoding="utf-8")
    assert link_files(site) == []
    assert (site / "index.html").read_text(encoding="utf-8") == (
        '<meta http-equiv="refresh" content="0; url=en/index.html">\n<a href="en/index.html">English</a>')
    assert LANGUAGE_ALTERNATE.sub("", '<link hreflang="x-default" rel="alternate" href="/">') == ""
    assert LANGUAGE_ALTERNATE.sub("", '<link rel="alternate" type="application/rss+xml" href="f">') != ""


def test_an_index_script_gives_the_json_file_as_fetch_would(tmp_path):
    node = subprocess.run(["node", "--version"], capture_output=True)
    assert node.returncode == 0, "node is required (Node.js 20 or newer)"
    payload = json.dumps({"a\u2028b": ["</script>", "\"q\"", "داده‌ها", "数据"], "__proto__": 1}, ensure_ascii=False)
    script = index_script("zh/meta.0123.json", payload)
    check = ("const window = {};" + script +
             "process.stdout.write(JSON.stringify(window.AtlasOfflineIndex['zh/meta.0123.json']));")
    result = subprocess.run(["node", "-e", check], capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == json.loads(payload)
