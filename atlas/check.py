"""Content checks that fail the build: page parity, anchors, links, citations, factor graph.

Run by the MkDocs plugin before every build and by `python -m atlas.check DOCS_DIR`.
Every problem names the offending file so an author can fix it without reading code.
"""
from __future__ import annotations

import posixpath
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from indexer.languages import language

from .model import DATA_DIR, Atlas, AtlasDataError, load_atlas
from .render import CITATION, FACTOR_LINK, MARKER, cited_ids, linked_factors

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$", re.MULTILINE)
EXPLICIT_ID = re.compile(r"\{[^}]*#([A-Za-z0-9_-]+)[^}]*\}\s*$")
MD_LINK = re.compile(r"\]\(([^)\s]+?)\)")
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class Problem:
    path: str
    message: str
    line: int | None = None   # 1-based line in `path`, where the check can name one

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


def strip_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            return text[end + 4:]
    return text


def heading_anchors(markdown: str) -> tuple[list[str], list[str]]:
    """Explicit anchors of level-2+ headings, and the headings that lack one."""
    body = FENCE.sub("", markdown)
    anchors, bare = [], []
    for hashes, text in HEADING.findall(body):
        if len(hashes) == 1:
            continue
        found = EXPLICIT_ID.search(text)
        if found:
            anchors.append(found.group(1))
        else:
            bare.append(text)
    return anchors, bare


def check_docs(docs_dir: Path, atlas: Atlas | None = None, fidelity: bool = True) -> list[Problem]:
    """Return every problem found under docs_dir (empty list: the content is consistent).

    `fidelity=False` runs only the structural checks (pages, anchors, links, ids, titles,
    script); the default also runs the fidelity checks below (figure parity, sources from
    citations, attribution table, editorial label)."""
    atlas = atlas or load_atlas()
    problems: list[Problem] = []
    docs_dir = Path(docs_dir)
    for lang in atlas.languages:
        lang_dir = docs_dir / lang
        present = {p.relative_to(lang_dir).as_posix() for p in lang_dir.rglob("*.md")} if lang_dir.is_dir() else set()
        for page in sorted(set(atlas.pages) - present):
            problems.append(Problem(f"docs/{lang}/{page}", "missing translation (page exists in the inventory atlas/data/pages.yml)"))
        for page in sorted(present - set(atlas.pages)):
            problems.append(Problem(f"docs/{lang}/{page}", "page is not in the inventory atlas/data/pages.yml; add it there and in every language"))
        for page in sorted(present & set(atlas.pages)):
            problems.extend(check_page(atlas, lang, page, lang_dir / page))
    if fidelity:
        problems.extend(check_fidelity(docs_dir, atlas))
    return problems


