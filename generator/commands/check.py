"""`check`: read and check the data as a build would, and list every error and warning."""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from pathlib import Path

from ..annotations import SUMMARY_LIMIT, step_summary, workflow_commands
from ..errors import DataErrors
from ..model import Handbook
from ..model.history import HISTORY_FILE, changed
from ..render.outputs import check_outputs
from ..validate.warnings import collect_warnings
from ..write import append_file
from .common import counted, print_warnings, read_checked


def run(args: argparse.Namespace) -> int:
    if args.format == "github":
        return _check_for_github(args.data)
    handbook, changed = _checked(args.data)
    if changed:
        print(
            f"{changed} kalenderhändelser är nya eller ändrade sedan förra bygget: bygget "
            "(`make site` eller `samverkanshandbok build`) skriver "
            f"{args.data / HISTORY_FILE}, som ska checkas in tillsammans med ändringen."
        )
    warnings = print_warnings(handbook)  # listed before the verdict, which counts them
    names = ", ".join(c.info.short_name for c in handbook.cooperations)
    print(f"Inga fel i {args.data}{counted(warnings)}. Kontrollerade {len(handbook.cooperations)} samverkan ({names}).")
    return 0


def _checked(data: Path) -> tuple[Handbook, int]:
    """The data read and checked as a build would check it, and how many calendar events are new
    or changed: two events with one UID and two outputs with one path are errors here too."""
    handbook = read_checked(data)
    return handbook, changed(handbook.history, check_outputs(handbook))


def _check_for_github(data: Path) -> int:
    """Every error and warning as a workflow command on stdout, for annotations on a pull request,
    and all of them in the step's summary (GitHub shows only the first annotations of each kind)."""
    try:
        found, failed = collect_warnings(_checked(data)[0], datetime.date.today()), False
    except DataErrors as errors:
        found, failed = errors.errors, True
    for line in workflow_commands(found):
        print(line)
    if summary := os.environ.get("GITHUB_STEP_SUMMARY"):  # other steps write there too: add, never replace
        path = Path(summary)
        used = path.stat().st_size if path.is_file() else 0
        if SUMMARY_LIMIT - used > 1000:  # a summary already full takes nothing more
            append_file(path, step_summary(found, SUMMARY_LIMIT - used), protected=[data])
    if failed:
        print(f"{len(found)} fel i datafilerna.", file=sys.stderr)
    return 1 if failed else 0
