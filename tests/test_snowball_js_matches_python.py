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

# Every declared language whose query_fallback is snowball:<algorithm> (and English) is in
# snowball.js, under its language code (tools/snowball_to_js.py reads the declarations).
def declared_algorithms() -> dict[str, str]:
    names = {}
    for path in sorted((ROOT / "indexer" / "data" / "languages").glob("*.json")):
        fallback = json.loads(path.read_text(encoding="utf-8")).get("query_fallback", "")
        if fallback.startswith("snowball:"):
            names[path.stem] = fallback.split(":", 1)[1]
    return names


PYTHON_NAMES = declared_algorithms()

# Words the vocabularies do not cover: empty and tiny inputs, apostrophes, digits, other scripts,
# characters outside the Basic Multilingual Plane and a lone surrogate.
EDGE_CASE_WORDS = ["", "a", "'", "''", "'s'", "y", "yy", "ё", "ёж", "2024", "crm-системы",
                   "ies", "😀ies", "😀😀ied", "𝒂𝒃ing", "\ud800ies", "naïvely", "ёлками", "😀ывшись",
                   "ال", "وال", "ﻻ", "😀البيانات", "البيانات😀", "ـ", "\u064e", "٣٠"]

# No Snowball Arabic vocabulary is published beside the English and Russian ones in
# shared/peer-tests, so the Arabic translation is checked on a generated one: prefixes (article,
# conjunctions, prepositions, verb prefixes, hamza combinations) x stems (sound, hamzated, weak,
# very short) x suffixes (pronouns, plurals, feminine, verb endings, hamza seats), which walks every
# rule of arabic_stemmer.py, plus the forms Snowball normalises itself.
AR_PREFIXES = ["", "ال", "وال", "بال", "كال", "فال", "لل", "و", "ف", "ب", "ك", "ل", "س", "ي", "ت", "ن", "أ",
               "است", "سي", "ست", "سن", "سأ", "أأ", "أا", "أإ", "آ", "إ"]
AR_STEMS = ["كتب", "عمل", "درب", "بيان", "جودة", "كامل", "موظف", "عميل", "سجل", "تقرير", "نظام", "مشروع",
            "إدارة", "أداء", "مسؤول", "رئيس", "بدأ", "قرأ", "سأل", "مستشفى", "علم", "شرك", "مستخدم", "هجر",
            "خط", "دمج", "رحل", "دقق", "ثمن", "ملء", "شيء", "ضوء", "بريء", "مبادئ", "كل", "من", "يوم", "أخ",
            "ا", "ي"]
AR_SUFFIXES = ["", "ة", "ه", "ها", "هم", "هما", "هن", "كم", "كما", "كن", "نا", "ي", "ك", "ات", "ان", "ين",
               "ون", "وا", "تم", "تما", "تن", "ية", "يات", "ى", "ا", "ت", "تا", "ني", "آ", "أ", "ؤ", "ئ", "ء"]
AR_NORMALISED = ["البَيَانَاتُ", "البيانــات", "ﺍﻟﺒﻴﺎﻧﺎﺕ", "ﻻ", "ﻷن", "٣٠", "١٢٣٤٥٦٧٨٩٠", "مُدَرَّبِين", "ﷲ"]


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


def test_arabic_translation_stems_a_generated_vocabulary_like_python():
    words = sorted({p + s + x for p in AR_PREFIXES for s in AR_STEMS for x in AR_SUFFIXES}) + AR_NORMALISED
    script = ("const snowball = require(process.argv[1]);"
              "const words = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "process.stdout.write(JSON.stringify(words.map(w => snowball.stem('ar', w))));")
    result = subprocess.run([node_executable(), "-e", script, str(SNOWBALL_JS)],
                            input=json.dumps(words), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    python_stemmer = snowballstemmer.stemmer("arabic")
    mismatches = [(word, stem, python_stemmer.stemWord(word))
                  for word, stem in zip(words, json.loads(result.stdout), strict=True) if stem != python_stemmer.stemWord(word)]
    assert len(words) > 30000
    assert not mismatches, f"{len(mismatches)} of {len(words)} Arabic words differ: {mismatches[:10]}"
