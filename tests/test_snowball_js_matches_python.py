"""The browser stemmers (web/snowball.js) must stem exactly like the Python indexer does.

The full Snowball vocabularies are checked by the Node test suite (tests/js/snowball.test.mjs),
run here so that `pytest` alone covers it; words outside those vocabularies are compared
directly against the installed snowballstemmer.
"""
import importlib.metadata
import importlib.util
import json
import shutil
import subprocess
from pathlib import Path

import pytest
import snowballstemmer

ROOT = Path(__file__).resolve().parents[1]
SNOWBALL_JS = ROOT / "web" / "snowball.js"
GENERATOR = ROOT / "tools" / "snowball_to_js.py"
PYTHON_NAMES = {"en": "english", "ru": "russian"}

# Words the vocabularies do not cover: empty and tiny inputs, apostrophes, digits, other scripts,
# characters outside the Basic Multilingual Plane and a lone surrogate.
EDGE_CASE_WORDS = ["", "a", "'", "''", "'s'", "y", "yy", "ё", "ёж", "2024", "crm-системы",
                   "ies", "😀ies", "😀😀ied", "𝒂𝒃ing", "\ud800ies", "naïvely", "ёлками", "😀ывшись"]


def node_executable():
    node = shutil.which("node")
    if node is None:
        pytest.fail("node (Node.js 20 or newer) is required to test web/snowball.js but is not on PATH")
    return node


def test_node_suite_reproduces_snowball_vocabularies():
    result = subprocess.run([node_executable(), "--test", "tests/js/snowball.test.mjs"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"node --test failed:\n{result.stdout}\n{result.stderr}"


def test_edge_case_words_match_python():
    # ASCII JSON carries lone surrogates safely through the pipe in both directions.
    script = ("const snowball = require(process.argv[1]);"
              "const words = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "const stems = {};"
              "for (const language of snowball.languages) stems[language] = words.map(w => snowball.stem(language, w));"
              "process.stdout.write(JSON.stringify({version: snowball.snowballVersion, stems}));")
    result = subprocess.run([node_executable(), "-e", script, str(SNOWBALL_JS)],
                            input=json.dumps(EDGE_CASE_WORDS), capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)

    assert output["version"] == importlib.metadata.version("snowballstemmer")
    assert sorted(output["stems"]) == sorted(PYTHON_NAMES)
    for language, javascript_stems in output["stems"].items():
        python_stemmer = snowballstemmer.stemmer(PYTHON_NAMES[language])
        expected = [python_stemmer.stemWord(word) for word in EDGE_CASE_WORDS]
        assert javascript_stems == expected, language


def test_committed_snowball_js_is_current_generator_output():
    spec = importlib.util.spec_from_file_location("snowball_to_js", GENERATOR)
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    assert SNOWBALL_JS.read_text(encoding="utf-8") == generator.build_javascript(), (
        "web/snowball.js differs from the generator output; "
        "regenerate with: .venv/bin/python tools/snowball_to_js.py")
