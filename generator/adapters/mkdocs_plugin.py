"""The thin MkDocs adapter: generated pages go into MkDocs as virtual files.

Everything MkDocs-specific lives here. The plugin reads and validates
`data_dir`, renders the site with `render_site`, adds each page with
`File.generated`, puts the generated sections into the navigation after the
first hand-written entry, and asks `mkdocs serve` to watch the data. It also brings what the
package carries (generator/theme/): Material's overrides, the CSS and JavaScript, and the editor
guide, so that a project's mkdocs.yml names `theme: material` and the plugin, and no path.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation

from .. import theme
from ..engines import templates
from ..engines.binaries import SiteBeingDrawn, built_site
from ..engines.cache import DEFAULT_FOLDER, Cache, CacheUnavailable
from ..engines.unavailable import PdfUnavailable
from ..errors import DataErrors
from ..model import with_address
from ..render import paths
from ..render.site import Earlier, RenderedSite, merge_nav
from ..validate import read_handbook
from ..validate.warnings import collect_warnings
from ..write import OutputRefused, remove_scratch, scratch_folder, update_files, write_files
from . import search_split, watching

log = logging.getLogger(f"mkdocs.plugins.{__name__}")


class HandbookConfig(Config):  # type: ignore[no-untyped-call]
    data_dir = c.Type(str, default="data")
    # Overrides data/handbok.yaml's 'adress', e.g. with the GitHub Pages URL at deploy time.
    address = c.Optional(c.Type(str))
    # Where the PDF and PNG files are kept for the next build (serve rebuilds on every change).
    cache_dir = c.Type(str, default=str(DEFAULT_FOLDER))


class HandbookPlugin(BasePlugin[HandbookConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.site: RenderedSite | None = None
        # Set by `python -m generator build`, which has read and rendered the data already; the
        # drawings not in the cache are made while MkDocs lays out the pages (on_post_build writes them).
        self.drawing: SiteBeingDrawn | None = None
        self.placeholders: dict[str, File] = {}
        self.serving = False
        self.errors: DataErrors | None = None  # while serving: the data's errors, shown instead of the pages
        # `serve --dirty` rebuilds only the pages whose source file is newer than the page. The
        # generated pages are written to `sources`, each only when its text changed; the whole
        # site is rebuilt when the navigation changed or the preview showed data errors.
        self.sources: Path | None = None
        self.shown: RenderedSite | None = None
        self.rebuild_all = True
        self.settings: tuple[bytes, float] | None = None
        self.cache: Cache | None = None  # what this build made, kept after it succeeded
        self.earlier: Earlier | None = None  # while serving: a cooperation that did not change is not rendered again

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also keeps this plugin, and the last good site, across `serve` rebuilds.
        self.serving = command == "serve"
        if self.serving and dirty:
            self.sources = scratch_folder("handbok-forhandsvisning-")
            # MkDocs warns that a dirty build may leave stale navigation; this plugin rebuilds
            # every page when the navigation changes, so the warning must not stop a strict preview.
            logging.getLogger("mkdocs.commands.build").addFilter(_without_dirty_warning)

    def on_shutdown(self) -> None:
        if self.sources is not None:
            remove_scratch(self.sources)

    def _data_dir(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).parent / self.config.data_dir

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        _add_theme(config)  # also while the data has errors: the page that lists them has the handbook's look
        rendered = self.drawing.site if self.drawing is not None else None  # `serve` reads the data on every change
        if rendered is None:
            try:
                rendered = self._render(config)
            except DataErrors as errors:
                return self._data_errors(config, errors)
        self.site = rendered
        settings = _settings(config)
        if settings != self.settings:  # mkdocs.yml or a theme template changed: every page shows it
            self.settings, self.rebuild_all = settings, True
        config.nav = merge_nav(config.nav or [], rendered.nav)
        config.site_url = config.site_url or rendered.address
        return config

    def _render(self, config: MkDocsConfig) -> RenderedSite:
        handbook = read_handbook(self._data_dir(config))
        if self.config.address:
            handbook = with_address(handbook, self.config.address)
        for warning in collect_warnings(handbook):  # info, not warning: strict builds must not fail on them
            log.info(str(warning))
        urls = config.use_directory_urls
        try:
            cache = _cache(Path(config.config_file_path).parent / self.config.cache_dir, Path(config.docs_dir))
            # The preview does not wait seconds for WeasyPrint: a changed PDF is made by `make site`.
            site = built_site(handbook, cache, urls, self.earlier, new_pdfs=not self.serving)
        except (PdfUnavailable, OutputRefused) as refused:
            raise PluginError(str(refused)) from None
        self.cache = cache
        for cooperation in handbook.cooperations:
            if paths.pdf_file(cooperation) not in site.files:
                name = cooperation.info.short_name
                log.info(
                    f"Förhandsvisningen har ingen PDF för {name} än; bygget (`make site` eller "
                    "`samverkanshandbok build`) gör den."
                )
        if self.serving:
            self.earlier = Earlier(handbook, site, urls)
        return site

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        _add_package_files(files, config)
        if self.errors is not None:
            return self._error_files(files, config)
        assert self.site is not None
        written = {f.dest_uri: f.src_uri for f in files}  # compared by output: 'x.md' and 'x/index.md' clash
        everything = self._sources_updated(files, config)
        for path, content in self.site.files.items():
            generated = File.generated(config, path, content=content)
            if generated.dest_uri in written:
                hand = written[generated.dest_uri]
                raise PluginError(
                    f"docs/{hand} och den genererade sidan {path} blir samma fil; byt namn på docs/{hand}"
                )
            if not everything and self.sources is not None:  # rebuilt only if its text changed
                generated = File(path, str(self.sources), config.site_dir, config.use_directory_urls)
            files.append(generated)
        if self.drawing is not None:  # known now, for links; written once drawn (on_post_build)
            self.placeholders = {p: File.generated(config, p, content=b"") for p in self.drawing.keys}
            for placeholder in self.placeholders.values():
                files.append(placeholder)
        return files

    def _sources_updated(self, files: Files, config: MkDocsConfig) -> bool:
        """Bring `sources` up to date; True if every page must be rebuilt this time."""
        if self.sources is None or self.site is None:
            return True
        before = self.shown.files if self.shown and not self.rebuild_all else {}
        update_files(self.site.files, before, self.sources)
        everything = self.rebuild_all or self.shown is None or self.shown.nav != self.site.nav
        if self.rebuild_all:  # the hand-written pages showed the errors: give them back their text
            for page in files.documentation_pages():
                files.remove(page)
                files.append(File.generated(config, page.src_uri, content=page.content_string))
        self.shown, self.rebuild_all = self.site, False
        return everything

    def _data_errors(self, config: MkDocsConfig, errors: DataErrors) -> MkDocsConfig:
        """A build stops; a preview shows the errors on every page it had, until the data is fixed."""
        if not self.serving:
            raise PluginError(errors.report())
        log.info("Förhandsvisningen visar felen i datafilerna:\n%s", errors.report())
        self.errors = errors
        if self.site is not None:  # keep the last good navigation so that every open page has a URL
            config.nav = merge_nav(config.nav or [], self.site.nav)
        return config

    def _error_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.errors is not None
        page = error_page(self.errors)
        generated = [p for p in self.site.files if p.endswith(".md")] if self.site else []
        hand_written = files.documentation_pages()
        # The home page is generated: without a last good site it would be missing.
        pages = sorted({"index.md", *(f.src_uri for f in hand_written), *generated})
        for f in hand_written:
            files.remove(f)
        for path in pages:
            files.append(File.generated(config, path, content=page))
        self.errors = None  # the next rebuild reads the data again
        self.rebuild_all = True  # and shows every page again
        return files

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        cache = self.drawing.cache if self.drawing is not None else self.cache
        if cache is not None:  # the theme's templates compiled once, not on every build
            env.bytecode_cache = templates.theme_cache(cache, env)
        return env

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """A dirty build reads only the changed pages, but the menu names the others by their
        headings too: read (not render) every page it skips, so no menu entry is left without a title."""
        if self.sources is not None:
            for page in nav.pages:
                if page.markdown is None:
                    page.read_source(config)
        return nav

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.drawing is not None:  # MkDocs wrote the pages meanwhile, and each drawing empty
            self._write_drawings(Path(config.site_dir))
        if self.site is not None:  # after Material's search (and offline) plugin, listed before this one
            search_split.split_index(Path(config.site_dir), search_split.sections(self.site.nav))
        if self.cache is not None:  # a preview skips the cooperations it did not render: it never trims
            self.cache.save(trim=not self.serving)
            self.cache = None

    def _write_drawings(self, site_dir: Path) -> None:
        """The PDFs and PNGs, once drawn, over the empty files MkDocs wrote in their place."""
        assert self.drawing is not None
        try:
            self.site = self.drawing.finish()
        except PdfUnavailable as refused:
            raise PluginError(str(refused)) from None
        write_files({p.dest_uri: self.site.files[path] for path, p in self.placeholders.items()}, site_dir)

    def on_build_error(self, *, error: Exception) -> None:
        self.cache = None  # what a failed build made is not kept
        self.rebuild_all = True  # the pages of the failed build were never written

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        # What `mkdocs serve` watches before this hook: docs/ and mkdocs.yml (serve passes no --watch-theme).
        watching.watch_with_events(server, [config.docs_dir, str(config.config_file_path)])
        server.watch(str(self._data_dir(config)))
        return server


def _add_theme(config: MkDocsConfig) -> None:
    """The package's overrides under the project's own (custom_dir) and above Material's templates,
    and its CSS and JavaScript after any the project names. Once only: `serve` keeps the config."""
    overrides = str(theme.OVERRIDES)
    if overrides not in config.theme.dirs:
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, overrides)
    for listed, added in ((config.extra_css, theme.EXTRA_CSS), (config.extra_javascript, theme.EXTRA_JAVASCRIPT)):
        listed.extend(path for path in added if path not in listed)


def _add_package_files(files: Files, config: MkDocsConfig) -> None:
    """The assets and the editor guide from the package, unless docs/ has a file of that name."""
    for path, source in theme.docs_files().items():
        if files.get_file_from_path(path) is None:
            files.append(File.generated(config, path, abs_src_path=str(source)))


def _settings(config: MkDocsConfig) -> tuple[bytes, float]:
    """The configuration file and the newest time among the theme's own templates."""
    custom = config.theme.custom_dir
    times = [p.stat().st_mtime for p in Path(custom).rglob("*") if p.is_file()] if custom else []
    return Path(config.config_file_path).read_bytes(), max([*times, theme.newest_change()])


def _without_dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def error_page(errors: DataErrors) -> str:
    """A Swedish page listing every error with its file:line, all of it escaped (it comes from the data)."""
    items = "\n".join(
        f"<li><code>{_one_line(str(e.position))}</code>: {_one_line(e.message)}"
        + (f" <small>(i {_one_line(e.path)})</small>" if e.path else "")
        + "</li>"
        for e in errors.errors
    )
    count = len(errors.errors)
    return (
        "# Fel i datafilerna\n\n"
        f"Handboken kan inte visas: datafilerna har {count} fel. Rätta dem och spara filen, "
        "så kommer handboken tillbaka här av sig själv.\n\n"
        f'<ul class="handbok-fel">\n{items}\n</ul>\n'
    )


def _one_line(text: str) -> str:
    """Escaped, on one line: a blank line would end the HTML block and let Markdown read the text."""
    return html.escape(" ".join(text.split()))


def _cache(folder: Path, docs: Path) -> Cache | None:
    """The cache, or None where it cannot be written: that only makes the build slower."""
    try:
        return Cache(folder, [docs])
    except CacheUnavailable as unavailable:
        log.info(f"{unavailable}; PDF och PNG görs på nytt.")  # info: a strict build must not fail on it
        return None
