"""MkDocs plugin `atlas`: checks the content, renders the factor graph into each language,
puts every language (the default one included) under /<lang>/, makes the language
switcher keep the reader on the same page and section, and dates the build by its content
(see content_epoch) so that rebuilding the same pages on another day gives the same site."""
from __future__ import annotations

import html
import logging
import os
import subprocess
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from indexer.languages import language, page_path

from .check import check_docs
from .citation import Citation, check_reuse_data, cite_context, page_address, reuse_strings, stable_url
from .freshness import PageDates, date_style, edit_url, last_updated_context
from .metadata import head_metadata, load_site_strings, not_found_metadata, page_description, site_root_path
from .model import DATA_DIR, AtlasDataError, load_atlas, reload_data_if_changed
from .preview import PreviewBuilder
from .redirects import load_redirects, write_redirects
from .render import RenderError, render_page

log = logging.getLogger("mkdocs.plugins.atlas")



SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"


def content_epoch(paths) -> int | None:
    """The date of the content, in seconds since the epoch: the newest git commit touching any
    of `paths` (the pages and atlas/data), else the newest modification time of their files
    (a copy without git history), else None.

    MkDocs dates every page, the sitemap's <lastmod> and the sitemap.xml.gz header by the build
    day unless SOURCE_DATE_EPOCH is set (mkdocs.utils.get_build_datetime); the plugin sets it to
    this date for the length of a build when the caller has not set it."""
    commits = []
    for path in paths:
        try:
            result = subprocess.run(["git", "-C", str(path), "log", "-1", "--format=%ct", "--", "."],
                                    capture_output=True, text=True, timeout=30, check=False)
        except (OSError, subprocess.SubprocessError):
            continue
        if result.returncode == 0 and result.stdout.strip().isdigit():
            commits.append(int(result.stdout.strip()))
    if commits:
        return max(commits)
    mtimes = [int(file.stat().st_mtime) for path in paths if Path(path).is_dir()
              for file in Path(path).rglob("*") if file.is_file()]
    return max(mtimes) if mtimes else None


class AtlasConfig(config_options.Config):
    check = config_options.Type(bool, default=True)
    # Edit-this-page links (atlas/freshness.py edit_url): the repository's web address, e.g.
    # https://github.com/org/crm-failure-atlas, else the ATLAS_REPOSITORY_URL environment
    # variable; unset, pages have no edit link. edit_path: the repository's edit view of the
    # branch (GitHub, Forgejo: edit/<branch>/; GitLab: -/edit/<branch>/).
    repository_url = config_options.Type(str, default="")
    edit_path = config_options.Type(str, default="edit/main/")


