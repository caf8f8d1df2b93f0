"""Run a strict MkDocs build in-process, for `python -m generator build`."""

from __future__ import annotations

import datetime
import logging
import os
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException


class BuildFailed(Exception):
    """The site did not build; the message says why, in the words MkDocs used."""


def build(config_file: Path, data_dir: Path, site_dir: Path, source_date: datetime.date, address: str) -> None:
    """Build the site into `site_dir`; dates MkDocs writes (sitemap) come from `source_date`, not the clock."""
    warnings = _WarningCollector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(warnings)
    epoch = datetime.datetime.combine(source_date, datetime.time(), datetime.UTC).timestamp()
    os.environ["SOURCE_DATE_EPOCH"] = str(int(epoch))
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
        config.plugins["handbook"].config.data_dir = str(data_dir.resolve())
        config.plugins["handbook"].config.address = address
        mkdocs_build(config)
    except (MkDocsException, OSError) as err:
        details = "\n".join(warnings.messages)
        raise BuildFailed(f"{details}\n{err}".strip()) from None
    finally:
        logger.removeHandler(warnings)


class _WarningCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())
