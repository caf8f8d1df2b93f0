"""The only module that writes to disk, and it does so atomically and never destructively.

A build writes into a fresh staging folder beside the target and swaps it in
only when everything succeeded, so a failed build leaves the previous output
exactly as it was. Every folder the generator writes carries a marker file; an
existing folder is only ever replaced if it has that marker (or is empty), and
never if it holds the data, the docs, the working folder or a git repository.
Anything else is refused with `OutputRefused` before a single file is written.
"""

from __future__ import annotations

import contextlib
import datetime
import errno
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from .errors import display_path

MARKER = ".samverkanshandbok"
MARKER_TEXT = (
    "Den här mappen skrevs av samverkanshandbokens generator.\n"
    "Nästa bygge ersätter hela mappen: lägg inga egna filer här.\n"
)


class OutputRefused(Exception):
    """A folder or file the generator must not or cannot write; the message is Swedish and says why."""


def check_target(target: Path, protected: Iterable[Path] = ()) -> Path:
    """The resolved `target` if a build may replace it; `OutputRefused` otherwise."""
    shown = display_path(target)
    resolved = target.resolve()
    _check_parent(resolved, shown)
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
    return resolved


def _check_replaceable(folder: Path, shown: str) -> None:
    try:
        entries = [p.name for p in folder.iterdir()]
    except OSError as err:
        raise OutputRefused(f"{shown}: mappen kan inte läsas ({_reason(err)})") from None
    if ".git" in entries:
        raise OutputRefused(f"{shown}: mappen är ett git-repo; generatorn ersätter den aldrig")
    marker = folder / MARKER
    if entries and not (marker.is_file() and not marker.is_symlink()):
        raise OutputRefused(
            f"{shown}: mappen finns redan och är inte skriven av generatorn (filen {MARKER} saknas), "
            "så den ersätts inte. Välj en ny eller tom mapp, eller töm mappen själv om innehållet kan tas bort."
        )


def _check_parent(resolved: Path, shown: str) -> None:
    ancestor = resolved.parent
    while not ancestor.exists():
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        raise OutputRefused(f"{shown}: kan inte skapas, eftersom {display_path(ancestor)} är en fil och ingen mapp")
    if not os.access(ancestor, os.W_OK | os.X_OK):
        raise OutputRefused(f"{shown}: du har inte behörighet att skriva i {display_path(ancestor)}")


@contextlib.contextmanager
def staging(target: Path, protected: Iterable[Path] = (), marker: bool = True) -> Iterator[Path]:
    """A temporary folder beside `target`; it replaces `target` if the block succeeds.

    The checks run first, so a refused target costs nothing and changes nothing. Without
    `marker` the new folder is the editor's from then on (a new cooperation's data): no
    later build may replace it."""
    resolved = check_target(target, protected)
    shown = display_path(target)
    with _as_refusal(shown):
        resolved.parent.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(resolved)
        stage = Path(tempfile.mkdtemp(prefix=f".{resolved.name}-ny-", dir=resolved.parent))
    try:
        with _as_refusal(shown):
            (stage / MARKER).write_text(MARKER_TEXT, encoding="utf-8")  # also marks a leftover as ours
        yield stage
        if not marker:
            (stage / MARKER).unlink()
        with _as_refusal(shown):
            _replace(stage, resolved)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _remove_leftovers(target: Path) -> None:
    """Staging folders that an interrupted build left beside `target` (they carry the marker)."""
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
    files: Mapping[str, str | bytes], target: Path, protected: Iterable[Path] = (), marker: bool = True
) -> None:
    """Write `{relative path: text or bytes}` as a folder that replaces `target` atomically."""
    with staging(target, protected, marker) as stage, _as_refusal(display_path(target)):
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


def copy_tree(source: Path, folder: Path) -> None:
    """Copy the folder `source` to `folder`, which must not exist yet (a part of a staged folder)."""
    shutil.copytree(source, folder)


def remove_file(path: Path) -> None:
    """Remove one file the generator wrote (in a staged folder or its cache); a missing file is fine."""
    path.unlink(missing_ok=True)


