"""The Snowball project's own vocabularies must stem exactly as our en and ru analyzers do."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from indexer.analyzers import en, get_analyzer, ru

STEMMERS = {"english": ("en", en.stem), "russian": ("ru", ru.stem)}
MAX_REPORTED = 10
# Every Nth plain word also goes through the whole analyzer, to prove it stems with the same function.
ANALYZER_SAMPLE_EVERY = 25
PLAIN_WORD = {"english": re.compile(r"[a-z]+"), "russian": re.compile(r"[а-яё]+")}


def peer_tests_dir() -> Path:
    """shared/peer-tests beside the repository, else $ATLAS_PEER_TESTS; fails when neither exists."""
    beside_repo = Path(__file__).resolve().parents[2] / "shared" / "peer-tests"
    if beside_repo.is_dir():
        return beside_repo
    from_env = os.environ.get("ATLAS_PEER_TESTS")
    if from_env and Path(from_env).is_dir():
        return Path(from_env)
    pytest.fail(
        f"Snowball peer vectors are missing: looked for {beside_repo} and for the folder named by "
        f"ATLAS_PEER_TESTS (now {from_env!r}); they must be present, this test never skips."
    )


def read_vocabulary(language: str) -> list[tuple[str, str]]:
    folder = peer_tests_dir() / "snowball" / language
    words = (folder / "voc.txt").read_text(encoding="utf-8").splitlines()
    stems = (folder / "output.txt").read_text(encoding="utf-8").splitlines()
    assert len(words) == len(stems), f"{folder}: voc.txt and output.txt differ in length"
    assert words, f"{folder}: empty vocabulary"
    return list(zip(words, stems, strict=True))


@pytest.mark.parametrize("language", sorted(STEMMERS))
def test_snowball_vocabulary_is_reproduced_exactly(language):
    _, stem = STEMMERS[language]
    pairs = read_vocabulary(language)
    mismatches = [
        (line, word, expected, stem(word))
        for line, (word, expected) in enumerate(pairs, start=1)
        if stem(word) != expected
    ]
    details = "\n".join(
        f"  voc.txt line {line}: {word!r} -> {actual!r}, Snowball says {expected!r}"
        for line, word, expected, actual in mismatches[:MAX_REPORTED]
    )
    assert not mismatches, f"{len(mismatches)} of {len(pairs)} {language} words differ:\n{details}"


@pytest.mark.parametrize("language", sorted(STEMMERS))
def test_analyzer_stems_with_the_peer_tested_function(language):
    code, _ = STEMMERS[language]
    analyzer = get_analyzer(code)
    checked = 0
    for index, (word, expected) in enumerate(read_vocabulary(language)):
        if index % ANALYZER_SAMPLE_EVERY or not PLAIN_WORD[language].fullmatch(word):
            continue
        if analyzer.is_stop_word(word, "latin" if code == "en" else "native"):
            continue
        assert analyzer.terms(word) == [expected], word
        checked += 1
    assert checked > 1000
