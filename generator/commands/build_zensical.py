"""`build-zensical`: the site built by Zensical, the successor engine, instead of MkDocs."""

from __future__ import annotations

import argparse
import sys

from ..adapters import zensical_build
from ..write import check_target
from .common import cache, keep, print_warnings, protected, read


def run(args: argparse.Namespace) -> int:
    never = [*protected(args), args.config]
    check_target(args.out, never, outside=never)  # before the PDFs: a refused target costs nothing
    handbook = read(args)
    kept = cache(args)
    try:
        rendered = zensical_build.build(args.config, args.out, handbook, kept, protected=never)
    except zensical_build.BuildFailed as failure:
        print(f"{failure}\nHandboken byggdes inte med Zensical; {args.out}/ är oförändrad.", file=sys.stderr)
        return 1
    print(f"Handboken är byggd med Zensical i {args.out / zensical_build.SITE}/ (projektet i {args.out}/).")
    keep(args, handbook, kept, rendered.history)
    print_warnings(handbook)
    return 0