def check_page(atlas: Atlas, lang: str, page: str, path: Path) -> list[Problem]:
    where = f"docs/{lang}/{page}"
    try:
        text = strip_front_matter(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        return [Problem(where, f"cannot read page: {exc}")]
    problems = []
    if not re.search(r"^#\s+\S", text, re.MULTILINE):
        problems.append(Problem(where, "page has no level-1 title"))
    anchors, bare = heading_anchors(text)
    for heading in bare:
        problems.append(Problem(where, f"heading '{heading}' has no explicit anchor {{#id}}; links to it would differ between languages"))
    expected = list(atlas.pages[page])
    if anchors != expected:
        problems.append(Problem(where, f"section anchors {anchors} differ from the inventory {expected}"))
    for sid in cited_ids(text):
        if sid not in atlas.sources:
            problems.append(Problem(where, f"citation [@{sid}] names an unknown source id"))
    for fid in linked_factors(text):
        if fid not in atlas.factors:
            problems.append(Problem(where, f"factor link [[{fid}]] names an unknown factor"))
    for kind, _arg in MARKER.findall(text):
        if kind in ("related", "sources") and atlas.factor_for_page(page) is None:
            problems.append(Problem(where, f"<!-- atlas:{kind} --> only belongs on a factor page"))
    factor = atlas.factor_for_page(page)
    if factor is not None:
        title = re.search(r"^#\s+(.+?)\s*$", text, re.MULTILINE)
        # Non-breaking spaces are typography (Russian editors bind short words), not a new title.
        if title and re.sub(r"[\u00a0\u202f]", " ", title.group(1)) != factor.title(lang):
            problems.append(Problem(where, f"title '{title.group(1)}' differs from the factor's {lang} title in atlas/data/factors.yml ('{factor.title(lang)}')"))
        for kind in ("related", "sources"):
            if f"<!-- atlas:{kind} -->" not in text:
                problems.append(Problem(where, f"factor page lacks <!-- atlas:{kind} -->; the factor graph must be rendered from atlas/data/factors.yml"))
        if not cited_ids(text):
            problems.append(Problem(where, "factor page cites no source ([@source-id])"))
    for target in MD_LINK.findall(FENCE.sub("", text)):
        problems.extend(check_link(atlas, where, page, target))
    # The language's own writing rules (page_rules of its declaration, indexer/data/languages/).
    for pattern, message in language(lang).page_rules:
        match = pattern.search(text)
        if match:
            problems.append(Problem(where, message.replace("{match}", match.group(0))))
    return problems


def check_link(atlas: Atlas, where: str, page: str, target: str) -> list[Problem]:
    if re.match(r"^[a-z][a-z0-9+.-]*:", target):
        return []
    path, _, anchor = target.partition("#")
    if not path:
        resolved = page
    elif not path.endswith(".md"):
        return []
    else:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if resolved not in atlas.pages:
        return [Problem(where, f"link '{target}' points to no page")]
    if anchor and anchor not in atlas.pages[resolved]:
        return [Problem(where, f"link '{target}' points to no section of {resolved}")]
    return []


# --- fidelity: five languages that say the same true thing (issue 11) ---------------------------
#
# Four checks, each naming file and line. Their data: atlas/data/checks.yml (editorial label,
# which parts of which pages must carry the same numbers, how each language writes numbers) and
# atlas/data/statistics.yml (the attribution table: which sources contain each figure).
#
# How a number is read, in every language (the same rules serve parity and attribution):
#   - digits only: Persian ۰-۹, Arabic-Indic ٠-٩ and full-width ０-９ are folded to 0-9; Chinese
#     百分之 + Chinese numerals (百分之五十五) is read as 55%. Numbers written in words ("third",
#     сорок, 倒数第三) are not read, so figures are written in digits.
#   - compared by value: 1,000 = 1000 = 1 000 (no-break or thin space) = ۱٬۰۰۰; 2.5 = 2,5 = ۲٫۵;
#     a sign is wording, not value (+43% = 43, −24% = 24), and so is "up to", "under", "%".
#     A range is its two ends: 55–75% = 55-75 = 55 to 75 = 55%～75% = ۵۵ تا ۷۵ درصد.
#   - not numbers: digits inside citations [@…], [[factor]] links, link targets, {#anchors} and
#     {attributes}, HTML tags and comments, inline code, URLs, list markers (1. or ۱. opening a
#     line), ids (digits after a Latin letter, with or without a hyphen: he-navarro-10, B2B),
#     ordinals and ranks under 1000 (3rd, 3-е, ۳مین, 第3, and after the rank words of checks.yml:
#     place 3, מקום 3, رتبهٔ ۳), since most languages write ranks in words, and month numbers
#     (5月, the 05 of 2005-05-21), since most languages write months in words.
#   - parity compares the SET of numbers: how often a number occurs does not matter.

FOLD_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩０１２３４５６７８９٬٫",
                            "012345678901234567890123456789,.")
