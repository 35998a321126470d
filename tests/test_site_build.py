"""The real `mkdocs build --strict` output: every language at /<lang>/, RTL where needed,
a switcher that stays on the same page, and nothing loaded from outside the site."""
import re

import pytest

from atlas.model import load_atlas

from .conftest import LANGUAGES

# Anything the browser would fetch: scripts, images, frames, and <link>s other than the
# canonical/alternate URLs (those are metadata, never loaded).
EXTERNAL = re.compile(r"""<(?:script|img|iframe|source)\b[^>]*\bsrc=["'](?:https?:)?//"""
                      r"""|<link\b(?![^>]*\brel=["'](?:canonical|alternate)["'])[^>]*\bhref=["'](?:https?:)?//""", re.I)


def page_html(site, lang, path):
    return (site / lang / path / "index.html").read_text(encoding="utf-8")


def test_every_inventory_page_is_built_at_the_same_path_in_every_language(built_site):
    for page in load_atlas().pages:
        path = page[:-len(".md")]
        path = path[:-len("index")] if path.endswith("index") else path + "/"
        for lang in LANGUAGES:
            assert (built_site / lang / path / "index.html").is_file(), f"/{lang}/{path}"


@pytest.mark.parametrize("lang,direction", [("en", "ltr"), ("zh", "ltr"), ("ru", "ltr"), ("fa", "rtl"), ("he", "rtl")])
def test_document_language_and_direction(built_site, lang, direction):
    html = page_html(built_site, lang, "factors/data-quality")
    assert f'<html lang="{lang}"' in html
    assert re.search(rf'<body dir="{direction}"', html)


def test_language_switcher_points_to_the_same_page(built_site):
    html = page_html(built_site, "fa", "factors/integration")
    links = re.findall(r'<a href="([^"]+)" hreflang="([a-z]+)" class="md-select__link"', html)
    assert dict((lang, href) for href, lang in links) == {
        "en": "../../../en/factors/integration/", "zh": "../../../zh/factors/integration/",
        "ru": "../../../ru/factors/integration/", "fa": "./", "he": "../../../he/factors/integration/"}


def test_factor_sections_have_the_same_anchors_in_every_language(built_site):
    for lang in LANGUAGES:
        html = page_html(built_site, lang, "factors/change-management")
        for anchor in load_atlas().factor_sections:
            assert f'id="{anchor}"' in html, (lang, anchor)


def test_related_factors_are_rendered_from_the_graph(built_site):
    atlas = load_atlas()
    factor = atlas.factors["data-quality"]
    for lang in LANGUAGES:
        html = page_html(built_site, lang, "factors/data-quality")
        related = html.split('id="related"', 1)[1].split('id="sources"', 1)[0]
        assert re.findall(r'href="\.\./([a-z-]+)/"', related) == list(factor.related), lang


def test_no_page_loads_anything_from_outside_the_site(built_site):
    offenders = [str(p.relative_to(built_site)) for p in built_site.rglob("*.html")
                 if EXTERNAL.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_site_root_leads_to_the_default_language_and_404_exists(built_site):
    assert 'url=en/' in (built_site / "index.html").read_text(encoding="utf-8")
    assert (built_site / "404.html").is_file()
