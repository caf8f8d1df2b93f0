"""`save-version`: keep a copy of each cooperation's data as published, to compare the next with."""

from __future__ import annotations

import argparse
import sys

from ..model.files import INFO_FILE
from ..validate import read_handbook
from ..validate.versions import version_folder
from ..write import write_tree


def run(args: argparse.Namespace) -> int:
    handbook = read_handbook(args.data)  # only valid data is worth keeping
    chosen = [each for each in handbook.cooperations if args.cooperation in (None, each.id)]
    if not chosen:
        known = ", ".join(each.id for each in handbook.cooperations)
        print(f"Det finns ingen samverkan med id '{args.cooperation}'; välj en av: {known}", file=sys.stderr)
        return 1
    for cooperation in chosen:
        folder = args.data / cooperation.id
        target = version_folder(folder, cooperation)
        if target.exists():
            print(f"{target}/ finns redan; versionen {cooperation.info.version_date.isoformat()} är redan sparad.")
            continue
        files = {path.name: path.read_bytes() for path in sorted(folder.glob("*.yaml"))}
        write_tree(files, target, marker=False)  # the version is the editor's data: whole or not at all
        info = cooperation.info
        print(f"Sparade {info.short_name} version {info.version_date.isoformat()} i {target}/.")
        if not any(version.date == info.version_date for version in info.versions):
            print(f"Lägg till den under 'versioner' i {folder / INFO_FILE}: - datum: {info.version_date}")
    return 0
