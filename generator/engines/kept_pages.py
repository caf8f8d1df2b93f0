"""A cooperation's rendered files kept in the content cache, so that a build renders again only
the cooperations whose inputs changed.

Rendering a cooperation's pages, feeds and papers is a pure function of its model, the site's
settings, the calendar history and the generator's code: with all of them unchanged the files
are the same, so a warm build reads them back instead (rendering was most of what a warm build
spent beyond MkDocs itself). The key is everything the files are made from: the repr of the
frozen model (which prints every field but the source positions, which no page shows), the
settings, the history, the kind of URLs and a digest of the generator's code, Python's version
and the installed packages. The Word papers are entries of their own, kept by their `Papers`
(`word`): the pages' entry names them, so a paper is stored once and is read back only if it
is whole.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path

from ..model import Cooperation, Handbook
from ..render.papers.papers import Papers
from ..render.site import Files
from .cache import Cache
from .versions import digest, installed_packages

GENERATOR = Path(__file__).resolve().parent.parent
# What rendering reads besides the model: the code and the templates beside it.
_SOURCES = {".py", ".j2", ".css", ".html", ".md", ".json", ".yaml", ".svg"}


class KeptPages:
    """The `keep` and `word` that `render_site` takes, over `cache`."""

    def __init__(self, cache: Cache, handbook: Handbook, directory_urls: bool) -> None:
        self.cache = cache
        self.common = [_code(), repr(handbook.site), repr(handbook.history), str(directory_urls)]
        self.papers: dict[bytes, str] = {}  # each Word paper made or read this build, and its entry

    def word(self, kind: str, papers: Papers, make: Callable[[], bytes]) -> bytes:
        """A Word paper through the cache, under all it is made from (its `Papers`) but the code."""
        parts = [_code(), kind, repr(papers)]
        content = self.cache.made("docx", parts, make)
        self.papers[content] = self.cache.entry_name("docx", parts)
        return content

    def files(self, cooperation: Cooperation, render_files: Callable[[], Files]) -> Files:
        """The files of `cooperation` from the cache if they were rendered from the same inputs
        and every paper they name is whole; otherwise rendered now (and kept when the build succeeds)."""
        parts = [*self.common, repr(cooperation)]
        stored = self.cache.kept("pages", parts)
        files = self._read(stored, cooperation.id) if stored is not None else None
        if files is None:
            files = render_files()
            entry = self._entry(files)
            if entry is not None:
                self.cache.keep("pages", parts, entry)
        return files

    def _entry(self, files: Files) -> bytes | None:
        """The stored form: the text files, and the cache entry of each Word paper (None when a
        paper did not go through this cache, which would leave it out)."""
        text = {path: content for path, content in files.items() if isinstance(content, str)}
        binary = {path: content for path, content in files.items() if isinstance(content, bytes)}
        if any(content not in self.papers for content in binary.values()):
            return None
        entries = {path: self.papers[content] for path, content in binary.items()}
        return json.dumps({"text": text, "word": entries}, ensure_ascii=False).encode("utf-8")

    def _read(self, stored: bytes, cooperation_id: str) -> Files | None:
        """The files an entry holds, or None if it is not what `_entry` writes: the seal only
        shows that an entry is whole, not who wrote it, so nothing in it is trusted further."""
        try:
            entry = json.loads(stored)
            text, entries = entry["text"], entry["word"]
        except (ValueError, TypeError, KeyError, RecursionError):
            return None
        if not (isinstance(text, dict) and isinstance(entries, dict)):
            return None
        if not all(isinstance(value, str) for value in (*text.values(), *entries.values())):
            return None
        if not all(_own_path(path, cooperation_id) for path in (*text, *entries)):
            return None
        if not all(name.endswith(".docx") for name in entries.values()):
            return None
        files: Files = dict(text)
        for path, name in entries.items():
            paper = self.cache.read(name)
            if paper is None:  # trimmed or damaged: render the cooperation again
                return None
            files[path] = paper
        return files


def _own_path(path: str, cooperation_id: str) -> bool:
    """A path a cooperation's files may have: inside its own folder, relative, no '..', no
    backslash, no control character (an entry cannot place a file elsewhere, e.g. the home page)."""
    parts = path.split("/")
    return (
        len(parts) > 1
        and parts[0] == cooperation_id
        and all(part not in ("", ".", "..") for part in parts)
        and "\\" not in path
        and path.isprintable()
    )


@functools.cache
def _code() -> str:
    """A digest of the generator's source files, Python's version and the installed packages'."""
    sources = [p for p in sorted(GENERATOR.rglob("*")) if p.suffix in _SOURCES and "__pycache__" not in p.parts]
    return digest([sys.version, *installed_packages()], sources)
