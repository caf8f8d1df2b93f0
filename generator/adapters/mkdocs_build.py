"""Run a strict MkDocs build in-process, for `python -m generator build`."""

from __future__ import annotations

import datetime
import logging
import os
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from ..engines.binaries import SiteBeingDrawn, started_site
from ..engines.cache import Cache
from ..engines.unavailable import PdfUnavailable
from ..errors import display_path
from ..model import Handbook
from ..render.site import RenderedSite
from .mkdocs_plugin import HandbookPlugin


class BuildFailed(Exception):
    """The site did not build; the message says why, in the words MkDocs used."""


def build(config_file: Path, site_dir: Path, handbook: Handbook, cache: Cache | None = None) -> RenderedSite:
    """Build the site into `site_dir` from the handbook already read (the data is read once per
    build) and return what was rendered. Dates MkDocs writes (the sitemap's) come from the data's
    version date, not the clock."""
    warnings = _WarningCollector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(warnings)
    epoch = datetime.datetime.combine(handbook.version_date, datetime.time(), datetime.UTC).timestamp()
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(epoch))
    drawing: SiteBeingDrawn | None = None
    try:
        config = _load(config_file, site_dir, warnings)
        _check_pages(Path(config.docs_dir))
        plugin = config.plugins["handbook"]
        assert isinstance(plugin, HandbookPlugin)  # _load made sure
        # The PDFs and PNGs not in the cache are drawn while MkDocs lays out the pages.
        drawing = plugin.drawing = started_site(handbook, cache, config.use_directory_urls)
        mkdocs_build(config)
        rendered = drawing.finish()  # finished already when MkDocs was about to copy the files
    except (MkDocsException, OSError, PdfUnavailable) as err:
        details = "\n".join(warnings.messages)
        raise BuildFailed(f"{details}\n{err}".strip()) from None
    finally:
        if drawing is not None:  # MkDocs stopped first: no worker is left drawing
            drawing.pending.cancel()
        logger.removeHandler(warnings)
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before
    return rendered


def _load(config_file: Path, site_dir: Path, warnings: _WarningCollector) -> MkDocsConfig:
    """The MkDocs configuration, or `BuildFailed` naming the file: it is missing, MkDocs refuses it
    (in MkDocs' words, after the file's name) or it lacks the generator's plugin."""
    shown = display_path(config_file)
    if not config_file.is_file():
        raise BuildFailed(f"{shown}: MkDocs-konfigurationen finns inte; ange den med --config, t.ex. mkdocs.yml")
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
    except MkDocsException as err:
        said = "; ".join(warnings.messages) or str(err)
        raise BuildFailed(f"{shown}: MkDocs kan inte läsa konfigurationen ({said})") from None
    if not isinstance(config.plugins.get("handbook"), HandbookPlugin):
        raise BuildFailed(
            f"{shown}: konfigurationen saknar tillägget 'handbook' under plugins, som bygger handboken; "
            "utgå från mkdocs.yml som samverkanshandbok init skriver"
        )
    return config


def _check_pages(docs: Path) -> None:
    """A hand-written page that is not UTF-8 is named with its place, before MkDocs reads it
    (its own error would be an internal one that quotes the whole file)."""
    for page in sorted(docs.rglob("*.md")):
        raw = page.read_bytes()
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as err:
            line = raw.count(b"\n", 0, err.start) + 1
            column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
            raise BuildFailed(
                f"{display_path(page)}:{line}:{column}: sidan är inte sparad som UTF-8 (byte 0x{raw[err.start]:02x}); "
                "spara den som UTF-8 i din editor"
            ) from None


class _WarningCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())
