"""Persian: hazm normalisation, guarded hazm lemmatisation, ZWNJ-free terms.

Each Persian word is prepared with fold() minus ZWNJ removal (Arabic
letters -> Persian, digits, diacritics), normalised by hazm's Normalizer
(restores lost ZWNJs: دادهها -> داده‌ها), lemmatised by hazm's Lemmatizer
under a guard, and folded (which removes ZWNJ, so نرم‌افزار = نرمافزار).

The guard (hazm's Stemmer is never used; کیفیت must not become کیف):
  1. a word of hazm's lexicon is its own lemma (کیفیت, شکست, داده);
  2. a verb form takes its past stem, the part before '#' of hazm's
     "past#present" lemma, or the other part when that one is empty
     (شکستند -> شکست, so it meets the noun شکست);
  3. any other hazm lemma is accepted only if the word is that lemma plus
     one suffix of analysis.json (ZWNJ ignored): داده‌ها -> داده;
  4. otherwise the longest such suffix is stripped if it follows a ZWNJ or
     if what remains is in hazm's lexicon (مشتریان -> مشتری);
  in every case at least 2 letters remain.

hazm is imported only when Persian text is first analysed.
"""

from __future__ import annotations

import threading
from functools import cached_property

from indexer.analyzers import _pipeline as p
from indexer.analyzers.base import NATIVE, ZWNJ, LanguageAnalyzer

_hazm_lock = threading.Lock()
_hazm_tools = None


def hazm_tools():
    """hazm's (Normalizer, Lemmatizer), built on first use and shared."""
    global _hazm_tools
    if _hazm_tools is None:
        with _hazm_lock:
            if _hazm_tools is None:
                from hazm import Lemmatizer, Normalizer

                _hazm_tools = (Normalizer(), Lemmatizer())
    return _hazm_tools


def _letters(word: str) -> str:
    return word.replace(ZWNJ, "")


class PersianNormalizeFilter(p.LanguageFilter):
    """hazm-normalises Persian words (ZWNJ kept), folds Latin words and numbers."""

    def __call__(self, tokens):
        for token in tokens:
            if token.kind != NATIVE:
                token.text = self.lang.fold_part(token.text, token.kind)
                if token.text:
                    yield token
                continue
            words = self.lang.normalized_words(token.text)
            if len(words) == 1:
                token.text = words[0]
                yield token
                continue
            for index, text in enumerate(words):
                word = p.alternative(token, text)
                word.word = token.word + (index,)
                yield word


class PersianLemmaFilter(p.LanguageFilter):
    """Replaces each normalised Persian word by its guarded lemma, folded (no ZWNJ)."""

    is_morph = True

    def __call__(self, tokens):
        for token in tokens:
            if token.kind == NATIVE:
                token.text = self.lang.fold(self.lang.lemma(token.text))
            if token.text:
                yield token


class PersianAnalyzer(LanguageAnalyzer):
    """Persian pages: hazm normaliser, guarded lemmatiser, Persian stop words."""

    @cached_property
    def suffixes(self) -> tuple[str, ...]:
        """The suffixes of analysis.json, longest first."""
        folded = {self.fold(suffix) for suffix in self.data["suffixes"]}
        return tuple(sorted(folded, key=lambda suffix: (-len(suffix), suffix)))

    @cached_property
    def min_stem(self) -> int:
        """Letters a lemma or suffix-stripped stem must keep."""
        return self.data["min_remainder"]

    @cached_property
    def memo(self) -> dict[str, dict[str, object]]:
        # hazm's answers per word, kept between builds by the analysis cache: hazm is then
        # imported only for a word no earlier build has seen.
        return {"normalized": {}, "lemma": {}}

    def warm_up(self) -> None:
        hazm_tools()

    def normalized_words(self, raw: str) -> tuple[str, ...]:
        """A matched Persian word prepared and hazm-normalised; hazm may split it in several."""
        return self.memoised("normalized", raw, lambda word: _normalized_words(self, word))

    def lemma(self, word: str) -> str:
        """The guarded lemma of a normalised word (ZWNJ still inside; see module docstring)."""
        return self.memoised("lemma", word, lambda w: _lemma(self, w))

    def strip_suffix(self, word: str, lexicon) -> str:
        """Rule 4: strip the longest known suffix after a ZWNJ or leaving a lexicon word."""
        letters = _letters(word)
        for suffix in self.suffixes:
            if not letters.endswith(suffix) or len(letters) - len(suffix) < self.min_stem:
                continue
            cut = len(word) - len(suffix)
            if word[cut:] != suffix:
                continue  # a ZWNJ inside the suffix itself: not this suffix
            stem = word[:cut]
            if stem.endswith(ZWNJ) or stem in lexicon:
                return stem.rstrip(ZWNJ)
        return word

    def build_analyzer(self):
        return (
            p.WordTokenizer(self)
            | p.CompoundSplitFilter(self)
            | PersianNormalizeFilter(self)
            | p.StopWordFilter(self)
            | PersianLemmaFilter(self)
            | p.StemFilter(self)
            | p.PositionFilter()
        )


def _normalized_words(lang: PersianAnalyzer, raw: str) -> tuple[str, ...]:
    prepared = lang.folder(raw, keep=ZWNJ).strip(ZWNJ)
    if not prepared:
        return ()
    normalizer, _ = hazm_tools()
    try:
        normalized = normalizer.normalize(prepared)
    except Exception:  # third-party code on hostile input: fall back to our own folding
        normalized = prepared
    words = (word.strip(ZWNJ) for word in normalized.split())
    return tuple(word for word in words if word)


def _lemma(lang: PersianAnalyzer, word: str) -> str:
    _, lemmatizer = hazm_tools()
    if word in lemmatizer.words:
        return word
    try:
        lemma = lemmatizer.lemmatize(word)
    except Exception:  # third-party code on hostile input: keep the word
        lemma = word
    if "#" in lemma:
        past, _, present = lemma.partition("#")
        stem = past or present
        if len(_letters(stem)) >= lang.min_stem:
            return stem
    elif lemma != word and len(_letters(lemma)) >= lang.min_stem:
        letters, lemma_letters = _letters(word), _letters(lemma)
        if letters.startswith(lemma_letters) and letters[len(lemma_letters) :] in lang.suffixes:
            return lemma
    return lang.strip_suffix(word, lemmatizer.words)


ANALYZER = PersianAnalyzer("fa")
