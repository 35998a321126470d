"""`make build` (python -m atlas.site_build) swaps a finished site in: a failed or killed build
leaves the previous site whole, and the next build removes what the killed one left behind."""
import hashlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from atlas import site_build

ROOT = Path(__file__).resolve().parents[1]
MINI_SITE = ROOT / "tests" / "fixtures" / "mini-site"


def snapshot(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture
def project(tmp_path):
    """A copy of the fixture site, built once into its site/."""
    copy = tmp_path / "project"
    shutil.copytree(MINI_SITE, copy, ignore=shutil.ignore_patterns("build", "site"))
    site_build.build_site(str(copy / "mkdocs.yml"))
    return copy


def test_a_build_replaces_the_site_with_a_whole_new_one(project):
    page = project / "docs" / "en" / "training.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA sentence added by the test.\n", encoding="utf-8")
    site_build.build_site(str(project / "mkdocs.yml"))
    built = [p for p in (project / "site").rglob("index.html") if "A sentence added by the test." in p.read_text("utf-8")]
    assert [p.relative_to(project / "site").as_posix() for p in built] == ["training/index.html"]
    assert (project / "site" / "search" / "entry.json").is_file()
    assert [p.name for p in project.iterdir() if p.name.startswith(".site.")] == []


def test_a_failed_build_leaves_the_previous_site_whole(project, monkeypatch):
    before = snapshot(project / "site")

    def half_a_build(config):
        Path(config["site_dir"], "en").mkdir()
        Path(config["site_dir"], "en", "partial.html").write_text("half", encoding="utf-8")
        raise RuntimeError("interrupted")

    monkeypatch.setattr(site_build, "mkdocs_build", half_a_build)
    with pytest.raises(RuntimeError):
        site_build.build_site(str(project / "mkdocs.yml"))
    assert snapshot(project / "site") == before
    assert [p.name for p in project.iterdir() if p.name.startswith(".site.")] == []


KILLED_BUILD = """
import sys
from pathlib import Path
from atlas import site_build
def half_a_build(config):
    Path(config["site_dir"], "en").mkdir()
    Path(config["site_dir"], "en", "partial.html").write_text("half", encoding="utf-8")
    print("half-built", flush=True)
    sys.stdin.read()          # wait here until the test kills the process
site_build.mkdocs_build = half_a_build
site_build.build_site(sys.argv[1])
"""


def test_a_killed_build_leaves_the_site_whole_and_the_next_build_cleans_up(project):
    before = snapshot(project / "site")
    process = subprocess.Popen([sys.executable, "-c", KILLED_BUILD, str(project / "mkdocs.yml")], cwd=ROOT,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == "half-built"   # deterministic: no timing
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert snapshot(project / "site") == before
    left = [p for p in project.iterdir() if p.name.startswith(".site.staging-")]
    assert len(left) == 1 and (left[0] / "en" / "partial.html").is_file()
    site_build.build_site(str(project / "mkdocs.yml"))
    assert [p.name for p in project.iterdir() if p.name.startswith(".site.")] == []
    assert snapshot(project / "site") == before          # same pages, byte for byte


def test_the_command_reports_a_failed_build_in_one_line(project, capsys):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nnav: 3\n", encoding="utf-8")   # not a valid nav
    before = snapshot(project / "site")
    assert site_build.main(["--config", str(project / "mkdocs.yml")]) == 1
    message = capsys.readouterr().err.strip().splitlines()
    assert len(message) == 1 and message[0].startswith("build failed")
    assert snapshot(project / "site") == before
