"""Export the whoosh indexes as a layered static index the browser fetches lazily.

    search/entry.json                      tiny: languages -> their metadata file
    search/analysis.<hash>.json            the shared analysis tables (indexer/data/analysis.json)
    search/<lang>/meta.<hash>.json         counts, BM25 parameters, chunk boundaries, the page
                                           table (first section, field lengths, URL, title)
    search/<lang>/lex.<n>.<hash>.json      surface form -> index terms (replays hazm, jieba,
                                           Snowball and Hebrew prefixes for words the corpus has)
    search/<lang>/terms.<n>.<hash>.json    term -> postings per field: section, whoosh's weight and
                                           the section's field length (as whoosh scores them)
    search/<lang>/frag.<n>.<hash>.json     result display data, fetched only for shown results
    search/<lang>/vocab.<hash>.json        Chinese only: words to segment a query against

Every number the browser scores with is read from whoosh, never recomputed, so the browser's
BM25F equals the command line's. File names carry a content hash (cache forever); the JSON is
written with sorted keys, so the same index always exports the same bytes.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from pathlib import Path

from .index import (BM25_B, BM25_K1, COORD_POWER, FIELD_BOOSTS, PAGE_FIELDS_ONCE, open_language_index,
                    read_lexicon, read_manifest, read_page_table, replace_directory)

EXPORT_VERSION = 2
FIELDS = list(FIELD_BOOSTS)               # scoring order: section_title, page_title, body
CHUNK_BYTES = 16_000                      # target size of a term or lexicon chunk (raw JSON)
FRAGMENT_SECTIONS = 8                     # sections per result fragment file
HAN = re.compile(r"^[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]{2,}$")
ANALYSIS_FILE = Path(__file__).parent / "data" / "analysis.json"
CLIENT_DIR = Path(__file__).parent / "web"          # the browser code, served beside the index


def js_order(text: str) -> bytes:
    """Sort key matching JavaScript's string comparison (UTF-16 code units)."""
    return text.encode("utf-16-be")


def dump(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def write_hashed(directory: Path, stem: str, data) -> str:
    payload = dump(data)
    name = f"{stem}.{hashlib.sha256(payload).hexdigest()[:12]}.json"
    (directory / name).write_bytes(payload)
    return name


def chunked(items: list[tuple[str, object]], directory: Path, stem: str) -> list[list[str]]:
    """Write sorted (key, value) items in chunks; returns [[first key, file name], ...]."""
    chunks, current, size = [], {}, 0
    for key, value in items:
        entry_size = len(dump({key: value}))
        if current and size + entry_size > CHUNK_BYTES:
            chunks.append(current)
            current, size = {}, 0
        current[key] = value
        size += entry_size
    if current:
        chunks.append(current)
    return [[min(chunk, key=js_order), write_hashed(directory, f"{stem}.{n}", chunk)]
            for n, chunk in enumerate(chunks)]


def analysis_tables() -> dict:
    return json.loads(ANALYSIS_FILE.read_text(encoding="utf-8"))


def export_language(index_dir: Path, lang: str, out_dir: Path) -> dict:
    ix = open_language_index(index_dir, lang)
    lang_dir = out_dir / lang
    lang_dir.mkdir(parents=True)
    with ix.reader() as reader:
        doc_count = reader.doc_count_all()
        stored = [reader.stored_fields(docnum) for docnum in range(doc_count)]
        lengths = [[reader.doc_field_length(docnum, field, 1) for field in FIELDS] for docnum in range(doc_count)]
        total_lengths = [reader.field_length(field) for field in FIELDS]
        postings: dict[str, list] = {}
        for field_number, field in enumerate(FIELDS):
            for term in reader.field_terms(field):
                matcher = reader.postings(field, term)
                flat = []
                for docnum, weight in matcher.items_as("weight"):
                    # The field length rides with each posting: a query then needs no
                    # per-section table whose size grows with the whole knowledge base.
                    flat += [docnum, weight, lengths[docnum][field_number]]
                postings.setdefault(term, []).append([field_number, flat])
    ix.close()

    lexicon = read_lexicon(index_dir, lang)
    table = read_page_table(index_dir, lang)
    pages = []
    for page, first, page_lengths in table["pages"]:
        document = stored[first]
        pages.append([page, first, page_lengths, document["url"].split("#")[0], document["page_title"]])
    fragments = []
    for start in range(0, doc_count, FRAGMENT_SECTIONS):
        batch = [{"url": d["url"], "page": d["page"], "pt": d["page_title"], "st": d["section_title"],
                  "body": d.get("body", "")} for d in stored[start:start + FRAGMENT_SECTIONS]]
        fragments.append(write_hashed(lang_dir, f"frag.{start // FRAGMENT_SECTIONS}", batch))

    meta = {
        "version": EXPORT_VERSION, "lang": lang, "docCount": doc_count, "fields": FIELDS,
        "boosts": [FIELD_BOOSTS[f] for f in FIELDS], "B": BM25_B, "K1": BM25_K1,
        "avgLengths": [(total / doc_count if doc_count else 0) or 1 for total in total_lengths],
        "terms": chunked(sorted(postings.items(), key=lambda kv: js_order(kv[0])), lang_dir, "terms"),
        "lexicon": chunked(sorted(((k, sorted(v, key=js_order)) for k, v in lexicon.items()),
                                  key=lambda kv: js_order(kv[0])), lang_dir, "lex"),
        "fragmentSize": FRAGMENT_SECTIONS, "fragments": fragments,
        "pages": pages,                   # [path, first section, field lengths, url, title]
        "pageAvgLengths": table["avgLengths"],
        "pageOnce": [field in PAGE_FIELDS_ONCE for field in FIELDS], "coordPower": COORD_POWER,
        "vocab": None,
    }
    if lang == "zh":
        words = sorted({key for key in lexicon if HAN.match(key)}, key=js_order)
        meta["vocab"] = write_hashed(lang_dir, "vocab", words)
    return meta


def export_static_index(index_dir: Path, out_dir: Path) -> dict:
    """(Re)write <out_dir> from the whoosh indexes (atomically); returns the entry document."""
    manifest = read_manifest(index_dir)
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        tables = analysis_tables()
        entry = {"version": EXPORT_VERSION,
                 "analysis": write_hashed(staging, "analysis", tables),
                 "names": {lang: spec["name"] for lang, spec in tables.items() if isinstance(spec, dict) and "name" in spec},
                 "languages": {}}
        for lang in sorted(manifest["languages"]):
            meta = export_language(index_dir, lang, staging)
            entry["languages"][lang] = f"{lang}/" + write_hashed(staging / lang, "meta", meta)
        (staging / "entry.json").write_bytes(dump(entry))
        for script in sorted(CLIENT_DIR.glob("*.js")):
            shutil.copyfile(script, staging / script.name)
        os.chmod(staging, 0o755)
        replace_directory(staging, out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return entry
