"""Query analysis shared, rule for rule, with the browser (indexer/web/atlas-search.js).

The replay rule applies at query time too: the command line does only what the browser can
repeat. A query is split into word parts exactly as the analyzers split page text. A part the
pages contain is looked up in the index's lexicon (folded surface -> index terms), so it gets
the very terms the indexer made of it (hazm lemmas, jieba words, Snowball stems, Hebrew
prefix variants). A part the pages never contained goes through rules both sides can run:
Snowball for English, Russian and Latin words, the Hebrew prefix candidates, Persian suffix
stripping checked against the lexicon, and Chinese segmentation against the index's own
vocabulary (greedy longest match).
"""
from __future__ import annotations

import re

from .analyzers import get_analyzer
from .analyzers.base import LATIN, NATIVE, NUMBER

HAN_WORD = re.compile(r"^[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]{2,}$")
HAN_RUN = re.compile(r"^[\u3005\u3007\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]+$")


def query_parts(lang: str, text: str) -> list[tuple[str, str, str]]:
    """(part text, kind, lexicon key) for every word part of `text`, in order."""
    analyzer = get_analyzer(lang)
    parts = []
    for match in analyzer.word_re.finditer(text):
        raw = match.group(0)
        for start, end, kind, part in analyzer.split_compound(raw):
            parts.append((part, kind, analyzer.fold(raw[start:end])))
    return parts


def join_split_words(lang: str, parts: list, lexicon: dict) -> list:
    """Join adjacent native words whose joined form is a word of the pages (Persian written
    with a space where a ZWNJ belongs); the longest join wins, up to the language's limit."""
    limit = get_analyzer(lang).data.get("join_split_words", 0)
    if limit < 2:
        return parts
    joined, at = [], 0
    while at < len(parts):
        taken = 1
        for length in range(min(limit, len(parts) - at), 1, -1):
            window = parts[at:at + length]
            if all(kind == NATIVE for _, kind, _ in window) and "".join(key for _, _, key in window) in lexicon:
                taken = length
                break
        window = parts[at:at + taken]
        joined.append(("\u200c".join(text for text, _, _ in window), window[0][1], "".join(key for _, _, key in window)))
        at += taken
    return joined


def chinese_vocabulary(lexicon: dict) -> set[str]:
    """The multi-character Chinese words of the index (what the browser segments against)."""
    return {key for key in lexicon if HAN_WORD.match(key)}


def segment_against(vocabulary: set[str], run: str) -> list[str]:
    """Greedy longest match of `run` against `vocabulary`; unknown characters stand alone."""
    longest = max((len(word) for word in vocabulary), default=1)
    words, at = [], 0
    while at < len(run):
        taken = 1
        for length in range(min(longest, len(run) - at), 1, -1):
            if run[at:at + length] in vocabulary:
                taken = length
                break
        words.append(run[at:at + taken])
        at += taken
    return words


def persian_stem(analyzer, word: str, lexicon: dict) -> list[str]:
    """Strip the longest known suffix when what remains is a word of the pages."""
    for suffix in analyzer.suffixes:
        if len(word) - len(suffix) >= analyzer.min_stem and word.endswith(suffix):
            known = lexicon.get(word[:-len(suffix)])
            if known:
                return list(known)
    return [word]


def fallback_groups(lang: str, part: str, kind: str, lexicon: dict, vocabulary: set) -> list[list[str]]:
    """Groups for a part the pages never contained, by rules the browser runs too."""
    analyzer = get_analyzer(lang)
    word = analyzer.fold_part(part, kind)
    if not word or analyzer.is_stop_word(word, kind):
        return []
    if kind == NUMBER:
        return [[word]]
    if kind == LATIN:
        return [[analyzer.stem_latin(word)]]
    if lang == "he":
        return [] if word in analyzer.prefixes else [analyzer.alternatives(word)]
    if lang == "fa":
        return [persian_stem(analyzer, word, lexicon)]
    if lang == "zh" and HAN_RUN.match(word):
        return [[w] for w in segment_against(vocabulary, word) if w not in analyzer.stop_words]
    return [[analyzer.stem_native(word)]]


def query_groups(lang: str, text: str, lexicon: dict, vocabulary: set | None = None) -> list[list[str]]:
    """Alternatives of index terms per word part of `text` (stop words give no group)."""
    groups: list[list[str]] = []
    for part, kind, key in join_split_words(lang, query_parts(lang, text), lexicon):
        if key in lexicon:
            groups.append(list(lexicon[key]))
            continue
        if vocabulary is None:
            vocabulary = chinese_vocabulary(lexicon) if lang == "zh" else set()
        groups.extend(group for group in fallback_groups(lang, part, kind, lexicon, vocabulary) if group)
    return groups