class AtlasPlugin(BasePlugin[AtlasConfig]):
    """Runs after mkdocs-static-i18n (priority -200 < its -100), once per language build."""

    def __init__(self):
        self.checked = False
        self.dated = False   # this plugin set SOURCE_DATE_EPOCH and unsets it after the build
        self.page_dates: PageDates | None = None   # read once per site build (atlas/freshness.py)
        self.root_not_found = None   # the default language's 404 page, for the site root

    def current_language(self, config) -> str:
        i18n = config.plugins.get("i18n")
        if i18n is None or i18n.current_language is None:
            raise PluginError("the atlas plugin needs the i18n plugin (mkdocs-static-i18n) configured before it")
        return i18n.current_language

    @event_priority(-200)
    def on_config(self, config):
        # Runs before MkDocs creates the pages (each takes its date then). Nested per-language
        # builds find the variable set and keep it.
        if SOURCE_DATE_EPOCH not in os.environ:
            epoch = content_epoch([Path(config.docs_dir), DATA_DIR])
            if epoch is not None:
                os.environ[SOURCE_DATE_EPOCH] = str(epoch)
                self.dated = True
        if not config.plugins["i18n"].building:
            reload_data_if_changed()   # `mkdocs serve`: an edited data file is read again
        try:
            self.atlas = load_atlas()
            if self.page_dates is None or not config.plugins["i18n"].building:
                check_reuse_data(self.atlas.languages)
                # A caller's SOURCE_DATE_EPOCH caps the pages' dates too (reproducible builds).
                caller_epoch = "" if self.dated else os.environ.get(SOURCE_DATE_EPOCH, "")
                self.page_dates = PageDates(Path(config.docs_dir), DATA_DIR,
                                            int(caller_epoch) if caller_epoch.isdigit() else None)
            self.redirects = load_redirects(self.atlas)
            self.site_strings = load_site_strings(self.atlas.languages)
        except AtlasDataError as exc:
            raise PluginError(str(exc)) from None
        if not self.checked and self.config.check:
            problems = check_docs(Path(config.docs_dir), self.atlas)
            if problems:
                listing = "\n  ".join(str(p) for p in problems[:50])
                more = f"\n  … and {len(problems) - 50} more" if len(problems) > 50 else ""
                raise PluginError(f"{len(problems)} content problem(s):\n  {listing}{more}")
            self.checked = True
        return config

    @event_priority(-200)
    def on_files(self, files, config):
        # static-i18n writes the default language at the site root; trainers' links need
        # /<lang>/... for every language, so the default language moves under its code too.
        lang = self.current_language(config)
        if lang != config.plugins["i18n"].default_language:
            return files
        for file in files:
            if file.is_documentation_page() and not file.dest_uri.startswith(f"{lang}/"):
                file.dest_uri = f"{lang}/{file.dest_uri}"
                file.abs_dest_path = str(Path(config.site_dir) / file.dest_uri)
                file.url = file._get_url(config.use_directory_urls)
        return files

    def page_path(self, page, lang: str) -> str:
        return page_path(page.file.src_uri, lang)

    @event_priority(-200)
    def on_page_markdown(self, markdown, page, config, files):
        lang = self.current_language(config)
        path = self.page_path(page, lang)
        # The search ranking's page prior reads the page's kind (indexer/plugin.py).
        page.meta.setdefault("kind", self.atlas.page_kind(path))
        # The sitemap's <lastmod> is the page's last update (MkDocs renders the sitemap before
        # the pages' templates, so the date is set here).
        assert self.page_dates is not None   # on_config reads them
        updated = self.page_dates.day(page.file.src_uri, path)
        if updated is not None:
            page.update_date = updated.isoformat()
        try:
            return render_page(self.atlas, lang, path, markdown)
        except RenderError as exc:
            raise PluginError(f"docs/{page.file.src_uri}: {exc}") from None

    def on_env(self, env, config, files):
        # The footer of every page, 404 included, carries the licence notice in the language
        # being built (overrides/partials/copyright.html).
        lang = self.current_language(config)
        env.globals["atlas_reuse"] = reuse_strings(lang)
        about = files.get_file_from_path(f"{lang}/about.md")
        env.globals["atlas_licence_url"] = f"{about.url}#licence" if about else None
        return env

    def freshness_and_citation(self, page, config, lang: str, path: str) -> dict:
        """Template context for the page's foot: last-updated date, edit link, "Cite this page"."""
        context = {}
        repository = self.config.repository_url or os.environ.get("ATLAS_REPOSITORY_URL", "")
        docs_path = os.path.relpath(config.docs_dir, Path(config.config_file_path or ".").parent)
        link = edit_url(repository, self.config.edit_path, docs_path, page.file.src_uri)
        if link:
            context["atlas_edit"] = {"url": link, "label": date_style(lang).labels["edit"]}
        assert self.page_dates is not None   # on_config reads them
        day = self.page_dates.day(page.file.src_uri, path)
        if day is None:
            return context
        context["atlas_updated"] = last_updated_context(day, lang)
        address = page_address(page.file.src_uri)
        citation = Citation(lang, address[len(lang) + 1:] if address.startswith(f"{lang}/") else address,
                            page.title, config.site_name,
                            stable_url(config.site_url, address), day)
        context["atlas_cite"] = cite_context(citation)
        return context

    @event_priority(-200)
    def on_page_context(self, context, page, config, nav):
        lang = self.current_language(config)
        path = self.page_path(page, lang)
        url_tail = page.url[len(lang) + 1:] if page.url.startswith(f"{lang}/") else page.url
        alternates = [
            {"name": language(code).name, "lang": code, "link": f"{code}/{url_tail}"}
            for code in self.atlas.languages
        ]
        # static-i18n stores its switcher as an attribute of the legacy `extra` config, which
        # Jinja reads before the mapping item: replace both.
        config.extra.alternate = alternates
        config.extra["alternate"] = alternates
        context["atlas_page_path"] = path
        context.update(self.freshness_and_citation(page, config, lang, path))
        start_page = url_tail in ("", "index.html")     # the language's start page
        context["atlas_meta"] = head_metadata(
            self.site_strings, lang=lang, languages=self.atlas.languages, url_tail=url_tail,
            title=config.site_name if start_page else page.title,
            description=page.meta["description"], site_url=config.site_url, is_homepage=start_page)
        return context

    @event_priority(-200)
    def on_page_content(self, html, page, config, files):
        # Link previews and search engines describe the page by its own summary, in its own
        # language (front matter `description` wins).
        lang = self.current_language(config)
        if not page.meta.get("description"):
            page.meta["description"] = page_description(html) or self.site_strings.descriptions[lang]
        return html

    @event_priority(-200)
    def on_template_context(self, context, template_name, config):
        """The 404 page of the language being built (written to /<lang>/404.html by
        on_post_template). A host may show it at any address below the language folder, or show
        the root one anywhere, so its links cannot be relative to its own address: they are
        relative to the site root, which a <base> element names (overrides/404.html finds the
        root in the address, in case the site is served below another path than site_url's)."""
        if template_name != "404.html":
            return context
        lang = self.current_language(config)
        context["base_url"] = ""
        context["atlas_meta"] = not_found_metadata(self.site_strings, lang)
        context["atlas_not_found"] = {
            "lang": lang, "languages": list(self.atlas.languages),
            "root": site_root_path(config.site_url),
            "home": f"{lang}/", "factors": f"{lang}/factors/",
            "strings": self.site_strings.not_found[lang],
        }
        # The switcher leads to each language's start page: the missing page exists in none.
        alternates = [{"name": language(code).name, "lang": code, "link": f"{code}/"}
                      for code in self.atlas.languages]
        config.extra.alternate = alternates
        config.extra["alternate"] = alternates
        return context

    @event_priority(-200)
    def on_post_template(self, output, template_name, config):
        # Every language build writes its 404 over the root one; each keeps its own copy under
        # its folder, and the root one becomes the default language's (on_post_build).
        if template_name == "404.html":
            lang = self.current_language(config)
            target = Path(config.site_dir) / lang / "404.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(output, encoding="utf-8")
            if lang == self.site_strings.default_language:
                self.root_not_found = output
        return output

    @event_priority(-200)
    def on_post_build(self, config):
        default = config.plugins["i18n"].default_language
        site = Path(config.site_dir)
        links = "".join(
            f'<li><a href="{code}/" hreflang="{code}" lang="{code}">{html.escape(language(code).name)}</a></li>'
            for code in self.atlas.languages)
        (site / "index.html").write_text(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta http-equiv=\"refresh\" content=\"0; url={default}/\">"
            "<title>CRM Failure Atlas</title></head><body>"
            f"<p><a href=\"{default}/\">CRM Failure Atlas</a></p><ul>{links}</ul></body></html>\n",
            encoding="utf-8")
        # Renamed pages keep their old addresses (atlas/data/redirects.yml), in every language.
        write_redirects(site, self.atlas.languages, self.redirects, config.site_url or "/",
                        self.site_strings.page_moved)
        if not config.plugins["i18n"].building:
            # The root 404 (hosts that know only one) is the default language's, whose script
            # sends a reader of another language's address on to that language's 404.
            if self.root_not_found:
                (site / "404.html").write_text(self.root_not_found, encoding="utf-8")
            self.undate()   # the last language is built

    def on_serve(self, server, config, builder):
        # Authors' edit loop: a page edit rebuilds only its language (atlas/preview.py).
        server.builder = PreviewBuilder(config, builder)
        return server

    def on_build_error(self, error):
        self.undate()

    def undate(self):
        """Unset the SOURCE_DATE_EPOCH this plugin set, so that the next build in the same
        process (`mkdocs serve`, tests) dates itself again."""
        if self.dated:
            os.environ.pop(SOURCE_DATE_EPOCH, None)
            self.dated = False
