"""Shared fixtures: one real `mkdocs build --strict` per test session, served on localhost."""
import functools
import http.server
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ["en", "zh", "ru", "fa", "he"]
MINI_SITE = ROOT / "tests" / "fixtures" / "mini-site"


def atlas_mini_config(site_url: str = "http://localhost/", overrides: Path | None = None) -> str:
    """mkdocs.yml for the fixture pages with the `atlas` plugin (content checks off)."""
    theme_dir = f"\n  custom_dir: {overrides}" if overrides else ""
    return f"""site_name: Mini atlas
site_url: {site_url}
docs_dir: docs
theme:
  name: material
  font: false{theme_dir}
plugins:
  - i18n:
      docs_structure: folder
      fallback_to_default: false
      reconfigure_search: false
      languages:
        - {{locale: en, name: English, default: true}}
        - {{locale: zh, name: 中文}}
        - {{locale: ru, name: Русский}}
        - {{locale: fa, name: فارسی}}
        - {{locale: he, name: עברית}}
  - atlas:
      check: false
markdown_extensions:
  - attr_list
  - toc
"""


def run_cli(capsys, *args):
    """Run atlas-search in-process: (exit code, stdout, stderr)."""
    from indexer.cli import main as cli_main
    code = cli_main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """Build the real site with the real config; fail (never skip) if the build fails."""
    site = tmp_path_factory.mktemp("site")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(built_site):
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory):
    """(site dir, index dir) of the fixture site, built once by `mkdocs build --strict`."""
    site = tmp_path_factory.mktemp("mini-site")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                            cwd=MINI_SITE, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return site, MINI_SITE / "build" / "search-index"
