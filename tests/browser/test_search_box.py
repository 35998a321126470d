"""The search box of the real site in Chromium: Enter opens the first result of the query as
typed, however fast it was typed and submitted; a query that finds nothing offers the command
line's "did you mean"; the page a result opens marks the searched words by the snippets' rule
and shows the first of them, in every language."""
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from indexer.analyzers import get_analyzer
from indexer.search import search
from indexer.snippets import highlight_spans

ROOT = Path(__file__).resolve().parents[2]
INDEX = ROOT / "build" / "search-index"   # written by the site build (built_site)

# (reader language, query as a reader types it, page the query finds first)
FIRST_RESULTS = [
    ("en", "data quality", "factors/data-quality"),
    ("en", "integrating ERP", "factors/integration"),
    ("zh", "数据质量", "factors/data-quality"),
    ("ru", "сопротивление изменениям", "factors/change-management"),
    ("fa", "دادهها", "factors/data-quality"),
    ("he", "באיכות הנתונים", "factors/data-quality"),   # prefixes ב and ה
]

# (reader language, misspelled query, the suggestion as shown: in the pages' own spelling)
MISSPELLED = [
    ("en", "Intgration qualty", "integration quality"),
    ("zh", "intgration", "integration"),                 # a Latin query on a Chinese page
    ("ru", "интерация", "интеграция"),
    ("fa", "یکپارچهسزی", "یکپارچه\u200cسازی"),         # shown with its ZWNJ
    ("he", "הנתנים", "הנתונים"),                         # shown with its final letter
]

LIST_ITEMS = "[data-atlas-list] > li"
MARKS = "mark[data-atlas-highlight]"

# Every run of text in the page's article, with the [start, end] offsets of the marks in it: a
# run is a text node as the page had it, now split into text and the marks put in it.
MARKED_RUNS_JS = """() => {
  const skipped = 'script, style, pre, textarea, select, button, svg, .headerlink';
  const runs = [];
  for (const parent of [document.querySelector('.md-content article'),
                        ...document.querySelectorAll('.md-content article *')]) {
    if (parent.closest(skipped) || parent.matches('mark')) continue;
    let run = null;
    for (const node of parent.childNodes) {
      const marked = node.nodeType === 1 && node.matches('mark[data-atlas-highlight]');
      if (node.nodeType !== 3 && !marked) { run = null; continue; }
      if (!run) { run = { text: '', spans: [] }; runs.push(run); }
      if (marked) run.spans.push([run.text.length, run.text.length + node.textContent.length]);
      run.text += node.textContent;
    }
  }
  return runs.filter(run => run.text.trim());
}"""

# Whether the first mark (after_anchor: the first in or after the address's #section) is in
# view, below the header, once the page has loaded.
MARK_IN_VIEW_JS = """(afterAnchor) => {
  const marks = [...document.querySelectorAll('mark[data-atlas-highlight]')];
  const anchor = afterAnchor && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  const mark = anchor ? marks.find(m => anchor.contains(m) || anchor.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING)
                      : marks[0];
  if (!mark || document.readyState !== 'complete') return false;
  const box = mark.getBoundingClientRect(), header = document.querySelector('.md-header').getBoundingClientRect();
  return box.top >= header.bottom && box.bottom <= window.innerHeight;
}"""


def open_search(page, site_url, lang):
    page.goto(f"{site_url}{lang}/")
    box = page.locator("[data-atlas-search] input[name=q]")
    box.click()
    return box


def path_and_highlight(url: str) -> tuple[str, list]:
    parts = urlsplit(url)
    return parts.path, parse_qs(parts.query).get("h", [])


@pytest.mark.parametrize("lang,query,expected", FIRST_RESULTS)
def test_enter_typed_in_one_go_with_the_query_opens_its_first_result(page, site_url, lang, query, expected):
    open_search(page, site_url, lang)
    page.keyboard.type(query)           # no delay: faster than the box searches as you type
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{lang}/{expected}/?h=*")
    assert path_and_highlight(page.url) == (f"/{lang}/{expected}/", [query])
    assert page.outside_requests == []


