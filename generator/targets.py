"""The rules every path the generator writes must pass, for write.py: which targets may be
replaced, the modes new files and folders get, and the lock that keeps two builds apart.

One set of rules for every output (site, offline copy, zip, cache, `generate --out`,
`build-zensical`, scaffolds, the step summary): a target is never the data, the docs, the
working folder or a folder the generator did not write; it is checked before anything is
rendered; and only one process at a time writes it.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import display_path

MARKER = ".samverkanshandbok"
MARKER_TEXT = (
    "Den här mappen skrevs av samverkanshandbokens generator.\n"
    "Nästa bygge ersätter hela mappen: lägg inga egna filer här.\n"
)


class OutputRefused(Exception):
    """A folder or file the generator must not or cannot write; the message is Swedish and says why."""


def check_target(target: Path, protected: Iterable[Path] = (), outside: Iterable[Path] = ()) -> Path:
    """The resolved `target` if a build may replace it; `OutputRefused` otherwise. It may neither
    be nor contain a `protected` folder, nor lie inside one of the `outside` folders."""
    shown = display_path(target)
    resolved = target.resolve()
    check_parent(resolved, shown)
    for keep in (*protected, Path.cwd()):
        kept = keep.resolve()
        if resolved == kept or resolved in kept.parents:
            raise OutputRefused(
                f"{shown}: mappen är eller innehåller {display_path(keep) or '.'}, som generatorn aldrig "
                "ersätter; välj en egen mapp för utdata, t.ex. site"
            )
    if resolved.exists() and not resolved.is_dir():
        raise OutputRefused(f"{shown}: finns redan och är ingen mapp; välj en mapp för utdata")
    if resolved.is_dir():
        _check_replaceable(resolved, shown)
    _check_not_inside(resolved, f"{shown}: mappen", outside)
    return resolved


def check_file_target(path: Path, protected: Iterable[Path] = (), kind: str = "") -> Path:
    """The resolved `path` if an output file (a zip, a summary) may be written there: never inside
    the data or the docs, never a folder, and with `kind` 'zip' never over a file that is no zip."""
    shown = display_path(path)
    resolved = path.resolve()
    if resolved.is_dir():
        raise OutputRefused(f"{shown}: är en mapp; ange ett filnamn, t.ex. handbok.zip")
    check_parent(resolved, shown)
    _check_not_inside(resolved, f"{shown}: filen", protected)
    if kind == "zip" and resolved.exists() and not _is_zip(resolved):
        raise OutputRefused(
            f"{shown}: filen finns redan och är ingen zip-fil, så den skrivs inte över; välj ett nytt filnamn"
        )
    return resolved


def _is_zip(path: Path) -> bool:
    try:
        return path.is_file() and zipfile.is_zipfile(path)
    except OSError:
        return False


def _check_not_inside(resolved: Path, what: str, folders: Iterable[Path]) -> None:
    for keep in folders:
        kept = keep.resolve()
        if resolved == kept or kept in resolved.parents:
            raise OutputRefused(
                f"{what} ligger i {display_path(keep) or '.'}, där generatorn aldrig skriver utdata; "
                "välj en plats utanför data- och docs-mapparna"
            )


def _check_replaceable(folder: Path, shown: str) -> None:
    try:
        entries = [p.name for p in folder.iterdir()]
    except OSError as err:
        raise OutputRefused(f"{shown}: mappen kan inte läsas ({reason(err)})") from None
    if ".git" in entries:
        raise OutputRefused(f"{shown}: mappen är ett git-repo; generatorn ersätter den aldrig")
    marker = folder / MARKER
    if entries and not (marker.is_file() and not marker.is_symlink()):
        raise OutputRefused(
            f"{shown}: mappen finns redan och är inte skriven av generatorn (filen {MARKER} saknas), "
            "så den ersätts inte. Välj en ny eller tom mapp, eller töm mappen själv om innehållet kan tas bort."
        )


def check_parent(resolved: Path, shown: str) -> None:
    ancestor = resolved.parent
    while not ancestor.exists():
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        raise OutputRefused(f"{shown}: kan inte skapas, eftersom {display_path(ancestor)} är en fil och ingen mapp")
    if not os.access(ancestor, os.W_OK | os.X_OK):
        raise OutputRefused(f"{shown}: du har inte behörighet att skriva i {display_path(ancestor)}")


def umask() -> int:
    """The user's umask (read by setting it and putting it back: the only portable way)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def folder_mode() -> int:
    """The mode `mkdir` would give: mkdtemp's 0700 would make a web server answer 403."""
    return 0o777 & ~umask()


def file_mode() -> int:
    """The mode `open` would give a new file: mkstemp's 0600 would hide it from the web server."""
    return 0o666 & ~umask()


@contextlib.contextmanager
def target_lock(resolved: Path, shown: str) -> Iterator[None]:
    """Hold the lock of `resolved` (a file beside it) for the block; a second process that wants
    it is refused at once, so two builds never interleave their swaps."""
    lock = resolved.parent / f".{resolved.name}.lock"
    while True:
        with as_refusal(shown):
            handle = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, file_mode())
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(handle)
            raise OutputRefused(
                f"{shown}: ett annat bygge skriver just nu till samma mål; vänta tills det är klart och kör sedan igen"
            ) from None
        if _same_file(handle, lock):  # not a lock file that its holder removed meanwhile
            break
        os.close(handle)
    try:
        yield
    finally:
        lock.unlink(missing_ok=True)
        os.close(handle)


def _same_file(handle: int, path: Path) -> bool:
    try:
        return os.fstat(handle).st_ino == path.lstat().st_ino
    except FileNotFoundError:
        return False


@contextlib.contextmanager
def as_refusal(shown: str) -> Iterator[None]:
    """An operating-system error while writing, as a Swedish message naming the target."""
    try:
        yield
    except OSError as err:
        raise OutputRefused(f"{shown}: kunde inte skrivas ({reason(err)})") from None


_REASONS = {
    errno.EACCES: "behörighet saknas",
    errno.EPERM: "behörighet saknas",
    errno.ENOSPC: "disken är full",
    errno.EROFS: "skrivskyddad disk",
    errno.ENOTDIR: "en del av sökvägen är en fil, inte en mapp",
    errno.EISDIR: "är en mapp",
    errno.ENAMETOOLONG: "namnet är för långt",
    errno.EXDEV: "ligger på en annan disk",
    errno.ELOOP: "är en symbolisk länk",
    errno.ENXIO: "är ett rör som ingen läser",
}


def reason(err: OSError) -> str:
    return _REASONS.get(err.errno or 0, f"systemfel {err.errno}")
