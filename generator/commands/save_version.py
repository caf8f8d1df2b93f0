"""`save-version`: keep a copy of each cooperation's data as published, to compare the next with."""

from __future__ import annotations

import argparse

from ..model.files import INFO_FILE
from ..validate import read_handbook
from ..validate.versions import version_folder
from ..write import write_file


def run(args: argparse.Namespace) -> int:
    handbook = read_handbook(args.data)  # only valid data is worth keeping
    for c in handbook.cooperations:
        if args.cooperation not in (None, c.id):
            continue
        folder = args.data / c.id
        target = version_folder(folder, c)
        if target.exists():
            print(f"{target}/ finns redan; versionen {c.info.version_date.isoformat()} är redan sparad.")
            continue
        for path in sorted(folder.glob("*.yaml")):
            write_file(target / path.name, path.read_text(encoding="utf-8"))
        print(f"Sparade {c.info.short_name} version {c.info.version_date.isoformat()} i {target}/.")
        if not any(v.date == c.info.version_date for v in c.info.versions):
            print(f"Lägg till den under 'versioner' i {folder / INFO_FILE}: - datum: {c.info.version_date}")
    return 0
