"""`init`: a new content project in a new folder, with one example cooperation, ready to build.

Everything is staged and moved into place at once (write.py), so a refused or failed init leaves
nothing behind; a folder that exists and is not empty is never touched.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from importlib.metadata import version
from pathlib import Path

from ..scaffold import scaffold
from ..scaffold.project import project_files
from ..validate import SCHEMA_FILES, read_handbook
from ..validate.schema import schema_files
from ..write import MARKER, MARKER_TEXT, write_tree
from .common import print_warnings

PACKAGE = "samverkanshandbok"
EXAMPLE_ID = "exempel"
EXAMPLE_NAME = "Exempelsamverkan"


def run(args: argparse.Namespace) -> int:
    folder: Path = args.folder
    if problem := _problem(folder):
        print(f"{problem} (ingenting skrevs)", file=sys.stderr)
        return 1
    write_tree(content_project(datetime.date.today()), folder, marker=False)  # the editors' project, not output
    print(f"Skapade handboksprojektet i {folder}/ med en exempelsamverkan i {folder}/data/{EXAMPLE_ID}/.")
    print(f"Nästa steg: cd {folder} och sedan {PACKAGE} build. README.md berättar resten.")
    print_warnings(read_handbook(folder / "data"))  # what init wrote must load like any other data
    return 0


def content_project(today: datetime.date) -> dict[str, str]:
    """Every file of a new project: settings and workflows, the data, and the schemas for the editor."""
    files = project_files(version(PACKAGE))
    files.update({f"data/{EXAMPLE_ID}/{name}": text for name, text in scaffold(EXAMPLE_NAME, today).items()})
    # Written by the generator (the marker says so): `samverkanshandbok schema` may replace them.
    files.update({f"data/_schema/{name}": text for name, text in schema_files(SCHEMA_FILES).items()})
    files[f"data/_schema/{MARKER}"] = MARKER_TEXT
    files["docs/.gitkeep"] = ""  # MkDocs needs docs/, git keeps no empty folder, MkDocs skips hidden files
    return files


def _problem(folder: Path) -> str | None:
    resolved = folder.resolve()
    if resolved == Path.cwd() or resolved in Path.cwd().parents:
        return f"ange en ny mapp för projektet, t.ex. {PACKAGE} init min-handbok"
    if folder.exists() and not folder.is_dir():
        return f"{folder} finns redan och är ingen mapp; välj ett nytt namn"
    if folder.is_dir() and any(folder.iterdir()):
        return f"{folder} finns redan och är inte tom; välj en ny eller tom mapp"
    return None
