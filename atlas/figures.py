"""Pictures drawn at build time from the data files, as inline SVG in the page's language.

`<!-- atlas:figure NAME -->` (expanded by atlas/render.py) becomes a <figure> holding an inline
<svg role="img"> with a <title> and <desc> (its text alternative) and a visible <figcaption>:

  matrix       factor x source coverage (factors.yml `sources`)
  statistics   the figures of the statistics page (statistics.yml)
  hype-cycle   Gartner's hype-cycle curve with the phases the sources describe for CRM
  factor-map   the factors by theme, with an arc for every pair of related factors

Every label comes from the data files in the page language (words in atlas/data/figures.yml);
right-to-left languages get the mirror image of the left-to-right drawing, with their own
digits. No script is needed to show them: colours are CSS classes (figures.css) with
presentation attributes as the fallback.
"""
from __future__ import annotations

import html
import math
import posixpath
import re
from dataclasses import dataclass, field

from indexer.languages import language

from .model import _read, data_cache

NAMES = ("matrix", "statistics", "hype-cycle", "factor-map")


def is_rtl(lang: str) -> bool:
    """Whether `lang` is written right to left (its declaration, indexer/data/languages/)."""
    return language(lang).rtl
LRI, PDI = "\u2066", "\u2069"
MINUS = "\u2212"


class FigureError(ValueError):
    """A figure name or a figure's data is unknown or inconsistent."""


# --- data -------------------------------------------------------------------------------------

@data_cache
def load_words() -> dict:
    return _read("figures.yml")


@data_cache
def load_statistics() -> dict:
    return _read("statistics.yml")


def check_data(atlas) -> list[str]:
    """Problems in figures.yml and statistics.yml against the atlas (empty: consistent)."""
    problems = []
    words, stats = load_words(), load_statistics()

    def every_language(where, mapping):
        if not isinstance(mapping, dict):
            problems.append(f"{where}: expected one entry per language")
            return
        missing = [lang for lang in atlas.languages if mapping.get(lang) in (None, "", [])]
        if missing:
            problems.append(f"{where}: missing {', '.join(missing)}")

    every_language("atlas/data/figures.yml numbers", words.get("numbers"))
    for name in NAMES:
        block = words.get(name)
        if not isinstance(block, dict):
            problems.append(f"atlas/data/figures.yml: no words for figure '{name}'")
            continue
        for key, mapping in block.items():
            every_language(f"atlas/data/figures.yml {name}.{key}", mapping)
    groups = stats.get("groups", {})
    for gid, titles in groups.items():
        every_language(f"atlas/data/statistics.yml group '{gid}'", titles)
    anchors = atlas.pages.get("statistics.md", ())
    for entry in stats.get("figures", []):
        where = f"atlas/data/statistics.yml figure '{entry.get('id')}'"
        if entry.get("group") not in groups:
            problems.append(f"{where}: unknown group '{entry.get('group')}'")
        if entry.get("section") not in anchors:
            problems.append(f"{where}: section '{entry.get('section')}' is not an anchor of statistics.md")
        if entry.get("unit") not in ("percent", "change", "rank"):
            problems.append(f"{where}: unit must be percent, change or rank")
        if not entry.get("sources"):
            problems.append(f"{where}: names no source")
        for sid in entry.get("sources", []):
            if sid not in atlas.sources:
                problems.append(f"{where}: unknown source '{sid}'")
        every_language(f"{where} label", entry.get("label"))
        if entry.get("unit") == "rank":
            every_language(f"{where} value_label", entry.get("value_label"))
        if isinstance(entry.get("measured_by"), dict):
            every_language(f"{where} measured_by", entry["measured_by"])
    return problems


# --- text: numbers, widths, wrapping ------------------------------------------------------------

def digits(lang: str, text) -> str:
    return language(lang).local_number(str(text))


