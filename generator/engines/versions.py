"""The versions of the drawing engines and the system libraries under them, for the cache key,
read without importing the engines: importing WeasyPrint and CairoSVG costs a warm build (where
nothing is drawn) more than a fifth of its time. The packages' versions come from their
metadata; cairo's and Pango's from the shared libraries, opened as the engines open them."""

from __future__ import annotations

import ctypes
import functools
import hashlib
import sys
from collections.abc import Iterable
from pathlib import Path

from .libraries import opened

METADATA = (".dist-info", ".egg-info")  # the folders that name an installed distribution and its version
# The libraries' Linux file names, which WeasyPrint (text/ffi.py) and cairocffi open, and their names elsewhere.
_LIBRARIES = {
    "pango": ("libpango-1.0.so.0", "pango-1.0"),
    "cairo": ("libcairo.so.2", "cairo"),
}


@functools.cache
def library_version(name: str) -> str:
    """'cairo 1.18.0', 'pango 15612': the version the library in use reports, or what is missing."""
    library = opened(*_LIBRARIES[name])
    if library is None:
        return f"{name} missing"  # the engine will say so in Swedish when it is needed
    if name == "cairo":
        library.cairo_version_string.restype = ctypes.c_char_p
        return f"cairo {library.cairo_version_string().decode('ascii')}"
    library.pango_version.restype = ctypes.c_int
    return f"pango {library.pango_version()}"


@functools.cache
def installed_packages() -> tuple[str, ...]:
    """Every installed distribution as its metadata folder's name ('weasyprint-70.0.dist-info'),
    which holds its name and version: listing the folders on the path takes a millisecond, while
    reading each package's metadata (importlib.metadata) took a fortieth of a second per build."""
    found: set[str] = set()
    for folder in sys.path:
        try:
            found.update(entry.name for entry in Path(folder or ".").iterdir() if entry.name.endswith(METADATA))
        except OSError:  # a zip on the path, or a folder that does not exist
            continue
    return tuple(sorted(found))


def digest(labels: Iterable[str], sources: Iterable[Path]) -> str:
    """The part of a cache key that names what makes an entry besides its input: `labels`
    (versions, a kind) and the bytes of the `sources` (code, templates, fonts; '-' for a missing one)."""
    hashed = hashlib.sha256("\n".join(labels).encode("utf-8"))
    for source in sources:
        hashed.update(source.read_bytes() if source.is_file() else b"-")
    return hashed.hexdigest()
