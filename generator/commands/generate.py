"""`generate`: the generated Markdown, calendars, pictures and PDFs in a folder, for another engine."""

from __future__ import annotations

import argparse

from ..engines.binaries import built_site
from ..write import check_target, write_tree
from .common import cache, keep, protected, read


def run(args: argparse.Namespace) -> int:
    never = protected(args)
    check_target(args.out, never, outside=never)  # before the PDFs: a refused target costs nothing
    handbook = read(args)
    kept = cache(args)
    site = built_site(handbook, kept)
    write_tree(site.files, args.out, protected=never, outside=never)
    print(f"Skrev {len(site.files)} filer (Markdown, kalendrar, bilder, PDF) till {args.out}/.")
    keep(args, handbook, kept, site.history)
    return 0