def number(lang: str, value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return digits(lang, value)


def isolate(lang: str, text: str) -> str:
    """Keep a left-to-right run (a signed number, a list of source ids) whole in RTL text."""
    return f"{LRI}{text}{PDI}" if is_rtl(lang) else text


def char_width(ch: str) -> float:
    o = ord(ch)
    if 0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFF60 or 0x3000 <= o <= 0x303F:
        return 1.0
    if 0x200B <= o <= 0x200F or 0x2066 <= o <= 0x2069:
        return 0.0
    if ch in " \u00a0\u202f":
        return 0.28
    if 0x0590 <= o <= 0x05FF:
        return 0.56
    if 0x0600 <= o <= 0x06FF or 0xFB50 <= o <= 0xFEFF:
        return 0.5
    if 0x0400 <= o <= 0x04FF:
        return 0.62 if ch.isupper() else 0.56
    if ch in "il.,:;'|!()[]·":
        return 0.3
    if ch.isupper() or ch in "mwMW%&":
        return 0.7
    return 0.56


def text_width(text: str, size: float) -> float:
    return sum(char_width(ch) for ch in text) * size


TOKEN = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uff60][，。、；：？！）」”]?|[^\s\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uff60]+\s*|\s+")


def wrap(text: str, width: float, size: float, max_lines: int = 3) -> list[str]:
    """Greedy line breaking by estimated width: at spaces, or between Han characters."""
    lines, current = [], ""
    for token in TOKEN.findall(text):
        candidate = current + token
        if current and text_width(candidate.rstrip(), size) > width:
            lines.append(current.rstrip())
            current = token.lstrip()
        else:
            current = candidate
    if current.strip():
        lines.append(current.rstrip())
    if len(lines) > max_lines:
        lines = lines[:max_lines - 1] + [" ".join(lines[max_lines - 1:])]
    return lines or [""]


def esc(text) -> str:
    return html.escape(str(text), quote=True)


def fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


# --- drawing ----------------------------------------------------------------------------------

@dataclass
class Canvas:
    """Shapes in logical coordinates (x grows from the reading start); mirrored for RTL."""
    width: float
    rtl: bool
    parts: list = field(default_factory=list)

    def x(self, x: float) -> float:
        return self.width - x if self.rtl else x

    def add(self, markup: str) -> None:
        self.parts.append(markup)

    def text(self, x, y, content, *, size=13, cls="af-ink", anchor="start", weight=None,
             rotate=None, ltr=False):
        """`anchor` is logical: start = the text runs towards the reading end from x.
        `ltr`: the content is a left-to-right run (Latin ids, numbers) even on an RTL page."""
        px = self.x(x)
        attrs = [f'x="{fmt(px)}"', f'y="{fmt(y)}"', f'font-size="{fmt(size)}"', f'class="{cls}"']
        if self.rtl and ltr:
            attrs.append('direction="ltr"')
            anchor = {"start": "end", "end": "start"}.get(anchor, anchor)
        if anchor != "start":
            attrs.append(f'text-anchor="{anchor}"')
        if weight:
            attrs.append(f'font-weight="{weight}"')
        if rotate:
            angle = -rotate if self.rtl else rotate
            attrs.append(f'transform="rotate({fmt(angle)} {fmt(px)} {fmt(y)})"')
        self.add(f"<text {' '.join(attrs)}>{esc(content)}</text>")

    def lines(self, x, y, lines, *, size=13, leading=1.3, **kw) -> float:
        for i, line in enumerate(lines):
            self.text(x, y + i * size * leading, line, size=size, **kw)
        return len(lines) * size * leading

    def rect(self, x, y, w, h, cls, extra=""):
        px = self.x(x + w) if self.rtl else x
        self.add(f'<rect x="{fmt(px)}" y="{fmt(y)}" width="{fmt(w)}" height="{fmt(h)}" class="{cls}"{extra}/>')

    def circle(self, x, y, r, cls):
        self.add(f'<circle cx="{fmt(self.x(x))}" cy="{fmt(y)}" r="{fmt(r)}" class="{cls}"/>')

    def line(self, x1, y1, x2, y2, cls):
        self.add(f'<line x1="{fmt(self.x(x1))}" y1="{fmt(y1)}" x2="{fmt(self.x(x2))}" y2="{fmt(y2)}" class="{cls}"/>')

    def path(self, commands, cls):
        """commands: ("M"|"L", x, y) or ("A", r, x, y, sweep) with logical x."""
        out = []
        for cmd in commands:
            if cmd[0] in "ML":
                out.append(f"{cmd[0]}{fmt(self.x(cmd[1]))} {fmt(cmd[2])}")
            elif cmd[0] == "A":
                _, r, x, y, sweep = cmd
                out.append(f"A{fmt(r)} {fmt(r)} 0 0 {1 - sweep if self.rtl else sweep} {fmt(self.x(x))} {fmt(y)}")
        self.add(f'<path d="{" ".join(out)}" class="{cls}"/>')


