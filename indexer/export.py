"""Export the whoosh indexes as a layered static index the browser fetches lazily.

    search/entry.json                         tiny: languages -> their metadata file
    search/analysis.<hash>.json               the shared analysis tables (indexer/data/analysis.json)
    search/<lang>/meta.<hash>.json            counts, BM25 parameters, the first key of every
                                              chunk, the page table (first section and field
                                              lengths per page, as numbers only)
    search/<lang>/<hash>/lex.<n>.json.gz      surface form -> index terms (replays hazm, jieba,
                                              Snowball and Hebrew prefixes for words the corpus has)
    search/<lang>/<hash>/terms.<n>.json.gz    term -> postings per field: section (as the gap from
                                              the previous one), whoosh's weight and the section's
                                              field length (as whoosh scores them)
    search/<lang>/<hash>/pages.<n>.json.gz    result display data (path, URL, title, sections) of
                                              a bundle of consecutive pages, fetched only for
                                              shown results
    search/<lang>/<hash>/paths.json.gz        page paths in page order, fetched only to map a page
                                              of another language (cross-language results)
    search/<lang>/<hash>/vocab.json.gz        Chinese only: words to segment a query against

Every number the browser scores with is read from whoosh, never recomputed, so the browser's
BM25F equals the command line's. Everything of a language below meta sits in one folder named
by the hash of its contents, so meta lists no file names (it would otherwise grow by a name per
chunk and per page) and every file can be cached forever; a change to the language's pages
changes the folder. JSON is written with sorted keys, so the same index exports the same bytes.
The folder's files are stored gzip-compressed (a third to a fifth of their JSON) and sent as
they are; the browser gunzips them (AtlasSearch.Site). entry, analysis and meta stay plain JSON.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

from .query import js_order, segment_vocabulary
from .index import (SearchIndexError, open_language_index, read_lexicon, read_manifest, read_page_table,
                    replace_directory)
from .ranking import (BM25_B, BM25_K1, COORD_POWER, FIELD_BOOSTS, PAGE_FIELDS_ONCE, PAGE_KIND_PRIOR,
                      SECTION_COORD_POWER)

# 5: the content-hashed folder's files are gzip-compressed JSON (meta.fileSuffix ".json.gz").
EXPORT_VERSION = 5
# Stored compressed on disk (a third to a fifth of the JSON), sent as they are; the browser
# gunzips them (AtlasSearch.Site). mtime 0 and no file name in the header: the same bytes on
# every build.
FOLDER_SUFFIX = ".json.gz"
GZIP_LEVEL = 6   # 9 saves about 1 % more and takes twice as long
FIELDS = list(FIELD_BOOSTS)               # scoring order: section_title, page_title, body, terms
CHUNK_BYTES = 16_000                      # target size of a term or lexicon chunk (raw JSON)
BUNDLE_SECTIONS = 8                       # least sections in a bundle of result display data
ANALYSIS_FILE = Path(__file__).parent / "data" / "analysis.json"
# The browser code (web/ at the top of the project), copied beside the index: the search plugin
# publishes it; the project runs from its checkout (make installs it editable).
CLIENT_DIR = Path(__file__).resolve().parent.parent / "web"
CLIENT_SCRIPTS = ("atlas-search.js", "search-ui.js", "snowball.js", "offline-loader.js")


def dump(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def write_hashed(directory: Path, stem: str, data) -> str:
    payload = dump(data)
    name = f"{stem}.{hashlib.sha256(payload).hexdigest()[:12]}.json"
    (directory / name).write_bytes(payload)
    return name


def chunked(items: list[tuple[str, object]]) -> list[dict]:
    """Sorted (key, value) items cut into chunks of about CHUNK_BYTES of JSON."""
    current: dict[str, object]
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
    return chunks


def compact_number(value):
    """Whole floats as integers (whoosh weights are floats): "2" instead of "2.0"."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def gaps(numbers: list[int]) -> list[int]:
    """Ascending numbers as differences from the previous one (smaller JSON)."""
    return [number - previous for previous, number in zip([0] + numbers, numbers, strict=False)]


def analysis_tables(indexed=None) -> dict:
    """The analysis tables the browser reads: analysis.json, with only the sections of the
    languages the site indexes (`indexed`) and English (whose rules every Latin word follows).
    A language declared for another site (Arabic, declared for the fixture site only) must not
    change this one: its script would make the browser load snowball.js for Persian queries."""
    tables = json.loads(ANALYSIS_FILE.read_text(encoding="utf-8"))
    if indexed is not None:
        kept = [code for code in tables["languages"] if code == "en" or code in indexed]
        for code in tables["languages"]:
            if code not in kept:
                del tables[code]
        tables["languages"] = kept
    return for_the_browser(tables)


# What analysis.json holds for people and for the build only: notes ("_..."), the templates the
# patterns were generated from, the writing rules atlas/check.py applies, a regex form of the
# delete list, and the names of the libraries the indexer calls. The browser reads none of them;
# left out, the tables every first query fetches are about half as large.
NOT_FOR_THE_BROWSER = frozenset({"word_pattern_template", "latin_part_template", "page_rules", "delete_pattern",
                                 "stemmer", "segmenter", "lemmatizer"})


