"""The analysis cache: what each text analysed into, kept between builds.

Analysing the pages (hazm, jieba, Snowball, Hebrew prefixes) is most of what indexing costs,
and hazm alone takes seconds to load. A text's tokens depend only on the text and on the
analyzer, so each language keeps a file `<cache_dir>/<lang>.jsonl`:

    {"analyzer": "<version>", "memo": {...}}                           first line
    <key>\t<check>\t[term, position, start, end, term, position, ...]   one line per text

where <key> is a 128-bit BLAKE2b hash of the text and <check> a hash of the key and the record
(a damaged line is analysed again, not replayed). A rebuild replays the recorded tokens of
every text it has seen before: it analyses only new or edited texts, and an unchanged site none
at all. The first line also keeps the analyzer's per-word memo (LanguageAnalyzer.memo: hazm's
answers for Persian), so an edited text made of words seen before needs no hazm either; hazm is
imported only for a Persian word no build has seen. Lines are parsed only when their text comes
up, so a large site's cache costs about its file size in memory. The replayed tokens are the
analyzer's own, so the index written is byte-identical to a clean build's
(tests/test_incremental_index.py).

The version (`analyzer_version`) is a hash of everything analysis depends on: the analyzer
package's code, indexer/data/analysis.json and the versions of the libraries it calls. A file
stamped with another version, or one that cannot be read, is ignored and rewritten, and a line
that does not hold a valid record for its text is analysed again: the cache can only make a
build faster, never different. Entries not used by a build are dropped, so the file holds what
the current pages need and no more.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from functools import cache
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


@cache
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
        self.known: dict[str, str] = self._load() if path is not None else {}   # key -> record line
        self.used: dict[str, str] = {}
        self.analysed = 0       # texts analysed by this build (not replayed)

    def _load(self) -> dict[str, str]:
        assert self.path is not None   # called only with a path
        try:
            with self.path.open(encoding="utf-8") as handle:
                header = json.loads(handle.readline() or "null")
                if not (isinstance(header, dict) and header.get("analyzer") == self.version):
                    return {}   # another analyzer version (or not ours): analyse afresh
                known = {}
                for line in handle:
                    key, tab, rest = line.rstrip("\n").partition("\t")
                    check, tab, record = rest.partition("\t")
                    if tab and check == line_check(key, record):
                        known[key] = record
        except FileNotFoundError:
            return {}
        except (OSError, ValueError, RecursionError) as exc:
            log.warning(f"atlas-search: ignoring the unreadable analysis cache {self.path} ({exc.__class__.__name__})")
            return {}
        get_analyzer(self.lang).load_memo(header.get("memo"))
        return known

    def record(self, text: str) -> list:
        """The tokens `text` analyses into in index mode, flat: [term, position, start, end, ...]."""
        key = text_key(text)
        line = self.used.get(key) or self.known.get(key)
        record = parse_record(line, len(text)) if line is not None else None
        if record is None:
            tokens = list(get_analyzer(self.lang).analyzer()(text, positions=True, chars=True, mode="index"))
            record = [value for t in tokens for value in (t.text, t.pos, t.startchar, t.endchar)]
            line = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
            if any(t.boost != 1 for t in tokens):
                line = None     # no analyzer boosts tokens today; such a text is never replayed
            self.analysed += 1
        if line is not None:
            self.used[key] = line
        return record

    def tokens(self, text: str, **kwargs):
        """whoosh tokens for `text` in index mode, replayed from the record."""
        record = self.record(text)
        positions, chars = kwargs.get("positions", False), kwargs.get("chars", False)
        for at in range(0, len(record), 4):
            token = Token(positions=positions, chars=chars, mode="index")
            token.text, token.pos, token.startchar, token.endchar = record[at:at + 4]
            yield token

    def save(self) -> None:
        """Write the entries this build used (atomically; a failure only loses the speed-up)."""
        if self.path is None:
            return
        memo = {table: {word: value for word, value in sorted(entries.items()) if storable(word, value)}
                for table, entries in get_analyzer(self.lang).memo.items()}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(json.dumps({"analyzer": self.version, "memo": memo}, ensure_ascii=False) + "\n")
                for key in sorted(self.used):
                    out.write(f"{key}\t{line_check(key, self.used[key])}\t{self.used[key]}\n")
            os.replace(temporary, self.path)
        except (OSError, ValueError) as exc:
            log.warning(f"atlas-search: could not write the analysis cache {self.path} "
                        f"({getattr(exc, 'strerror', None) or exc.__class__.__name__})")


def cache_is_current(path: Path) -> bool:
    """Does the cache file exist, stamped with this analyzer version? (A build that finds it
    so will rarely need the analyzers' libraries; one that does not will need them at once.)"""
    try:
        with Path(path).open(encoding="utf-8") as handle:
            header = json.loads(handle.readline() or "null")
    except (OSError, ValueError, RecursionError):
        return False
    return isinstance(header, dict) and header.get("analyzer") == analyzer_version()


def storable(word: str, value) -> bool:
    """Can a memo entry be written as UTF-8? (A lone surrogate in a hostile text cannot; such a
    word is simply analysed again next time.)"""
    try:
        word.encode("utf-8")
        for part in ([value] if isinstance(value, str) else value):
            part.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def text_key(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def line_check(key: str, record: str) -> str:
    return hashlib.blake2b(f"{key}\t{record}".encode("utf-8", "surrogatepass"), digest_size=6).hexdigest()


def parse_record(line: str, length: int) -> list | None:
    """The flat token record in `line` if it has the expected shape, its offsets inside a text
    of `length`; else None (the text is then analysed again)."""
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):
        return None
    if not isinstance(record, list) or len(record) % 4:
        return None
    for at in range(0, len(record), 4):
        term, position, start, end = record[at:at + 4]
        if not (isinstance(term, str) and term and all(type(n) is int for n in (position, start, end))
                and 0 <= start <= end <= length):
            return None
    return record
