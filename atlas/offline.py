"""The offline edition: the whole site in one zip that works opened from disk (file://), for a
classroom without internet. `make offline` writes dist/crm-failure-atlas-offline.zip.

    python -m atlas.offline [--output ZIP] [--site-dir DIR] [--config mkdocs.yml]

A browser reading files from disk differs from one talking to a web server in three ways, and
each is dealt with here, after an ordinary build of mkdocs.yml with two options changed:

- A link to a folder opens the folder's listing, not its index.html: the site is built with
  `use_directory_urls: false` (every page a `.html` file, every MkDocs link to it too), and the
  links the content writes itself for folder addresses (figures, the root page, redirect pages:
  `../sources/he-navarro-10/`) are pointed at the page's file. A relative link that still
  leads to no file fails the build, naming the page and the link.
- fetch() is refused, so the search cannot read its index: every index file `search/<path>`
  is written again as the script `search/<path>.js`, which stores the file under
  `window.AtlasOfflineIndex`; web/offline-loader.js adds those scripts when the page's
  address starts with file: (the hook is search-ui.js's fetchJson).
- There is no server to answer a missing address, so the 404 pages are left out; nor a
  search engine to read the pages' language alternates (<link rel="alternate" hreflang>), for
  which Material's JavaScript would read sitemaps, refused from disk: they are left out too.

The normal site is not touched: the edition is built into its own folder, with its own search
index under build/offline-search-index (the command line keeps reading build/search-index,
whose URLs are the served site's). Fonts are the site's own files (no download), pictures are
inline SVG drawn at build time, so both work from disk as they are.
"""
from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import posixpath
import re
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

log = logging.getLogger("mkdocs.atlas.offline")

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT = Path("dist") / "crm-failure-atlas-offline.zip"
FOLDER_IN_ZIP = "crm-failure-atlas"            # unzipping gives one folder, not files all over
OFFLINE_INDEX_DIR = "build/offline-search-index"
# Attributes that hold a URL, and the URL of a meta refresh (the root page, redirect pages), as
# MkDocs, Material and the atlas plugin write them (always in double quotes).
URL_ATTRIBUTE = re.compile(r'(?P<before>\s(?:href|src|xlink:href)=")(?P<url>[^"]*)(?P<after>")')
REFRESH_URL = re.compile(r'(?P<before><meta http-equiv="refresh" content="\d+;\s*url=)(?P<url>[^"]*)(?P<after>")',
                         re.IGNORECASE)
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# <link rel="alternate" hreflang=…>: for search engines. Material's JavaScript reads each one's
# sitemap.xml on every page load, which a page on disk may not read (a failed request each).
LANGUAGE_ALTERNATE = re.compile(r'<link\b(?=[^>]*\brel="alternate")(?=[^>]*\bhreflang=)[^>]*>\n?')


class OfflineError(Exception):
    """The offline edition cannot be made (a link that leads nowhere, a failed build)."""


# --- the build ----------------------------------------------------------------------------------

def build_site(site_dir: Path, config_file: str = "mkdocs.yml") -> Path:
    """Build `config_file` with `.html` page addresses into `site_dir` (strict as configured)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file, use_directory_urls=False, site_dir=str(site_dir))
    search = config.plugins.get("atlas-search")
    if search is not None:
        # Its own index: the command line's (build/search-index) keeps the served site's URLs.
        search.config.index_dir = OFFLINE_INDEX_DIR
    build(config)
    return Path(site_dir)


# --- links to files -----------------------------------------------------------------------------

def folder_address(page: str) -> str:
    """Where `page` (a path below the site root) would be with folder addresses:
    'en/factors/data-quality.html' -> 'en/factors/data-quality/', 'en/index.html' -> 'en/'."""
    folder, name = posixpath.split(page)
    if name == "index.html":
        return folder + "/" if folder else ""
    return page[: -len(".html")] + "/"


def file_for(site: Path, target: str) -> str | None:
    """The file a folder address `target` (below the site root) is served from, if any."""
    target = target.strip("/")
    for candidate in ([f"{target}/index.html", f"{target}.html"] if target else ["index.html"]):
        if (site / candidate).is_file():
            return candidate
    return None


def relative_link(page: str, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def file_link(site: Path, page: str, url: str) -> str | None:
    """`url` as found in `page`, rewritten to lead to a file from disk; None when it leads
    nowhere. Links to other sites, fragments and data are returned as they are."""
    if not url or url.startswith(("#", "?", "//")) or SCHEME.match(url):
        return url
    cut = min((at for at in (url.find("?"), url.find("#")) if at != -1), default=len(url))
    path, tail = url[:cut], url[cut:]
    if path.startswith("/"):
        # Site-root addresses mean nothing on disk: the same address relative to the root.
        base, path = "", path.lstrip("/")
    else:
        here = posixpath.dirname(page)
        if not path.endswith(("/", ".", "..")) and (site / posixpath.normpath(posixpath.join(here, path))).is_file():
            return url          # already a file (every link MkDocs writes with .html addresses)
        # A folder address was written for the page at its folder address (figures, redirects).
        base = folder_address(page)
    target = posixpath.normpath(posixpath.join(base, path)) if path else base
    if target.startswith("../") or target == "..":
        return None
    if (site / target).is_file():
        return relative_link(page, target) + tail
    found = file_for(site, "" if target == "." else target)
    return None if found is None else relative_link(page, found) + tail


def link_files(site: Path) -> list[str]:
    """Point every relative link of every HTML page at a file; returns the links that lead
    nowhere, as 'page: link'."""
    broken = []
    for html_file in sorted(site.rglob("*.html")):
        page = html_file.relative_to(site).as_posix()
        text = html_file.read_text(encoding="utf-8")

        def rewrite(match: re.Match) -> str:
            found = file_link(site, page, match["url"])
            if found is None:
                broken.append(f"{page}: {match['url']}")
                return match[0]
            return match["before"] + found + match["after"]

        changed = REFRESH_URL.sub(rewrite, URL_ATTRIBUTE.sub(rewrite, LANGUAGE_ALTERNATE.sub("", text)))
        if changed != text:
            html_file.write_text(changed, encoding="utf-8")
    return broken


# --- search from disk ---------------------------------------------------------------------------

def index_script(path: str, payload: str) -> str:
    """The script that stores the index file `path` for web/offline-loader.js.
    JSON.parse of the file's own text gives exactly what fetch(...).json() gives."""
    return ("window.AtlasOfflineIndex=window.AtlasOfflineIndex||{};"
            f"window.AtlasOfflineIndex[{json.dumps(path)}]=JSON.parse({json.dumps(payload, ensure_ascii=False)});\n")


