"""Run queries through each engine's own browser search in headless Chromium (Playwright).

Every engine is served by its own `bench.serve` process on 127.0.0.1; Chromium is Debian's
(/usr/bin/chromium), never a downloaded one. The browser can only reach 127.0.0.1: Chromium's host
resolver rules make every other host name unresolvable, and any request to another host is
reported as an error of that language's run.

Per engine and reader language: a fresh browser context (empty cache) opens /<lang>/, waits
until the page is loaded and search is idle, runs that language's first query (cold), then
the remaining queries of that reader language in the same page (warm).

  ours      AtlasSearch.search(site, lang, q, {prefix: true, stemmer}) on the page's own
            atlas-search.js; snowball.js is loaded, as the site's search box does, only when
            the query has Latin or Cyrillic letters. Hits are sections, page by page (each
            hit names its page); the display file of each of the top 10 pages is fetched, as
            the search box fetches what it shows. A cross-language query
            (query_lang X != reader language L) also searches X's index, as the search box does
            for a query in another script, and maps X's pages to L's pages (same paths); L's
            own hits come first, as in the search box.
  material  Material's own search worker, created by Material's bundle on page load: the
            benchmark wraps `window.Worker` (init script) only to get a handle on it, waits for
            the worker's READY (index downloaded and lunr index built), then posts the same
            message the search box posts ({type: 2, data: query}) and reads the RESULT. Pages
            are the result groups in order (what the search box lists).
  pagefind  `await import('/pagefind/pagefind.js')`, `pagefind.search(q)`, `result.data()`
            for the first 10 results (Pagefind's language comes from <html lang>).

Bytes ("first-query bytes"): the sum of Playwright's `request.sizes()` (response headers +
encoded body = bytes on the wire) of every finished response that belongs to the engine's
search (ours: /search/*; Material: search/search_index.json, its search worker and lunr
language files; Pagefind: /pagefind/*), from the navigation to the reader's home page in a
fresh context until the first query's top-10 result pages are known. Resources fetched eagerly
at page load (Material downloads its whole index on every page load) therefore count, and page
resources every engine shares (HTML, CSS, Material's bundle) do not. Text files are served
gzip-compressed (see bench.serve).

Query time: performance.now() in the page around one query, from issuing it to having the
top-10 result page URLs (including any index chunks or result fragments fetched on the way).
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .metrics import Outcome, Query, dedupe, page_key

CHROMIUM = os.environ.get("BENCH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 # every host name except 127.0.0.1 fails to resolve: nothing can leave the machine,
                 # without intercepting requests (interception would add latency to every fetch)
                 "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"]
TOP_K = 10

OURS_JS = r"""
async ({lang, q, qlang, k}) => {
  const t0 = performance.now();
  const cfg = document.getElementById('__config');
  const base = cfg ? JSON.parse(cfg.textContent).base : '.';
  const ROOT = new URL(base.replace(/\/?$/, '/'), location.href);
  if (typeof AtlasSearch === 'undefined') throw new Error('AtlasSearch is not loaded on this page');
  if (!window.__benchSite) {
    window.__benchSite = new AtlasSearch.Site(p => fetch(new URL('search/' + p, ROOT)).then(r => {
      if (!r.ok) throw new Error('HTTP ' + r.status + ' for search/' + p);
      return r.arrayBuffer();   // as the search box: the Site parses (and gunzips) it
    }));
  }
  const site = window.__benchSite;
  let stemmer;
  if (AtlasSearch.needsSnowball(await site.tables(), q)) {
    if (!window.AtlasSnowball) {
      await new Promise((resolve, reject) => {
        const s = document.createElement('script');
        s.src = new URL('search/snowball.js', ROOT).href;
        s.onload = resolve;
        s.onerror = () => reject(new Error('cannot load search/snowball.js'));
        document.head.appendChild(s);
      });
    }
    stemmer = window.AtlasSnowball ? window.AtlasSnowball.stem : undefined;
  }
  const runs = [{from: lang, cross: false}];
  if (qlang && qlang !== lang) runs.push({from: qlang, cross: true});
  const found = await Promise.all(runs.map(r => AtlasSearch.search(site, r.from, q, {prefix: true, stemmer})));
  const target = await site.index(lang);
  const pages = [], seen = new Set(), shown = [];
  // As the search box: a run whose best page holds more of the query's words first (coverage),
  // then direct before cross-language; a page is shown once.
  const order = runs.map((r, i) => i).sort((a, b) =>
    (found[b].coverage - found[a].coverage) || ((runs[a].cross ? 1 : 0) - (runs[b].cross ? 1 : 0)) || (a - b));
  for (const i of order) {
    if (pages.length >= k) break;
    const idx = await site.index(runs[i].from);
    let last = -1, perPage = 0;
    for (const hit of found[i].hits) {
      if (hit.page === last) {
        // As the search box: up to four sections of each shown page (from the page's file).
        if (++perPage < 4) shown.push(idx.fragment(hit.doc));
        continue;
      }
      if (pages.length >= k) break;
      const first = idx.fragment(hit.doc);
      if (runs[i].cross) {
        // Another language's page counts if the reader's language has the same path.
        const path = (await first).page;
        if (seen.has(path) || !(await target.page(path))) continue;
        seen.add(path);
        pages.push(lang + '/' + path);
      } else if (runs.length > 1) {
        const path = (await first).page;   // shown once across the runs
        if (seen.has(path)) continue;
        seen.add(path);
        pages.push(lang + '/' + path);
      } else {
        pages.push(first.then(f => lang + '/' + f.page));
      }
      last = hit.page;
      perPage = 0;
      shown.push(first);
    }
    for (let p = 0; p < pages.length; p++) pages[p] = await pages[p];
  }
  const sections = (await Promise.all(shown)).length;
  return {ms: performance.now() - t0, pages, hits: found.map(f => f.hits.length),
          partial: found.some(f => f.partial), sections};
}
"""

MATERIAL_INIT = r"""
(() => {
  const Native = window.Worker;
  if (!Native || Native.__benchWrapped) return;
  function Wrapped(url, options) {
    const worker = new Native(url, options);
    if (String(url).includes('search')) {
      window.__mdSearch = worker;
      worker.__ready = false;
      worker.addEventListener('message', e => { if (e.data && e.data.type === 1) worker.__ready = performance.now(); });
    }
    return worker;
  }
  Wrapped.prototype = Native.prototype;
  Wrapped.__benchWrapped = true;
  window.Worker = Wrapped;
})();
"""

MATERIAL_JS = r"""
async ({q, k}) => {
  const w = window.__mdSearch;
  if (!w) throw new Error('Material search worker was not started on this page');
  const t0 = performance.now();
  const result = await new Promise(resolve => {
    const onMessage = e => {
      if (e.data && e.data.type === 3) { w.removeEventListener('message', onMessage); resolve(e.data.data); }
    };
    w.addEventListener('message', onMessage);
    w.postMessage({type: 2, data: q});
  });
  const ms = performance.now() - t0;
  const pages = (result.items || []).map(group => {
    const article = group.find(d => !d.location.includes('#')) || group[0];
    return article.location.split('#')[0];
  });
  return {ms, pages: pages.slice(0, k), total: pages.length};
}
"""

PAGEFIND_JS = r"""
async ({q, k}) => {
  const t0 = performance.now();
  const cfg = document.getElementById('__config');
  const base = cfg ? JSON.parse(cfg.textContent).base : '.';
  const ROOT = new URL(base.replace(/\/?$/, '/'), location.href);
  if (!window.__pagefind) window.__pagefind = await import(new URL('pagefind/pagefind.js', ROOT).href);
  const search = await window.__pagefind.search(q);
  const data = await Promise.all(search.results.slice(0, k).map(r => r.data()));
  return {ms: performance.now() - t0, pages: data.map(d => d.url), total: search.results.length};
}
"""

WITH_TIMEOUT = r"""
async ([body, args, ms]) => {
  const fn = (0, eval)('(' + body + ')');
  let timer;
  try {
    return await Promise.race([fn(args), new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('query timed out after ' + ms + ' ms')), ms);
    })]);
  } finally { clearTimeout(timer); }
}
"""


@dataclass
class EngineSpec:
    name: str
    mounts: list[tuple[str, Path]]
    driver: str
    is_search: Callable[[str], bool]
    init_script: str = ""
    ready_js: str = ""            # a JS expression that becomes truthy when search is ready


def is_material_search(path: str) -> bool:
    return (path.endswith("/search/search_index.json") or "/assets/javascripts/workers/search." in path
            or "/assets/javascripts/lunr/" in path)


def engine_specs(ours_site: Path | None, material_site: Path | None, plain_site: Path | None,
                 pagefind_out: Path | None) -> dict[str, EngineSpec]:
    specs = {}
    if ours_site:
        specs["ours"] = EngineSpec("ours", [("/", ours_site)], OURS_JS, lambda p: p.startswith("/search/"))
    if material_site:
        specs["material"] = EngineSpec("material", [("/", material_site)], MATERIAL_JS, is_material_search,
                                       init_script=MATERIAL_INIT,
                                       ready_js="window.__mdSearch && window.__mdSearch.__ready")
    if plain_site and pagefind_out:
        specs["pagefind"] = EngineSpec("pagefind", [("/", plain_site), ("/pagefind/", pagefind_out)],
                                       PAGEFIND_JS, lambda p: p.startswith("/pagefind/"))
    return specs


class Server:
    """`python -m bench.serve` in its own process; stopped by its pid on exit."""

    def __init__(self, mounts: list[tuple[str, Path]]):
        self.mounts = mounts
        self.proc: subprocess.Popen[str] | None = None
        self.url = ""

    def __enter__(self):
        command = [sys.executable, "-m", "bench.serve"]
        for prefix, directory in self.mounts:
            command += ["--mount", f"{prefix}={directory}"]
        self.proc = subprocess.Popen(command, cwd=Path(__file__).resolve().parents[1],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None and self.proc.stderr is not None   # both are PIPEs
        line = self.proc.stdout.readline()
        if not line.startswith("PORT "):
            self.proc.kill()
            raise RuntimeError(f"bench.serve did not start: {line}{self.proc.stderr.read()[-500:]}")
        self.url = f"http://127.0.0.1:{int(line.split()[1])}/"
        return self

    def __exit__(self, *exc):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()

    def disk_size(self, url_path: str) -> int:
        """Uncompressed size of the file behind a URL path (0 if unknown)."""
        for prefix, directory in sorted(self.mounts, key=lambda m: -len(m[0])):
            prefix = prefix if prefix.endswith("/") else prefix + "/"
            if url_path.startswith(prefix):
                target = Path(directory) / url_path[len(prefix):]
                if target.is_dir():
                    target = target / "index.html"
                return target.stat().st_size if target.is_file() else 0
        return 0


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


def to_reader_ranking(raw_pages: list[str], reader: str) -> list[str]:
    """Engine result URLs ('fa/factors/x/', '/fa/factors/x/') -> page keys for metrics.
    Pages in another language keep a language tag, so they hold a rank but never match."""
    out = []
    for url in raw_pages:
        path = urlsplit(url).path if "://" in url else url
        key = page_key(path)
        lang, _, rest = key.partition("/")
        if lang == reader:
            out.append(page_key(rest))
        else:
            out.append(f"[{lang}]{rest}")
    return dedupe(out)


@dataclass
class LangRun:
    lang: str
    outcomes: list[Outcome] = field(default_factory=list)
    first_bytes: int | None = None
    first_bytes_uncompressed: int | None = None
    first_requests: list[dict] = field(default_factory=list)
    warm_bytes: int | None = None
    ready_ms: float | None = None
    error: str = ""


def run_language(browser, server: Server, spec: EngineSpec, lang: str, queries: list[Query],
                 query_timeout_ms: int, load_timeout_ms: int) -> LangRun:
    run = LangRun(lang)
    context = browser.new_context(service_workers="block")
    finished, foreign = [], []

    def watch(request):
        url = request.url
        if not url.startswith(("data:", "blob:")) and urlsplit(url).hostname != "127.0.0.1":
            foreign.append(url)

    context.on("request", watch)
    context.on("requestfinished", lambda request: finished.append(request))
    if spec.init_script:
        context.add_init_script(spec.init_script)
    page = context.new_page()
    page.set_default_timeout(load_timeout_ms)
    try:
        page.goto(server.url + f"{lang}/", wait_until="load")
        if spec.ready_js:
            page.wait_for_function(spec.ready_js, timeout=load_timeout_ms)
            run.ready_ms = page.evaluate("window.__mdSearch.__ready")   # ms after navigation start
        page.wait_for_load_state("networkidle")

        def search_bytes(requests):
            wire = raw = 0
            rows = []
            for request in requests:
                path = urlsplit(request.url).path
                if not spec.is_search(path):
                    continue
                try:
                    sizes = request.sizes()
                except Exception:  # noqa: BLE001
                    continue
                size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
                wire += size
                raw += server.disk_size(path)
                rows.append({"path": path, "wire": size})
            return wire, raw, rows

        for number, query in enumerate(queries):
            outcome = Outcome(query)
            args = {"lang": lang, "q": query.q, "qlang": query.query_lang, "k": TOP_K}
            try:
                result = page.evaluate(WITH_TIMEOUT, [spec.driver, args, query_timeout_ms])
                outcome.raw = list(result.get("pages", []))
                outcome.ranking = to_reader_ranking(outcome.raw, lang)
                outcome.ms = float(result["ms"])
            except Exception as exc:  # noqa: BLE001 - a failing query is a miss, not a crash
                outcome.error = str(exc).splitlines()[0][:300]
            run.outcomes.append(outcome)
            if number == 0:
                page.wait_for_timeout(150)   # let late 'requestfinished' events arrive
                counted = list(finished)
                run.first_bytes, run.first_bytes_uncompressed, run.first_requests = search_bytes(counted)
        page.wait_for_timeout(150)
        if run.first_bytes is not None:
            run.warm_bytes = search_bytes(finished)[0] - run.first_bytes
    except Exception as exc:  # noqa: BLE001
        run.error = str(exc).splitlines()[0][:300]
    finally:
        context.close()
    if foreign:
        run.error = (run.error + "; " if run.error else "") + (
            f"{len(foreign)} request(s) to other hosts (not resolvable, so not sent), e.g. {foreign[0]}")
    return run


def run_engine(playwright, spec: EngineSpec, queries_by_lang: dict[str, list[Query]],
               query_timeout_ms: int = 20_000, load_timeout_ms: int = 60_000, log=print) -> dict[str, LangRun]:
    runs = {}
    browser = launch(playwright)
    try:
        with Server(spec.mounts) as server:
            for lang, queries in queries_by_lang.items():
                if not queries:
                    continue
                started = time.perf_counter()
                runs[lang] = run_language(browser, server, spec, lang, queries, query_timeout_ms, load_timeout_ms)
                errors = sum(1 for o in runs[lang].outcomes if o.error)
                log(f"  {spec.name:9} {lang}: {len(queries)} queries in {time.perf_counter() - started:.1f} s"
                    + (f", {errors} failed" if errors else "") + (f" ({runs[lang].error})" if runs[lang].error else ""))
    finally:
        browser.close()
    return runs
