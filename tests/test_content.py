"""The content checks pass on the real pages and catch each kind of breakage, naming the file."""
import shutil
from pathlib import Path

import pytest

from atlas.check import check_docs, main as check_main
from atlas.model import load_atlas

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


@pytest.fixture
def docs_copy(tmp_path):
    target = tmp_path / "docs"
    shutil.copytree(DOCS, target)
    return target


def problems_in(docs):
    return [str(p) for p in check_docs(docs)]


def test_real_pages_have_no_content_problems():
    assert problems_in(DOCS) == []


def test_every_language_has_the_same_pages():
    atlas = load_atlas()
    pages = {lang: sorted(p.relative_to(DOCS / lang).as_posix() for p in (DOCS / lang).rglob("*.md"))
             for lang in atlas.languages}
    assert all(listing == pages["en"] for listing in pages.values())
    assert len(pages["en"]) == len(atlas.pages)


def test_every_factor_in_the_graph_has_a_page_in_every_language():
    atlas = load_atlas()
    for lang in atlas.languages:
        for fid in atlas.factors:
            assert (DOCS / lang / "factors" / f"{fid}.md").is_file(), f"docs/{lang}/factors/{fid}.md"


def test_missing_translation_is_reported_with_its_file(docs_copy):
    (docs_copy / "he" / "factors" / "training.md").unlink()
    assert any(p.startswith("docs/he/factors/training.md: missing translation") for p in problems_in(docs_copy))


def test_dangling_link_is_reported_with_its_file(docs_copy):
    page = docs_copy / "ru" / "statistics.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[broken](factors/no-such-factor.md)\n", encoding="utf-8")
    assert any(p.startswith("docs/ru/statistics.md: link 'factors/no-such-factor.md' points to no page")
               for p in problems_in(docs_copy))


def test_link_to_a_missing_section_is_reported(docs_copy):
    page = docs_copy / "en" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[x](factors/training.md#no-such-anchor)\n", encoding="utf-8")
    assert any("docs/en/index.md: link 'factors/training.md#no-such-anchor' points to no section" in p
               for p in problems_in(docs_copy))


def test_unknown_source_id_is_reported_with_its_file(docs_copy):
    page = docs_copy / "zh" / "factors" / "integration.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n见 [@zh-made-up-2099]。\n", encoding="utf-8")
    assert any(p.startswith("docs/zh/factors/integration.md: citation [@zh-made-up-2099]")
               for p in problems_in(docs_copy))


def test_renamed_section_anchor_is_reported(docs_copy):
    page = docs_copy / "fa" / "factors" / "data-quality.md"
    page.write_text(page.read_text(encoding="utf-8").replace("{#warning-signs}", "{#signs}"), encoding="utf-8")
    assert any(p.startswith("docs/fa/factors/data-quality.md: section anchors") for p in problems_in(docs_copy))


def test_factor_page_without_the_rendered_graph_is_reported(docs_copy):
    page = docs_copy / "en" / "factors" / "training.md"
    page.write_text(page.read_text(encoding="utf-8").replace("<!-- atlas:related -->", ""), encoding="utf-8")
    assert any("docs/en/factors/training.md: factor page lacks <!-- atlas:related -->" in p
               for p in problems_in(docs_copy))


def test_arabic_letters_in_persian_pages_are_reported(docs_copy):
    page = docs_copy / "fa" / "glossary.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nمشتري\n", encoding="utf-8")
    assert any(p.startswith("docs/fa/glossary.md: Arabic letters") for p in problems_in(docs_copy))


def test_check_command_prints_the_offending_file_and_fails(docs_copy, capsys):
    (docs_copy / "ru" / "about.md").unlink()
    assert check_main([str(docs_copy)]) == 1
    assert "docs/ru/about.md: missing translation" in capsys.readouterr().err


def test_related_factor_graph_is_symmetric_and_the_same_in_every_language():
    atlas = load_atlas()
    for factor in atlas.factors.values():
        for other in factor.related:
            assert factor.id in atlas.factors[other].related, (factor.id, other)


@pytest.mark.parametrize("lang,separator", [("fa", "، "), ("en", ", "), ("he", ", ")])
def test_citation_lists_use_the_languages_own_separator(lang, separator):
    from atlas.render import render_page
    rendered = render_page(load_atlas(), lang, "statistics.md", "x [@he-navarro-10; @zh-amt-2005]")
    assert "{dir=ltr .cite}" + separator + "[zh-amt-2005]" in rendered