def embed_search_index(site: Path) -> int:
    """Write search/<path>.js beside every index file search/<path> (JSON, or gzip-compressed
    JSON); returns how many."""
    search = site / "search"
    if not (search / "entry.json").is_file():
        raise OfflineError(f"{search / 'entry.json'}: missing; the atlas-search plugin did not export an index")
    count = 0
    for index_file in sorted([*search.rglob("*.json"), *search.rglob("*.json.gz")]):
        path = index_file.relative_to(search).as_posix()
        data = index_file.read_bytes()
        # The index folder's files are gzip (indexer/export.py); the script holds their JSON.
        payload = (gzip.decompress(data) if path.endswith(".gz") else data).decode("utf-8")
        index_file.with_name(index_file.name + ".js").write_text(index_script(path, payload), encoding="utf-8")
        count += 1
    return count


def remove_server_pages(site: Path) -> None:
    """404 pages are shown by a web server; from disk nothing shows them."""
    for page in site.rglob("404.html"):
        page.unlink()


# --- the zip ------------------------------------------------------------------------------------

def zip_timestamp() -> tuple:
    """The content's date (SOURCE_DATE_EPOCH, else the atlas plugin's content date), so the
    same pages give the same zip."""
    from .model import DATA_DIR
    from .plugin import content_epoch

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    seconds = int(epoch) if epoch and epoch.isdigit() else content_epoch([ROOT / "docs", DATA_DIR])
    stamp = time.gmtime(max(seconds or 0, 315532800))          # a zip cannot date before 1980
    return stamp[:6]


def write_zip(site: Path, output: Path) -> Path:
    """Zip `site` under FOLDER_IN_ZIP/ into `output`, replacing it only once complete."""
    output.parent.mkdir(parents=True, exist_ok=True)
    stamp = zip_timestamp()
    handle, partial = tempfile.mkstemp(prefix=f".{output.name}.", dir=output.parent)
    os.close(handle)
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for file in sorted(path for path in site.rglob("*") if path.is_file()):
                info = zipfile.ZipInfo(f"{FOLDER_IN_ZIP}/{file.relative_to(site).as_posix()}", stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, file.read_bytes())
        os.chmod(partial, 0o644)
        os.replace(partial, output)
    finally:
        if os.path.exists(partial):
            os.unlink(partial)
    return output


def make_offline_site(site: Path, config_file: str = "mkdocs.yml") -> Path:
    """Build the offline edition, unzipped, into `site` (emptied first)."""
    build_site(site, config_file)
    remove_server_pages(site)
    broken = link_files(site)
    if broken:
        listing = "\n  ".join(broken[:20]) + (f"\n  … and {len(broken) - 20} more" if len(broken) > 20 else "")
        raise OfflineError(f"{len(broken)} link(s) lead to no file of the offline edition:\n  {listing}")
    embed_search_index(site)
    return site


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m atlas.offline", description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help=f"the zip to write (default: {DEFAULT_OUTPUT})")
    parser.add_argument("--site-dir", type=Path, help="also keep the unzipped edition in this folder (emptied first)")
    parser.add_argument("--config", default="mkdocs.yml", help="the MkDocs config (default: mkdocs.yml)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    from mkdocs.exceptions import MkDocsException

    work = None
    try:
        site_dir = args.site_dir
        if site_dir is None:
            work = Path(tempfile.mkdtemp(prefix="atlas-offline-"))
            site_dir = work / FOLDER_IN_ZIP
        site = make_offline_site(site_dir, args.config)
        output = write_zip(site, args.output)
    except (MkDocsException, OfflineError, OSError) as exc:
        print(f"offline edition not written: {exc}", file=sys.stderr)
        return 1
    finally:
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
    log.info(f"offline edition written: {output} ({output.stat().st_size // 1024} kB); "
             f"unzip it and open {FOLDER_IN_ZIP}/index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
