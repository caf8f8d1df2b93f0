"""What several commands share: reading the data, the cache, the targets no output may touch,
and keeping what a build made."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from ..engines.cache import Cache, CacheUnavailable
from ..errors import DataErrors
from ..model import Handbook, with_address
from ..model.history import HISTORY_FILE, Revision, changed, history_text
from ..revisions import history_problems
from ..validate import read_handbook
from ..validate.warnings import collect_warnings
from ..write import write_file

DEFAULT_DATA = Path("data")
DEFAULT_CONFIG = Path("mkdocs.yml")


def read(args: argparse.Namespace) -> Handbook:
    handbook = read_checked(args.data)
    return with_address(handbook, args.address) if getattr(args, "address", None) else handbook


def read_checked(data: Path) -> Handbook:
    """The data, and a calendar history that has not lost what git says was published."""
    handbook = read_handbook(data)
    problems = history_problems(data, handbook.history)
    if problems:
        raise DataErrors(problems)
    return handbook


def protected(args: argparse.Namespace) -> list[Path]:
    """The folders no output may be, contain or lie in: the data and the docs."""
    config = getattr(args, "config", DEFAULT_CONFIG)
    return [args.data, config.parent / "docs"]


def print_warnings(handbook: Handbook) -> int:
    """Print every warning; returns how many, for the verdict line that follows them."""
    # The clock is read here, at the edge, only to warn; no output file depends on it.
    warnings = collect_warnings(handbook, datetime.date.today())
    for warning in warnings:
        print(warning, file=sys.stderr)
    sys.stderr.flush()  # before the verdict on stdout, which counts them
    return len(warnings)


def counted(warnings: int) -> str:
    """', 2 varningar (se ovan)' for the verdict line after the warnings; nothing without any."""
    return f", {warnings} {'varning' if warnings == 1 else 'varningar'} (se ovan)" if warnings else ""


def cache(args: argparse.Namespace) -> Cache | None:
    """The cache, or None when there is none; one that cannot be written only makes the build slower."""
    if args.cache is None:
        return None
    try:
        return Cache(args.cache, protected(args))
    except CacheUnavailable as unavailable:
        print(f"{unavailable}; bygget gör PDF och PNG på nytt och tar längre tid.", file=sys.stderr)
        return None


def keep(args: argparse.Namespace, handbook: Handbook, cache: Cache | None, history: dict[str, Revision]) -> None:
    """After a build that succeeded: keep the PDF and PNG files it made, and what the calendars
    now say (so that the next build knows which events changed)."""
    if cache is not None:
        cache.save()
    if history != handbook.history:
        path = args.data / HISTORY_FILE
        write_file(path, history_text(history))
        count = changed(handbook.history, history)
        print(f"Kalenderhistoriken har {count} nya eller ändrade händelser: checka in {path}.")