def test_enter_before_any_index_file_has_arrived_still_opens_the_first_result(page, site_url):
    page.goto(f"{site_url}he/")
    held = []   # every index file waits until Enter has been pressed
    page.route("**/search/**", lambda route: held.append(route) if held is not None else route.continue_())
    page.locator("[data-atlas-search] input[name=q]").click()
    page.keyboard.type("באיכות הנתונים")
    page.keyboard.press("Enter")
    assert page.locator(LIST_ITEMS).count() == 0
    waiting, held = held, None
    assert waiting, "the box asked for no index file"
    for route in waiting:
        route.continue_()
    page.wait_for_url("**/he/factors/data-quality/?h=*")


def test_enter_opens_the_query_as_typed_not_the_results_shown_for_its_beginning(page, site_url):
    open_search(page, site_url, "en")
    page.keyboard.type("training")
    page.wait_for_function("""() => { const a = document.querySelector('[data-atlas-list] a');
                                      return a && a.href.endsWith('/en/factors/training/'); }""")
    page.keyboard.type(" budget")      # and Enter at once: the results on show are "training"'s
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/factors/budget-hidden-costs/?h=*")
    assert path_and_highlight(page.url)[1] == ["training budget"]


@pytest.mark.parametrize("lang,typo,shown", MISSPELLED)
def test_a_query_that_finds_nothing_offers_the_command_lines_suggestion(page, site_url, screenshots, lang, typo, shown):
    query_lang = "en" if typo.isascii() else lang
    cli = search(INDEX, typo, lang=query_lang, prefix=True)
    assert cli.hits == [] and cli.suggestion, (typo, cli.suggestion)
    fold = get_analyzer(query_lang).fold
    assert [fold(word) for word in shown.split(" ")] == cli.suggestion.split(" ")

    box = open_search(page, site_url, lang)
    box.fill(typo)
    suggestion = page.locator("[data-atlas-did-you-mean] a")
    suggestion.wait_for()
    assert page.locator(LIST_ITEMS).count() == 0
    assert suggestion.text_content() == shown
    if lang in ("he", "zh"):
        page.screenshot(path=str(screenshots / f"did-you-mean-{lang}.png"), clip={"x": 0, "y": 0, "width": 1280, "height": 200})
    suggestion.click()
    page.locator(LIST_ITEMS).first.wait_for()
    assert box.input_value() == shown
    assert page.locator("[data-atlas-did-you-mean]").is_hidden()


@pytest.mark.parametrize("lang,query,expected", FIRST_RESULTS)
def test_the_opened_page_marks_the_searched_words_by_the_snippets_rule(page, site_url, screenshots, lang, query, expected):
    open_search(page, site_url, lang)
    page.keyboard.type(query)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{lang}/{expected}/?h=*")
    page.wait_for_function(MARK_IN_VIEW_JS, arg=False)
    terms = search(INDEX, query, lang=lang, prefix=True).terms
    runs = page.evaluate(MARKED_RUNS_JS)
    assert sum(len(run["spans"]) for run in runs) >= 3
    wrong = [(run["text"][:80], run["spans"], spans) for run in runs
             if run["spans"] != (spans := [list(span) for span in highlight_spans(lang, run["text"], terms)])]
    assert wrong == []
    if lang in ("he", "zh"):
        page.screenshot(path=str(screenshots / f"highlight-{lang}.png"))


@pytest.mark.parametrize("lang", ["en", "zh", "ru", "fa", "he"])
def test_the_opened_page_scrolls_to_the_first_marked_word(page, site_url, lang):
    # The glossaries name the English term "warehouse" far down the page only.
    page.goto(f"{site_url}{lang}/glossary/?h=warehouse")
    page.wait_for_function(MARK_IN_VIEW_JS, arg=False)
    assert page.evaluate("window.scrollY") > 0


def test_a_section_result_opens_its_section_with_the_words_marked(page, site_url):
    box = open_search(page, site_url, "fa")
    box.fill("داده‌های تکراری")
    section = page.locator("[data-atlas-list] > li").first.locator("a.md-search-result__link").nth(1)
    href = section.get_attribute("href")
    assert "#" in href and "?" not in href   # the address a result shows is the page's own
    section.click()
    page.wait_for_url("**/fa/factors/**?h=*#*")
    assert urlsplit(page.url).fragment == urlsplit(href).fragment
    assert path_and_highlight(page.url)[1] == ["داده‌های تکراری"]
    page.wait_for_function(MARK_IN_VIEW_JS, arg=True)
