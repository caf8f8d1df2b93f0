"""Plain helpers that several test modules share: a copy of the project, a digest of a folder,
the calendar feeds read back by libical, and a program run in a new interpreter. (Fixtures live
in conftest.py and browser.py.)"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from conftest import FIXTURE_DATA, ROOT, require_tool

LIBICAL_DUMP = ROOT / "tests" / "tools" / "libical_dump.py"
SYSTEM_PYTHON = "/usr/bin/python3"


def project_copy(target: Path, data: Path | None = FIXTURE_DATA) -> Path:
    """A checkout of the project as an editor has it (docs/, mkdocs.yml; the theme comes from the
    package), with a copy of `data` as its data/ unless `data` is None; returns `target`."""
    shutil.copytree(ROOT / "docs", target / "docs")
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    if data is not None:
        shutil.copytree(data, target / "data")
    return target


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file below `folder` by its relative path, with the SHA-256 of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def libical(files: list[Path]) -> list[dict[str, Any]]:
    """The feeds as libical reads them (an independent implementation, run under Debian's Python)."""
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import gi"], capture_output=True, check=False)
    require_tool("libical (python3-gi, gir1.2-ical-3.0)", probe.returncode == 0)
    result = subprocess.run(
        [SYSTEM_PYTHON, str(LIBICAL_DUMP), *map(str, files)], capture_output=True, text=True, check=True
    )
    return list(json.loads(result.stdout))


def in_a_fresh_process(program: str, timeout: float = 120) -> dict[str, Any]:
    """Run `program` in a new interpreter, where no other test's thread keeps the pool away (and a
    worker's death cannot end pytest); it prints its findings as JSON on its last line."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(program)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,  # a build that waits for ever fails here instead of stopping the suite
    )
    assert result.returncode == 0, result.stderr
    found: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return found
