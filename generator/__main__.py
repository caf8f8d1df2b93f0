"""`python -m generator`: first a check that the generator's packages are there, so that a run
outside the virtual environment (a fresh terminal, the system's Python) ends in a Swedish sentence
saying what to run instead, not in a traceback from an import deep inside."""

import gc
import importlib.util
import shlex
import signal
import sys
from pathlib import Path

# Stopped while still starting (before cli.main takes SIGTERM over): nothing is written yet, so a
# Swedish line and exit code 1, not a silent death by the signal.
signal.signal(signal.SIGTERM, lambda number, frame: sys.exit("Avbrutet innan något skrevs."))

# The imported name of each package in pyproject's dependencies that the commands import.
REQUIRED = ("yaml", "jinja2", "markdown", "mkdocs", "material", "icalendar", "holidays", "docx", "cairosvg")


def _missing() -> list[str]:
    return [name for name in REQUIRED if importlib.util.find_spec(name) is None]


if missing := _missing():
    command = shlex.join(["python", "-m", "generator", *sys.argv[1:]])
    venv = Path(".venv/bin/python")
    first = "" if venv.exists() else "Kör `make site` en gång (den skapar .venv och installerar allt), sedan: "
    print(
        f"Generatorn körs utanför sin virtuella miljö: Python-paketet '{missing[0]}' saknas.\n"
        f"{first}.venv/bin/{command}\n"
        "Eller använd make, som hittar miljön själv: make check, make site, make new-year AR=2028, "
        "make diff FORE=main~5 EFTER=main, make save-version.",
        file=sys.stderr,
    )
    raise SystemExit(1)

from .cli import main  # noqa: E402 - only once the packages are known to be there

# A build makes hundreds of thousands of objects that live until it ends (Markdown trees, pages,
# WeasyPrint's boxes), and Python's cyclic collector went through them again every 700 new ones:
# a tenth of a build's time. The modules loaded so far are set aside for good, and the youngest
# objects are looked at after 10,000 new ones. Memory freed by reference counting (nearly all of
# it) is freed as before. The workers that draw (engines/parallel.py) are forked and keep both.
gc.freeze()
gc.set_threshold(10_000, 20, 100)

raise SystemExit(main())