CITE_MARK = "\ue000"   # stands in a cleaned line where a citation was; its ids are kept aside
BIDI_AND_SPACE = "\u0020\u00a0\u202f\u2009\u200e\u200f\u061c\t"
DASHES = {"-", "–", "—", "～", "~", "‒"}   # not the minus sign: "+22% −24%" is two figures
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
LINK_TARGET = re.compile(r"\]\([^)\n]*\)")
ATTRIBUTES = re.compile(r"\{[^{}\n]*\}")
HTML_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
INLINE_CODE = re.compile(r"`[^`\n]*`")
URL = re.compile(r"\b(?:https?|mailto|ftp):\S+")
LIST_MARKER = re.compile(r"^\s*(?:>\s*)*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")
NUMBER = re.compile(
    r"(?<![0-9A-Za-z])(?<![A-Za-z][-_])"                      # not part of an id (he-navarro-10, B2B)
    r"(\d{1,3}(?:[,\u00a0\u202f\u2009]\d{3})+(?![0-9])|\d+)"   # 1,000 / 1 000 / 1000
    r"(?:[.,](\d+))?(?![0-9])")                               # 2.5 / 2,5
ZH_NUMERALS = "零〇一二两三四五六七八九十百千"
ZH_PERCENT = re.compile(rf"百分之(?:([{ZH_NUMERALS}]+)(?:点([{ZH_NUMERALS}]+))?|(\d+(?:\.\d+)?))")
# Sentence and clause ends: a figure and its citation are read within one of these.
SENTENCE_END = re.compile(r"[.!?؟][*_”\"»’)\]]*\s+|[;؛][*_”\"»’)\]]*\s+|[。！？；][*_”\"»’）\]]*")
ISO_DATE = re.compile(r"(?<![0-9])(\d{4})-(\d{1,2})-(\d{1,2})(?![0-9])")


def _zh_integer(numerals: str) -> int:
    digits = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
    units = {"十": 10, "百": 100, "千": 1000}
    total, digit = 0, None
    for ch in numerals:
        if ch in digits:
            digit = digits[ch]
        else:
            total += (1 if digit is None else digit) * units[ch]
            digit = None
    return total + (digit or 0)


def _zh_percent(match: re.Match) -> str:
    if match.group(3):
        return match.group(3) + "%"
    whole = str(_zh_integer(match.group(1)))
    if match.group(2):
        whole += "." + "".join(str(_zh_integer(ch)) for ch in match.group(2))
    return whole + "%"


@dataclass(frozen=True)
class Number:
    value: str          # normalised: "1000", "2.5"
    start: int
    end: int            # after the percent sign or word, if any
    percent: bool
    range_with: str | None = None   # the other end, when this number is one end of a range


@dataclass
class Line:
    """One line of a page, cleaned for reading numbers, with the citations it held."""
    number: int                 # 1-based line number in the file
    text: str                   # cleaned; each citation replaced by CITE_MARK
    citations: list             # per CITE_MARK, in order: the cited ids
    table_row: bool


@dataclass
class PageText:
    path: str                   # docs/<lang>/<page>
    lines: list                 # Line per line of the page body (front matter excluded)
    sections: dict              # anchor -> (first index, end index) in lines; None -> before the first h2

    def heading_line(self, anchor: str | None) -> int:
        start = self.sections.get(anchor, self.sections[None])[0]
        for line in self.lines[start:]:
            if line.text.lstrip().startswith("#"):
                return line.number
        return self.lines[start].number if self.lines else 1

    def section_lines(self, anchor: str | None) -> list:
        if anchor not in self.sections:
            return []
        start, end = self.sections[anchor]
        return self.lines[start:end]

    def anchor_of(self, line_number: int) -> str | None:
        for anchor, (start, end) in self.sections.items():
            if anchor is not None and start < len(self.lines) and \
                    self.lines[start].number <= line_number <= self.lines[end - 1].number:
                return anchor
        return None


@dataclass(frozen=True)
class NumberWords:
    percent: tuple      # words that make the number before them a percentage
    ranges: tuple       # words between two numbers that make them a range
    ranks: tuple = ()   # words that make the number after them a rank ("place 3"), not a figure


def _read_data(name: str) -> dict:
    try:
        return yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise AtlasDataError(f"atlas/data/{name}: cannot read: {exc}") from None


