"""Build the site into a staging folder and swap it in, so `site/` is always a whole site.

MkDocs empties its site folder before it writes the new one: a build killed half-way (or one
that fails) would leave readers of a served `site/` a half-built site, and its search index
gone. Here MkDocs builds into `.site.staging-*` beside `site/`; only a finished build replaces
`site/`, in one atomic exchange of the two folders (Linux renameat2 RENAME_EXCHANGE; two
renames elsewhere), so a reader sees the old site or the new one, never a mix or nothing.
Staging folders left by an interrupted build (the site's, and the search index's under
`build/`) are removed at the start of the next build.

    python -m atlas.site_build [--config mkdocs.yml] [--no-strict]
"""
from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

log = logging.getLogger("mkdocs.atlas.site_build")
STAGING = ".{name}.staging-"
OLD = ".{name}.old-"
RENAME_EXCHANGE = 2


def mkdocs_build(config) -> None:
    from mkdocs.commands.build import build

    build(config)


def stale_folders(site: Path, index_dir: Path | None) -> list[Path]:
    """Staging and old folders an interrupted build left beside the site and the index."""
    patterns = [(site.parent, STAGING.format(name=site.name)), (site.parent, OLD.format(name=site.name))]
    if index_dir is not None:
        patterns.append((index_dir.parent, f".{index_dir.name}."))
    found = []
    for folder, prefix in patterns:
        if folder.is_dir():
            found += [path for path in folder.iterdir() if path.name.startswith(prefix) and path.is_dir()]
    return sorted(found)


def exchange(staging: Path, site: Path) -> None:
    """Put `staging` at `site` in one step; the previous site ends up at `staging`."""
    libc_name = ctypes.util.find_library("c")
    renameat2 = getattr(ctypes.CDLL(libc_name, use_errno=True), "renameat2", None) if libc_name else None
    if site.exists() and renameat2 is not None:
        at_fdcwd = -100
        if renameat2(at_fdcwd, os.fsencode(staging), at_fdcwd, os.fsencode(site), RENAME_EXCHANGE) == 0:
            return
    # No atomic exchange here: two renames, the old site kept until the new one is in place.
    old = None
    if site.exists():
        old = Path(tempfile.mkdtemp(prefix=OLD.format(name=site.name), dir=site.parent))
        os.replace(site, old / "site")
    os.replace(staging, site)
    if old is not None:
        os.makedirs(staging)          # the caller removes `staging`, as after an exchange
        os.replace(old / "site", staging / "previous")
        shutil.rmtree(old, ignore_errors=True)


def build_site(config_file: str = "mkdocs.yml", strict: bool | None = None) -> Path:
    """Build the site of `config_file` and swap it in; returns the site folder."""
    from mkdocs.config import load_config

    overrides: dict = {} if strict is None else {"strict": strict}
    config = load_config(config_file, **overrides)
    site = Path(config["site_dir"]).resolve()
    search = config.plugins.get("atlas-search")
    index_dir = None
    if search is not None:
        index_dir = (Path(config.config_file_path).parent / search.config.index_dir).resolve()
    for folder in stale_folders(site, index_dir):
        log.info(f"removing {folder}, left by an interrupted build")
        shutil.rmtree(folder, ignore_errors=True)
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=STAGING.format(name=site.name), dir=site.parent))
    os.chmod(staging, 0o755)
    config["site_dir"] = str(staging)
    try:
        mkdocs_build(config)
        exchange(staging, site)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return site


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m atlas.site_build", description=__doc__.splitlines()[0])
    parser.add_argument("--config", default="mkdocs.yml", help="the MkDocs config (default: mkdocs.yml)")
    parser.add_argument("--no-strict", action="store_true", help="let warnings pass (default: the config's strict)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    from mkdocs.exceptions import MkDocsException

    try:
        site = build_site(args.config, strict=False if args.no_strict else None)
    except MkDocsException as exc:
        print(f"build failed, {Path('site')} left as it was: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"build failed, the site folder left as it was: {exc}", file=sys.stderr)
        return 1
    log.info(f"site built and swapped in: {site}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
