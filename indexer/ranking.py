"""Ranking, page first: the constants and the scoring the command line and the browser share.

A page's score is BM25F over the whole page (its sections' term frequencies and field lengths
summed from whoosh's postings, fields counted once where every section repeats them) times
(query words the page holds / query words) ** COORD_POWER, times (most query words one of its
sections holds / query words) ** SECTION_COORD_POWER, times its kind's prior; within a page its
sections follow by whoosh's own BM25F. atlas-search.js (`rank`) computes the same numbers from
the exported index; the export carries every constant below.
"""
from __future__ import annotations

import bisect
import math

from whoosh import query as wq
from whoosh.scoring import bm25

# A query's first MAX_WORDS distinct word groups are searched (the browser cuts at the same).
MAX_WORDS = 32
# Query-time field weights (the scorer multiplies each field's BM25 by these); the browser
# reads the same numbers from the exported metadata. The page title weighs most: on factor
# pages the section titles are the same generic words everywhere (Summary, Evidence), while
# the page title names the factor. Chosen on bench/queries.jsonl (see bench/README.md).
# `terms` is the curated vocabulary of a page (atlas/data/terminology/<lang>.yml, shown on
# the page as "Related terms"): the words practitioners use for a factor that its prose may
# never use. Measured on the dev half of bench/practitioner-queries.jsonl (Success@1) /
# bench/queries.jsonl, with the tables' terms, phrases and questions: terms 1 0.774/0.968,
# 2 0.800/0.968, 2.5 0.809/0.952, 3 0.817/0.952, 4 0.817/0.935; 2 keeps the regression set.
FIELD_BOOSTS = {"section_title": 1.0, "page_title": 3.0, "body": 1.0, "terms": 2.0}
BM25_B = 0.75
BM25_K1 = 1.2
# Pages are ranked as wholes (see rank below): a page's score is multiplied by
# (query words the page contains / query words) ** COORD_POWER, so a page holding every word
# outranks one that repeats a few of them. Measured on the dev half of
# bench/practitioner-queries.jsonl (Success@1, with the other constants as set here): power 1
# 0.765, 2 0.730, 3 0.722: the square rewarded long reference pages that hold every word of a
# long question somewhere, so it is tempered to 1 (bench/queries.jsonl stays at 0.960).
COORD_POWER = 1
# Proximity: a page's score is also multiplied by (most query words one of its sections holds
# / query words) ** SECTION_COORD_POWER, so words found together in one section beat the same
# words scattered over a long page. Measured on the dev half: 0 gives 0.765, 0.5 0.765, 1 0.748
# (practitioners' long questions spread their words over a factor page's sections as much as
# over the wrong page), so it is off; the mechanism stays, replayed in the browser, to be
# re-measured when the query sets grow.
SECTION_COORD_POWER = 0
# Page-kind prior: a page's score is multiplied by the prior of its kind (page meta `kind`,
# set by the atlas plugin from page_kinds in atlas/data/pages.yml). Reference pages (checklist,
# sources, statistics, home) and the glossary hold every query word somewhere; the answer to a
# topical query is a topic page. A page without a kind counts as a topic page. Measured with
# the pages as they now stand (Success@1, dev half of bench/practitioner-queries.jsonl /
# bench/queries.jsonl, whose queries also ask for statistics and sources): reference 1.0
# 0.739/0.968, 0.9 0.748/0.968, 0.8 0.757/0.968, 0.7 0.757/0.952, 0.6 0.757/0.919. The glossary
# prior changes no monolingual dev query between 0.8 and 0.3; it is set on the 8 cross-language
# dev queries in the browser (bench.compare), where Latin terms meet the glossary's English
# names: glossary 0.8 0.250, 0.5 0.500, 0.3 0.500.
PAGE_KIND_PRIOR = {"topic": 1.0, "reference": 0.8, "glossary": 0.5}
DEFAULT_PAGE_KIND = "topic"
# Fields every section of a page repeats: a page counts them once, not once per section.
PAGE_FIELDS_ONCE = ("page_title",)


