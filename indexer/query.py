"""Query analysis shared, rule for rule, with the browser (web/atlas-search.js).

The replay rule applies at query time too: the command line does only what the browser can
repeat. A query is split into word parts exactly as the analyzers split page text. A part the
pages contain is looked up in the index's lexicon (folded surface -> index terms), so it gets
the very terms the indexer made of it (hazm lemmas, jieba words, Snowball stems, Hebrew
prefix variants). A part the pages never contained goes through rules both sides can run:
what the language declares as its `query_fallback` in analysis.json (FALLBACKS: Snowball, the
Hebrew prefix candidates, Persian suffix stripping checked against the lexicon, Chinese
segmentation against the index's own vocabulary, greedy longest match); Latin words take
Snowball English in every language.

Question words and conversational fillers (analysis.json `query_fillers`: "why", "how do we",
为什么, почему, چرا, למה) are dropped from a query that has other words: they say how the
reader asks, not what about, and would otherwise steer the ranking towards pages that happen
to use them. A query made only of fillers is searched as typed.

Search as you type (the search box, and `prefix=True` here): a last word the pages do not
contain, being typed, also matches the first PREFIX_EXPANSIONS words of the pages it begins. A
last word the pages contain is taken as it is, so completing never reorders full-word matches.
"""
from __future__ import annotations

import bisect
import functools

from .analyzers import get_analyzer
from .analyzers.base import LATIN, NATIVE, NUMBER
from .languages import language

PREFIX_EXPANSIONS = 24


def js_order(text: str) -> bytes:
    """Sort key matching JavaScript's string comparison (UTF-16 code units)."""
    return text.encode("utf-16-be")


class PrefixCompleter:
    """The lexicon's surface forms in the browser's key order, for search as you type."""

    def __init__(self, lexicon: dict):
        self.lexicon = lexicon
        self.keys = sorted(lexicon, key=js_order)
        self.order = [js_order(key) for key in self.keys]

    def __call__(self, prefix: str, limit: int = PREFIX_EXPANSIONS) -> list[list[str]]:
        """Index terms of the first `limit` surface forms that start with `prefix`."""
        out: list[list[str]] = []
        for key in self.keys[bisect.bisect_left(self.order, js_order(prefix)):]:
            if not key.startswith(prefix) or len(out) >= limit:
                break
            out.append(self.lexicon[key])
        return out


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


def segment_vocabulary(lang: str, lexicon: dict) -> frozenset[str]:
    """For a language written without spaces (query_fallback "segment"), the index's words of
    two or more characters of its script: what an unknown run is segmented against (the
    export's vocab.json, the same set). Empty for other languages."""
    declared = language(lang)
    if not declared.segments:
        return frozenset()
    return frozenset(key for key in lexicon if len(key) > 1 and declared.in_script(key))


@functools.lru_cache(maxsize=16)
def longest_word(vocabulary: frozenset) -> int:
    # A frozenset caches its hash, so a vocabulary is measured once, not at every query.
    return max((len(word) for word in vocabulary), default=1)


def segment_against(vocabulary: frozenset[str], run: str) -> list[str]:
    """Greedy longest match of `run` against `vocabulary`; unknown characters stand alone."""
    longest = longest_word(frozenset(vocabulary))
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


def suffix_fallback(analyzer, word: str, lexicon: dict) -> list[str]:
    """query_fallback "suffixes": a spoken verb ending written out (analysis.json spoken_endings)
    when that gives a word of the pages; else strip the longest known suffix when what remains
    is a word of the pages; else the word itself."""
    for spoken, written in analyzer.data.get("spoken_endings", []):
        if word.endswith(spoken) and len(word) > len(spoken):
            known = lexicon.get(word[:-len(spoken)] + analyzer.fold(written))
            if known:
                return list(known)
    for suffix in analyzer.suffixes:
        if len(word) - len(suffix) >= analyzer.min_stem and word.endswith(suffix):
            known = lexicon.get(word[:-len(suffix)])
            if known:
                return list(known)
    return [word]


def _snowball(analyzer, word, lexicon, vocabulary):
    return [[analyzer.stem_native(word)]]


def _prefixes(analyzer, word, lexicon, vocabulary):
    # A bare prefix (what is left of ב-CRM) means nothing alone.
    return [] if word in analyzer.prefixes else [analyzer.alternatives(word)]


def _suffixes(analyzer, word, lexicon, vocabulary):
    return [suffix_fallback(analyzer, word, lexicon)]


def _segment(analyzer, word, lexicon, vocabulary):
    if not language(analyzer.code).in_script(word):
        return [[analyzer.stem_native(word)]]
    return [[w] for w in segment_against(vocabulary, word) if w not in analyzer.stop_words]


# What a native word the pages never contained goes through, by the language's declared
# query_fallback (analysis.json); atlas-search.js dispatches on the same names.
FALLBACKS = {"snowball": _snowball, "prefixes": _prefixes, "suffixes": _suffixes, "segment": _segment}


def fallback_groups(lang: str, part: str, kind: str, lexicon: dict, vocabulary: frozenset[str]) -> list[list[str]]:
    """Groups for a part the pages never contained, by rules the browser runs too."""
    analyzer = get_analyzer(lang)
    word = analyzer.fold_part(part, kind)
    if not word or analyzer.is_stop_word(word, kind):
        return []
    if kind == NUMBER:
        return [[word]]
    if kind == LATIN:
        return [[analyzer.stem_latin(word)]]
    return FALLBACKS[language(lang).fallback_kind](analyzer, word, lexicon, vocabulary)


def query_groups(lang: str, text: str, lexicon: dict, vocabulary: frozenset[str] | None = None,
                 complete: PrefixCompleter | None = None) -> list[list[str]]:
    """Alternatives of index terms per word part of `text` (stop words give no group; fillers
    none when other words remain). With `complete`, an unknown last part also matches the
    words of the pages it begins (search as you type)."""
    analyzer = get_analyzer(lang)
    parts = join_split_words(lang, query_parts(lang, text), lexicon)
    marked: list[tuple[bool, list[str]]] = []    # (is a filler, group)
    for at, (part, kind, key) in enumerate(parts):
        known = lexicon.get(key)
        if known:
            marked.append((analyzer.is_query_filler(key, kind), list(known)))
            continue
        if vocabulary is None:
            vocabulary = segment_vocabulary(lang, lexicon)
        groups = fallback_groups(lang, part, kind, lexicon, vocabulary)
        if complete is not None and at == len(parts) - 1 and len(groups) <= 1 and len(key) > 1:
            group = groups[0] if groups else []
            for terms in complete(key):
                group.extend(term for term in terms if term not in group)
            groups = [group]
        # One group is judged by the part as typed; a part segmented into several (Chinese)
        # by each segment's word.
        marked.extend((analyzer.is_query_filler(key if len(groups) == 1 else group[0], kind), group)
                      for group in groups if group)
    if any(not filler for filler, _group in marked):
        marked = [(filler, group) for filler, group in marked if not filler]
    return [group for _filler, group in marked]
