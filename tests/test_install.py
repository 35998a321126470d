"""The install: `make build`/`make serve` get the runtime packages only, `make test` adds the test
packages; every requirements file pins every package it brings, dependencies included."""
import importlib.metadata
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
RUNTIME_LOCK = ROOT / "requirements.lock"
TEST_LOCK = ROOT / "requirements-test.lock"
BENCH_REQUIREMENTS = ROOT / "requirements-bench.txt"
TEST_TOOLS = {"pytest", "playwright", "hypothesis"}
PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)(?:\[(?P<extras>[^\]]+)\])?==(?P<version>\S+)$")


def read_pins(path: Path) -> dict[str, tuple[str, frozenset[str]]]:
    """{canonical name: (version, extras)} of one requirements file and the files it includes."""
    pins = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("-r "):
            pins.update(read_pins(path.parent / line[3:].strip()))
            continue
        match = PIN.match(line)
        assert match, f"{path.name}:{number}: not an exact pin (name==version): {raw!r}"
        extras = frozenset((match["extras"] or "").replace(" ", "").split(",")) - {""}
        pins[canonicalize_name(match["name"])] = (match["version"], extras)
    return pins


def own_pins(path: Path) -> set[str]:
    """The names a requirements file pins itself, without the files it includes."""
    included = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-r "):
            included |= set(read_pins(path.parent / line[3:].strip()))
    return set(read_pins(path)) - included


def unmet_dependencies(pins) -> list[str]:
    """Each dependency of a pinned, installed package that the pins leave out or pin wrongly."""
    environment = default_environment()
    problems = []
    for name, (version, extras) in sorted(pins.items()):
        installed = importlib.metadata.version(name)
        if installed != version:
            problems.append(f"{name} is pinned at {version} but {installed} is installed")
        for text in importlib.metadata.requires(name) or []:
            requirement = Requirement(text)
            wanted = [{**environment, "extra": extra} for extra in extras | {""}]
            if requirement.marker and not any(requirement.marker.evaluate(env) for env in wanted):
                continue
            needed = canonicalize_name(requirement.name)
            if needed not in pins:
                problems.append(f"{name} needs {requirement}, which is not pinned")
            elif not requirement.specifier.contains(pins[needed][0], prereleases=True):
                problems.append(f"{name} needs {requirement}, pinned at {pins[needed][0]}")
    return problems


def test_every_line_of_every_requirements_file_is_an_exact_pin():
    for path in (RUNTIME_LOCK, TEST_LOCK, BENCH_REQUIREMENTS):
        assert read_pins(path), f"{path.name} pins nothing"


def test_the_runtime_requirements_hold_no_test_package():
    runtime = set(read_pins(RUNTIME_LOCK))
    assert TEST_TOOLS <= own_pins(TEST_LOCK)
    assert not runtime & own_pins(TEST_LOCK), "packages only the tests need are in requirements.lock"
    assert not runtime & own_pins(BENCH_REQUIREMENTS)


def test_the_runtime_lock_pins_every_dependency_of_what_it_installs():
    assert unmet_dependencies(read_pins(RUNTIME_LOCK)) == []


def test_the_test_lock_with_the_runtime_lock_pins_every_dependency_of_what_they_install():
    assert unmet_dependencies(read_pins(TEST_LOCK)) == []


def test_unmet_dependencies_names_a_dependency_left_out_of_the_pins():
    pins = read_pins(RUNTIME_LOCK)
    del pins["scipy"]
    assert any("needs scipy" in problem for problem in unmet_dependencies(pins))


def test_pyproject_declares_the_same_versions_as_the_requirements_files():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {"requirements.lock": project["dependencies"],
                "requirements-test.lock": project["optional-dependencies"]["test"],
                "requirements-bench.txt": project["optional-dependencies"]["bench"]}
    for file_name, requirements in declared.items():
        pins = read_pins(ROOT / file_name)
        for text in requirements:
            requirement = Requirement(text)
            name = canonicalize_name(requirement.name)
            assert name in pins, f"pyproject.toml declares {text}; {file_name} does not pin it"
            assert str(requirement.specifier) == f"=={pins[name][0]}", (
                f"pyproject.toml declares {text}; {file_name} pins {pins[name][0]}")


def make_installs(target: str, tmp_path) -> list[str]:
    """What each `pip install` of `make TARGET` would install on a machine without a venv."""
    result = subprocess.run(["make", "-n", target, f"VENV={tmp_path / 'venv'}"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return [line.split(" pip install --quiet ", 1)[1] for line in result.stdout.splitlines()
            if " pip install --quiet " in line]


@pytest.mark.parametrize("target", ["build", "serve"])
def test_make_build_and_serve_install_the_runtime_requirements_only(target, tmp_path):
    assert make_installs(target, tmp_path) == ["pip==26.3", "-r requirements.lock", "--no-deps -e ."]


def test_make_test_installs_the_runtime_and_the_test_requirements(tmp_path):
    assert make_installs("test", tmp_path) == [
        "pip==26.3", "-r requirements.lock", "--no-deps -e .", "-r requirements-test.lock"]


def test_importing_hazm_imports_every_package_hazm_declares_so_none_can_be_left_out():
    """Why requirements.lock keeps gensim, scipy, scikit-learn...: `from hazm import Normalizer`
    runs hazm's __init__, which imports all of them. When a hazm release stops doing so, this
    fails, and the packages it no longer imports can leave requirements.lock."""
    code = ("import sys, importlib.metadata as md; import hazm; "
            "owners = md.packages_distributions(); "
            "print('\\n'.join(d for m in list(sys.modules) for d in owners.get(m.split('.')[0], [])))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    imported = {canonicalize_name(name) for name in result.stdout.split()}
    declared = {canonicalize_name(Requirement(text).name)
                for text in importlib.metadata.requires("hazm") or []}
    assert declared - imported == set()
