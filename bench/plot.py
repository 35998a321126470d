"""Log-log charts of how each cost grows with the knowledge base (scale mode), as SVG and PNG.

    svg = loglog_panels(panels)            # panels: [(title, unit, {engine: [(x, y), ...]}), ...]
    write_png(svg, Path("scale.png"))      # rendered by Chromium (the benchmark's browser)

No plotting library: the SVG is drawn here (a small multiple per metric, both axes in powers of
ten, one line per engine) and Chromium, which the benchmark needs anyway, turns it into a PNG.
"""
from __future__ import annotations

import html
import math
from pathlib import Path

COLOURS = {"ours": "#1565c0", "pagefind": "#c62828"}
PANEL_W, PANEL_H, COLUMNS = 340, 250, 3
MARGIN = {"left": 62, "right": 24, "top": 34, "bottom": 40}


def decades(low: float, high: float) -> list[float]:
    """Powers of ten covering [low, high] (at least two)."""
    first, last = math.floor(math.log10(low)), math.ceil(math.log10(high))
    if last == first:
        last += 1
    return [10.0 ** e for e in range(first, last + 1)]


def label(value: float) -> str:
    exponent = round(math.log10(value))
    return f"{value:g}" if -2 <= exponent <= 4 else f"1e{exponent}"


def panel(title: str, unit: str, series: dict[str, list[tuple[float, float]]], x0: float, y0: float) -> str:
    points = [(x, y) for line in series.values() for x, y in line if x > 0 and y and y > 0]
    if not points:
        return (f'<text x="{x0 + PANEL_W / 2}" y="{y0 + PANEL_H / 2}" text-anchor="middle" '
                f'font-size="12">{html.escape(title)}: no data</text>')
    xs, ys = decades(min(p[0] for p in points), max(p[0] for p in points)), \
        decades(min(p[1] for p in points), max(p[1] for p in points))
    left, top = x0 + MARGIN["left"], y0 + MARGIN["top"]
    width = PANEL_W - MARGIN["left"] - MARGIN["right"]
    height = PANEL_H - MARGIN["top"] - MARGIN["bottom"]

    def px(x):
        return left + width * (math.log10(x) - math.log10(xs[0])) / (math.log10(xs[-1]) - math.log10(xs[0]))

    def py(y):
        return top + height * (1 - (math.log10(y) - math.log10(ys[0])) / (math.log10(ys[-1]) - math.log10(ys[0])))

    out = [f'<text x="{x0 + PANEL_W / 2}" y="{y0 + 18}" text-anchor="middle" font-size="13" font-weight="600">'
           f'{html.escape(title)} ({html.escape(unit)})</text>',
           f'<rect x="{left}" y="{top}" width="{width}" height="{height}" fill="none" stroke="#999"/>']
    for x in xs:
        out.append(f'<line x1="{px(x):.1f}" y1="{top}" x2="{px(x):.1f}" y2="{top + height}" stroke="#eee"/>')
        out.append(f'<text x="{px(x):.1f}" y="{top + height + 15}" text-anchor="middle" font-size="10">{label(x)}×</text>')
    for y in ys:
        out.append(f'<line x1="{left}" y1="{py(y):.1f}" x2="{left + width}" y2="{py(y):.1f}" stroke="#eee"/>')
        out.append(f'<text x="{left - 5}" y="{py(y) + 3:.1f}" text-anchor="end" font-size="10">{label(y)}</text>')
    out.append(f'<text x="{left + width / 2}" y="{top + height + 32}" text-anchor="middle" font-size="10">'
               'size of the knowledge base (× the real one)</text>')
    for engine, line in series.items():
        line = sorted((x, y) for x, y in line if x > 0 and y and y > 0)
        colour = COLOURS.get(engine, "#555")
        if len(line) > 1:
            path = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in line)
            out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        out += [f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3" fill="{colour}"/>' for x, y in line]
    return "\n".join(out)


def loglog_panels(panels: list[tuple[str, str, dict]], title: str = "") -> str:
    rows = math.ceil(len(panels) / COLUMNS)
    width, height = COLUMNS * PANEL_W, rows * PANEL_H + 60
    engines = sorted({engine for _, _, series in panels for engine in series})
    legend = "".join(f'<rect x="{20 + 130 * n}" y="{height - 26}" width="14" height="4" fill="{COLOURS.get(e, "#555")}"/>'
                     f'<text x="{40 + 130 * n}" y="{height - 20}" font-size="12">{html.escape(e)}</text>'
                     for n, e in enumerate(engines))
    body = "\n".join(panel(t, u, s, (n % COLUMNS) * PANEL_W, 24 + (n // COLUMNS) * PANEL_H)
                     for n, (t, u, s) in enumerate(panels))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'font-family="DejaVu Sans, sans-serif"><rect width="100%" height="100%" fill="white"/>'
            f'<text x="12" y="16" font-size="14" font-weight="700">{html.escape(title)}</text>'
            f'{body}{legend}</svg>')


def write_png(svg: str, target: Path, chromium: str | None = None) -> Path:
    """Render the SVG to a PNG with headless Chromium (Playwright, the benchmark's browser)."""
    import os

    from playwright.sync_api import sync_playwright

    width = int(svg.split('width="', 1)[1].split('"', 1)[0])
    height = int(svg.split('height="', 1)[1].split('"', 1)[0])
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium or os.environ.get("BENCH_CHROMIUM", "/usr/bin/chromium"),
                                             args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.set_content(f'<html><body style="margin:0">{svg}</body></html>')
            page.screenshot(path=str(target), clip={"x": 0, "y": 0, "width": width, "height": height})
        finally:
            browser.close()
    return target
