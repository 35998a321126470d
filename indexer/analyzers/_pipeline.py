"""whoosh tokenizer and filters shared by the language analyzers.

Tokens carry three extra attributes between the stages:
``kind`` (NUMBER / LATIN / NATIVE, below), ``word`` (a tuple naming the
word occurrence: alternatives of one word share it) and ``start_pos``.
:class:`PositionFilter`, always last, turns ``word`` into ``pos``.
Expanding filters yield fresh token copies, so holding on to a token is safe.
"""

from __future__ import annotations

from collections.abc import Iterator

from whoosh.analysis import Filter, Token, Tokenizer

# Token kinds assigned when a compound is split into parts (see analysis.json _about).
NUMBER, LATIN, NATIVE = "number", "latin", "native"


class WordTokenizer(Tokenizer):
    """Yields each match of the language's word_pattern, offsets into the original text."""

    def __init__(self, lang):
        self.lang = lang

    def __eq__(self, other):
        return type(self) is type(other) and self.lang is other.lang

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        tokenize=True,
        mode="",
        **kwargs,
    ):
        if tokenize:
            spans: Iterator[tuple[int, int]] = (
                (match.start(), match.end()) for match in self.lang.word_re.finditer(value))
        else:
            spans = iter([(0, len(value))] if value else [])
        for index, (start, end) in enumerate(spans):
            token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
            token.text = value[start:end]
            if keeporiginal:
                token.original = token.text
            token.startchar = start_char + start
            token.endchar = start_char + end
            token.word = (index,)
            token.start_pos = start_pos
            token.pos = start_pos + index
            token.kind = NATIVE
            yield token


class LanguageFilter(Filter):
    """A filter bound to one LanguageAnalyzer (compared by language, pickled by reference)."""

    def __init__(self, lang):
        self.lang = lang


class CompoundSplitFilter(LanguageFilter):
    """Splits hyphen/maqaf compounds into parts, each its own word; sets ``kind``."""

    def __call__(self, tokens):
        for token in tokens:
            parts = self.lang.split_compound(token.text)
            if len(parts) == 1:
                start, end, token.kind, token.text = parts[0]
                token.endchar = token.startchar + end
                token.startchar += start
                yield token
                continue
            for index, (start, end, kind, text) in enumerate(parts):
                part = token.copy()
                part.text = text
                part.startchar = token.startchar + start
                part.endchar = token.startchar + end
                part.kind = kind
                part.word = token.word + (index,)
                yield part


class FoldFilter(LanguageFilter):
    """Folds each part (see LanguageAnalyzer.fold_part); drops parts that fold to nothing."""

    def __call__(self, tokens):
        for token in tokens:
            token.text = self.lang.fold_part(token.text, token.kind)
            if token.text:
                yield token


class StopWordFilter(LanguageFilter):
    """Removes stop words, or marks them ``stopped`` when whoosh asks to keep them."""

    def __call__(self, tokens):
        for token in tokens:
            if self.lang.is_stop_word(token.text, token.kind):
                if token.removestops:
                    continue
                token.stopped = True
            yield token


class StemFilter(LanguageFilter):
    """Stems each token by kind: numbers untouched, Latin with English rules, native per language."""

    is_morph = True

    def __call__(self, tokens):
        for token in tokens:
            token.text = self.lang.stem_part(token.text, token.kind)
            if token.text:
                yield token


class PositionFilter(Filter):
    """Numbers words consecutively from ``start_pos``; alternatives of one word share a position."""

    def __call__(self, tokens):
        position = None
        last_word = None
        for token in tokens:
            if position is None:
                position = token.start_pos
            elif token.word != last_word:
                position += 1
            last_word = token.word
            token.pos = position
            yield token


def alternative(token, text: str, startchar: int | None = None, endchar: int | None = None):
    """A copy of ``token`` carrying another term for the same word (same ``word``, same position)."""
    copy = token.copy()
    copy.text = text
    if startchar is not None:
        copy.startchar = startchar
        copy.endchar = endchar
    return copy