def for_the_browser(value):
    """`value` without the keys NOT_FOR_THE_BROWSER and notes, at every depth."""
    if isinstance(value, dict):
        return {key: for_the_browser(item) for key, item in value.items()
                if not key.startswith("_") and key not in NOT_FOR_THE_BROWSER}
    if isinstance(value, list):
        return [for_the_browser(item) for item in value]
    return value


def page_bundles(page_starts: list[int]) -> list[list[int]]:
    """Consecutive whole pages, BUNDLE_SECTIONS sections or more a bundle (the browser derives
    the same bundles from the page table). On a small site a handful of bundles soon holds
    every result, so later queries fetch nothing; on a big one a bundle is about one page."""
    bundles: list[list[int]] = []
    held = BUNDLE_SECTIONS
    for number in range(len(page_starts) - 1):
        if held >= BUNDLE_SECTIONS:
            bundles.append([])
            held = 0
        bundles[-1].append(number)
        held += page_starts[number + 1] - page_starts[number]
    return bundles


def export_language(index_dir: Path, lang: str, out_dir: Path, manifest: dict | None = None) -> str:
    """Write one language's files under <out_dir>/<lang>/; returns the meta file's path.
    `manifest` (else index_dir's) holds the language's entry the files are checked against."""
    ix = open_language_index(index_dir, lang, manifest)
    with ix.reader() as reader:
        doc_count = reader.doc_count_all()
        stored = [reader.stored_fields(docnum) for docnum in range(doc_count)]
        lengths = [[reader.doc_field_length(docnum, field, 1) for field in FIELDS] for docnum in range(doc_count)]
        total_lengths = [reader.field_length(field) for field in FIELDS]
        postings: dict[str, list] = {}
        for field_number, field in enumerate(FIELDS):
            for term in reader.field_terms(field):
                docs, flat = [], []
                for docnum, weight in reader.postings(field, term).items_as("weight"):
                    docs.append(docnum)
                    # The field length rides with each posting: a query then needs no
                    # per-section table whose size grows with the whole knowledge base.
                    flat += [0, compact_number(weight), lengths[docnum][field_number]]
                flat[0::3] = gaps(docs)
                postings.setdefault(term, []).append([field_number, flat])
    ix.close()

    lexicon = read_lexicon(index_dir, lang, manifest)
    table = read_page_table(index_dir, lang, manifest)
    page_starts = [page[1] for page in table["pages"]] + [doc_count]
    files: dict[str, object] = {}
    for number, bundle in enumerate(page_bundles(page_starts)):
        files[f"pages.{number}.json"] = [
            {"page": table["pages"][p][0], "url": stored[page_starts[p]]["url"].split("#")[0],
             "title": stored[page_starts[p]]["page_title"],
             "sections": [[d["url"], d["section_title"], d.get("body", "")]
                          for d in stored[page_starts[p]:page_starts[p + 1]]]}
            for p in bundle]
    files["paths.json"] = [page[0] for page in table["pages"]]
    term_chunks = chunked(sorted(postings.items(), key=lambda kv: js_order(kv[0])))
    lexicon_chunks = chunked(sorted(((k, sorted(v, key=js_order)) for k, v in lexicon.items()),
                                    key=lambda kv: js_order(kv[0])))
    files.update({f"terms.{n}.json": chunk for n, chunk in enumerate(term_chunks)})
    files.update({f"lex.{n}.json": chunk for n, chunk in enumerate(lexicon_chunks)})
    vocabulary = segment_vocabulary(lang, lexicon)
    if vocabulary:
        files["vocab.json"] = sorted(vocabulary, key=js_order)
    payloads = {name: dump(data) for name, data in sorted(files.items())}
    digest = hashlib.sha256()
    for name, payload in payloads.items():
        digest.update(name.encode() + b"\0" + payload + b"\0")
    folder = digest.hexdigest()[:12]
    (out_dir / lang / folder).mkdir(parents=True)
    for name, payload in payloads.items():
        stored_name = name[:-len(".json")] + FOLDER_SUFFIX
        (out_dir / lang / folder / stored_name).write_bytes(gzip.compress(payload, compresslevel=GZIP_LEVEL, mtime=0))

    meta = {
        "version": EXPORT_VERSION, "lang": lang, "folder": folder, "docCount": doc_count, "fields": FIELDS,
        "boosts": [FIELD_BOOSTS[f] for f in FIELDS], "B": BM25_B, "K1": BM25_K1,
        "avgLengths": [(total / doc_count if doc_count else 0) or 1 for total in total_lengths],
        "terms": [min(chunk, key=js_order) for chunk in term_chunks],
        "lexicon": [min(chunk, key=js_order) for chunk in lexicon_chunks],
        # Page table, as numbers only: first sections as gaps, then the field lengths of
        # every page, flat (len(FIELDS) numbers a page).
        "pageStarts": gaps(page_starts[:-1]),
        "pageLengths": [compact_number(float(n)) for page in table["pages"] for n in page[2]],
        "pageAvgLengths": table["avgLengths"],
        # Each page's kind prior (indexer.index.PAGE_KIND_PRIOR), as a number.
        "pagePriors": [compact_number(float(PAGE_KIND_PRIOR.get(page[3], 1.0))) for page in table["pages"]],
        "pageOnce": [field in PAGE_FIELDS_ONCE for field in FIELDS], "coordPower": COORD_POWER,
        "sectionCoordPower": SECTION_COORD_POWER,
        "bundleSections": BUNDLE_SECTIONS,
        "fileSuffix": FOLDER_SUFFIX,
        "vocab": bool(vocabulary),
    }
    return f"{lang}/" + write_hashed(out_dir / lang, "meta", meta)