def load_check_data() -> dict:
    """atlas/data/checks.yml: editorial label, parity scope, how each language writes numbers."""
    return _read_data("checks.yml")


def load_statistics_data() -> dict:
    """atlas/data/statistics.yml, whose `sources` per figure is the attribution table."""
    return _read_data("statistics.yml")


def number_words(data: dict, lang: str) -> NumberWords:
    entry = (data.get("numbers") or {}).get(lang) or {}
    return NumberWords(tuple(w.lower() for w in entry.get("percent") or ()),
                       tuple(w.lower() for w in entry.get("range") or ()),
                       tuple(w.lower() for w in entry.get("rank") or ()))


def clean_line(raw: str) -> tuple[str, list]:
    """The line with everything that is not prose removed (see the rules above)."""
    citations = []

    def cite(match: re.Match) -> str:
        citations.append([part.strip().lstrip("@") for part in match.group(1).split(";")])
        return CITE_MARK

    text = raw.translate(FOLD_DIGITS)
    text = INLINE_CODE.sub(" ", text)
    text = CITATION.sub(cite, text)
    text = FACTOR_LINK.sub(" ", text)
    text = LINK_TARGET.sub("]", text)
    text = URL.sub(" ", text)
    text = ATTRIBUTES.sub(" ", text)
    text = HTML_TAG.sub(" ", text)
    text = LIST_MARKER.sub("", text)
    text = ISO_DATE.sub(r"\1 \3", text)    # 2005-05-21: the month is a word in most languages
    text = ZH_PERCENT.sub(_zh_percent, text)
    return text, citations


def read_page_text(path: Path, where: str) -> PageText | None:
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    body = strip_front_matter(raw)
    offset = raw[:len(raw) - len(body)].count("\n")
    # Fenced code and HTML comments (which may span lines) become empty lines.
    body = FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), body)
    body = COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), body)
    sections: dict[str | None, tuple[int, int]]
    lines, sections, current, start = [], {}, None, 0
    for index, raw_line in enumerate(body.split("\n")):
        heading = re.match(r"^##\s+.*?\{[^}]*#([A-Za-z0-9_-]+)[^}]*\}\s*$", raw_line)
        if heading:
            sections[current] = (start, index)
            current, start = heading.group(1), index
        text, citations = clean_line(raw_line)
        lines.append(Line(offset + index + 1, text, citations, raw_line.lstrip().startswith("|")))
    sections[current] = (start, len(lines))
    return PageText(where, lines, sections)


def _not_a_figure(text: str, start: int, end: int, value: int, words: NumberWords) -> bool:
    """True when the digits at text[start:end] are an ordinal, a rank, a month or part of a word."""
    after = text[end:end + 3]
    if re.match(r"[A-Za-z]", after):
        # "2000s" is a decade; "3rd", "10x", "4G" are not figures.
        return not re.match(r"s\b", after)
    if value >= 1000:
        return False
    if text[start - 1:start] == "第" or (after[:1] == "月" and value <= 12):
        return True     # 第3 (ordinal), 5月 (May)
    before = text[:start].rstrip(BIDI_AND_SPACE).lower()
    if before.endswith("-"):
        before = before[:-1].rstrip(BIDI_AND_SPACE)
    if before.endswith("ה"):
        before = before[:-1].rstrip(BIDI_AND_SPACE)   # Hebrew article: מקום ה-3
    if any(before.endswith(word) for word in words.ranks):
        return True
    return bool(re.match(r"-[а-яё]", after, re.IGNORECASE) or re.match(r"\u200c?(?:م|ام)", after))


