"""Pages are cut into anchored sections; page chrome is not content."""
from indexer.sections import split_sections

ARTICLE = """
<h1 id="t">Poor data quality<a class="headerlink" href="#t">#</a></h1>
<p>Intro text.</p>
<h2 id="summary">Summary<a class="headerlink" href="#summary" title="Link">#</a></h2>
<p>Data is <strong>dirty</strong>.</p><ul><li>one</li><li>two</li></ul>
<h2 id="evidence">Evidence<a class="headerlink" href="#evidence">#</a></h2>
<script>var x = 1;</script><p>IDC: under 10%.</p>
"""


def test_page_is_split_at_headings_with_anchored_urls():
    sections = split_sections(ARTICLE, lang="en", page="factors/data-quality", url="en/factors/data-quality/")
    assert [s.url for s in sections] == ["en/factors/data-quality/", "en/factors/data-quality/#summary",
                                         "en/factors/data-quality/#evidence"]
    assert [s.section_title for s in sections] == ["Poor data quality", "Summary", "Evidence"]
    assert all(s.page_title == "Poor data quality" for s in sections)


def test_permalink_markers_and_scripts_are_not_content():
    sections = split_sections(ARTICLE, lang="en", page="p", url="en/p/")
    assert "#" not in sections[1].section_title
    assert "var x" not in sections[2].text
    assert sections[1].text == "Data is dirty.\none\ntwo"