# Colours: presentation defaults; figures.css restyles them for the dark scheme and print.
STYLE_DEFAULTS = {
    "af-ink": 'fill="#1f1f1f"', "af-muted": 'fill="#5c5c5c"', "af-on-accent": 'fill="#ffffff"',
    "af-grid": 'stroke="#d0d0d0" fill="none"', "af-axis": 'stroke="#5c5c5c" fill="none"',
    "af-zebra": 'fill="#f4f5f9"', "af-dot": 'fill="#3949ab"', "af-empty": 'fill="#b0b0b0"',
    "af-bar": 'fill="#3949ab"', "af-bar-range": 'fill="#9fa8da"',
    "af-bar-forecast": 'fill="none" stroke="#3949ab" stroke-dasharray="4 3"',
    "af-bar-change": 'fill="#2e7d32"', "af-rank": 'fill="#c5cae9"', "af-rank-hit": 'fill="#c62828"',
    "af-curve": 'stroke="#8a8a8a" fill="none"', "af-curve-hi": 'stroke="#3949ab" fill="none"',
    "af-phase": 'stroke="#c8c8c8" fill="none" stroke-dasharray="3 4"',
    "af-mark": 'fill="#3949ab"', "af-band": 'stroke="#3949ab" fill="none"',
    "af-arc": 'stroke="#3949ab" fill="none"', "af-arc-cross": 'stroke="#757575" fill="none" stroke-dasharray="5 3"',
}
for _i, _colour in enumerate(["#3949ab", "#00796b", "#ad1457", "#e65100", "#6a1b9a", "#2e7d32"]):
    STYLE_DEFAULTS[f"af-t{_i}"] = f'fill="{_colour}"'


def svg(canvas: Canvas, height: float, name: str, lang: str, title: str, desc: str) -> str:
    ident = f"atlas-figure-{name}"
    body = "".join(canvas.parts)

    def defaults(match):
        classes = match.group(1).split()
        extra = " ".join(STYLE_DEFAULTS[c] for c in classes if c in STYLE_DEFAULTS)
        return f'class="{match.group(1)}" {extra}' if extra else match.group(0)

    body = re.sub(r'class="([^"]+)"', defaults, body)
    direction = ' direction="rtl"' if is_rtl(lang) else ""
    return (f'<svg class="atlas-figure__svg" xmlns="http://www.w3.org/2000/svg" role="img" focusable="false"'
            f' viewBox="0 0 {fmt(canvas.width)} {fmt(height)}" width="{fmt(canvas.width)}" height="{fmt(height)}"'
            f' aria-labelledby="{ident}-title {ident}-desc"{direction}>'
            f'<title id="{ident}-title">{esc(title)}</title><desc id="{ident}-desc">{esc(desc)}</desc>'
            f"{body}</svg>")


def figure_html(name: str, svg_markup: str, caption: str) -> str:
    # One line per element and no blank line: Markdown passes the block through untouched.
    return (f'<figure class="atlas-figure atlas-figure--{name}">\n{svg_markup}\n'
            f"<figcaption>{caption}</figcaption>\n</figure>")


# --- links ------------------------------------------------------------------------------------

def page_url(path: str) -> str:
    if path == "index.md":
        return ""
    if path.endswith("/index.md"):
        return path[: -len("index.md")]
    return path[: -len(".md")] + "/"


def href(from_page: str, to_page: str) -> str:
    rel = posixpath.relpath(page_url(to_page) or ".", page_url(from_page) or ".")
    return "./" if rel == "." else rel + "/"


def cite(page_path: str, sid: str) -> str:
    return f'<a class="cite" dir="ltr" href="{esc(href(page_path, f"sources/{sid}.md"))}">{esc(sid)}</a>'


def caption_html(template: str, links: dict) -> str:
    """Escape the caption's words and turn its {placeholders} into the given HTML."""
    out, last = [], 0
    for match in re.finditer(r"\{([a-z0-9-]+)\}", template):
        out.append(esc(template[last:match.start()]))
        if match.group(1) not in links:
            raise FigureError(f"caption placeholder {{{match.group(1)}}} is not known")
        out.append(links[match.group(1)])
        last = match.end()
    out.append(esc(template[last:]))
    return "".join(out)


