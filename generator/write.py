"""The only module that writes to disk, and it does so atomically and never destructively.

A build writes into a fresh staging folder beside the target and swaps it in
only when everything succeeded, so a failed build leaves the previous output
exactly as it was. Every folder the generator writes carries a marker file; an
existing folder is only ever replaced if it has that marker (or is empty), and
never if it holds the data, the docs, the working folder or a git repository.
Anything else is refused with `OutputRefused` before a single file is written.
The rules themselves (targets, modes, the lock per target) are in targets.py;
every file and folder the generator writes goes through the functions here.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime
import fcntl
import os
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path, PurePosixPath

from .errors import display_path
from .targets import (
    MARKER,
    MARKER_TEXT,
    OutputRefused,
    as_refusal,
    check_file_target,
    check_parent,
    check_target,
    check_zip_target,
    file_mode,
    folder_mode,
    glob_escape,
    ours,
    same_file,
)

__all__ = ["MARKER", "MARKER_TEXT", "OutputRefused", "check_file_target", "check_target", "check_zip_target"]
_SCRATCH: set[Path] = set()  # removed at exit, also after SIGTERM (see targets.stop_on_signals)


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
        if same_file(handle, lock):  # not a lock file that its holder removed meanwhile
            break
        os.close(handle)
    try:
        yield
    finally:
        lock.unlink(missing_ok=True)
        os.close(handle)


def _new_folder(prefix: str, parent: Path | None = None) -> Path:
    """A new empty folder with the mode `mkdir` would give (not mkdtemp's 0700)."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    folder.chmod(folder_mode())
    return folder


def _new_file(parent: Path, prefix: str) -> Path:
    """A new empty file with the mode `open` would give (not mkstemp's 0600)."""
    handle, name = tempfile.mkstemp(prefix=prefix, dir=parent)
    try:
        os.fchmod(handle, file_mode())
    finally:
        os.close(handle)
    return Path(name)


@contextlib.contextmanager
def staging(
    target: Path, protected: Iterable[Path] = (), marker: bool = True, outside: Iterable[Path] = ()
) -> Iterator[Path]:
    """A temporary folder beside `target`; it replaces `target` if the block succeeds.

    The checks run first, so a refused target costs nothing and changes nothing. Without
    `marker` the new folder is the editor's from then on (a new cooperation's data): no
    later build may replace it. The target is locked meanwhile: a second build is refused."""
    protected, outside = list(protected), list(outside)
    resolved = check_target(target, protected, outside)
    shown = display_path(target)
    with as_refusal(shown):
        resolved.parent.mkdir(parents=True, exist_ok=True)
    with target_lock(resolved, shown):
        check_target(target, protected, outside)  # again: another build may have swapped meanwhile
        with as_refusal(shown):
            _remove_leftovers(resolved)
            stage = _new_folder(f".{resolved.name}-ny-", resolved.parent)
        yield from _staged(stage, resolved, shown, marker)


def _staged(stage: Path, resolved: Path, shown: str, marker: bool) -> Iterator[Path]:
    try:
        with as_refusal(shown):
            (stage / MARKER).write_text(MARKER_TEXT, encoding="utf-8")  # also marks a leftover as ours
        yield stage
        if not (stage / MARKER).is_file() or (stage / MARKER).is_symlink():  # never a site without it
            raise OutputRefused(f"{shown}: bygget tog bort markeringsfilen {MARKER}; inget byttes ut")
        if not marker:
            (stage / MARKER).unlink()
        with as_refusal(shown):
            _replace(stage, resolved)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _remove_leftovers(target: Path) -> None:
    """Staging folders that an interrupted build left beside `target` (they carry the marker); an
    old site that a crash left between two renames is put back first, not removed."""
    if not target.exists():
        for old in sorted(target.parent.glob(f".{glob_escape(target.name)}-gammal-*")):
            if ours(old) and any(old.iterdir()):
                old.rename(target)
                break
    for kind in ("ny", "gammal"):
        for leftover in target.parent.glob(f".{glob_escape(target.name)}-{kind}-*"):
            if ours(leftover):
                shutil.rmtree(leftover, ignore_errors=True)


def write_tree(
    files: Mapping[str, str | bytes],
    target: Path,
    protected: Iterable[Path] = (),
    marker: bool = True,
    outside: Iterable[Path] = (),
) -> None:
    """Write `{relative path: text or bytes}` as a folder that replaces `target` atomically."""
    with staging(target, protected, marker, outside) as stage, as_refusal(display_path(target)):
        write_files(files, stage)


def write_files(files: Mapping[str, str | bytes], folder: Path, keep: bool = False) -> None:
    """Write `{relative path: text or bytes}` into `folder`, which the caller has staged. With
    `keep`, a file that is already there (a hand-written page) is an `OutputRefused`."""
    for relative, content in sorted(files.items()):
        if not _inside(relative):
            raise OutputRefused(f"{relative[:80]!r}: en genererad fil måste ligga inne i mappen den skrivs till")
        path = folder / relative
        if keep and path.exists():
            raise OutputRefused(f"docs/{relative} finns både som handskriven och genererad sida; ta bort den ena")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(as_bytes(content))


def _inside(relative: str) -> bool:
    """A relative path that stays in its folder: not absolute, no '..', no NUL."""
    path = PurePosixPath(relative)
    return bool(relative) and not path.is_absolute() and ".." not in path.parts and "\0" not in relative


def copy_tree(source: Path, folder: Path) -> None:
    """Copy the folder `source` to `folder`, which must not exist yet (a part of a staged folder)."""
    shutil.copytree(source, folder)


def remove_file(path: Path) -> None:
    """Remove one file the generator wrote (in a staged folder or its cache); a missing file is fine."""
    path.unlink(missing_ok=True)


def scratch_folder(prefix: str) -> Path:
    """A new temporary folder with the marker, for files only the generator reads (the preview's sources)."""
    folder = _new_folder(prefix)
    _SCRATCH.add(folder)
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    return folder


def remove_scratch(folder: Path) -> None:
    """Remove a folder from `scratch_folder`, and nothing else: without the marker it stays."""
    _SCRATCH.discard(folder)
    if ours(folder):
        shutil.rmtree(folder, ignore_errors=True)


@atexit.register
def _remove_all_scratch() -> None:
    for folder in list(_SCRATCH):
        remove_scratch(folder)


def update_files(files: Mapping[str, str | bytes], before: Mapping[str, str | bytes], folder: Path) -> None:
    """Write into `folder` the files that are new or differ from `before`, and only those: the
    others keep their times, so that MkDocs' dirty build skips the pages that did not change."""
    write_files({path: content for path, content in files.items() if before.get(path) != content}, folder)


def as_bytes(content: str | bytes) -> bytes:
    """What a file holds on disk: text as UTF-8, binary files (Word, PNG) as they are."""
    return content if isinstance(content, bytes) else content.encode("utf-8")


def _replace(new: Path, target: Path) -> None:
    """Put `new` in the place of `target` by two renames; a crash between them leaves the old
    site beside the target, which the next build puts back (`_remove_leftovers`)."""
    if not target.exists():
        new.rename(target)
        return
    old = _new_folder(f".{target.name}-gammal-", target.parent)
    old.rmdir()
    target.rename(old)
    try:
        new.rename(target)
    except OSError:
        old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def zip_tree(folder: Path, target: Path, when: datetime.date, name: str, protected: Iterable[Path] = ()) -> None:
    """Pack `folder` as `name/…` into `target` (atomically), with sorted entries and one fixed
    date, so the same site always gives the same bytes. The marker file stays out."""
    shown = display_path(target)
    check_zip_target(target, folder.parent / name, protected)
    stamp = (when.year, when.month, when.day, 0, 0, 0)
    with as_refusal(shown):
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = _new_file(target.parent, f".{target.name}-")
    try:
        with as_refusal(shown), zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.name != MARKER):
                info = zipfile.ZipInfo(f"{name}/{path.relative_to(folder).as_posix()}", stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, path.read_bytes())
        with as_refusal(shown):
            Path(temporary).replace(target)
    finally:
        Path(temporary).unlink(missing_ok=True)


def write_file(path: Path, text: str | bytes) -> None:
    """Write one file atomically: a reader sees the old file or the new, never half of one."""
    shown = display_path(path)
    if path.is_dir():
        raise OutputRefused(f"{shown}: är en mapp, inte en fil")
    check_parent(path.resolve(), shown)
    with as_refusal(shown):
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = _new_file(path.parent, f".{path.name}-")
    try:
        with as_refusal(shown):
            Path(temporary).write_bytes(as_bytes(text))
            Path(temporary).replace(path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def append_file(path: Path, text: str, protected: Iterable[Path] = ()) -> None:
    """Add `text` at the end of `path` (GitHub's step summary, which other steps write too),
    never following a link and never into the data or the docs."""
    shown = display_path(path)
    check_file_target(path, protected)
    with as_refusal(shown):
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
        handle = os.open(path, flags, file_mode())  # O_NONBLOCK: a FIFO without a reader fails, never waits
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            os.close(handle)
            raise OutputRefused(f"{shown}: är ingen vanlig fil; sammanfattningen skrivs inte dit")
        with os.fdopen(handle, "ab") as file:
            file.write(text.encode("utf-8"))
