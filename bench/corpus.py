"""Synthetic knowledge bases grown from the real pages, for scale measurements.

Sections are rebuilt from sentences of the real sections of the same language, shuffled with
a fixed seed and lightly varied (sentence order, sentence choice, a numbered variant tag in
titles) so that a larger corpus is not the same text repeated: document frequencies, field
lengths and the vocabulary all change with scale, as they would in a real knowledge base.
"""
from __future__ import annotations

import random
import re
from dataclasses import replace

from indexer.index import open_language_index
from indexer.sections import Section

SENTENCE_END = re.compile(r"(?<=[.!?。！？؟])\s*|\n+")


def sections_from_index(index_dir, lang: str) -> list[Section]:
    """The sections an existing index was built from (its stored fields)."""
    ix = open_language_index(index_dir, lang)
    with ix.searcher() as searcher:
        stored = sorted(searcher.all_stored_fields(), key=lambda d: d["url"])
    ix.close()
    return [Section(lang=lang, page=d["page"], url=d["url"], anchor=d.get("anchor", ""),
                    page_title=d["page_title"], section_title=d["section_title"], text=d["body"])
            for d in stored]


def synthetic_sections(real: list[Section], count: int, seed: int = 7) -> list[Section]:
    """`count` sections made from the sentences of `real` (same language)."""
    rng = random.Random(seed)
    sentences = [s for section in real for s in SENTENCE_END.split(section.text) if len(s) > 12]
    out = []
    for number in range(count):
        base = real[number % len(real)]
        body = " ".join(rng.sample(sentences, k=min(len(sentences), rng.randint(3, 9))))
        variant = number // len(real)
        out.append(replace(base, url=f"{base.url.split('#')[0]}v{variant}/#{base.anchor or 'top'}",
                           page=f"{base.page}v{variant}", section_title=f"{base.section_title} {variant}",
                           text=body))
    return out