def source_links(atlas, page_path):
    return {sid: cite(page_path, sid) for sid in atlas.sources}


def join(lang: str, items) -> str:
    return load_words()["numbers"][lang]["list"].join(items)


# --- the four figures -------------------------------------------------------------------------

def render_figure(atlas, lang: str, page_path: str, name: str) -> str:
    if name not in NAMES:
        raise FigureError(f"unknown figure '{name}' (known: {', '.join(NAMES)})")
    problems = check_data(atlas)
    if problems:
        raise FigureError("; ".join(problems))
    return {"matrix": matrix, "statistics": statistics, "hype-cycle": hype_cycle,
            "factor-map": factor_map}[name](atlas, lang, page_path)


def themed_rows(atlas):
    """[(theme id, theme index, [factors])] in the order the data declares themes."""
    return [(theme, i, atlas.factors_in_theme(theme)) for i, theme in enumerate(atlas.themes)]


def matrix(atlas, lang, page_path):
    words = load_words()["matrix"]
    rtl = is_rtl(lang)
    sources = list(atlas.sources)
    size, small = 13, 12
    label_w = min(340, max(text_width(f.title(lang), size) for f in atlas.factors.values()) + 8)
    col_w, gap = 46, 18
    col0 = label_w + gap
    count_x = col0 + col_w * len(sources) + 34
    headers = sources + [words["count"][lang]]
    angle = 40
    head_w = max(text_width(h, small) for h in headers)
    head_h = head_w * math.sin(math.radians(angle)) + 18
    width = max(count_x + 30, col0 + col_w * (len(sources) - 0.5) + head_w * math.cos(math.radians(angle)) + 12,
                count_x + head_w * math.cos(math.radians(angle)) + 12)
    c = Canvas(width, rtl)
    y = head_h
    for i, sid in enumerate(sources):
        c.text(col0 + col_w * (i + 0.5) - 4, y - 8, sid, size=small, cls="af-ink", rotate=-angle, ltr=True)
    c.text(count_x - 4, y - 8, words["count"][lang], size=small, cls="af-muted", rotate=-angle)
    c.line(0, y, width, y, "af-axis")
    zebra = False
    for theme, _index, factors in themed_rows(atlas):
        y += 8
        c.text(0, y + 15, atlas.themes[theme][lang], size=size, weight="700")
        y += 24
        for factor in factors:
            lines = wrap(factor.title(lang), label_w - 8, size, max_lines=2)
            h = 10 + len(lines) * size * 1.3
            if zebra:
                c.rect(0, y, width, h, "af-zebra")
            zebra = not zebra
            c.lines(10, y + 5 + size, lines, size=size)
            mid = y + h / 2
            for i, sid in enumerate(sources):
                cx = col0 + col_w * (i + 0.5)
                if sid in factor.sources:
                    c.circle(cx, mid, 7, "af-dot")
                else:
                    c.circle(cx, mid, 2.5, "af-empty")
            c.text(count_x, mid + 4.5, number(lang, len(factor.sources)), size=size, anchor="middle", ltr=True)
            y += h
    c.line(0, y + 4, width, y + 4, "af-axis")
    y += 4
    total_lines = wrap(words["total"][lang], label_w - 8, size, max_lines=2)
    c.lines(0, y + 20, total_lines, size=size, weight="700")
    per_source = []
    for i, sid in enumerate(sources):
        n = len(atlas.factors_citing(sid))
        per_source.append(f"{sid}: {number(lang, n)}")
        c.text(col0 + col_w * (i + 0.5), y + 20, number(lang, n), size=size, anchor="middle", weight="700", ltr=True)
    height = y + 20 + len(total_lines) * size * 1.3
    everyone = [f.title(lang) for f in atlas.factors.values() if len(f.sources) == len(sources)]
    desc = words["desc"][lang].format(
        factors=number(lang, len(atlas.factors)), themes=number(lang, len(atlas.themes)),
        sources=number(lang, len(sources)), per_source=isolate(lang, join(lang, per_source)),
        all_sources=join(lang, everyone) or "—")
    return figure_html("matrix", svg(c, height, "matrix", lang, words["title"][lang], desc),
                       caption_html(words["caption"][lang], source_links(atlas, page_path)))


