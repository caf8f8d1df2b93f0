"""What git knows about the data: two versions to compare (folders as they are, or git revisions
unpacked into a temporary folder with `git archive`, never touching the work tree), and the
calendar history as committed, which a build may add to but never lower."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import DataError, DataErrors, Position, display_path
from .model.history import HISTORY_FILE, MAX_BYTES, History, HistoryError, losses, parse_history


class VersionNotFound(Exception):
    """The version named is neither a folder nor a git revision; the message says why."""


@contextlib.contextmanager
def data_folder(version: str, data: Path) -> Iterator[Path]:
    """`version` itself if it is a folder; else the data folder `data` as git revision `version`
    has it, unpacked into a temporary folder that is removed afterwards. Errors in its files
    name the revision and the path in the repository (`HEAD~1:data/sml/grupper.yaml:3:1`),
    never the temporary folder."""
    if Path(version).is_dir():
        yield Path(version)
        return
    root, inside = _in_repository(version, data)
    with tempfile.TemporaryDirectory(prefix="handbok-version-") as temporary:
        archive = _git_archive(version, inside, root)
        try:
            with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
                tar.extractall(temporary, filter="data")  # refuses links and paths that leave the folder
        except (tarfile.TarError, OSError) as err:
            raise _not_found(version, f"{inside.as_posix()} kan inte packas upp ({_tar_reason(err)})") from None
        try:
            yield Path(temporary) / inside
        except DataErrors as errors:
            raise DataErrors([_renamed(e, Path(temporary), version) for e in errors.errors]) from None


def _in_repository(version: str, data: Path) -> tuple[Path, Path]:
    """The repository's top folder and `data` relative to it: the same for `data` and its absolute path."""
    top = _git(Path.cwd(), "rev-parse", "--show-toplevel")
    if top is None:
        raise _not_found(version, "varken en mapp eller en version i git (här finns inget git-repo)")
    root = Path(top.decode("utf-8", "replace").strip()).resolve()
    try:
        return root, data.resolve().relative_to(root)
    except ValueError:
        raise _not_found(version, f"datamappen {display_path(data)} ligger utanför git-repot {root}") from None


def _tar_reason(err: Exception) -> str:
    if isinstance(err, tarfile.FilterError) and err.tarinfo.issym():
        return f"'{err.tarinfo.name}' är en länk som pekar utanför datamappen"
    if isinstance(err, tarfile.FilterError):
        return f"'{err.tarinfo.name}' får inte packas upp"
    return "arkivet från git är trasigt"


def _renamed(error: DataError, temporary: Path, version: str) -> DataError:
    """`error` with the temporary folder in its file name replaced by the revision."""
    file = error.position.file
    for folder in {str(temporary), str(temporary.resolve()), display_path(temporary)}:
        if file.startswith(folder + "/"):
            file = f"{version}:{file.removeprefix(folder + '/')}"
            break
    return dataclasses.replace(error, position=dataclasses.replace(error.position, file=file))


def _git_archive(revision: str, inside: Path, root: Path) -> bytes:
    if revision.startswith("-"):  # never let a revision be read as an option
        raise _not_found(revision, "en version får inte börja med '-'")
    try:
        result = subprocess.run(  # noqa: S603 - a fixed command; the revision cannot be an option
            ["git", "archive", "--format=tar", revision, "--", inside.as_posix()],  # noqa: S607 - git from PATH
            capture_output=True,
            check=False,
            cwd=root,
        )
    except FileNotFoundError:
        raise _not_found(revision, "git finns inte på datorn") from None
    if result.returncode != 0:
        reason = result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["okänt fel"]
        raise _not_found(revision, f"varken en mapp eller en version i git med {inside.as_posix()} ({reason[0]})")
    return result.stdout


def _not_found(version: str, reason: str) -> VersionNotFound:
    return VersionNotFound(f"{version}: {reason}")


def history_problems(data: Path, history: History) -> list[DataError]:
    """What the calendar history `history` in `data` has lost of the one committed in git (at
    HEAD), as located errors saying how to restore it; none outside a git repository."""
    path = data / HISTORY_FILE
    shown = display_path(path)
    if not data.is_dir():
        return []
    size = _git(data, "cat-file", "-s", f"HEAD:./{HISTORY_FILE}")
    if size is None:
        return _missing(data, path, shown)
    if not size.strip().isdigit() or int(size) > MAX_BYTES:
        return []  # the committed file is no history; the data's own check says so when it is read
    committed = _git(data, "show", f"HEAD:./{HISTORY_FILE}") or b""
    try:
        before = parse_history(committed.decode("utf-8"))
    except (HistoryError, UnicodeDecodeError):
        return []  # a damaged committed version is nothing to compare with
    restore = f"Återställ den incheckade versionen med `git checkout -- {shown}` och bygg igen."
    if not path.exists():
        return [DataError(Position(shown), f"kalenderhistoriken saknas, men den är incheckad i git. {restore}")]
    return [DataError(Position(shown), f"kalenderhistoriken: {loss}. {restore}") for loss in losses(before, history)]


def _missing(data: Path, path: Path, shown: str) -> list[DataError]:
    """A history that is gone from the work tree and from HEAD, but that git had before."""
    if path.exists() or path.is_symlink():
        return []
    last = _git(data, "log", "-1", "--format=%h", "--", HISTORY_FILE)
    commit = last.decode("ascii", "replace").strip() if last else ""
    if not commit:
        return []
    return [
        DataError(
            Position(shown),
            f"kalenderhistoriken saknas, men git har haft den (borttagen i {commit}): utan den börjar varje "
            f"händelse om på SEQUENCE 0 och kalenderprogrammen behåller gamla versioner. Återställ den med "
            f"`git checkout {commit}~1 -- {shown}` och bygg igen.",
        )
    ]


def _git(folder: Path, *arguments: str) -> bytes | None:
    """What `git -C folder arguments…` prints, or None if git fails or is missing."""
    try:
        result = subprocess.run(  # noqa: S603 - fixed arguments
            ["git", "-C", str(folder), *arguments],  # noqa: S607 - git from PATH
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None
