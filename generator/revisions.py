"""Two versions of the data to compare: folders as they are, or git revisions unpacked
into a temporary folder with `git archive`, never touching the work tree."""

from __future__ import annotations

import contextlib
import io
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path


class VersionNotFound(Exception):
    """The version named is neither a folder nor a git revision; the message says why."""


@contextlib.contextmanager
def data_folder(version: str, data: Path) -> Iterator[Path]:
    """`version` itself if it is a folder; else the data folder `data` as git revision `version`
    has it, unpacked into a temporary folder that is removed afterwards."""
    if Path(version).is_dir():
        yield Path(version)
        return
    with tempfile.TemporaryDirectory(prefix="handbok-version-") as temporary:
        archive = _git_archive(version, data)
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(temporary, filter="data")  # refuses links and paths that leave the folder
        yield Path(temporary) / data


def _git_archive(revision: str, data: Path) -> bytes:
    if revision.startswith("-"):  # never let a revision be read as an option
        raise _not_found(revision, "en version får inte börja med '-'")
    try:
        result = subprocess.run(  # noqa: S603 - a fixed command; the revision cannot be an option
            ["git", "archive", "--format=tar", revision, "--", data.as_posix()],  # noqa: S607 - git from PATH
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise _not_found(revision, "git finns inte på datorn") from None
    if result.returncode != 0:
        reason = result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["okänt fel"]
        raise _not_found(revision, f"varken en mapp eller en version i git ({reason[0]})")
    return result.stdout


def _not_found(version: str, reason: str) -> VersionNotFound:
    return VersionNotFound(f"{version}: {reason}")
