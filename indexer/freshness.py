"""Fingerprint of everything an index is built from, to tell a stale index from a fresh one."""
from __future__ import annotations

import hashlib
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def source_hash(docs_dir: Path) -> str:
    """Hash of the pages, the content data and the analysis tables (not of timestamps)."""
    docs_dir = Path(docs_dir)
    inputs = sorted(docs_dir.rglob("*.md"))
    inputs += sorted((PACKAGE_DIR / "data").glob("*.json"))
    inputs += sorted((PACKAGE_DIR.parent / "atlas" / "data").glob("*.yml"))
    digest = hashlib.sha256()
    for path in inputs:
        name = path.relative_to(docs_dir).as_posix() if path.is_relative_to(docs_dir) else path.name
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