def localised(value, lang):
    return value.get(lang) if isinstance(value, dict) else value


def stat_value(entry, lang) -> str:
    numbers = load_words()["numbers"][lang]
    value, unit = entry["value"], entry["unit"]
    if unit == "rank":
        return entry["value_label"][lang]
    if isinstance(value, list):
        return numbers["range"].format(lo=number(lang, value[0]), hi=number(lang, value[1]))
    text = numbers["percent"].format(v=number(lang, abs(value)))
    if unit == "change":
        text = isolate(lang, ("+" if value > 0 else MINUS) + text)
    if entry.get("qualifier") == "under":
        text = numbers["under"].format(v=text)
    elif entry.get("qualifier") == "up-to":
        text = numbers["up_to"].format(v=text)
    return text


def stat_year(entry, lang) -> str:
    words = load_words()["statistics"]
    year = entry.get("year")
    if year is None:
        return words["year_unknown"][lang]
    if isinstance(year, dict):
        (kind, value), = year.items()
        return words[kind][lang].format(year=number(lang, value))
    return words["year"][lang].format(year=number(lang, year))


def stat_meta(entry, lang) -> str:
    words = load_words()["statistics"]
    sep = load_words()["numbers"][lang]["sep"]
    who = localised(entry.get("measured_by"), lang) or words["who_unknown"][lang]
    sources = isolate(lang, ", ".join(entry["sources"]))
    return sep.join([who, stat_year(entry, lang), sources])


def statistics(atlas, lang, page_path):
    words = load_words()["statistics"]
    data = load_statistics()
    rtl = is_rtl(lang)
    size, small = 13, 11
    label_w, gap, bar_w = 330, 20, 300
    x0 = label_w + gap
    value_w = max(text_width(stat_value(e, lang), size) for e in data["figures"])
    width = x0 + bar_w + 10 + value_w + 10
    c = Canvas(width, rtl)
    top = 34
    c.text(x0, 14, words["scale"][lang], size=small, cls="af-muted")
    ticks = []
    for tick in (0, 25, 50, 75, 100):
        tx = x0 + bar_w * tick / 100
        ticks.append(tx)
        c.text(tx, top - 6, number(lang, tick), size=small, cls="af-muted", anchor="middle", ltr=True)
    y: float = top
    grid_from = y
    descriptions = []
    for gid, titles in data["groups"].items():
        entries = [e for e in data["figures"] if e["group"] == gid]
        if not entries:
            continue
        y += 10
        c.text(0, y + 14, titles[lang], size=size + 0.5, weight="700")
        y += 24
        for entry in entries:
            label = wrap(entry["label"][lang], label_w - 4, size, max_lines=2)
            meta = wrap(stat_meta(entry, lang), label_w - 4, small, max_lines=2)
            h = 8 + len(label) * size * 1.3 + len(meta) * small * 1.3
            c.lines(0, y + size + 2, label, size=size)
            c.lines(0, y + size + 2 + len(label) * size * 1.3, meta, size=small, cls="af-muted")
            mid = y + h / 2
            value, unit = entry["value"], entry["unit"]
            value_text = stat_value(entry, lang)
            end = x0
            if unit == "rank":
                places, hit = entry["of"], entry["of"] - entry["value"]
                step = bar_w / places
                for i in range(places):
                    c.rect(x0 + i * step + 1, mid - 6, step - 2, 12, "af-rank-hit" if i == hit else "af-rank")
                end = x0 + bar_w
            elif isinstance(value, list):
                c.rect(x0, mid - 7, bar_w * value[0] / 100, 14, "af-bar")
                c.rect(x0 + bar_w * value[0] / 100, mid - 7, bar_w * (value[1] - value[0]) / 100, 14, "af-bar-range")
                end = x0 + bar_w * value[1] / 100
            else:
                length = bar_w * abs(value) / 100
                cls = "af-bar-change" if unit == "change" else "af-bar-forecast" if entry.get("forecast") else "af-bar"
                c.rect(x0, mid - 7, length, 14, cls)
                end = x0 + length
            c.text(end + 6, mid + 4.5, value_text, size=size, weight="700")
            descriptions.append(f"{titles[lang]} — {entry['label'][lang]}: {value_text} ({stat_meta(entry, lang)})")
            y += h + 6
    for tx in ticks:
        c.line(tx, grid_from, tx, y, "af-grid")
    # The grid goes behind the bars: move its lines to the front of the drawing order.
    grid = [p for p in c.parts if p.startswith("<line")]
    c.parts = grid + [p for p in c.parts if not p.startswith("<line")]
    desc = words["desc_intro"][lang] + " " + "; ".join(descriptions) + "."
    links = source_links(atlas, page_path)
    links["comparability"] = (f'<a href="{esc(href(page_path, "statistics.md"))}#comparability">'
                              f'{esc(words["comparability"][lang])}</a>')
    if page_path == "statistics.md":
        links["comparability"] = f'<a href="#comparability">{esc(words["comparability"][lang])}</a>'
    return figure_html("statistics", svg(c, y + 6, "statistics", lang, words["title"][lang], desc),
                       caption_html(words["caption"][lang], links))