def export_static_index(index_dir: Path, out_dir: Path, cache_dir: Path | None = None) -> dict:
    """(Re)write <out_dir> from the whoosh indexes (atomically); returns the entry document.

    With `cache_dir`, each language's exported files are kept there under a key naming what
    they were made from (the index files' hashes and this exporter's code), and a language
    whose index is unchanged is copied from there instead of exported again."""
    manifest = read_manifest(index_dir)
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        tables = analysis_tables(manifest["languages"])
        entry: dict
        entry = {"version": EXPORT_VERSION,
                 "analysis": write_hashed(staging, "analysis", tables),
                 "names": {lang: spec["name"] for lang, spec in tables.items() if isinstance(spec, dict) and "name" in spec},
                 "languages": {}}
        for lang in sorted(manifest["languages"]):
            key = export_key(manifest["languages"][lang])
            meta = cached_export(cache_dir, lang, key, staging) if cache_dir is not None else None
            if meta is None:
                meta = export_language(index_dir, lang, staging)
                if cache_dir is not None:
                    store_export(cache_dir, lang, key, staging, meta)
            entry["languages"][lang] = meta
        (staging / "entry.json").write_bytes(dump(entry))
        missing = [name for name in CLIENT_SCRIPTS if not (CLIENT_DIR / name).is_file()]
        if missing:
            raise SearchIndexError(f"{CLIENT_DIR / missing[0]}: the browser's search code is missing; "
                                   "restore web/ from the repository")
        for name in CLIENT_SCRIPTS:
            shutil.copyfile(CLIENT_DIR / name, staging / name)
        os.chmod(staging, 0o755)
        replace_directory(staging, out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return entry


# The modules whose code or constants shape a language's exported files: a change to any of
# them must give a new export key, or a cached export would keep the old numbers.
EXPORTED_FROM = ("export.py", "index.py", "query.py", "ranking.py")


def export_key(language_entry: dict) -> str:
    """What a language's export is made from: its index files and the code that exports them
    (EXPORTED_FROM: this module, the page table in index.py, the key order in query.py, the
    ranking constants in ranking.py, which the meta file carries)."""
    digest = hashlib.sha256(dump({name: recorded["sha256"] for name, recorded in language_entry["files"].items()}))
    for module in EXPORTED_FROM:
        digest.update((Path(__file__).parent / module).read_bytes())
    return digest.hexdigest()[:16]


CACHED_FILES = "files.json"


def store_export(cache_dir: Path, lang: str, key: str, staging: Path, meta: str) -> None:
    """Keep a copy of the language's export (its folder and meta file) under cache_dir/lang/key,
    replacing older keys; a failure only loses the speed-up."""
    target = Path(cache_dir) / lang
    try:
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(staging / lang, target / key / lang)
        files = {str(path.relative_to(target / key)): hashlib.sha256(path.read_bytes()).hexdigest()
                 for path in sorted((target / key / lang).rglob("*")) if path.is_file()}
        (target / key / CACHED_FILES).write_bytes(dump({"meta": meta, "files": files}))
    except OSError:
        shutil.rmtree(target, ignore_errors=True)


def has_export(cache_dir: Path, lang: str, key: str) -> bool:
    """Is an export stored for `key`? (Its files are checked when cached_export copies them.)"""
    return (Path(cache_dir) / lang / key / CACHED_FILES).is_file()


def cached_export(cache_dir: Path, lang: str, key: str, staging: Path) -> str | None:
    """Copy a stored export of the language to staging if there is one for `key` and every
    file in it is intact; returns its meta path, or None (then it is exported afresh)."""
    stored = Path(cache_dir) / lang / key
    try:
        record = json.loads((stored / CACHED_FILES).read_bytes())
        files, meta = record["files"], record["meta"]
        present = {str(p.relative_to(stored)) for p in (stored / lang).rglob("*") if p.is_file()}
        if not files or set(files) != present or meta not in files:
            return None
        payloads = {name: (stored / name).read_bytes() for name in files}
        if any(hashlib.sha256(data).hexdigest() != files[name] for name, data in payloads.items()):
            return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    for name, data in payloads.items():
        (staging / name).parent.mkdir(parents=True, exist_ok=True)
        (staging / name).write_bytes(data)
    return meta
