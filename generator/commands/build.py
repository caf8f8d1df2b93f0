"""`build`: the whole site, built strictly by MkDocs into a folder that is swapped in whole."""

from __future__ import annotations

import argparse
import sys

from ..adapters import mkdocs_build
from ..write import check_target, check_zip_target, staging, zip_tree
from .common import cache, counted, keep, print_warnings, protected, read


def run(args: argparse.Namespace) -> int:
    never = [*protected(args), args.config]
    check_target(args.site, never, outside=never)  # a refused target costs no rendering
    if args.zip:
        check_zip_target(args.zip, args.site, protected(args))
    handbook = read(args)  # report data errors plainly before MkDocs starts
    kept = cache(args)
    try:
        with staging(args.site, protected=never, outside=never) as stage:
            rendered = mkdocs_build.build(args.config, stage, handbook, kept)
            if args.zip:  # packed before the swap: a zip that cannot be written leaves the site as it was
                zip_tree(
                    stage, args.zip, handbook.version_date, name=args.site.resolve().name, protected=protected(args)
                )
    except mkdocs_build.BuildFailed as failure:
        print(f"{failure}\nHandboken byggdes inte; {args.site}/ är oförändrad.", file=sys.stderr)
        return 1
    warnings = print_warnings(handbook)  # listed before the verdict, which counts them
    print(f"Handboken är byggd i {args.site}/{counted(warnings)}.")
    keep(args, handbook, kept, rendered.history)
    if args.zip:
        print(f"Packad som {args.zip}.")
    return 0
