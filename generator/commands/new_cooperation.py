"""`new-cooperation`: a new cooperation's folder, with an example in every file.

The files are written first to a scratch copy of the data and read there as `check` reads
them; only if that copy has no error is the new folder written into the data, in one swap."""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import re
import sys
from pathlib import Path

from ..errors import DataError, DataErrors, display_path
from ..scaffold import name_problem, scaffold
from ..targets import read_files
from ..validate import RESERVED_FOLDERS, read_handbook
from ..validate.types import ID_PATTERN
from ..write import remove_scratch, scratch_folder, write_files, write_tree
from .common import print_warnings

MAX_ID = 40  # characters: the id is a folder name and part of every URL of the cooperation


def run(args: argparse.Namespace) -> int:
    folder = args.data / args.id
    problem = _problem(args, folder)
    if problem is None:
        try:
            files = scaffold(args.name, datetime.date.today())
        except ValueError as err:
            problem = f"{err}; välj ett annat namn (ingenting skrevs)"
    if problem:
        print(problem, file=sys.stderr)
        return 1
    errors = _staged_errors(args.data, args.id, files)
    if errors:
        print("\n".join(str(e) for e in errors), file=sys.stderr)
        print(
            f"Med den nya samverkan skulle datan inte gå igenom kontrollen; ingenting skrevs i {args.data}.",
            file=sys.stderr,
        )
        return 1
    write_tree(files, folder, marker=False)  # the editor's data, not output
    print(f"Skapade {folder}/ med exempel i varje fil. Byt ut exemplen och kör make check (samverkanshandbok check).")
    print_warnings(read_handbook(args.data))  # the new folder must load like any other
    return 0


def _problem(args: argparse.Namespace, folder: Path) -> str | None:
    if len(args.id) > MAX_ID:
        return f"id är {len(args.id)} tecken långt; högst {MAX_ID} (id blir mappens namn och en del av adresserna)"
    if not re.fullmatch(ID_PATTERN, args.id):
        return f"ogiltigt id '{args.id}': använd små bokstäver a–z, siffror och bindestreck (id blir mappens namn)"
    if args.id in RESERVED_FOLDERS:
        return f"id '{args.id}' används redan av handbokens egna sidor; välj ett annat (ingenting skrevs)"
    if folder.exists() or folder.is_symlink():
        return f"{folder} finns redan; välj ett annat id (ingenting skrevs)"
    if not args.data.is_dir():
        return f"datamappen {args.data} finns inte"
    return name_problem(args.name)


def _staged_errors(data: Path, cooperation: str, files: dict[str, str]) -> list[DataError]:
    """The errors of the data with the new folder in it, read in a scratch copy; named by where
    they would be in `data`. Any error at all means nothing is written."""
    scratch = scratch_folder("handbok-ny-samverkan-")
    try:
        copy = scratch / "data"
        write_files(read_files(data), copy)
        write_files(files, copy / cooperation)
        try:
            read_handbook(copy)
        except DataErrors as errors:
            return [_moved(error, display_path(copy), display_path(data)) for error in errors.errors]
        return []
    finally:
        remove_scratch(scratch)


def _moved(error: DataError, copy: str, data: str) -> DataError:
    """`error` in the scratch copy, named as the file in the data folder."""
    file = error.position.file
    if file == copy or file.startswith(copy + "/"):
        file = data + file.removeprefix(copy)
    return dataclasses.replace(error, position=dataclasses.replace(error.position, file=file))
