"""`generate`: the generated Markdown, calendars, pictures and PDFs in a folder, for another engine."""

from __future__ import annotations

import argparse

from ..engines.binaries import built_site
from ..write import write_tree
from .common import cache, keep, read


def run(args: argparse.Namespace) -> int:
    handbook = read(args)
    kept = cache(args)
    site = built_site(handbook, kept)
    write_tree(site.files, args.out, protected=[args.data])
    print(f"Skrev {len(site.files)} filer (Markdown, kalendrar, bilder, PDF) till {args.out}/.")
    keep(args, handbook, kept, site.history)
    return 0
