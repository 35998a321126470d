"""The browser JS type-checks (tsc over JSDoc types, tsconfig.json) and its Node tests pass
(tests/js/*.test.mjs: the search core against the golden tables, the ranking on a tiny index,
the Snowball vocabularies). `make check-js` runs the same two commands; this test makes plain
`pytest` cover them too. Node and the npm packages (package-lock.json: `npm ci`, which
`make test` runs) are required: missing, the test fails, it never skips."""
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def required(program: str) -> str:
    path = shutil.which(program)
    if not path:
        pytest.fail(f"{program} is required for the browser JS checks (Debian: apt-get install nodejs npm)")
    return path


def run(command: list[str]) -> None:
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}"


def test_browser_js_type_checks():
    if not (ROOT / "node_modules" / "typescript" / "package.json").exists():
        pytest.fail("typescript is not installed: run `npm ci` (or `make test`) first")
    # --no-install: never let npx fetch a package called "tsc" from the registry.
    run([required("npx"), "--no-install", "tsc", "-p", "."])


def test_browser_js_node_tests_pass():
    run([required("node"), "--test", "tests/js/"])
