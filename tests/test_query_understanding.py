"""How the search reads a practitioner's query and ranks the answer (issue: search that finds the
right page for how practitioners ask): question words and fillers, spoken Persian endings, search
as you type, the curated vocabulary field and the page-kind prior. The browser replays each rule;
tests/test_browser_parity.py compares the two sides query by query."""
from pathlib import Path

from atlas.model import load_atlas
from atlas.render import render_page
from indexer.index import write_indexes
from indexer.query import PrefixCompleter, query_groups
from indexer.search import search
from indexer.sections import Section, split_sections


def test_question_words_are_dropped_when_the_query_names_a_topic():
    lexicon = {"why": ["why"], "data": ["data"], "quality": ["qualiti"]}
    assert query_groups("en", "why is data quality poor", lexicon) == [["data"], ["qualiti"], ["poor"]]


def test_a_query_made_only_of_question_words_is_searched_as_typed():
    assert query_groups("en", "why how", {}) == [["whi"], ["how"]]


def test_chinese_question_words_inside_an_unspaced_run_are_dropped():
    lexicon = {"为什么": ["为什么"], "数据": ["数据"], "质量": ["质量"]}
    assert query_groups("zh", "为什么数据质量", lexicon) == [["数据"], ["质量"]]


def test_a_hebrew_question_word_with_a_prefix_is_a_filler_too():
    lexicon = {"נתונימ": ["נתונימ"]}
    assert query_groups("he", "ולמה נתונים", lexicon) == [["נתונימ"]]


def test_hebrew_intensifiers_and_hedges_frame_a_question_but_symptom_words_stay():
    lexicon = {"עולה": ["עולה"], "רק": ["רק"], "מנהלימ": ["מנהלימ"]}
    assert query_groups("he", "כמה באמת עולה", lexicon) == [["עולה"]]
    assert query_groups("he", "בעצם רק המנהלים", lexicon) == [["רק"], ["המנהלימ", "מנהלימ"]]


def test_a_latin_question_word_on_a_persian_page_follows_the_english_list():
    assert query_groups("fa", "why داده", {"داده": ["داده"]}) == [["داده"]]


def test_a_spoken_persian_verb_ending_finds_the_written_form():
    lexicon = {"میکنند": ["کرد"]}
    assert query_groups("fa", "مقاومت میکنن", {**lexicon, "مقاومت": ["مقاومت"]}) == [["مقاومت"], ["کرد"]]


def test_typing_completes_an_unknown_last_word_from_the_pages():
    lexicon = {"integration": ["integr"], "integrations": ["integr"], "data": ["data"]}
    # The word as typed (its stem), then the terms of the words it begins.
    assert query_groups("en", "data integrat", lexicon, complete=PrefixCompleter(lexicon)) == [
        ["data"], ["integrat", "integr"]]


def test_typing_leaves_a_known_last_word_as_it_is():
    lexicon = {"data": ["data"], "database": ["databas"], "quality": ["qualiti"]}
    typed = query_groups("en", "quality data", lexicon, complete=PrefixCompleter(lexicon))
    assert typed == query_groups("en", "quality data", lexicon) == [["qualiti"], ["data"]]


def test_the_vocabulary_line_is_indexed_as_its_own_field_without_its_label():
    html = ('<h2 id="summary">Summary</h2><p>Prose.</p><p class="atlas-aka" data-search-field="terms">'
            '<span data-search-skip>Also known as:</span> <bdi>dirty data</bdi> · <bdi>duplicates</bdi></p>')
    [section] = split_sections(html, lang="en", page="factors/data-quality", url="en/factors/data-quality/",
                               kind="topic")
    assert section.text == "Prose."
    assert section.terms == "dirty data · duplicates"
    assert section.kind == "topic"


def section(page: str, text: str, kind: str = "", terms: str = "") -> Section:
    return Section(lang="en", page=page, url=f"en/{page}/#a", anchor="a", page_title=page.title(),
                   section_title="Part", text=text, terms=terms, kind=kind)


def test_a_reference_page_yields_to_a_topic_page_with_the_same_words(tmp_path):
    text = "Duplicate records spoil the customer view."
    write_indexes({"en": [section("checklist", text, kind="reference"), section("factor", text, kind="topic")]},
                  tmp_path / "index", source_hash="test")
    assert [hit.page for hit in search(tmp_path / "index", "duplicate records", lang="en").hits] == ["factor", "checklist"]


def test_a_practitioners_term_finds_the_page_whose_prose_never_uses_it(tmp_path):
    write_indexes({"en": [section("adoption", "Users ignore the system.", terms="shelfware · ghost town"),
                          section("other", "The system is slow for users.")]},
                  tmp_path / "index", source_hash="test")
    assert search(tmp_path / "index", "shelfware", lang="en").hits[0].page == "adoption"


def test_every_factor_page_shows_its_terms_under_the_summary_in_every_language():
    atlas = load_atlas()
    for lang in atlas.languages:
        table = atlas.terminology[lang]
        for factor in atlas.factors.values():
            entry = table.factors.get(factor.id) or {}
            assert len(entry.get("terms", [])) + len(entry.get("phrases", [])) >= 8, (lang, factor.id)
            page = Path("docs") / lang / "factors" / f"{factor.id}.md"
            rendered = render_page(atlas, lang, f"factors/{factor.id}.md", page.read_text(encoding="utf-8"))
            summary = rendered[rendered.index("{#summary}"):rendered.index("{#why-it-happens}")]
            assert 'data-search-field="terms"' in summary, (lang, factor.id)
            assert table.labels["terms"] in summary


def test_glossary_entries_show_their_variants():
    atlas = load_atlas()
    rendered = render_page(atlas, "en", "glossary.md", Path("docs/en/glossary.md").read_text(encoding="utf-8"))
    after_roi = rendered[rendered.index("{#roi}"):]
    assert after_roi.split("\n\n")[1].startswith('<p class="atlas-aka" data-search-field="terms">')


def test_a_spoken_persian_possessive_finds_the_bare_word():
    lexicon = {"استراتژی": ["استراتژی"]}
    assert query_groups("fa", "استراتژیمون", lexicon) == [["استراتژی"]]


def test_persian_colloquial_function_words_do_not_steer_the_query():
    lexicon = {"استراتژی": ["استراتژی"], "یه": ["یه"]}
    assert query_groups("fa", "یه استراتژی", lexicon) == [["استراتژی"]]


def test_a_stemmed_term_highlights_the_word_as_written():
    from indexer.snippets import make_snippet
    snippet, highlights = make_snippet("en", "Poor data quality spoils every report.", ["qualiti"])
    assert [snippet[s:e] for s, e in highlights] == ["quality"]
    snippet, highlights = make_snippet("ru", "Проблемы интеграции с 1С.", ["интеграц"])
    assert [snippet[s:e] for s, e in highlights] == ["интеграции"]
