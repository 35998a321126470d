"""The analysis cache: what each text analysed into, kept between builds.

Analysing the pages (hazm, jieba, Snowball, Hebrew prefixes) is most of what indexing costs,
and hazm alone takes seconds to load. A text's tokens depend only on the text and on the
analyzer, so each language keeps a file `<cache_dir>/<lang>.json`

    {"analyzer": "<version>", "texts": {text: [[term, position, start, end, boost], ...]}}

and a rebuild replays the recorded tokens of every text it has seen before: it analyses only
new or edited texts, and an unchanged site none at all. The file also keeps the analyzer's
per-word memo (LanguageAnalyzer.memo: hazm's answers for Persian), so an edited text made of
words seen before needs no hazm either; hazm is imported only for a Persian word no build has
seen. The
replayed tokens are the analyzer's own, so the index written is byte-identical to a clean
build's (tests/test_incremental_index.py).

The version (`analyzer_version`) is a hash of everything analysis depends on: the analyzer
package's code, indexer/data/analysis.json and the versions of the libraries it calls. A file
stamped with another version, or one that cannot be read, is ignored and rewritten: the cache
can only make a build faster, never different. Entries not used by a build are dropped, so the
file holds what the current pages need and no more.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from whoosh.analysis import Token

from .analyzers import get_analyzer

log = logging.getLogger("mkdocs.plugins.atlas-search")

ANALYZERS_DIR = Path(__file__).parent / "analyzers"
ANALYSIS_DATA = Path(__file__).parent / "data" / "analysis.json"
# Libraries whose output becomes index terms; their versions are part of the analyzer version.
ANALYSIS_LIBRARIES = ("hazm", "jieba", "snowballstemmer", "whoosh-reloaded")
CACHE_FORMAT = 1


@lru_cache(maxsize=None)
def analyzer_version() -> str:
    """Hash of the analyzers' code, their data file and the analysis libraries' versions."""
    digest = hashlib.sha256(f"cache {CACHE_FORMAT}\n".encode())
    for path in sorted(ANALYZERS_DIR.glob("*.py")) + [ANALYSIS_DATA]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for library in ANALYSIS_LIBRARIES:
        try:
            version = metadata.version(library)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{library}={version}\n".encode())
    return digest.hexdigest()[:16]


class AnalysisCache:
    """One language's recorded analyses: `tokens(text, kwargs)` replays or analyses."""

    def __init__(self, lang: str, path: Path | None = None):
        self.lang = lang
        self.path = path
        self.version = analyzer_version()
        self.known: dict[str, list] = self._load() if path is not None else {}
        self.used: dict[str, list] = {}
        self.analysed = 0       # texts analysed by this build (not replayed)

    def _load(self) -> dict[str, list]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError, RecursionError) as exc:
            log.warning(f"atlas-search: ignoring the unreadable analysis cache {self.path} ({exc.__class__.__name__})")
            return {}
        if not (isinstance(data, dict) and data.get("analyzer") == self.version and isinstance(data.get("texts"), dict)):
            return {}   # another analyzer version (or not ours): analyse afresh
        get_analyzer(self.lang).load_memo(data.get("memo"))
        return data["texts"]

    def record(self, text: str) -> list:
        """The tokens `text` analyses into in index mode, as [term, position, start, end, boost]."""
        record = self.used.get(text)
        if record is None:
            record = self.known.get(text)
            if not valid_record(record, len(text)):
                record = [[t.text, t.pos, t.startchar, t.endchar, t.boost]
                          for t in get_analyzer(self.lang).analyzer()(text, positions=True, chars=True, mode="index")]
                self.analysed += 1
            self.used[text] = record
        return record

    def tokens(self, text: str, **kwargs):
        """whoosh tokens for `text` in index mode, replayed from the record."""
        for term, position, start, end, boost in self.record(text):
            token = Token(positions=kwargs.get("positions", False), chars=kwargs.get("chars", False), mode="index")
            token.text, token.pos, token.startchar, token.endchar, token.boost = term, position, start, end, boost
            yield token

    def save(self) -> None:
        """Write the entries this build used (atomically; a failure only loses the speed-up)."""
        if self.path is None:
            return
        memo = {table: dict(sorted(entries.items())) for table, entries in get_analyzer(self.lang).memo.items()}
        payload = json.dumps({"analyzer": self.version, "memo": memo, "texts": dict(sorted(self.used.items()))},
                             ensure_ascii=False, separators=(",", ":"))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(payload)
            os.replace(temporary, self.path)
        except OSError as exc:
            log.warning(f"atlas-search: could not write the analysis cache {self.path} ({exc.strerror or exc})")


def valid_record(record, length: int) -> bool:
    """A recorded analysis of the expected shape, its offsets inside a text of `length`."""
    if not isinstance(record, list):
        return False
    for token in record:
        if not (isinstance(token, list) and len(token) == 5 and isinstance(token[0], str) and token[0]
                and all(isinstance(n, int) and not isinstance(n, bool) for n in token[1:4])
                and 0 <= token[2] <= token[3] <= length and isinstance(token[4], (int, float))):
            return False
    return True
