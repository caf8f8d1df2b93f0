"""`python -m generator`: first a check that the generator's packages are there, so that a run
outside the virtual environment (a fresh terminal, the system's Python) ends in a Swedish sentence
saying what to run instead, not in a traceback from an import deep inside."""

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

raise SystemExit(main())
