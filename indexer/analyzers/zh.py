"""Chinese: jieba segmentation of Han runs; Latin runs and digits are words of their own.

Query mode cuts with jieba's precise mode. Index mode cuts the same way and
adds, as alternatives at the word's position, the 2- and 3-character
sub-words jieba's dictionary knows (what jieba.cut_for_search adds), so a
query for 管理 finds 管理系统. HMM is off: its guesses depend on the
surrounding text, which would make index and query cut the same word
differently. jieba is imported only when Chinese text is first analysed.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from indexer.analyzers import _pipeline as p
from indexer.analyzers.base import NATIVE, LanguageAnalyzer

_jieba_lock = threading.Lock()
_jieba_tokenizer = None


def cache_dir() -> Path | None:
    """``$XDG_CACHE_HOME/crm-atlas`` or ``~/.cache/crm-atlas``, created; None if it cannot be."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = Path(base) / "crm-atlas"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # jieba then keeps its cache in the system temp dir
    return path


def jieba_tokenizer():
    """jieba's default tokenizer, configured and initialised once (quiet, cached dictionary)."""
    global _jieba_tokenizer
    if _jieba_tokenizer is None:
        with _jieba_lock:
            if _jieba_tokenizer is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                directory = cache_dir()
                if directory is not None:
                    jieba.dt.tmp_dir = str(directory)
                jieba.dt.initialize()
                _jieba_tokenizer = jieba.dt
    return _jieba_tokenizer


def segment(run: str) -> list[tuple[int, int]]:
    """Precise-mode jieba words of a run of Han characters, as (start, end) offsets."""
    words = list(jieba_tokenizer().cut(run, HMM=False))
    if "".join(words) != run:
        return [(0, len(run))]  # never seen; keeps offsets honest if jieba ever drops a character
    spans: list[tuple[int, int]] = []
    start = 0
    for word in words:
        spans.append((start, start + len(word)))
        start += len(word)
    return spans


def sub_words(word: str) -> list[tuple[int, int]]:
    """Dictionary 2-grams then 3-grams inside a longer word, as (start, end) offsets.

    The same rule as jieba.cut_for_search: 2-grams of words longer than 2,
    3-grams of words longer than 3, kept when jieba's dictionary has them.
    """
    frequencies = jieba_tokenizer().FREQ
    spans: list[tuple[int, int]] = []
    for size in (2, 3):
        if len(word) > size:
            for start in range(len(word) - size + 1):
                if frequencies.get(word[start : start + size]):
                    spans.append((start, start + size))
    return spans


class ChineseSegmentFilter(p.LanguageFilter):
    """Cuts each Han run into words; in index mode adds their sub-words at the same position."""

    def __call__(self, tokens):
        for token in tokens:
            if token.kind != NATIVE:
                yield token
                continue
            run = token.text
            # Folding a Han run keeps its length unless a rare compatibility
            # ideograph expands; then offsets fall back to the whole run.
            exact = len(run) == token.endchar - token.startchar
            for index, (start, end) in enumerate(segment(run)):
                word = p.alternative(token, run[start:end])
                word.word = token.word + (index,)
                if exact:
                    word.startchar, word.endchar = token.startchar + start, token.startchar + end
                yield word
                if token.mode == "query":
                    continue
                seen = {word.text}
                for sub_start, sub_end in sub_words(word.text):
                    text = word.text[sub_start:sub_end]
                    if text not in seen:
                        seen.add(text)
                        if exact:
                            yield p.alternative(
                                word, text, word.startchar + sub_start, word.startchar + sub_end
                            )
                        else:
                            yield p.alternative(word, text)


class ChineseAnalyzer(LanguageAnalyzer):
    """Chinese pages: fold (NFKC full-width), jieba words, stop words, English rules for Latin."""

    def warm_up(self) -> None:
        jieba_tokenizer()

    def build_analyzer(self):
        return (
            p.WordTokenizer(self)
            | p.CompoundSplitFilter(self)
            | p.FoldFilter(self)
            | ChineseSegmentFilter(self)
            | p.StopWordFilter(self)
            | p.StemFilter(self)
            | p.PositionFilter()
        )


ANALYZER = ChineseAnalyzer("zh")
