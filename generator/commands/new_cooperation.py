"""`new-cooperation`: a new cooperation's folder, with an example in every file."""

from __future__ import annotations

import argparse
import datetime
import re
import sys

from ..scaffold import name_problem, scaffold
from ..validate import RESERVED_FOLDERS, read_handbook
from ..validate.types import ID_PATTERN
from ..write import write_tree
from .common import print_warnings


def run(args: argparse.Namespace) -> int:
    folder = args.data / args.id
    problem = name_problem(args.name)
    if not re.fullmatch(ID_PATTERN, args.id):
        problem = f"ogiltigt id '{args.id}': använd små bokstäver a–z, siffror och bindestreck (id blir mappens namn)"
    elif args.id in RESERVED_FOLDERS:
        problem = f"id '{args.id}' används redan av handbokens egna sidor; välj ett annat (ingenting skrevs)"
    elif folder.exists():
        problem = f"{folder} finns redan; välj ett annat id (ingenting skrevs)"
    elif not args.data.is_dir():
        problem = f"datamappen {args.data} finns inte"
    if problem:
        print(problem, file=sys.stderr)
        return 1
    write_tree(scaffold(args.name, datetime.date.today()), folder, marker=False)  # the editor's data, not output
    print(f"Skapade {folder}/ med exempel i varje fil. Byt ut exemplen och kör make check (samverkanshandbok check).")
    print_warnings(read_handbook(args.data))  # the new folder must load like any other
    return 0