def hype_curve(t: float) -> float:
    """Generic hype-cycle shape (not data): a sharp peak, a trough, a slope, a plateau."""
    peak = 0.95 * math.exp(-((t - 0.2) / 0.075) ** 2)
    slope = 0.42 / (1 + math.exp(-(t - 0.55) / 0.06))
    return 0.05 + 0.04 * t + peak + slope


def hype_cycle(atlas, lang, page_path):
    words = load_words()["hype-cycle"]
    rtl = is_rtl(lang)
    cited = ["he-navarro-10", "ru-crm-implementation"]
    width, left, right = 760, 52, 740
    plot_top, axis_y = 76, 300
    c = Canvas(width, rtl)

    def px(t):
        return left + t * (right - left)

    def py(t):
        return axis_y - hype_curve(t) * (axis_y - plot_top) / 1.1

    bounds = [0.0, 0.135, 0.27, 0.45, 0.72, 1.0]
    for b in bounds[1:-1]:
        c.line(px(b), plot_top - 6, px(b), axis_y, "af-phase")
    # The part of the curve the sources describe, drawn over the generic curve.
    samples = [i / 200 for i in range(201)]
    c.path([("M" if i == 0 else "L", px(t), py(t)) for i, t in enumerate(samples)], "af-curve")
    described = [t for t in samples if 0.12 <= t <= 0.78]
    c.path([("M" if i == 0 else "L", px(t), py(t)) for i, t in enumerate(described)], "af-curve-hi")
    # Axes.
    c.path([("M", left, plot_top - 10), ("L", left, axis_y), ("L", right, axis_y)], "af-axis")
    c.path([("M", right - 8, axis_y - 5), ("L", right, axis_y), ("L", right - 8, axis_y + 5)], "af-axis")
    c.text(left - 12, (plot_top + axis_y) / 2, words["axis_y"][lang], size=12, cls="af-muted",
           anchor="middle", rotate=-90)
    c.text(right, axis_y + 16, words["axis_x"][lang], size=12, cls="af-muted", anchor="end")
    # Phase names under the axis.
    phase_bottom: float = axis_y
    for (a, b), phase in zip(zip(bounds, bounds[1:], strict=False), words["phases"][lang], strict=True):
        lines = wrap(phase, px(b) - px(a) - 8, 11.5, max_lines=3)
        used = c.lines((px(a) + px(b)) / 2, axis_y + 34, lines, size=11.5, cls="af-ink", anchor="middle")
        phase_bottom = max(phase_bottom, axis_y + 34 + used)
    # What the sources describe: a bracket over the phases, numbered marks on the curve.
    sources_text = isolate(lang, " & ".join(cited))
    band = wrap(words["band"][lang].format(sources=sources_text), px(0.78) - px(0.12), 11.5, max_lines=3)
    band_y = plot_top - 22
    c.path([("M", px(0.12), band_y + 6), ("L", px(0.12), band_y), ("L", px(0.78), band_y), ("L", px(0.78), band_y + 6)],
           "af-band")
    c.lines((px(0.12) + px(0.78)) / 2, band_y - 6 - (len(band) - 1) * 11.5 * 1.3, band, size=11.5,
            cls="af-ink", anchor="middle")
    marks = words["marks"][lang]
    for n, t in enumerate((0.2, 0.355, 0.6), start=1):
        mx, my = px(t), py(t) - 24
        c.circle(mx, my, 10, "af-mark")
        c.text(mx, my + 4.5, number(lang, n), size=12, cls="af-on-accent", anchor="middle", weight="700", ltr=True)
    y = phase_bottom + 14
    for n, mark in enumerate(marks, start=1):
        c.circle(left + 10, y - 4, 9, "af-mark")
        c.text(left + 10, y + 0.5, number(lang, n), size=11, cls="af-on-accent", anchor="middle", weight="700", ltr=True)
        lines = wrap(mark, right - left - 30, 12.5, max_lines=2)
        y += c.lines(left + 26, y, lines, size=12.5) + 6
    sep = load_words()["numbers"][lang]["list"]
    desc = words["desc"][lang].format(
        phases=sep.join(words["phases"][lang]), sources=isolate(lang, " & ".join(cited)),
        marks="; ".join(f"{number(lang, i)}. {m}" for i, m in enumerate(marks, start=1)))
    return figure_html("hype-cycle", svg(c, y + 4, "hype-cycle", lang, words["title"][lang], desc),
                       caption_html(words["caption"][lang], source_links(atlas, page_path)))


