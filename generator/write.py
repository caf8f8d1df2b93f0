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
import ctypes
import datetime
import errno
import os
import shutil
import signal
import stat
import tempfile
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from types import FrameType

from .errors import display_path
from .targets import (
    MARKER,
    MARKER_TEXT,
    OutputRefused,
    as_refusal,
    check_file_target,
    check_parent,
    check_target,
    file_mode,
    folder_mode,
    target_lock,
)

__all__ = ["MARKER", "MARKER_TEXT", "OutputRefused", "check_file_target", "check_target"]
_as_refusal = as_refusal
_SCRATCH: set[Path] = set()  # removed at exit, also after SIGTERM (see `stop_on_signals`)


def stop_on_signals() -> None:
    """SIGTERM stops the program as Ctrl-C (SIGINT) does: by an exception, so that every
    staging and scratch folder is removed on the way out instead of left behind."""
    signal.signal(signal.SIGTERM, _interrupt)


def _interrupt(number: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


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
    with _as_refusal(shown):
        resolved.parent.mkdir(parents=True, exist_ok=True)
    with target_lock(resolved, shown):
        check_target(target, protected, outside)  # again: another build may have swapped meanwhile
        with _as_refusal(shown):
            _remove_leftovers(resolved)
            stage = _new_folder(f".{resolved.name}-ny-", resolved.parent)
        yield from _staged(stage, resolved, shown, marker)


def _staged(stage: Path, resolved: Path, shown: str, marker: bool) -> Iterator[Path]:
    try:
        with _as_refusal(shown):
            (stage / MARKER).write_text(MARKER_TEXT, encoding="utf-8")  # also marks a leftover as ours
        yield stage
        if not (stage / MARKER).is_file() or (stage / MARKER).is_symlink():  # never a site without it
            raise OutputRefused(f"{shown}: bygget tog bort markeringsfilen {MARKER}; inget byttes ut")
        if not marker:
            (stage / MARKER).unlink()
        with _as_refusal(shown):
            _replace(stage, resolved)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _remove_leftovers(target: Path) -> None:
    """Staging folders that an interrupted build left beside `target` (they carry the marker); an
    old site that a crash left between two renames is put back first, not removed."""
    if not target.exists():
        for old in sorted(target.parent.glob(f".{_glob_escape(target.name)}-gammal-*")):
            if _ours(old) and any(old.iterdir()):
                old.rename(target)
                break
    for kind in ("ny", "gammal"):
        for leftover in target.parent.glob(f".{_glob_escape(target.name)}-{kind}-*"):
            if _ours(leftover):
                shutil.rmtree(leftover, ignore_errors=True)


def _ours(folder: Path) -> bool:
    if not folder.is_dir() or folder.is_symlink():
        return False
    return (folder / MARKER).is_file() or not any(folder.iterdir())


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[]" else c for c in name)


def write_tree(
    files: Mapping[str, str | bytes],
    target: Path,
    protected: Iterable[Path] = (),
    marker: bool = True,
    outside: Iterable[Path] = (),
) -> None:
    """Write `{relative path: text or bytes}` as a folder that replaces `target` atomically."""
    with staging(target, protected, marker, outside) as stage, _as_refusal(display_path(target)):
        write_files(files, stage)


def write_files(files: Mapping[str, str | bytes], folder: Path, keep: bool = False) -> None:
    """Write `{relative path: text or bytes}` into `folder`, which the caller has staged. With
    `keep`, a file that is already there (a hand-written page) is an `OutputRefused`."""
    for relative, content in sorted(files.items()):
        path = folder / relative
        if keep and path.exists():
            raise OutputRefused(f"docs/{relative} finns både som handskriven och genererad sida; ta bort den ena")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(as_bytes(content))


def read_files(folder: Path) -> dict[str, bytes]:
    """`{relative path: bytes}` of the regular files under `folder` (links followed as `copytree`
    does), to be written elsewhere with `write_files`: copies take the one route too."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def scratch_folder(prefix: str) -> Path:
    """A new temporary folder with the marker, for files only the generator reads (the preview's sources)."""
    folder = _new_folder(prefix)
    _SCRATCH.add(folder)
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    return folder


def remove_scratch(folder: Path) -> None:
    """Remove a folder from `scratch_folder`, and nothing else: without the marker it stays."""
    _SCRATCH.discard(folder)
    if _ours(folder):
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
    """Put `new` in the place of `target`: in one step where the system can exchange two folders
    (Linux), so that no moment and no crash leaves the site missing; else by two renames."""
    if not target.exists():
        new.rename(target)
        return
    if _exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)  # now the old site
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


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically with renameat2(RENAME_EXCHANGE); False where there is none."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    here, exchange = -100, 2  # AT_FDCWD, RENAME_EXCHANGE
    if renameat2(here, os.fsencode(first), here, os.fsencode(second), exchange) == 0:
        return True
    number = ctypes.get_errno()
    if number in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(number, os.strerror(number), str(second))


def check_zip_target(target: Path, packed: Path, protected: Iterable[Path] = ()) -> None:
    """`OutputRefused` unless a zip of the folder `packed` may be written to `target`: checked
    before the build, so that a refused zip costs no rendering."""
    shown = display_path(target)
    if target.is_dir():
        raise OutputRefused(f"{shown}: är en mapp; ange ett filnamn för zip-filen, t.ex. handbok.zip")
    resolved = packed.resolve()
    if resolved == target.resolve() or resolved in target.resolve().parents:  # the folder being replaced
        raise OutputRefused(f"{shown}: zip-filen kan inte ligga i mappen som den packar")
    check_file_target(target, protected, kind="zip")


def zip_tree(folder: Path, target: Path, when: datetime.date, name: str, protected: Iterable[Path] = ()) -> None:
    """Pack `folder` as `name/…` into `target` (atomically), with sorted entries and one fixed
    date, so the same site always gives the same bytes. The marker file stays out."""
    shown = display_path(target)
    check_zip_target(target, folder.parent / name, protected)
    stamp = (when.year, when.month, when.day, 0, 0, 0)
    with _as_refusal(shown):
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = _new_file(target.parent, f".{target.name}-")
    try:
        with _as_refusal(shown), zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.name != MARKER):
                info = zipfile.ZipInfo(f"{name}/{path.relative_to(folder).as_posix()}", stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, path.read_bytes())
        with _as_refusal(shown):
            Path(temporary).replace(target)
    finally:
        Path(temporary).unlink(missing_ok=True)


def write_file(path: Path, text: str | bytes) -> None:
    """Write one file atomically: a reader sees the old file or the new, never half of one."""
    shown = display_path(path)
    if path.is_dir():
        raise OutputRefused(f"{shown}: är en mapp, inte en fil")
    check_parent(path.resolve(), shown)
    with _as_refusal(shown):
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = _new_file(path.parent, f".{path.name}-")
    try:
        with _as_refusal(shown):
            Path(temporary).write_bytes(as_bytes(text))
            Path(temporary).replace(path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def append_file(path: Path, text: str, protected: Iterable[Path] = ()) -> None:
    """Add `text` at the end of `path` (GitHub's step summary, which other steps write too),
    never following a link and never into the data or the docs."""
    shown = display_path(path)
    check_file_target(path, protected)
    with _as_refusal(shown):
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
        handle = os.open(path, flags, file_mode())  # O_NONBLOCK: a FIFO without a reader fails, never waits
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            os.close(handle)
            raise OutputRefused(f"{shown}: är ingen vanlig fil; sammanfattningen skrivs inte dit")
        with os.fdopen(handle, "ab") as file:
            file.write(text.encode("utf-8"))
