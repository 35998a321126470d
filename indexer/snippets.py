"""Snippets and highlighting of results, by the rules of analysis.json common.snippet, which the
browser applies too (AtlasSearch.snippet and highlightSpans; the parity test compares them)."""
from __future__ import annotations

from .analyzers import get_analyzer
from .analyzers.base import LATIN, NATIVE, analysis_data
from .languages import language


def highlight_spans(lang: str, text: str, terms) -> list[tuple[int, int]]:
    """Words of `text` that contain a matched term or whose Snowball stem is one (analysis.json
    common.snippet, the same in the browser: AtlasSearch.snippet).

    Index terms are folded stems, lemmas or words, so a containing word is a match for the
    reader's eye; no analyzer runs, so a query never loads hazm or jieba."""
    analyzer = get_analyzer(lang)
    declared = language(lang)
    unspaced = [t for t in terms if declared.segments and declared.in_script(t)]
    wanted = [t for t in terms if len(t) > 1 and t not in unspaced]
    term_set = set(terms)
    spans = []
    for match in analyzer.word_re.finditer(text):
        folded = analyzer.fold(match.group(0))
        if any(t in folded for t in wanted) or highlight_stem(analyzer, match.group(0), folded) in term_set:
            spans.append((match.start(), match.end()))
    # A language written without spaces (Chinese): mark the matched words themselves, not runs.
    for term in unspaced:
        at = text.find(term)
        while at != -1:
            spans.append((at, at + len(term)))
            at = text.find(term, at + len(term))
    return merge_spans(spans)


def highlight_stem(analyzer, raw: str, folded: str) -> str | None:
    """The Snowball stem a word is highlighted by: English for a Latin word, the language's own
    Snowball (analysis.json `snowball`) for a native word, none otherwise."""
    kind = analyzer.part_kind(raw)
    if kind == LATIN:
        return analyzer.stem_latin(folded)
    if kind == NATIVE and analyzer.data.get("snowball"):
        return analyzer.stem_native(folded)
    return None


def merge_spans(spans) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def make_snippet(lang: str, body: str, terms) -> tuple[str, list]:
    """The body window with the most matched words, and the matched spans inside it (offsets
    into the snippet); the rules of analysis.json common.snippet, as AtlasSearch.snippet."""
    chars = analysis_data()["common"]["snippet"]["chars"]
    spans = highlight_spans(lang, body, terms)
    start = 0
    if spans:
        best_start, best_count = spans[0][0], 0
        for first, _ in spans:
            count = sum(1 for s, e in spans if first <= s and e <= first + chars)
            if count > best_count:
                best_start, best_count = first, count
        start = max(0, best_start - chars // 4)
        # Start on a word boundary so the snippet does not open mid-word.
        space = body.rfind(" ", 0, start) if start > 0 else -1
        start = 0 if space == -1 else space + 1
    end = start + chars
    snippet = ("…" if start else "") + body[start:end].replace("\n", " ") + ("…" if end < len(body) else "")
    shift = (1 if start else 0) - start   # the leading "…" moves offsets by one
    return snippet, [[s + shift, e + shift] for s, e in spans if s >= start and e <= end]