def related_pairs(atlas):
    pairs = []
    order = list(atlas.factors)
    for fid, factor in atlas.factors.items():
        for other in factor.related:
            if order.index(other) > order.index(fid):
                pairs.append((fid, other))
    return pairs


def factor_map(atlas, lang, page_path):
    words = load_words()["factor-map"]
    rtl = is_rtl(lang)
    size = 12.5
    label_w = min(330, max(text_width(f.title(lang), size) for f in atlas.factors.values()) + 6)
    node_x = label_w + 14
    c = Canvas(0, rtl)   # width is known once the arcs are laid out
    y: float
    rows, y, theme_of = {}, 6, {}
    shapes: list[tuple] = []   # (kind, x, y, payload)
    for theme, index, factors in themed_rows(atlas):
        y += 8
        shapes.append(("swatch", 0, y + 4, index))
        shapes.append(("theme", 18, y + 15, atlas.themes[theme][lang]))
        y += 26
        for factor in factors:
            lines = wrap(factor.title(lang), label_w - 4, size, max_lines=2)
            h = 8 + len(lines) * size * 1.3
            rows[factor.id] = y + h / 2
            theme_of[factor.id] = theme
            shapes.append(("label", label_w, y + 4 + size, lines))
            shapes.append(("node", node_x, y + h / 2, index))
            y += h
    pairs = related_pairs(atlas)
    max_r = max(abs(rows[a] - rows[b]) / 2 for a, b in pairs)
    c.width = node_x + max_r + 16
    for a, b in sorted(pairs, key=lambda p: -abs(rows[p[0]] - rows[p[1]])):
        ya, yb = sorted((rows[a], rows[b]))
        cls = "af-arc" if theme_of[a] == theme_of[b] else "af-arc-cross"
        c.path([("M", node_x, ya), ("A", (yb - ya) / 2, node_x, yb, 1)], cls)
    for kind, x, yy, payload in shapes:
        if kind == "swatch":
            c.rect(x, yy, 12, 12, f"af-t{payload}")
        elif kind == "theme":
            c.text(x, yy, payload, size=size + 0.5, weight="700")
        elif kind == "label":
            c.lines(x, yy, payload, size=size, anchor="end")
        else:
            c.circle(x, yy, 5, f"af-t{payload}")
    degree = {fid: len(f.related) for fid, f in atlas.factors.items()}
    best = max(degree.values())
    top = [f"{atlas.factors[fid].title(lang)} ({number(lang, n)})" for fid, n in degree.items() if n == best]
    cross = sum(1 for a, b in pairs if theme_of[a] != theme_of[b])
    desc = words["desc"][lang].format(
        factors=number(lang, len(atlas.factors)), themes=number(lang, len(atlas.themes)),
        links=number(lang, len(pairs)), cross=number(lang, cross), top=join(lang, top))
    return figure_html("factor-map", svg(c, y + 10, "factor-map", lang, words["title"][lang], desc),
                       caption_html(words["caption"][lang], source_links(atlas, page_path)))
