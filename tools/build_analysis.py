"""Generate indexer/data/analysis.json from its sources in indexer/data/languages/.

    python -m tools.build_analysis          # rewrite indexer/data/analysis.json
    python -m tools.build_analysis --check  # exit 1 (naming the file) when it is not up to date

One source file declares one language (`<code>.json`: its names, direction, digits, script,
query fallback, tables); `common.json` holds what every language shares (the character map and
deletions every language starts from, the Latin-word rules, the character classes the patterns
are written with). The generated file is what Python and the browser read: every language section
complete on its own, shared tables merged in, patterns expanded (`word_pattern`,
`delete_pattern`, `latin_part_pattern`), Snowball named where the fallback is Snowball. Hand
edits to analysis.json are lost: edit the sources and run this (tests/test_analysis_data.py
fails while the two disagree).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "indexer" / "data" / "languages"
OUTPUT = ROOT / "indexer" / "data" / "analysis.json"
VERSION = 3

# What a language declares, with the values allowed (None: any string).
DECLARED = {
    "name": None,            # the language's own name, shown in the language switcher
    "english_name": None,
    "direction": ("ltr", "rtl"),
    "digits": None,          # the ten digits the language's pages write numbers with
    "query_fallback": None,  # snowball:<algorithm> | prefixes | suffixes | segment
}
FALLBACKS = re.compile(r"^(snowball:[a-z]+|prefixes|suffixes|segment)$")
PLACEHOLDER = re.compile(r"@([A-Z]+)")


class SourceError(ValueError):
    """A source file is missing, not JSON, or lacks a declaration."""


def read_source(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SourceError(f"{path}: cannot be read as JSON ({error})") from None
    if not isinstance(data, dict):
        raise SourceError(f"{path}: expected a JSON object")
    return data


def expand(template: str, classes: dict[str, str], latin: str | None, where: str) -> str:
    """Replace @LATIN by the Latin part pattern and every other @NAME by its class."""

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name == "LATIN" and latin is not None:
            return f"(?:{latin})"
        if name not in classes:
            raise SourceError(f"{where}: unknown class @{name} in a pattern template")
        return classes[name]

    return PLACEHOLDER.sub(replace, template)


def delete_pattern(entries: list[str]) -> str:
    """The deleted code points ("00AD", "0300-036F") as one regex character class."""
    out = []
    for entry in entries:
        first, _, last = entry.partition("-")
        out.append(f"\\u{first}" + (f"-\\u{last}" if last else ""))
    return "[" + "".join(out) + "]"


def language_section(code: str, source: dict, common: dict, where: str) -> dict:
    for key, allowed in DECLARED.items():
        value = source.get(key)
        if not isinstance(value, str) or not value or (allowed and value not in allowed):
            expected = " or ".join(allowed) if allowed else "a non-empty string"
            raise SourceError(f"{where}: '{key}' must be {expected}, not {value!r}")
    if not FALLBACKS.match(source["query_fallback"]):
        raise SourceError(f"{where}: query_fallback must be snowball:<algorithm>, prefixes, suffixes or segment")
    if len(source["digits"]) != 10:
        raise SourceError(f"{where}: digits must list the ten digits 0-9 of the language")
    if ("script" in source) != ("detect_order" in source):
        raise SourceError(f"{where}: 'script' and 'detect_order' go together (a query in that script is this language)")
    classes = {**common["classes"], **source.get("classes", {})}
    section: dict = {}
    for key, value in source.items():
        if key == "char_map":
            continue
        if key == "query_fallback":
            section[key] = value
            if value.startswith("snowball:"):
                section["snowball"] = value.split(":", 1)[1]
            continue
        if key == "unicode_form":
            section[key] = value
            section["char_map"] = {**common["char_map"], **source.get("char_map", {})}
            continue
        if key in ("delete", "_delete_note"):
            continue
        if key == "page_rules":
            if not isinstance(value, list) or not all(
                    isinstance(rule, dict) and isinstance(rule.get("pattern"), str) and isinstance(rule.get("message"), str)
                    for rule in value):
                raise SourceError(f"{where}: page_rules must be a list of {{pattern, message}}")
            section[key] = [{**rule, "pattern": expand(rule["pattern"], classes, None, where)} for rule in value]
            continue
        if key == "script":
            section[key] = expand(value, classes, None, where)
            continue
        if key == "word_pattern_template":
            section[key] = value
            section["word_pattern"] = expand(value, classes, common["latin_part_pattern"], where)
            continue
        section[key] = value
    if "char_map" not in section:
        section["char_map"] = {**common["char_map"], **source.get("char_map", {})}
    deleted = [*common["delete"], *source.get("delete", [])]
    section["delete"] = deleted
    section["delete_pattern"] = delete_pattern(deleted)
    note = common["_delete_note"]
    section["_delete_note"] = f"{note} {source['_delete_note']}" if source.get("_delete_note") else note
    section.setdefault("classes", {})
    if "word_pattern" not in section:
        raise SourceError(f"{where}: 'word_pattern_template' is missing")
    return section


def generate(sources: Path = SOURCES) -> dict:
    """The analysis.json document built from `sources` (common.json + one file per language)."""
    common_source = read_source(sources / "common.json")
    common = {key: value for key, value in common_source.items() if not key.startswith("_about")}
    common["latin_part_pattern"] = expand(common["latin_part_template"], common["classes"], None,
                                          str(sources / "common.json"))
    codes = sorted(path.stem for path in sources.glob("*.json") if path.stem != "common")
    if not codes:
        raise SourceError(f"{sources}: no language source (<code>.json) found")
    languages = {code: language_section(code, read_source(sources / f"{code}.json"), common,
                                        str(sources / f"{code}.json"))
                 for code in codes}
    published_common = {key: value for key, value in common.items()
                        if key not in ("char_map", "delete", "_char_map_note", "_delete_note")}
    return {
        "_about": common_source["_about"],
        "version": VERSION,
        "languages": codes,
        "common": published_common,
        **languages,
    }


def render(document: dict) -> str:
    """JSON with two-space indentation, lists of short strings on one line (diff-friendly)."""

    def dump(value, indent: int) -> str:
        pad, inner = " " * indent, " " * (indent + 2)
        if isinstance(value, dict) and value:
            items = [f"{inner}{json.dumps(k, ensure_ascii=False)}: {dump(v, indent + 2)}" for k, v in value.items()]
            return "{\n" + ",\n".join(items) + f"\n{pad}}}"
        if isinstance(value, list) and value and all(isinstance(v, (str, int)) for v in value):
            inline = "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in value) + "]"
            if len(inline) <= 400:
                return inline
        if isinstance(value, list) and value:
            return "[\n" + ",\n".join(inner + dump(v, indent + 2) for v in value) + f"\n{pad}]"
        return json.dumps(value, ensure_ascii=False)

    return dump(document, 0) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check that analysis.json is up to date")
    args = parser.parse_args(argv)
    try:
        text = render(generate())
    except SourceError as error:
        print(f"build_analysis: {error}", file=sys.stderr)
        return 1
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"build_analysis: {OUTPUT} is not what its sources in {SOURCES} give; "
                  "run: python -m tools.build_analysis", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
