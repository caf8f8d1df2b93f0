"""`diff`: what changed between two versions of the data, per cooperation, in Swedish."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import DataErrors
from ..model.files import INFO_FILE
from ..render.pages.changes import handbook_changes, report_text
from ..revisions import VersionNotFound, data_folder
from ..validate import SITE_FILE, read_cooperation, read_handbook


def run(args: argparse.Namespace) -> int:
    """Two data folders, two git revisions, or two folders of one cooperation (e.g. a kept version)."""
    try:
        with data_folder(args.old, args.data) as old_folder, data_folder(args.new, args.data) as new_folder:
            for folder, given in ((old_folder, args.old), (new_folder, args.new)):
                if not (_is_cooperation(folder) or (folder / SITE_FILE).is_file()):
                    print(
                        f"{given}: är ingen datamapp (där finns varken {SITE_FILE} eller {INFO_FILE})", file=sys.stderr
                    )
                    return 1
            if _is_cooperation(old_folder) and _is_cooperation(new_folder):
                report = report_text(read_cooperation(old_folder), read_cooperation(new_folder))
            else:
                report = handbook_changes(read_handbook(old_folder), read_handbook(new_folder))
    except VersionNotFound as missing:
        print(missing, file=sys.stderr)
        return 1
    except DataErrors as errors:  # e.g. an old version written before a key became required
        print("\n".join(str(e) for e in errors.errors), file=sys.stderr)
        print(f"Versionerna kunde inte jämföras: {len(errors.errors)} fel i uppgifterna.", file=sys.stderr)
        return 1
    print(report, end="")
    return 0


def _is_cooperation(folder: Path) -> bool:
    return (folder / INFO_FILE).is_file()
