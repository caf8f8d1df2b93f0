"""`serve`: `mkdocs serve`, without Material's English end-of-life notice; data errors show in the browser."""

from __future__ import annotations

import argparse
import os


def run(args: argparse.Namespace) -> int:
    os.environ["NO_MKDOCS_2_WARNING"] = "1"  # read when Material's templates are imported
    from mkdocs.__main__ import cli as mkdocs_cli

    try:
        # --dirty: a change rebuilds the pages it changed, not all of them (see adapters/mkdocs_plugin.py).
        command = ["serve", "--dirty", "--config-file", str(args.config), "--dev-addr", args.dev_addr]
        mkdocs_cli.main(command, prog_name="mkdocs")
    except SystemExit as done:
        return int(done.code or 0) if isinstance(done.code, int | None) else 1
    return 0
