"""The thin MkDocs adapter: generated pages go into MkDocs as virtual files.

Everything MkDocs-specific lives here. The plugin reads and validates
`data_dir`, renders the site with `render_site`, adds each page with
`File.generated`, puts the generated sections into the navigation after the
first hand-written entry, and asks `mkdocs serve` to watch the data.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .errors import DataErrors
from .model import with_address
from .render.site import NavEntry, RenderedSite, render_site
from .validate import read_handbook
from .validate.warnings import collect_warnings

log = logging.getLogger(f"mkdocs.plugins.{__name__}")


class HandbookConfig(Config):  # type: ignore[no-untyped-call]
    data_dir = c.Type(str, default="data")
    # Overrides data/handbok.yaml's 'adress', e.g. with the GitHub Pages URL at deploy time.
    address = c.Optional(c.Type(str))


class HandbookPlugin(BasePlugin[HandbookConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.site: RenderedSite | None = None
        # Set by `python -m generator build`, which has read and rendered the data already.
        self.rendered: RenderedSite | None = None

    def _data_dir(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).parent / self.config.data_dir

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.site = self.rendered or self._render(config)
        self.rendered = None  # `mkdocs serve` calls on_config again on every change: read the data anew then
        config.nav = _merge_nav(config.nav or [], self.site.nav)
        config.site_url = config.site_url or self.site.address
        return config

    def _render(self, config: MkDocsConfig) -> RenderedSite:
        try:
            handbook = read_handbook(self._data_dir(config))
            if self.config.address:
                handbook = with_address(handbook, self.config.address)
            for warning in collect_warnings(handbook):  # info, not warning: strict builds must not fail on them
                log.info(str(warning))
            return render_site(handbook, directory_urls=config.use_directory_urls)
        except DataErrors as errors:
            raise PluginError(errors.report()) from None

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.site is not None
        written = {f.dest_uri: f.src_uri for f in files}  # compared by output: 'x.md' and 'x/index.md' clash
        for path, text in self.site.files.items():
            generated = File.generated(config, path, content=text)
            if generated.dest_uri in written:
                hand = written[generated.dest_uri]
                raise PluginError(
                    f"docs/{hand} och den genererade sidan {path} blir samma fil; byt namn på docs/{hand}"
                )
            files.append(generated)
        return files

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        server.watch(str(self._data_dir(config)))
        return server


def _merge_nav(hand_written: list[Any], generated: list[NavEntry]) -> list[Any]:
    """The first hand-written entry (the home page), then the generated sections, then the rest."""
    return [*hand_written[:1], *(_to_mkdocs(e) for e in generated), *hand_written[1:]]


def _to_mkdocs(entry: NavEntry) -> Any:
    title, target = entry
    value = target if isinstance(target, str) else [_to_mkdocs(e) for e in target]
    # MkDocs themes print nav titles without escaping them.
    return value if title is None else {html.escape(title): value}