class Pages:
    """A language's page table (indexer.index.page_table) with document -> page lookup."""

    def __init__(self, table: dict):
        self.pages = table["pages"]
        self.first_docs = [page[1] for page in self.pages]
        self.avg_lengths = table["avgLengths"]
        self.priors = [PAGE_KIND_PRIOR.get(page[3], 1.0) for page in self.pages]

    def of(self, docnum: int) -> int:
        """Position of the page holding section `docnum` (pages are runs of documents)."""
        return bisect.bisect_right(self.first_docs, docnum) - 1

    def length(self, page: int, field: int) -> float:
        return self.pages[page][2][field]


def unique_groups(groups: list[list[str]]) -> list[list[str]]:
    """Drop repeated word groups: whoosh collapses identical subqueries, and the browser must
    rank the same way, so both sides remove them explicitly."""
    seen, out = set(), []
    for group in groups:
        key = tuple(sorted(group))
        if key not in seen:
            seen.add(key)
            out.append(group)
    return out


def build_query(groups: list[list[str]]) -> wq.Query:
    """whoosh query for sections holding any query word: each index term of the query in every
    field, weighted by FIELD_BOOSTS."""
    # Each index term once, as the browser sums them: a term shared by two word groups (a word
    # typed twice, once completed as the last word) would otherwise be scored twice.
    return wq.Or([wq.Term(name, term, boost=boost) for term in distinct_terms(groups)
                  for name, boost in FIELD_BOOSTS.items()])


def distinct_terms(groups) -> dict[str, list[int]]:
    """Each index term of the query once (whoosh merges repeated terms of an Or query), with
    the query words (group numbers) it stands for."""
    terms: dict[str, list[int]] = {}
    for number, alternatives in enumerate(groups):
        for term in alternatives:
            if number not in terms.setdefault(term, []):
                terms[term].append(number)
    return terms


def page_scores(reader, groups, pages: Pages) -> tuple[dict[int, float], dict[int, int]]:
    """BM25F of every page holding a query word, times the coordination and proximity factors
    and the page's prior; and how many query words each page holds. Summed in the browser's
    order (term, field, posting)."""
    page_count = len(pages.pages)
    scores: dict[int, float] = {}
    words: dict[int, set] = {}
    section_words: dict[int, set] = {}
    for term, numbers in distinct_terms(groups).items():
        for at, field in enumerate(FIELD_BOOSTS):
            if (field, term) not in reader:
                continue
            frequencies: dict[int, float] = {}
            once = field in PAGE_FIELDS_ONCE
            for docnum, weight in reader.postings(field, term).items_as("weight"):
                page = pages.of(docnum)
                section_words.setdefault(docnum, set()).update(numbers)
                frequencies[page] = max(frequencies.get(page, 0), weight) if once else frequencies.get(page, 0) + weight
            idf = math.log(page_count / (len(frequencies) + 1)) + 1
            for page, tf in frequencies.items():
                scores[page] = scores.get(page, 0.0) + FIELD_BOOSTS[field] * bm25(
                    idf, tf, pages.length(page, at), pages.avg_lengths[at], BM25_B, BM25_K1)
                words.setdefault(page, set()).update(numbers)
    matched = {page: len(found) for page, found in words.items()}
    together: dict[int, int] = {}
    for docnum, found in section_words.items():
        page = pages.of(docnum)
        together[page] = max(together.get(page, 0), len(found))
    for page in scores:
        scores[page] *= ((matched[page] / len(groups)) ** COORD_POWER
                         * (together[page] / len(groups)) ** SECTION_COORD_POWER * pages.priors[page])
    return scores, matched


def rank(searcher, groups, pages: Pages) -> tuple[list[tuple[int, float]], bool, float]:
    """All (docnum, section score) pairs of sections holding a query word, pages best first,
    each page's sections best first; `partial` when no page holds every word; `coverage`, the
    share of the query's words the page holding most of them holds (1.0 unless partial).

    Scores are rounded before ordering so that float summation order (whoosh sums a binary
    tree of matchers, the browser sums sequentially) cannot reorder ties."""
    page_score, matched = page_scores(searcher.reader(), groups, pages)
    results = searcher.search(build_query(groups), limit=None)
    scored = sorted(((hit.docnum, hit.score) for hit in results),
                    key=lambda pair: (-round(page_score[pages.of(pair[0])], 9), pages.of(pair[0]),
                                      -round(pair[1], 9), pair[0]))
    most = max(matched.values(), default=0)
    partial = bool(scored) and len(groups) > 1 and most < len(groups)
    coverage = round(most / len(groups), 9) if scored else 0.0
    return scored, partial, coverage
