"""The C libraries under the engines (Pango, cairo, fontconfig), opened by their Linux file names.

WeasyPrint and cairocffi try several names for each library, Windows' and macOS' first
('libgobject-2.0-0', 'gobject-2.0-0') and the Linux file name ('libgobject-2.0.so.0') last.
cffi hands each name that is not a file's to `ctypes.util.find_library`, which on Linux runs
ldconfig, then gcc, then ld to look for it: about 10 ms for each name not found, 0.15 s of
WeasyPrint's 0.34 s import, on the longest path of a build without the cache (the worker
that makes the PDFs). The system's loader finds a file name on its own, the way it finds
every library those libraries need in turn. So while an engine binds its libraries
(`file_names_only`), `find_library` finds nothing at once and the engine goes on to the
file name: the same file is opened, and no program is run.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import sys
import threading
from collections.abc import Iterator

LINUX = sys.platform.startswith("linux")


_SEARCH = ctypes.util.find_library  # ctypes' own, given back after every use
_ONE_AT_A_TIME = threading.RLock()  # the preview imports engines in its threads


@contextlib.contextmanager
def file_names_only() -> Iterator[None]:
    """While an engine is imported: on Linux, its libraries are opened by file name, unsearched.
    Elsewhere (macOS, Windows) the engines' own names are what finds them: nothing changes.
    (cairocffi keeps the function it imported: its later lookups, of gdk-pixbuf for pictures
    inside an SVG, which the wheel has none of, go by file name too.)"""
    if not LINUX:
        yield
        return
    with _ONE_AT_A_TIME:
        ctypes.util.find_library = _not_searched
        try:
            yield
        finally:
            ctypes.util.find_library = _SEARCH


def opened(file_name: str, name: str) -> ctypes.CDLL | None:
    """The library `file_name` ('libpango-1.0.so.0'), or elsewhere than Linux the one ctypes finds
    by its `name` ('pango-1.0'); None when neither is there."""
    for candidate in (file_name, None if LINUX else ctypes.util.find_library(name)):
        if candidate:
            try:
                return ctypes.CDLL(candidate)
            except OSError:
                continue
    return None


def _not_searched(name: str) -> None:
    return None
