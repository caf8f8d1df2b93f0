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
import os
import signal
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import FrameType

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
                "välj en plats utanför data, docs och .git"
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


def read_files(folder: Path) -> dict[str, bytes]:
    """`{relative path: bytes}` of the regular files under `folder` (links followed as `copytree`
    does), to be written elsewhere with `write_files`: copies take the one route too."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def check_zip_target(target: Path, packed: Path, protected: Iterable[Path] = ()) -> None:
    """`OutputRefused` unless a zip of the folder `packed` may be written to `target`: checked
    before the build, so that a refused zip costs no rendering."""
    shown = display_path(target)
    if target.is_dir():
        raise OutputRefused(f"{shown}: är en mapp; ange ett filnamn för zip-filen, t.ex. handbok.zip")
    resolved = packed.resolve()
    if resolved == target.resolve() or resolved in target.resolve().parents:  # the folder being replaced
        raise OutputRefused(f"{shown}: zip-filen kan inte ligga i mappen som den packar")
    check_file_target(target, [*protected, Path.cwd() / ".git"], kind="zip")
    if target.suffix.lower() != ".zip":  # never a new README or document by mistake either
        raise OutputRefused(f"{shown}: zip-filens namn ska sluta på .zip, t.ex. handbok.zip")


def ours(folder: Path) -> bool:
    if not folder.is_dir() or folder.is_symlink():
        return False
    return (folder / MARKER).is_file() or not any(folder.iterdir())


def glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[]" else c for c in name)


def stop_on_signals() -> None:
    """SIGTERM stops the program as Ctrl-C (SIGINT) does: by an exception, so that every
    staging and scratch folder is removed on the way out instead of left behind."""
    signal.signal(signal.SIGTERM, _interrupt)


def _interrupt(number: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def same_file(handle: int, path: Path) -> bool:
    try:
        return os.fstat(handle).st_ino == path.lstat().st_ino
    except FileNotFoundError:
        return False


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
