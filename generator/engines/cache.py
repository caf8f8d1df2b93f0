"""A cache, by content, of the files that engines make from rendered text (PDF, PNG, Word).

WeasyPrint takes seconds per cooperation and CairoSVG most of a second per wheel, while the
rest of a build takes milliseconds per page; and both give the same bytes for the same input.
So each result is kept under the SHA-256 of everything that made it (the input text, the code
and engine versions: see binaries.py) and reused while all of that is unchanged. A site built
with the cache is byte for byte the one built without it; only an unchanged PDF costs nothing.

Like write.py this module touches the disk, and only its own folder: the folder carries the
generator's marker, a folder without it is refused, and the only files it ever removes are its
own entries, the least recently used first, when there are more than it keeps.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from ..errors import display_path
from ..write import MARKER, MARKER_TEXT, OutputRefused, check_target, remove_file, write_file

DEFAULT_FOLDER = Path(".cache/samverkanshandbok")
ENTRY = re.compile(r"[0-9a-f]{64}\.(pdf|png|docx|jinja)")
SPARE = 64  # entries kept beyond those a build used, e.g. the other variant of the offline copy


class Cache:
    """Files by key in `folder`. What a build makes is kept only when `save` is called after the
    build succeeded, so a refused or failed build writes nothing; a failure to read or write the
    cache only makes the build slower."""

    def __init__(self, folder: Path, protected: Iterable[Path] = ()) -> None:
        self.folder = folder
        self.used: set[str] = set()
        self.new: dict[str, bytes] = {}
        # A folder the generator did not write is never used, let alone trimmed; nor is the data or docs.
        check_target(folder, protected)
        for keep in protected:
            if keep.resolve() in folder.resolve().parents:  # e.g. docs/: MkDocs would publish the cache
                raise OutputRefused(f"{display_path(folder)}: cachen får inte ligga i {display_path(keep)}")

    def made(self, kind: str, parts: Sequence[str], make: Callable[[], bytes]) -> bytes:
        """The bytes `make()` gives for these parts: from the cache, or made now (kept by `save`)."""
        content = self.kept(kind, parts)
        if content is None:
            content = self.new[_name(kind, parts)] = make()
        return content

    def kept(self, kind: str, parts: Sequence[str]) -> bytes | None:
        """What was made before for these parts, if the cache has it."""
        name = _name(kind, parts)
        self.used.add(name)
        try:
            content = (self.folder / name).read_bytes()
            os.utime(self.folder / name)  # recently used: trimmed last
            return content
        except OSError:
            return self.new.get(name)

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
                write_file(self.folder / name, content)
            self.new = {}
            if trim:
                entries = [p for p in self.folder.iterdir() if ENTRY.fullmatch(p.name) and p.name not in self.used]
                entries.sort(key=lambda p: p.stat().st_mtime, reverse=True)
                for old in entries[SPARE:]:
                    remove_file(old)
        except (OSError, OutputRefused):
            return


def _name(kind: str, parts: Sequence[str]) -> str:
    return f"{hashlib.sha256(chr(0).join([kind, *parts]).encode('utf-8')).hexdigest()}.{kind}"


def made(cache: Cache | None, kind: str, parts: Sequence[str], make: Callable[[], bytes]) -> bytes:
    return make() if cache is None else cache.made(kind, parts, make)