def numbers_in(text: str, words: NumberWords) -> list[Number]:
    """The numbers of one cleaned line, with percent marks and ranges resolved."""
    found = []
    for match in NUMBER.finditer(text):
        whole = re.sub(r"[,\u00a0\u202f\u2009]", "", match.group(1))
        value = int(whole)
        if _not_a_figure(text, match.start(), match.end(), value, words):
            continue
        decimals = (match.group(2) or "").rstrip("0")
        shown = f"{value}.{decimals}" if decimals else str(value)
        end, percent = match.end(), text[match.start() - 1:match.start()] in ("%", "٪")
        rest = text[end:]
        gap = len(rest) - len(rest.lstrip(BIDI_AND_SPACE))
        tail = rest[gap:]
        if tail[:1] in ("%", "٪", "％"):
            end, percent = end + gap + 1, True
        else:
            for word in words.percent:
                if tail.lower().startswith(word):
                    end, percent = end + gap + len(word), True
                    break
        found.append(Number(shown, match.start(), end, percent))
    # Two numbers joined by a dash or a range word are the two ends of one range.
    for i in range(len(found) - 1):
        first, second = found[i], found[i + 1]
        between = text[first.end:second.start].strip(BIDI_AND_SPACE).lower()
        if between in DASHES or between in words.ranges:
            percent = first.percent or second.percent
            found[i] = Number(first.value, first.start, first.end, percent, second.value)
            found[i + 1] = Number(second.value, second.start, second.end, percent, first.value)
    return found


# --- 1. figure parity ---------------------------------------------------------------------------

def check_figure_parity(atlas: Atlas, texts: dict, data: dict) -> list[Problem]:
    """Every number of a factor page's parity sections and of the parity pages appears in every
    language's version of that section or page."""
    parity = data.get("parity") or {}
    units = [(f"factors/{fid}.md", anchor) for fid in atlas.factors
             for anchor in parity.get("factor_sections") or ()]
    units += [(page, "*") for page in parity.get("pages") or ()]
    problems = []
    for page, anchor in units:
        found = {}   # lang -> {value: line number of its first occurrence}
        for lang in atlas.languages:
            text = texts.get((lang, page))
            if text is None or (anchor != "*" and anchor not in text.sections):
                continue
            lines = text.lines if anchor == "*" else text.section_lines(anchor)
            values: dict[str, int] = {}   # figure -> its first line
            for line in lines:
                for number in numbers_in(line.text, number_words(data, lang)):
                    values.setdefault(number.value, line.number)
            found[lang] = values
        every = sorted({v for values in found.values() for v in values}, key=lambda v: float(v))
        part = "the page" if anchor == "*" else f"section #{anchor}"
        for value in every:
            having = [lang for lang in found if value in found[lang]]
            first = having[0]
            ref = f"docs/{first}/{page}:{found[first][value]}"
            for lang in found:
                if value in found[lang]:
                    continue
                text = texts[(lang, page)]
                if anchor == "*":
                    where_anchor = texts[(first, page)].anchor_of(found[first][value])
                    line = text.heading_line(where_anchor if where_anchor in text.sections else None)
                else:
                    line = text.heading_line(anchor)
                problems.append(Problem(
                    f"docs/{lang}/{page}",
                    f"figure parity: {value} is in the {', '.join(having)} version of {part} but not here "
                    f"(see {ref}); every language gives the same figures, years and counts",
                    line))
    return problems


# --- 2. a factor's sources are the sources its pages cite ---------------------------------------

def factor_sources_lines() -> dict:
    """factor id -> line number of its `sources:` line in atlas/data/factors.yml."""
    lines, current, inside = {}, None, False
    path = DATA_DIR / "factors.yml"
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if re.match(r"^factors:\s*$", line):
            inside = True
        elif inside and re.match(r"^\S", line):
            inside = False
        elif inside and (m := re.match(r"^  ([A-Za-z0-9_-]+):\s*$", line)):
            current = m.group(1)
        elif inside and current and re.match(r"^\s+sources:", line):
            lines[current] = number
    return lines


def cited_by_factor(atlas: Atlas, texts: dict) -> dict:
    """factor id -> {source id: [(path, line), ...]} over every language's page of the factor."""
    cited: dict[str, dict[str, list[tuple[str, int]]]] = {}
    for fid in atlas.factors:
        per_source = cited.setdefault(fid, {})
        for lang in atlas.languages:
            text = texts.get((lang, f"factors/{fid}.md"))
            if text is None:
                continue
            for line in text.lines:
                for ids in line.citations:
                    for sid in ids:
                        per_source.setdefault(sid, []).append((text.path, line.number))
    return cited