def scratch_folder(prefix: str) -> Path:
    """A new temporary folder with the marker, for files only the generator reads (the preview's sources)."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    return folder


def remove_scratch(folder: Path) -> None:
    """Remove a folder from `scratch_folder`, and nothing else: without the marker it stays."""
    if _ours(folder):
        shutil.rmtree(folder, ignore_errors=True)


def update_files(files: Mapping[str, str | bytes], before: Mapping[str, str | bytes], folder: Path) -> None:
    """Write into `folder` the files that are new or differ from `before`, and only those: the
    others keep their times, so that MkDocs' dirty build skips the pages that did not change."""
    write_files({path: content for path, content in files.items() if before.get(path) != content}, folder)


def as_bytes(content: str | bytes) -> bytes:
    """What a file holds on disk: text as UTF-8, binary files (Word, PNG) as they are."""
    return content if isinstance(content, bytes) else content.encode("utf-8")


def _replace(new: Path, target: Path) -> None:
    if not target.exists():
        new.rename(target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}-gammal-", dir=target.parent))
    old.rmdir()
    target.rename(old)
    try:
        new.rename(target)
    except OSError:
        old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def check_zip_target(target: Path, protected: Iterable[Path] = ()) -> None:
    """`OutputRefused` unless `target` may become the zip: a name ending in .zip, outside the
    data, the docs and git, and not an existing file that is no zip (a data file, a README)."""
    shown = display_path(target)
    resolved = target.resolve()
    if resolved.is_dir():
        raise OutputRefused(f"{shown}: är en mapp; ange ett filnamn för zip-filen, t.ex. handbok.zip")
    if target.suffix.lower() != ".zip":
        raise OutputRefused(f"{shown}: zip-filens namn ska sluta på .zip, t.ex. handbok.zip")
    for keep in (*protected, Path.cwd() / ".git"):
        kept = keep.resolve()
        if resolved == kept or kept in resolved.parents:
            raise OutputRefused(
                f"{shown}: ligger i {display_path(keep) or '.'}, som generatorn aldrig skriver i; "
                "välj en annan plats för zip-filen, t.ex. handbok.zip"
            )
    if resolved.is_file() and not zipfile.is_zipfile(resolved):
        raise OutputRefused(f"{shown}: finns redan och är ingen zip-fil, så den skrivs inte över")


def zip_tree(folder: Path, target: Path, when: datetime.date, name: str) -> None:
    """Pack `folder` as `name/…` into `target` (atomically), with sorted entries and one fixed
    date, so the same site always gives the same bytes. The marker file stays out."""
    shown = display_path(target)
    if target.is_dir():
        raise OutputRefused(f"{shown}: är en mapp; ange ett filnamn för zip-filen, t.ex. handbok.zip")
    if (folder.parent / name).resolve() in target.resolve().parents:  # the folder being replaced
        raise OutputRefused(f"{shown}: zip-filen kan inte ligga i mappen som den packar")
    _check_parent(target.resolve(), shown)
    stamp = (when.year, when.month, when.day, 0, 0, 0)
    with _as_refusal(shown):
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}-", dir=target.parent)
        os.close(fd)
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
    _check_parent(path.resolve(), shown)
    with _as_refusal(shown):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
        os.close(fd)
    try:
        with _as_refusal(shown):
            Path(temporary).write_bytes(as_bytes(text))
            Path(temporary).replace(path)
    finally:
        Path(temporary).unlink(missing_ok=True)


@contextlib.contextmanager
def _as_refusal(shown: str) -> Iterator[None]:
    """An operating-system error while writing, as a Swedish message naming the target."""
    try:
        yield
    except OSError as err:
        raise OutputRefused(f"{shown}: kunde inte skrivas ({_reason(err)})") from None


_REASONS = {
    errno.EACCES: "behörighet saknas",
    errno.EPERM: "behörighet saknas",
    errno.ENOSPC: "disken är full",
    errno.EROFS: "skrivskyddad disk",
    errno.ENOTDIR: "en del av sökvägen är en fil, inte en mapp",
    errno.EISDIR: "är en mapp",
    errno.ENAMETOOLONG: "namnet är för långt",
    errno.EXDEV: "ligger på en annan disk",
}


def _reason(err: OSError) -> str:
    return _REASONS.get(err.errno or 0, f"systemfel {err.errno}")
