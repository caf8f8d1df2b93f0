"""The only module that writes to disk, and it does so atomically.

A build writes into a fresh staging folder beside the target and swaps it in
only when everything succeeded, so a failed build leaves the previous output
exactly as it was.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path


@contextlib.contextmanager
def staging(target: Path) -> Iterator[Path]:
    """A temporary folder beside `target`; it replaces `target` if the block succeeds."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{target.name}-ny-", dir=target.parent))
    try:
        yield stage
        _replace(stage, target)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def write_tree(files: Mapping[str, str | bytes], target: Path) -> None:
    """Write `{relative path: text or bytes}` as a folder that replaces `target` atomically."""
    with staging(target) as stage:
        for relative, content in sorted(files.items()):
            path = stage / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


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


def zip_tree(folder: Path, target: Path, when: datetime.date) -> None:
    """Pack `folder` into `target` (atomically), with sorted entries and one fixed date, so the
    same site always gives the same bytes."""
    stamp = (when.year, when.month, when.day, 0, 0, 0)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}-", dir=target.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                info = zipfile.ZipInfo(f"{folder.name}/{path.relative_to(folder).as_posix()}", stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, path.read_bytes())
        Path(temporary).replace(target)
    finally:
        Path(temporary).unlink(missing_ok=True)


def write_file(path: Path, text: str) -> None:
    """Write one file atomically: a reader sees the old file or the new, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    os.close(fd)
    try:
        Path(temporary).write_bytes(text.encode("utf-8"))
        Path(temporary).replace(path)
    finally:
        Path(temporary).unlink(missing_ok=True)
