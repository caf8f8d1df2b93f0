"""`schema`: the JSON schemas of the data files, for editors' completion and checks."""

from __future__ import annotations

import argparse

from ..validate import SCHEMA_FILES
from ..validate.schema import schema_files
from ..write import write_tree
from .common import DEFAULT_DATA


def run(args: argparse.Namespace) -> int:
    write_tree(schema_files(SCHEMA_FILES), args.out, protected=[DEFAULT_DATA])
    print(f"Skrev JSON-scheman till {args.out}/.")
    return 0
