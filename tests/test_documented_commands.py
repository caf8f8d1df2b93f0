"""Every command the README and the editors' guide show, run as they write it from a fresh clone
after `make site`, without activating anything; and the generator run the wrong way (outside its
virtual environment) says in Swedish what to run instead."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, run_generator

DOCUMENTS = (ROOT / "README.md", ROOT / "generator" / "theme" / "docs" / "uppdatera.md")
# Commands the documents show that do not end by themselves (serve), change the machine (packages,
# the lock) or rebuild what the rest of the suite tests (the whole suite, the golden files, engines).
NOT_RUN = tuple(
    f"make {target}"
    for target in ("serve", "test", "system-packages", "lock", "golden", "offline", "site-zensical", "compare", "clean")
)
SYSTEM_PYTHON = "/usr/bin/python3"


def documented_commands() -> list[str]:
    """The `make …` lines of the documents' shell blocks and inline code, as written."""
    found: list[str] = []
    for document in DOCUMENTS:
        text = document.read_text(encoding="utf-8")
        blocks = re.findall(r"```sh\n(.*?)```", text, flags=re.DOTALL)
        lines = [line.split("  #")[0].strip() for block in blocks for line in block.splitlines()]
        # In the running text a command with its arguments; a bare `make diff` only names the target.
        lines += [" ".join(c.split()) for c in re.findall(r"`(make [^`]+)`", text) if "=" in c]
        found += [line for line in lines if line.startswith("make ") and not line.startswith(NOT_RUN)]
    return list(dict.fromkeys(line for line in found if "…" not in line and "&&" not in line))


def fresh_clone(target: Path) -> Path:
    """A clone of the repository as an editor gets it, with the suite's virtual environment in place
    of the one `make site` would install (the same pinned packages; installing them again is slow)."""
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(target)], check=True)
    has_main = subprocess.run(["git", "-C", str(target), "rev-parse", "--verify", "-q", "main"], capture_output=True)
    if has_main.returncode != 0:  # the documents compare with main; a clone of a branch names it so too
        subprocess.run(["git", "-C", str(target), "branch", "main", "HEAD"], check=True)
    (target / ".venv").symlink_to(ROOT / ".venv")
    for name in ("requirements.txt", "pyproject.toml"):  # older than the environment: make installs nothing
        os.utime(target / name, (0, 0))
    return target


def run(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    environment["PATH"] = os.pathsep.join(p for p in environment.get("PATH", "").split(os.pathsep) if ".venv" not in p)
    return subprocess.run(  # noqa: S602 - the documents' commands, run in a shell as an editor types them
        command, shell=True, cwd=cwd, env=environment, capture_output=True, text=True, check=False, timeout=900
    )


def test_the_documents_show_the_make_commands() -> None:
    commands = documented_commands()
    for expected in ("make check", "make site", "make new-year AR=2028", "make diff FORE=main~5 EFTER=main"):
        assert expected in commands
    assert any(c.startswith("make save-version") for c in commands)


@pytest.mark.slow
def test_every_documented_command_runs_as_written(tmp_path: Path) -> None:
    clone = fresh_clone(tmp_path / "handbok")
    assert run("make site", clone).returncode == 0
    failed = []
    for command in documented_commands():
        if "main~5" in command and run("git rev-parse --verify -q main~5", clone).returncode != 0:
            continue  # a shallow clone (CI's checkout) has no history to compare with
        result = run(command, clone)
        if result.returncode != 0 or "Traceback" in result.stderr:
            failed.append(f"{command}: {result.returncode}\n{result.stdout[-500:]}{result.stderr[-1500:]}")
    assert not failed, "\n\n".join(failed)


@pytest.mark.parametrize("command", ["check", "diff main~5 main", "save-version"])
def test_outside_the_environment_it_says_what_to_run(command: str) -> None:
    """The system's Python lacks the generator's packages: a Swedish sentence, never a traceback."""
    if not Path(SYSTEM_PYTHON).exists():
        pytest.skip("ingen systempython att köra utanför miljön med")
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import markdown"], capture_output=True, check=False)
    if probe.returncode == 0:
        pytest.skip("systemets Python har generatorns paket; inget att visa")
    result = run(f"{SYSTEM_PYTHON} -m generator {command}", ROOT)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "utanför sin virtuella miljö" in result.stderr
    assert f".venv/bin/python -m generator {command.split()[0]}" in result.stderr


# argparse's English and the English metavars it makes from option names.
ENGLISH_IN_HELP = (
    "usage:",
    "positional arguments",
    "options:",
    "show this help",
    "SITE",
    "CONFIG",
    "ADDRESS",
    "ZIP",
    "DATA",
    "CACHE",
    "OUT",
    "DEV_ADDR",
)
COMMANDS = (
    "",
    "check",
    "build",
    "generate",
    "build-zensical",
    "new-year",
    "serve",
    "new-cooperation",
    "diff",
    "save-version",
    "schema",
    "init",
)


@pytest.mark.parametrize("command", COMMANDS)
def test_the_help_is_in_swedish(command: str) -> None:
    result = run_generator(*command.split(), "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("användning: python -m generator")
    assert [word for word in ENGLISH_IN_HELP if word in result.stdout] == []