def check_factor_sources(atlas: Atlas, texts: dict) -> list[Problem]:
    """A factor's `sources:` in factors.yml equals the set of sources its pages cite (all languages),
    so the Sources lists, the coverage matrix and the source pages say what the pages say."""
    problems, lines = [], factor_sources_lines()
    for fid, per_source in cited_by_factor(atlas, texts).items():
        listed = set(atlas.factors[fid].sources)
        cited = {sid for sid in per_source if sid in atlas.sources}
        for sid in sorted(cited - listed):
            places = per_source[sid]
            more = f" and {len(places) - 1} more place(s)" if len(places) > 1 else ""
            problems.append(Problem(
                "atlas/data/factors.yml",
                f"factor '{fid}': sources lacks {sid}, which its pages cite ({places[0][0]}:{places[0][1]}{more}); "
                f"sources must list exactly the sources the factor's pages cite",
                lines.get(fid)))
        for sid in sorted(listed - cited):
            problems.append(Problem(
                "atlas/data/factors.yml",
                f"factor '{fid}': sources lists {sid}, which no language's page of the factor cites; "
                f"cite it where the page uses it, or remove it from sources",
                lines.get(fid)))
    return problems


# --- 3. attribution table: a figure is cited only with a source that contains it ----------------

@dataclass(frozen=True)
class AttributedFigure:
    id: str
    values: tuple        # (n,) or (low, high), as strings of absolute values
    percent: bool        # percent or change figures are read only when written as percentages
    sources: frozenset
    names: tuple         # lower-case spellings of who measured it, to tell equal numbers apart


def attribution_table(stats: dict) -> list[AttributedFigure]:
    figures = []
    for entry in stats.get("figures") or ():
        names: set[str] = set()
        who = entry.get("measured_by")
        names.update(who.values() if isinstance(who, dict) else [who] if who else [])
        names.update(entry.get("names") or ())
        sources = frozenset(entry.get("sources") or ())
        lowered = tuple(sorted(n.lower() for n in names))
        value = entry.get("value")
        if entry.get("unit") == "rank":
            # A rank is written in words in most languages; the survey is recognised by its sample.
            if entry.get("sample") is not None:
                figures.append(AttributedFigure(entry["id"], (str(entry["sample"]),), False, sources, lowered))
            continue
        values = tuple(str(abs(v)) for v in value) if isinstance(value, list) else (str(abs(value)),)
        figures.append(AttributedFigure(entry["id"], values, True, sources, lowered))
    return figures


def figures_meant(number: Number, sentence: str, table: list) -> list:
    """The figures of the table a number in a sentence can stand for (empty: none)."""
    if number.range_with is not None and number.percent:
        ends = {number.value, number.range_with}
        return [f for f in table if f.percent and len(f.values) == 2 and set(f.values) == ends]
    scalar = [f for f in table if f.percent == number.percent and f.values == (number.value,)]
    ranged = [f for f in table if number.percent and f.percent and len(f.values) == 2 and number.value in f.values]
    lowered = sentence.lower()
    named = [f for f in scalar + ranged if any(name in lowered for name in f.names)]
    return named or scalar or ranged


def sentences(line: Line) -> list[str]:
    """A table row is one unit (its citation is in its last column); prose splits at sentence ends."""
    if line.table_row:
        return [line.text]
    parts, start = [], 0
    for match in SENTENCE_END.finditer(line.text):
        parts.append(line.text[start:match.end()])
        start = match.end()
    parts.append(line.text[start:])
    return parts


