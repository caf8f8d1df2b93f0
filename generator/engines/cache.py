"""A cache, by content, of the files that engines make from rendered text (PDF, PNG, Word).

WeasyPrint takes seconds per cooperation and CairoSVG most of a second per wheel, while the
rest of a build takes milliseconds per page; and both give the same bytes for the same input.
So each result is kept under the SHA-256 of everything that made it (the input text, the code
and engine versions: see binaries.py) and reused while all of that is unchanged. A site built
with the cache is byte for byte the one built without it; only an unchanged PDF costs nothing.

The cache is checked, never trusted: an entry is read only if it is a regular file (never
through a link, never waiting on a FIFO), and only if its first line, the SHA-256 of its key
and content, matches what follows; anything else is made anew and replaced. Like write.py
this module touches only its own folder: the folder carries the generator's marker, a folder
without it is refused, and the only files it ever removes are its own entries, the least
recently used first, when there are more than it keeps. A cache that cannot be written only
makes the build slower.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from ..errors import display_path
from ..write import MARKER, MARKER_TEXT, OutputRefused, check_target, remove_file, write_file

DEFAULT_FOLDER = Path(".cache/samverkanshandbok")
ENTRY = re.compile(r"[0-9a-f]{64}\.(pdf|png|docx|jinja|pages)")
SPARE = 64  # entries kept beyond those a build used, e.g. the other variant of the offline copy
HEADER = b"samverkanshandbok-cache-1 "
MAX_ENTRY = 200_000_000  # far beyond any PDF the handbook makes; a bigger entry is no entry of ours


class CacheUnavailable(Exception):
    """The cache's folder cannot be written; the message says why (the build goes on without it)."""


class Cache:
    """Files by key in `folder`. What a build makes is kept only when `save` is called after the
    build succeeded, so a refused or failed build writes nothing; a failure to read or write the
    cache only makes the build slower."""

    def __init__(self, folder: Path, protected: Iterable[Path] = ()) -> None:
        self.folder = folder
        self.used: set[str] = set()
        self.new: dict[str, bytes] = {}
        # A folder the generator did not write is never used, let alone trimmed; nor is the data or docs.
        try:
            check_target(folder, protected)
        except OutputRefused as refused:
            if not _writable(folder):
                raise CacheUnavailable(f"Cachen {display_path(folder)} kan inte skrivas") from refused
            raise
        for keep in protected:
            if keep.resolve() in folder.resolve().parents:  # e.g. docs/: MkDocs would publish the cache
                raise OutputRefused(f"{display_path(folder)}: cachen får inte ligga i {display_path(keep)}")
        if not _writable(folder):
            raise CacheUnavailable(f"Cachen {display_path(folder)} kan inte skrivas")

    def made(self, kind: str, parts: Sequence[str], make: Callable[[], bytes]) -> bytes:
        """The bytes `make()` gives for these parts: from the cache, or made now (kept by `save`)."""
        content = self.kept(kind, parts)
        if content is None:
            content = self.new[_name(kind, parts)] = make()
        return content

    def kept(self, kind: str, parts: Sequence[str]) -> bytes | None:
        """What was made before for these parts, if the cache has it and it is whole."""
        return self.read(_name(kind, parts))

    def entry_name(self, kind: str, parts: Sequence[str]) -> str:
        """The name of the entry for these parts, for an entry that names another (kept_pages.py)."""
        return _name(kind, parts)

    def read(self, name: str) -> bytes | None:
        """The entry called `name` if it is one of the cache's own and whole; None otherwise."""
        if not ENTRY.fullmatch(name):  # a name read from an entry never leads out of the folder
            return None
        self.used.add(name)
        if name in self.new:
            return self.new[name]
        content = _read_entry(self.folder / name)
        if content is None:
            return None
        with contextlib.suppress(OSError):
            os.utime(self.folder / name, follow_symlinks=False)  # recently used: trimmed last
        return content

    def keep(self, kind: str, parts: Sequence[str], content: bytes) -> None:
        """Keep `content` for these parts (when `save` is called), e.g. a template Jinja compiled."""
        name = _name(kind, parts)
        self.used.add(name)
        self.new[name] = content

    def save(self, trim: bool = True) -> None:
        """Keep what this build made; with `trim`, remove the cache's own entries beyond those used
        now and `SPARE` others, oldest first (a preview does not trim: it skips what did not change)."""
        try:
            if self.new:
                write_file(self.folder / MARKER, MARKER_TEXT)
            for name, content in self.new.items():
                write_file(self.folder / name, _sealed(name, content))
            self.new = {}
            if trim:
                entries = [p for p in self.folder.iterdir() if ENTRY.fullmatch(p.name) and p.name not in self.used]
                entries.sort(key=lambda p: p.lstat().st_mtime, reverse=True)
                for old in entries[SPARE:]:
                    remove_file(old)
        except (OSError, OutputRefused):
            return


def _writable(folder: Path) -> bool:
    """Whether the cache's folder, or the nearest folder above it that exists, takes new files."""
    ancestor = folder.absolute()
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    return ancestor.is_dir() and os.access(ancestor, os.W_OK | os.X_OK)


def _sealed(name: str, content: bytes) -> bytes:
    """The entry as stored: a first line with the digest of its name and content, then the content."""
    return HEADER + _digest(name, content) + b"\n" + content


def _digest(name: str, content: bytes) -> bytes:
    return hashlib.sha256(name.encode("ascii") + b"\0" + content).hexdigest().encode("ascii")


def _read_entry(path: Path) -> bytes | None:
    """The content of the entry at `path` if it is a regular file (not a link, not a FIFO) whose
    digest matches; None otherwise, and the entry is made anew."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY:
            return None
        with os.fdopen(os.dup(handle), "rb") as file:
            stored = file.read(MAX_ENTRY + 1)
    except OSError:
        return None
    finally:
        os.close(handle)
    first, _, content = stored.partition(b"\n")
    if first != HEADER + _digest(path.name, content):
        return None
    return content


def _name(kind: str, parts: Sequence[str]) -> str:
    return f"{hashlib.sha256(chr(0).join([kind, *parts]).encode('utf-8')).hexdigest()}.{kind}"


def made(cache: Cache | None, kind: str, parts: Sequence[str], make: Callable[[], bytes]) -> bytes:
    return make() if cache is None else cache.made(kind, parts, make)
