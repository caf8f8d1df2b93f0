"""`new-year`: a draft meeting plan for a year, from the rules in the data."""

from __future__ import annotations

import argparse
import sys

from ..drafting import draft_schedule
from ..model.files import schedule_file
from ..validate import read_handbook
from ..write import write_file
from .common import print_warnings


def run(args: argparse.Namespace) -> int:
    handbook = read_handbook(args.data)
    chosen = [c for c in handbook.cooperations if args.cooperation in (None, c.id)]
    if not chosen:
        known = ", ".join(c.id for c in handbook.cooperations)
        print(f"Det finns ingen samverkan med id '{args.cooperation}'; välj en av: {known}", file=sys.stderr)
        return 1
    targets = {c.id: args.data / c.id / schedule_file(args.year) for c in chosen}
    existing = [str(p) for p in targets.values() if p.exists()]
    if existing and not args.force:
        print(f"Finns redan: {', '.join(existing)}. Lägg till --force för att skriva över.", file=sys.stderr)
        return 1
    for c in chosen:
        write_file(targets[c.id], draft_schedule(c, args.year))
        print(f"Skrev förslag till mötesplan: {targets[c.id]}")
    print_warnings(read_handbook(args.data))  # the draft must load like any other file
    return 0