def check_attribution(atlas: Atlas, texts: dict, data: dict, stats: dict) -> list[Problem]:
    """A number that stands for a figure of statistics.yml, followed in its sentence (or table row)
    by a citation, must be cited only with sources that contain the figure."""
    table = attribution_table(stats)
    problems = []
    for (lang, _page), text in sorted(texts.items()):
        words = number_words(data, lang)
        for line in text.lines:
            marks_before = 0
            for sentence in sentences(line):
                marks = [i for i, ch in enumerate(sentence) if ch == CITE_MARK]
                for number in numbers_in(sentence, words):
                    meant = figures_meant(number, sentence, table)
                    following = [i for i, pos in enumerate(marks) if pos >= number.end]
                    if not meant or not following:
                        continue
                    cited = line.citations[marks_before + following[0]]
                    allowed = frozenset().union(*(f.sources for f in meant))
                    wrong = [sid for sid in cited if sid not in allowed]
                    if wrong:
                        shown = number.value + ("%" if number.percent else "")
                        if number.range_with is not None:
                            shown = f"{number.value}–{number.range_with}%"
                        problems.append(Problem(
                            text.path,
                            f"attribution: {shown} ({', '.join(f.id for f in meant)} in atlas/data/statistics.yml) "
                            f"is cited with {', '.join(wrong)}, which does not contain it; "
                            f"cite {' or '.join(sorted(allowed))}",
                            line.number))
                marks_before += len(marks)
    return problems


# --- 4. editorial label in every Warning signs section ------------------------------------------

def _plain(text: str) -> str:
    text = re.sub(r"[\u00a0\u202f\u2009\u200e\u200f]", " ", text)
    text = re.sub(r"^[\s*_>]+", "", text)
    return re.sub(r"\s+", " ", text.replace("*", "").replace("_", "")).strip()


def check_editorial_label(atlas: Atlas, docs_dir: Path, data: dict) -> list[Problem]:
    """Every factor page's #warning-signs opens with its language's sentence from checks.yml
    (the first paragraph may go on after it), so no reader takes the signs for sourced claims."""
    label = data.get("editorial_label") or {}
    anchor, sentences_by_lang = label.get("section", "warning-signs"), label.get("sentence") or {}
    problems = []
    for lang in atlas.languages:
        expected = sentences_by_lang.get(lang)
        if not expected:
            problems.append(Problem("atlas/data/checks.yml", f"editorial_label has no sentence for {lang}"))
            continue
        for fid in atlas.factors:
            path = docs_dir / lang / "factors" / f"{fid}.md"
            try:
                raw = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            body = strip_front_matter(raw)
            offset = raw[:len(raw) - len(body)].count("\n")
            lines = body.split("\n")
            heading = next((i for i, l in enumerate(lines)
                            if re.match(rf"^##\s+.*\{{[^}}]*#{re.escape(anchor)}[^}}]*\}}\s*$", l)), None)
            if heading is None:
                continue   # the anchor check reports it
            first = next((i for i in range(heading + 1, len(lines)) if lines[i].strip()), heading)
            if first == heading or lines[first].startswith("#") or not _plain(lines[first]).startswith(_plain(expected)):
                problems.append(Problem(
                    f"docs/{lang}/factors/{fid}.md",
                    f"#{anchor} must open with the editorial label of atlas/data/checks.yml: \u201c{expected}\u201d",
                    offset + first + 1))
    return problems


def check_fidelity(docs_dir: Path, atlas: Atlas, data: dict | None = None,
                   stats: dict | None = None) -> list[Problem]:
    """The four fidelity checks over every page of every language (data: checks.yml, statistics.yml)."""
    data = load_check_data() if data is None else data
    stats = load_statistics_data() if stats is None else stats
    docs_dir = Path(docs_dir)
    texts = {}
    for lang in atlas.languages:
        for page in atlas.pages:
            text = read_page_text(docs_dir / lang / page, f"docs/{lang}/{page}")
            if text is not None:
                texts[(lang, page)] = text
    return (check_figure_parity(atlas, texts, data) + check_factor_sources(atlas, texts)
            + check_attribution(atlas, texts, data, stats) + check_editorial_label(atlas, docs_dir, data))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    docs = Path(argv[0] if argv else "docs")
    problems = check_docs(docs)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(problems)} problem(s) in {docs}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
