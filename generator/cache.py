"""A cache, by content, of the files that engines make from rendered text (PDF, PNG).

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
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from .errors import display_path
from .write import MARKER, MARKER_TEXT, OutputRefused, check_target

DEFAULT_FOLDER = Path(".cache/samverkanshandbok")
ENTRY = re.compile(r"[0-9a-f]{64}\.(pdf|png)")
SPARE = 64  # entries kept beyond those a build used, e.g. the other variant of the offline copy


class Cache:
    """Files by key in `folder`; every failure to read or write it only makes the build slower."""

    def __init__(self, folder: Path, protected: Iterable[Path] = ()) -> None:
        self.folder = folder
        self.used: set[str] = set()
        # A folder the generator did not write is never used, let alone trimmed; nor is the data or docs.
        check_target(folder, protected)
        for keep in protected:
            if keep.resolve() in folder.resolve().parents:  # e.g. docs/: MkDocs would publish the cache
                raise OutputRefused(f"{display_path(folder)}: cachen får inte ligga i {display_path(keep)}")

    def made(self, kind: str, parts: Sequence[str], make: Callable[[], bytes]) -> bytes:
        """The bytes `make()` gives for these parts: from the cache, or made now and kept."""
        content = self.kept(kind, parts)
        if content is None:
            content = make()
            self._keep(self._entry(kind, parts), content)
        return content

    def kept(self, kind: str, parts: Sequence[str]) -> bytes | None:
        """What was made before for these parts, if the cache has it."""
        entry = self._entry(kind, parts)
        self.used.add(entry.name)
        try:
            content = entry.read_bytes()
            os.utime(entry)  # recently used: trimmed last
            return content
        except OSError:
            return None

    def _entry(self, kind: str, parts: Sequence[str]) -> Path:
        digest = hashlib.sha256("\0".join([kind, *parts]).encode("utf-8")).hexdigest()
        return self.folder / f"{digest}.{kind}"

    def _keep(self, entry: Path, content: bytes) -> None:
        """Keep `content`; the folder is made at the first entry, so a refused build writes nothing."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if not (self.folder / MARKER).is_file():
                (self.folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
            fd, temporary = tempfile.mkstemp(prefix=".ny-", dir=self.folder)
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as stream:
                stream.write(content)
            Path(temporary).replace(entry)  # whole or not at all, also with two builds at once
        except OSError:
            Path(temporary).unlink(missing_ok=True)

    def trim(self) -> None:
        """Remove this cache's own entries beyond those used now and `SPARE` others, oldest first."""
        try:
            entries = [p for p in self.folder.iterdir() if ENTRY.fullmatch(p.name) and p.name not in self.used]
            entries.sort(key=lambda p: p.stat().st_mtime, reverse=True)
            for old in entries[SPARE:]:
                old.unlink()
        except OSError:
            return


def made(cache: Cache | None, kind: str, parts: Sequence[str], make: Callable[[], bytes]) -> bytes:
    return make() if cache is None else cache.made(kind, parts, make)
